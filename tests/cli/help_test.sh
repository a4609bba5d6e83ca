#!/usr/bin/env bash
# help_test.sh ROOTGUARD SOURCE_DIR: every --help, walked from `rootguard --help`'s subcommands as
# man_test.sh does. In English (LANG=C) each is byte-identical to tests/cli/data/help/<words>.txt (the
# binary's path shown as "rootguard"); with --lang ja, and with LANG=ja_JP.UTF-8, each differs from the
# English and holds no English phrase (tests/i18n/find_english.py). --lang en beats LANG=ja. The hidden
# commands too; and the man page and the completion scripts stay English under LANG=ja.
set -euo pipefail
bin=$1
src=$2
unset LC_ALL LC_MESSAGES # LANG alone chooses, below
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}
commands=0
walk() {
  local words="$*"
  local name=${words// /-}
  name=${name:-rootguard}
  commands=$((commands + 1))
  LANG=C "$bin" "$@" --help | sed "s#$bin#rootguard#g" >"$tmp/$name.en"
  if [ -n "${RG_UPDATE_GOLDEN:-}" ]; then # scripts/update-golden: accept the English as it now is
    cp "$tmp/$name.en" "$src/tests/cli/data/help/$name.txt"
  fi
  cmp -s "$tmp/$name.en" "$src/tests/cli/data/help/$name.txt" ||
    fail "rootguard $words --help (English) differs from tests/cli/data/help/$name.txt (scripts/update-golden to accept):
$(diff "$src/tests/cli/data/help/$name.txt" "$tmp/$name.en" || true)"
  LANG=C "$bin" "$@" --help --lang ja >"$tmp/$name.ja"
  LANG=ja_JP.UTF-8 "$bin" "$@" --help >"$tmp/$name.lang-ja"
  LANG=ja_JP.UTF-8 "$bin" "$@" --help --lang=en | sed "s#$bin#rootguard#g" >"$tmp/$name.lang-en"
  cmp -s "$tmp/$name.ja" "$tmp/$name.lang-ja" || fail "rootguard $words --help: --lang ja and LANG=ja differ"
  cmp -s "$tmp/$name.en" "$tmp/$name.lang-en" || fail "rootguard $words --help: --lang=en under LANG=ja is not English"
  cmp -s "$tmp/$name.en" "$tmp/$name.ja" && fail "rootguard $words --help --lang ja is the English"
  local sub
  # shellcheck disable=SC2013 # subcommand names are single words
  for sub in $(awk '/^Subcommands:/ {f = 1; next} /^[^ ]/ {f = 0} f && /^  [a-z]/ {print $1}' "$tmp/$name.en"); do
    walk "$@" "$sub"
  done
}
walk
# The hidden commands, which the listing leaves out, have a --help too.
walk snapshot
walk snapshot layout
walk completion
walk man
# The man page and the completion scripts render the same tree, untranslated, whatever the language.
for words in "man" "completion bash" "completion zsh" "completion fish"; do
  # shellcheck disable=SC2086 # the words are separate arguments
  LANG=C "$bin" $words >"$tmp/generated.en"
  # shellcheck disable=SC2086
  LANG=ja_JP.UTF-8 "$bin" $words >"$tmp/generated.lang-ja"
  cmp -s "$tmp/generated.en" "$tmp/generated.lang-ja" || fail "rootguard $words under LANG=ja is not the English"
done
[ "$commands" -ge 16 ] || fail "only $commands commands walked"
python3 "$src/tests/i18n/find_english.py" "$tmp"/*.ja || fail "English left in --help --lang ja"
if [ "$failures" -ne 0 ]; then
  exit 1
fi
echo "help: $commands commands, English unchanged, Japanese complete"

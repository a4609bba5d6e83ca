#!/usr/bin/env bash
# man_test.sh ROOTGUARD: `rootguard man` is a man(7) page that groff renders without a warning, with a
# section for every subcommand and every option --help lists. Without groff only the structure is checked.
set -euo pipefail
bin=$1
export LANG=C LC_ALL=C
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" man >"$tmp/rootguard.1"
page=$tmp/rootguard.1
failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}
for section in '^\.TH ROOTGUARD 1 ' '^\.SH NAME$' '^\.SH SYNOPSIS$' '^\.SH DESCRIPTION$' '^\.SH OPTIONS$' \
  '^\.SH COMMANDS$' '^\.SH "EXIT STATUS"$' '^\.SH ENVIRONMENT$'; do
  grep -q "$section" "$page" || fail "no $section"
done
grep -q '^$' "$page" && fail "blank line in the roff source"

walk() {
  local help
  help=$("$bin" "$@" --help)
  if [ $# -gt 0 ]; then
    grep -qxF ".SS \"rootguard $*\"" "$page" || fail "no section for rootguard $*"
  fi
  local name
  for name in $(printf '%s\n' "$help" | awk '/^Options:/ {f = 1; next} /^[^ ]/ {f = 0} f' |
    grep -oE '^ +(-[A-Za-z0-9],)*--[A-Za-z0-9-]+' | tr -d ' ' | tr ',' ' '); do
    grep -qF -- "${name//-/\\-}" "$page" || fail "rootguard $* $name missing"
  done
  local sub
  for sub in $(printf '%s\n' "$help" | awk '/^Subcommands:/ {f = 1; next} /^[^ ]/ {f = 0} f && /^  [a-z]/ {print $1}'); do
    walk "$@" "$sub"
  done
}
walk

if command -v groff >/dev/null; then
  groff -man -Tutf8 -ww -z "$page" 2>"$tmp/warnings" || fail "groff failed"
  if [ -s "$tmp/warnings" ]; then
    cat "$tmp/warnings" >&2
    fail "groff warnings"
  fi
  # grep reads to the end (no -q): a grep that quits early leaves groff or man a SIGPIPE, which pipefail
  # reports as a failure once the page outgrows the pipe buffer.
  groff -man -Tutf8 -P-cbou "$page" 2>/dev/null | grep 'rootguard scan' >/dev/null || fail "rendered page lacks rootguard scan"
else
  echo "groff not installed: structure only"
fi
if command -v man >/dev/null; then
  MANWIDTH=80 man -l "$page" 2>"$tmp/man-warnings" | sed 's/.\x08//g' | grep 'EXIT STATUS' >/dev/null || fail "man -l did not render"
fi
if [ "$failures" -ne 0 ]; then
  exit 1
fi
echo "man page: ok"

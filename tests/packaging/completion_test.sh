#!/usr/bin/env bash
# completion_test.sh ROOTGUARD SHELL: `rootguard completion SHELL` is valid SHELL syntax and names every
# subcommand and option that --help lists (walked independently, from the --help text), and completes the
# first words as a user would type them. Exit 77 (skipped) when SHELL is not installed.
set -euo pipefail
bin=$1 shell=$2
if ! command -v "$shell" >/dev/null; then
  echo "$shell not installed: skipped"
  exit 77
fi
export LANG=C LC_ALL=C
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
script=$tmp/rootguard.$shell
"$bin" completion "$shell" >"$script"
"$shell" -n "$script"

failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

# Every visible command path and option, read from --help (CLI11's "Subcommands:" and "Options:" sections).
walk() {
  local help
  help=$("$bin" "$@" --help)
  local option
  while read -r option; do
    [ -n "$option" ] || continue
    local name
    for name in ${option//,/ }; do
      case $shell in
        fish)
          if [[ $name == --* ]]; then
            grep -qF -- "-l ${name#--}" "$script" || fail "$* $name missing"
          else
            grep -qF -- "-s ${name#-}" "$script" || fail "$* $name missing"
          fi
          ;;
        *) grep -qF -- "$name" "$script" || fail "$* $name missing" ;;
      esac
    done
  done < <(printf '%s\n' "$help" | awk '/^Options:/ {f = 1; next} /^[^ ]/ {f = 0} f' |
    grep -oE '^ +(-[A-Za-z0-9],)*--[A-Za-z0-9-]+' | tr -d ' ')
  local sub
  for sub in $(printf '%s\n' "$help" | awk '/^Subcommands:/ {f = 1; next} /^[^ ]/ {f = 0} f && /^  [a-z]/ {print $1}'); do
    grep -qw -- "$sub" "$script" || fail "command $* $sub missing"
    walk "$@" "$sub"
  done
}
walk
[ "$(grep -c . <<<"$("$bin" --help)")" -gt 0 ]

# What a user gets at the prompt.
# shellcheck disable=SC2016 # $1, $@ and $argv are the inner shell's
case $shell in
  bash)
    got=$(bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _rootguard; printf "%s\n" "${COMPREPLY[@]}"' _ "$script" rootguard sc)
    grep -qx scan <<<"$got" || fail "bash: rootguard sc<TAB> gave: $got"
    got=$(bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _rootguard; printf "%s\n" "${COMPREPLY[@]}"' _ "$script" rootguard scan --lang '')
    [ "$(tr '\n' ' ' <<<"$got")" = "en ja " ] || fail "bash: rootguard scan --lang <TAB> gave: $got"
    got=$(bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _rootguard; printf "%s\n" "${COMPREPLY[@]}"' _ "$script" rootguard controls l)
    grep -qx list <<<"$got" || fail "bash: rootguard controls l<TAB> gave: $got"
    ;;
  fish)
    got=$(fish --no-config -c 'source $argv[1]; complete -C "rootguard sc"' "$script")
    grep -q '^scan' <<<"$got" || fail "fish: rootguard sc<TAB> gave: $got"
    got=$(fish --no-config -c 'source $argv[1]; complete -C "rootguard scan --lang "' "$script")
    [ "$(cut -f1 <<<"$got" | tr '\n' ' ')" = "en ja " ] || fail "fish: rootguard scan --lang <TAB> gave: $got"
    ;;
esac

if [ "$failures" -ne 0 ]; then
  exit 1
fi
echo "completion $shell: ok"

#!/usr/bin/env bash
# The scan and trail tables in real terminals of 80 and 120 columns (tmux), in English and Japanese: no
# line runs past the right edge (East Asian width), reasons wrap with a hanging indent, no ARN is split,
# and nothing is lost against the same run piped (where nothing wraps). Exit 77 (skip) without tmux.
#   terminal_width_test.sh BINARY SOURCE_DIR
set -euo pipefail
binary=$1
source_dir=$2
command -v tmux >/dev/null || { echo "tmux not installed"; exit 77; }
work=$(mktemp -d)
socket="rootguard-width-$$"
trap 'tmux -L "$socket" kill-server >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
cd "$source_dir"

printf 'set -g history-limit 100000\n' >"$work/tmux.conf"

# Runs `rootguard ARGS...` on the pane's own terminal in a detached tmux window WIDTH columns wide, then
# prints the whole pane history with the lines tmux itself wrapped joined again (-J): a line rootguard
# wrote too long shows as one overlong line.
in_terminal() {
  local width=$1
  shift
  local quoted
  quoted=$(printf '%q ' "$binary" "$@")
  tmux -L "$socket" -f "$work/tmux.conf" new-session -d -x "$width" -y 50 -s "w$width" \
    "cd $(printf '%q' "$source_dir") && env -u COLUMNS $quoted; tmux -L $socket wait-for -S done; sleep 120"
  tmux -L "$socket" wait-for done
  tmux -L "$socket" capture-pane -p -J -S - -E - -t "w$width"
  tmux -L "$socket" kill-server >/dev/null 2>&1 || true
}

status=0
for width in 80 120; do
  for lang in en ja; do
    args=(scan --snapshot examples/example-org --lang "$lang" --color never)
    in_terminal "$width" "${args[@]}" >"$work/pane"
    "$binary" "${args[@]}" >"$work/piped" 2>/dev/null || true
    python3 "$source_dir/tests/cli/check_terminal_capture.py" "$width" "$work/pane" "$work/piped" \
      "scan $lang $width" || status=1
  done
done
exit $status

#!/usr/bin/env python3
"""Checks a tmux capture of a rootguard table against the same run piped.

usage: check_terminal_capture.py WIDTH PANE PIPED LABEL
- no pane line is wider than WIDTH columns (East Asian Wide/Fullwidth count two);
- at least one reason wrapped (the piped run has lines wider than WIDTH, or there is nothing to test);
- every continuation line hangs: indented past the row's status column;
- every ARN of the piped run appears whole in the pane (none split across lines);
- the words are the same: joining the pane's lines gives the piped text, whitespace aside.
"""
import re
import sys
import unicodedata


def width(text):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1
               for c in text)


def main():
    columns, pane_file, piped_file, label = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
    pane = open(pane_file, encoding="utf-8").read().rstrip("\n").split("\n")
    piped = open(piped_file, encoding="utf-8").read().rstrip("\n").split("\n")
    while pane and not pane[-1].strip():
        pane.pop()
    errors = []
    for number, line in enumerate(pane, 1):
        if width(line) > columns:
            errors.append(f"line {number} is {width(line)} columns: {line!r}")
    if not any(width(line) > columns for line in piped):
        errors.append("nothing in the piped run is wider than the terminal: the test proves nothing")
    if len(pane) <= len(piped):
        errors.append(f"{len(pane)} pane lines for {len(piped)} piped ones: nothing wrapped")
    # A continuation line: not a header, a row, an account line or a summary; it must hang (indented).
    for number, line in enumerate(pane, 1):
        if line and not line.startswith(" ") and number > 1 and pane[number - 2].startswith("   "):
            errors.append(f"line {number} does not hang under the line before: {line!r}")
    arn = re.compile(r"arn:[A-Za-z0-9:/_+=,.@*-]+")
    pane_text = "\n".join(pane)
    for found in sorted(set(arn.findall("\n".join(piped)))):
        if found not in pane_text:
            errors.append(f"ARN split or lost: {found}")
    squash = lambda lines: re.sub(r"\s+", "", "".join(lines))
    if squash(pane) != squash(piped):
        errors.append("the pane's text is not the piped text re-wrapped")
    for error in errors:
        print(f"{label}: {error}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())

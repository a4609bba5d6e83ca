#!/usr/bin/env bash
# japanese_output_test.sh ROOTGUARD SOURCE_DIR: everything a person reads with --lang ja is Japanese.
# Runs every surface over the bundled example and over the bad-input corpora (so every problem message
# the readers produce is seen), plus the usage and fatal errors, and fails on any English phrase left
# outside identifiers, values and AWS names (find_english.py says what counts).
set -euo pipefail
bin=$1
src=$2
example=$src/examples/example-org
corpus=$src/tests/corpus
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
export LANG=C LC_ALL=C NO_COLOR=1
ja() { "$bin" "$@" --lang ja; }

# Posture, activity, catalog and policies.
ja scan --snapshot "$example" >"$out/scan.txt" 2>"$out/scan.err" || true
ja scan --snapshot "$example" --format html --output "$out/scan.html" 2>>"$out/scan.err" || true
ja trail "$example" >"$out/trail.txt" 2>"$out/trail.err" || true
for folder in trail trail-damage trail-records inflate; do
  ja trail "$corpus/$folder" >"$out/trail-$folder.txt" 2>&1 || true
done
ja controls list >"$out/controls.txt"
ja controls list --format markdown >"$out/controls.md"
for policy in "$src"/examples/policies/*.json "$corpus"/policy/*; do
  ja policy check "$policy" --type scp >>"$out/policy.txt" 2>&1 || true
done
ja fix --snapshot "$example" --output-dir "$out/fix" >"$out/fix.txt" 2>&1 || true

# Every problem the snapshot readers can report: each bad file planted where several readers look.
targets=(
  accounts/222222222222/iam/GetAccountSummary.json
  accounts/222222222222/iam/ListVirtualMFADevices.json
  accounts/222222222222/iam/GetCredentialReport.json
  accounts/222222222222/regions/us-east-1/guardduty/ListDetectors.json
  accounts/222222222222/regions/us-east-1/guardduty/GetFindings.json
  accounts/222222222222/regions/us-east-1/cloudtrail/DescribeTrails.json
  accounts/222222222222/regions/us-east-1/logs/DescribeMetricFilters.json
  accounts/222222222222/regions/us-east-1/cloudwatch/DescribeAlarms.json
  organization/ListRoots.json
  organization/DescribeOrganization.json
  organization/ListPolicies-SERVICE_CONTROL_POLICY.json
)
n=0
for bad in "$corpus"/snapshot-json/* "$corpus"/aws-answers/* "$corpus"/credential-report/*; do
  n=$((n + 1))
  rm -rf "$out/snapshot"
  cp -r "$example" "$out/snapshot"
  for target in "${targets[@]}"; do
    cp "$bad" "$out/snapshot/$target"
  done
  ja scan --snapshot "$out/snapshot" >"$out/damaged-$n.txt" 2>&1 || true
done
rm -rf "$out/snapshot"

# Usage and fatal errors.
mkdir -p "$out/empty"
errors=(
  "scan --snapshot $out/none"
  "scan --snapshot $src/README.md"
  "scan"
  "scn"
  "scan --snaphot $example"
  "scan --snapshot $example --accounts 12345"
  "scan --snapshot $example --status maybe"
  "scan --snapshot $example --severity huge"
  "scan --snapshot $example --controls no-such-control"
  "scan --snapshot $example --format nope"
  "scan --snapshot $example --format json --format csv"
  "trail $out/empty"
  "trail $example --since 2026-12-01 --until 2026-01-01"
  "policy check $out/empty --type scp"
  "policy check - - --type scp"
  "diff --store $out/none.db"
  "trail $example --shard 3/3 --part-output $out/x.json"
  "trail $example --shard 0/2"
  "trail $example --shard auto --part-output $out/x.json"
  "trail $example --shard-count 2 --shard 0/2 --part-output $out/x.json"
  "trail $example --shard 0/2 --part-output $out/x.json --verify-digests"
  "trail $example --shard 0/2 --part-output $out/x.json --store $out/s.db"
  "merge $out/none.json"
)
# merge: every refusal of a bad part (tests/corpus/trail-part), and of a wrong set of parts.
for part in "$corpus"/trail-part/*.json; do
  ja merge "$part" >/dev/null 2>>"$out/merge-errors.txt" || true
done
for i in 0 1 2; do
  "$bin" trail "$src/tests/cli/data/trail" --shard "$i/3" --part-output "$out/part-$i.json" 2>/dev/null
done
"$bin" trail "$src/tests/cli/data/trail" --shard 1/3 --since 2026-11-21 --part-output "$out/other.json" 2>/dev/null
"$bin" trail "$src/tests/cli/data/trail" --shard 0/2 --part-output "$out/half.json" 2>/dev/null
ja merge "$out/part-0.json" "$out/part-2.json" 2>>"$out/merge-errors.txt" >/dev/null || true
ja merge "$out/part-0.json" "$out/part-1.json" "$out/part-1.json" 2>>"$out/merge-errors.txt" >/dev/null || true
ja merge "$out/part-0.json" "$out/other.json" "$out/part-2.json" 2>>"$out/merge-errors.txt" >/dev/null || true
ja merge "$out/part-0.json" "$out/half.json" 2>>"$out/merge-errors.txt" >/dev/null || true
ja merge "$out/part-2.json" "$out/part-0.json" "$out/part-1.json" >"$out/merged.txt" 2>&1 || true
rm -f "$out"/part-*.json "$out/other.json" "$out/half.json"
for args in "${errors[@]}"; do
  # shellcheck disable=SC2086 # the words of each command line are meant to split
  ja $args >/dev/null 2>>"$out/errors.txt" </dev/null || true
done

# Nothing above may be silent: each surface wrote something.
for file in scan.txt trail.txt controls.txt controls.md policy.txt errors.txt damaged-1.txt; do
  [ -s "$out/$file" ] || { echo "FAIL: $file is empty" >&2; exit 1; }
done
# The HTML's visible text: tags, scripts and styles removed.
python3 - "$out/scan.html" >"$out/scan.html.txt" <<'PY'
import html, re, sys
page = open(sys.argv[1], encoding="utf-8").read()
page = re.sub(r"(?s)<(script|style|pre|code)\b.*?</\1>", " ", page)
print(html.unescape(re.sub(r"<[^>]+>", "\n", page)))
PY
rm -f "$out/scan.html"
mapfile -t files < <(find "$out" -type f | sort)
python3 "$src/tests/i18n/find_english.py" "${files[@]}"
echo "Japanese output: ${#files[@]} files, no English left"

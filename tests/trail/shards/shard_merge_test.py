#!/usr/bin/env python3
"""`trail --shard I/N --part-output` then `merge` gives the unsharded run's report, byte for byte.

Usage: shard_merge_test.py ROOTGUARD SOURCE_DIR

A corpus in the CloudTrail layout is generated here: three accounts (one through an organization trail),
three regions, five days, root and non-root events, a damaged file (truncated gzip) and files outside the
layout (a lookup-events file with an unreadable eventTime, a bare .json at the top), next to the repo's
small trail folder (a digest, a file that is not gzip). For N = 1, 2, 3 and 7 every shard writes its part,
the parts are merged in a shuffled order, and the merge's stdout (or --output-dir files) and exit code must
equal the unsharded run's in every --format trail takes, in English and Japanese, with and without a
mutelist. Then every refusal of merge (another run, a missing or duplicated shard, another part version,
another rootguard, a truncated or edited part) and of --shard (bad I/N, --verify-digests, --mutelist,
--store) is checked for its exit code and a message that names the file or option.
"""
import gzip
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

ROOTGUARD = sys.argv[1]
SOURCE = sys.argv[2]
ORG = "o-shard12345"
ACCOUNTS = ["111111111111", "222222222222", "333333333333"]
REGIONS = ["ap-northeast-1", "eu-west-1", "us-east-1"]
DAYS = ["2026/10/01", "2026/10/02", "2026/10/03", "2026/10/04", "2026/10/05"]
FORMATS = ["table", "json", "jsonl", "asff", "ocsf", "sarif", "csv", "html"]
failures = []


def event(account, region, day, n, root):
    time = f"{day.replace('/', '-')}T{n % 24:02}:{n % 60:02}:11Z"
    base = {"eventVersion": "1.08", "eventTime": time, "awsRegion": region, "sourceIPAddress": "198.51.100.7",
            "userAgent": "aws-cli/2.15.0", "eventID": f"{account}-{region}-{day.replace('/', '')}-{n:04}",
            "eventType": "AwsApiCall", "recipientAccountId": account}
    identity = {"type": "Root", "principalId": account, "arn": f"arn:aws:iam::{account}:root",
                "accountId": account}
    if root and n % 2 == 0:
        base.update({"eventName": "ConsoleLogin", "eventSource": "signin.amazonaws.com",
                     "eventType": "AwsConsoleSignIn", "userIdentity": identity,
                     "responseElements": {"ConsoleLogin": "Success"},
                     "additionalEventData": {"MFAUsed": "No"}})
    elif root:
        base.update({"eventName": "CreateAccessKey", "eventSource": "iam.amazonaws.com",
                     "userIdentity": dict(identity, accessKeyId="ASIAEXAMPLE")})
    else:
        base.update({"eventName": "DescribeInstances", "eventSource": "ec2.amazonaws.com",
                     "userIdentity": {"type": "IAMUser", "principalId": "AIDAEXAMPLE",
                                      "arn": f"arn:aws:iam::{account}:user/alice", "accountId": account}})
    return base


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def make_corpus(root):
    n = 0
    for a, account in enumerate(ACCOUNTS):
        top = f"AWSLogs/{ORG}/{account}" if a == 0 else f"AWSLogs/{account}"
        for region in REGIONS:
            for d, day in enumerate(DAYS):
                for f in range(2):
                    compact = day.replace("/", "")
                    key = (f"{top}/CloudTrail/{region}/{day}/"
                           f"{account}_CloudTrail_{region}_{compact}T{f:02}05Z_{a}{d}{f}abcdefgh.json.gz")
                    records = []
                    for _ in range(1 + n % 3):
                        n += 1
                        records.append(event(account, region, day, n, root=(n % 5 == 0)))
                    write(os.path.join(root, key), gzip.compress(json.dumps({"Records": records}).encode(),
                                                                 mtime=0))
    # A damaged file in the layout: the first half of a gzip member.
    whole = gzip.compress(json.dumps({"Records": [event(ACCOUNTS[1], "us-east-1", DAYS[2], i, True)
                                                  for i in range(30)]}).encode(), mtime=0)
    write(os.path.join(root, f"AWSLogs/{ACCOUNTS[1]}/CloudTrail/us-east-1/{DAYS[2]}/"
                             f"{ACCOUNTS[1]}_CloudTrail_us-east-1_20261003T2305Z_truncatedxx.json.gz"),
          whole[: len(whole) // 2])
    # Outside the layout: no account, region and day to shard by.
    shutil.copy(os.path.join(SOURCE, "tests/corpus/trail-damage/unparseable-event-time.json"),
                os.path.join(root, "lookup-events.json"))
    write(os.path.join(root, "exports/root-logins.json"),
          json.dumps({"Records": [event(ACCOUNTS[2], "eu-west-1", DAYS[4], 10, True)]}).encode())


def rootguard(args, cwd=None, env=None):
    return subprocess.run([ROOTGUARD, *args], capture_output=True, cwd=cwd, env=env)


def read_outputs(folder):
    return {name: open(os.path.join(folder, name), "rb").read() for name in sorted(os.listdir(folder))}


def sharded(inputs, n, work, extra_trail=()):
    """The parts of an N-shard run, in a shuffled order (merge takes them in any order)."""
    parts = []
    for i in range(n):
        part = os.path.join(work, f"part-{n}-{i}.json")
        done = rootguard(["trail", *inputs, "--shard", f"{i}/{n}", "--part-output", part, "--threads", "2",
                          *extra_trail])
        if done.returncode != 0:
            failures.append(f"shard {i}/{n}: exit {done.returncode}: {done.stderr.decode()}")
        parts.append(part)
    random.Random(n).shuffle(parts)
    return parts


def compare(label, unsharded, merged):
    if unsharded.returncode != merged.returncode:
        failures.append(f"{label}: exit {merged.returncode} from merge, {unsharded.returncode} unsharded: "
                        f"{merged.stderr.decode()[:400]}")
    if unsharded.stdout != merged.stdout:
        failures.append(f"{label}: merge's output differs from the unsharded run's "
                        f"({len(merged.stdout)} against {len(unsharded.stdout)} bytes)")


def check_identical(inputs, work):
    mutelist = os.path.join(work, "mutelist.yaml")
    with open(mutelist, "w") as f:
        f.write("version: 1\nmutes:\n  - detection: root-access-key-created\n    account: \"222222222222\"\n"
                "    reason: drill\n    expires: 2027-01-31\n")
    cases = [[]] + [["--format", fmt] for fmt in FORMATS]
    cases += [["--format", fmt, "--lang", "ja"] for fmt in FORMATS]
    cases += [["--format", "json", "--mutelist", mutelist, "--mutelist-date", "2026-12-01"],
              ["--format", "table", "--lang", "ja", "--mutelist", mutelist, "--mutelist-date", "2026-12-01"]]
    unsharded = {}
    for case in cases:
        unsharded[tuple(case)] = rootguard(["trail", *inputs, "--threads", "2", *case])
    whole_dir = os.path.join(work, "whole-out")
    whole_many = rootguard(["trail", *inputs, "--output-dir", whole_dir, *sum((["--format", f] for f in FORMATS),
                                                                                [])])
    if whole_many.returncode != 3:
        failures.append(f"the corpus should give findings (exit 3), got {whole_many.returncode}")
    doc = json.loads(unsharded[("--format", "json")].stdout)
    summary = doc["summary"]
    print(f"unsharded: {summary['files']} files, {summary['events']} events, {summary['matched']} matched, "
          f"{len(summary['errors'])} problems, exit {unsharded[('--format', 'json')].returncode}")
    if summary["matched"] < 10 or not summary["errors"] or summary["files_failed"] < 2:
        failures.append("the corpus should have matches and damaged files")
    for n in (1, 2, 3, 7):
        parts = sharded(inputs, n, work)
        files = [json.load(open(p))["scan"]["files"] for p in parts]
        if sum(files) != summary["files"]:
            failures.append(f"N={n}: the shards read {sum(files)} files in all, the unsharded run {summary['files']}")
        for case in cases:
            compare(f"N={n} {' '.join(case) or '(table)'}", unsharded[tuple(case)],
                    rootguard(["merge", *parts, *case]))
        merged_dir = os.path.join(work, f"merged-out-{n}")
        merged_many = rootguard(["merge", *parts, "--output-dir", merged_dir,
                                 *sum((["--format", f] for f in FORMATS), [])])
        if merged_many.returncode != whole_many.returncode or read_outputs(merged_dir) != read_outputs(whole_dir):
            failures.append(f"N={n}: --output-dir files differ from the unsharded run's")
        print(f"N={n}: shard files {files}; every format identical" if not failures else f"N={n}: checked")
    return sharded(inputs, 3, work)


def expect_refusal(label, args, code, *needles):
    done = rootguard(args)
    err = done.stderr.decode()
    if done.returncode != code or not all(needle in err for needle in needles):
        failures.append(f"{label}: expected exit {code} naming {needles}, got {done.returncode}: {err.strip()}")
    for text in (err, done.stdout.decode()):
        if "Traceback" in text or "terminate called" in text:
            failures.append(f"{label}: crashed: {text}")


def check_refusals(inputs, parts, work):
    by_index = {json.load(open(p))["shard"]["index"]: p for p in parts}
    p0, p1, p2 = by_index[0], by_index[1], by_index[2]
    expect_refusal("missing shard", ["merge", p0, p2], 2, "shard 1/3 is missing")
    expect_refusal("duplicated shard", ["merge", p0, p1, p2, p1], 2, "shard 1/3 is given twice", p1)
    other_n = sharded(inputs, 2, work)
    expect_refusal("another N", ["merge", p0, p1, p2, other_n[0]], 2, other_n[0], "of 3 shards")
    other_run = os.path.join(work, "other-run.json")
    rootguard(["trail", *inputs, "--shard", "1/3", "--part-output", other_run, "--since", "2026-10-02"])
    expect_refusal("another run", ["merge", p0, other_run, p2], 2, other_run, "--since differs")

    def edited(name, change):
        doc = json.load(open(p1))
        change(doc)
        path = os.path.join(work, name)
        with open(path, "w") as f:
            json.dump(doc, f)
        return path

    version = edited("v2.json", lambda d: d.update(rootguard_trail_part=2))
    expect_refusal("another part version", ["merge", p0, version, p2], 1, version, "part version 2")
    tool = edited("tool.json", lambda d: d["run"].update(tool_version="0.0.0-other"))
    expect_refusal("another rootguard", ["merge", p0, tool, p2], 1, tool, "written by rootguard 0.0.0-other")
    bad_count = edited("bad-count.json", lambda d: d["scan"].update(files=-3))
    expect_refusal("edited count", ["merge", p0, bad_count, p2], 1, bad_count, "$.scan.files")
    truncated = os.path.join(work, "truncated.json")
    data = open(p1, "rb").read()
    with open(truncated, "wb") as f:
        f.write(data[: len(data) // 2])
    expect_refusal("truncated part", ["merge", p0, truncated, p2], 1, truncated, "byte ")
    expect_refusal("no such part", ["merge", p0, os.path.join(work, "nowhere.json"), p2], 1, "nowhere.json")
    for bad in ("3/3", "-1/3", "1/0", "+1/3", "1 /3", "a/b", "1", "1/3/5", "0/10001", ""):
        expect_refusal(f"--shard {bad!r}", ["trail", *inputs, "--shard", bad, "--part-output",
                                            os.path.join(work, "x.json")], 2, "--shard")
    out = os.path.join(work, "x.json")
    expect_refusal("--shard without --part-output", ["trail", *inputs, "--shard", "0/2"], 2, "--part-output")
    expect_refusal("--shard --verify-digests", ["trail", *inputs, "--shard", "0/2", "--part-output", out,
                                                "--verify-digests"], 2, "--verify-digests")
    expect_refusal("--shard --mutelist", ["trail", *inputs, "--shard", "0/2", "--part-output", out,
                                          "--mutelist", os.path.join(work, "mutelist.yaml")], 2, "--mutelist")
    expect_refusal("--shard --store", ["trail", *inputs, "--shard", "0/2", "--part-output", out,
                                       "--store", os.path.join(work, "s.db")], 2, "--store")
    expect_refusal("--shard auto without a count", ["trail", *inputs, "--shard", "auto", "--part-output", out],
                   2, "--shard-count")
    # --shard auto takes I from the scheduler's variable.
    env = dict(os.environ, JOB_COMPLETION_INDEX="1")
    env.pop("AWS_BATCH_JOB_ARRAY_INDEX", None)
    auto = os.path.join(work, "auto.json")
    done = rootguard(["trail", *inputs, "--shard", "auto", "--shard-count", "3", "--part-output", auto], env=env)
    # (The counts, not the whole share: the order of a shard's own events follows its threads.)
    counts = ("files", "events", "candidates", "damaged", "files_failed", "bytes_read")
    if done.returncode != 0 or [json.load(open(auto))["scan"][c] for c in counts] != \
            [json.load(open(p1))["scan"][c] for c in counts]:
        failures.append(f"--shard auto with JOB_COMPLETION_INDEX=1 is not shard 1/3: {done.stderr.decode()}")
    env = dict(env, AWS_BATCH_JOB_ARRAY_INDEX="7")
    done = rootguard(["trail", *inputs, "--shard", "auto", "--shard-count", "3", "--part-output", auto], env=env)
    if done.returncode != 2 or b"AWS_BATCH_JOB_ARRAY_INDEX=7" not in done.stderr:
        failures.append(f"--shard auto with index 7 of 3: exit {done.returncode}: {done.stderr.decode()}")


def main():
    work = tempfile.mkdtemp(prefix="rg-shards-")
    try:
        corpus = os.path.join(work, "corpus")
        make_corpus(corpus)
        inputs = [corpus, os.path.join(SOURCE, "tests/cli/data/trail")]
        parts = check_identical(inputs, work)
        check_refusals(inputs, parts, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if failures:
        print("\n".join(failures))
        return 1
    print("merge gives the unsharded report in every format; every bad part and bad --shard refused")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""`rootguard trail --verify-digests` against digest chains this test signs with its own key: every tamper
case is detected and named, an untouched chain validates, and the pip awscli's own validate-logs code,
run over the same folder with stub S3/CloudTrail clients, agrees on every file both report.

Usage: digest_validation_test.py ROOTGUARD. Exit 77 (skipped) when cryptography or awscli is missing."""
import datetime as dt
import gzip
import json
import os
import subprocess
import sys
import tempfile

try:
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import make_digest_chain as chain_maker
    import awscli_validate
except ImportError as missing:  # the generator needs cryptography, the comparison awscli
    print(f"skipped: {missing}")
    sys.exit(77)

ROOTGUARD = os.path.abspath(sys.argv[1])
FAILURES = []
SHARED_KEY = chain_maker.Key()
OTHER_KEY = chain_maker.Key()
TRAIL_ARN = f"arn:aws:cloudtrail:{chain_maker.REGION}:{chain_maker.ACCOUNT}:trail/{chain_maker.TRAIL}"


def check(condition, message):
    if not condition:
        FAILURES.append(message)
        print(f"  FAIL: {message}")


def run_rootguard(chain, extra=(), keys=True, fmt="json"):
    args = [ROOTGUARD, "trail", chain.copy, "--verify-digests", "--format", fmt, "--threads", "2"]
    if keys:
        args += ["--public-keys", os.path.join(chain.out, "public-keys.json")]
    args += list(extra)
    result = subprocess.run(args, capture_output=True, text=True, timeout=120)
    return result


def integrity_of(result):
    doc = json.loads(result.stdout)
    return doc["integrity"]


def by_key(chain, entries):
    # Keyed by S3 key, as validate-logs names files; a digest that could not be decoded by its place.
    return {entry["key"] or os.path.relpath(entry["file"], chain.copy): entry for entry in entries}


def agree_with_awscli(chain, integrity, name):
    said, gaps = awscli_validate.validate(chain.copy, chain_maker.BUCKET, TRAIL_ARN, chain_maker.REGION,
                                          chain_maker.START - dt.timedelta(hours=1),
                                          chain_maker.START + dt.timedelta(hours=48),
                                          os.path.join(chain.out, "public-keys.json"))
    check(said, f"{name}: the awscli's validate-logs reported nothing")
    ours = {**by_key(chain, integrity["digests"]), **by_key(chain, integrity["logs"])}
    for key, verdict in said.items():
        entry = ours.get(key)
        check(entry is not None, f"{name}: awscli reports {key} ({verdict}), rootguard does not")
        if entry is None:
            continue
        check((verdict == "valid") == (entry["status"] == "valid"),
              f"{name}: {key}: awscli says {verdict!r}, rootguard {entry['status']!r} ({entry['reason']})")
    # What rootguard calls failed, awscli calls INVALID too (not-in-chain and not-covered are rootguard's
    # own: validate-logs never lists a file no digest reaches).
    for key, entry in ours.items():
        if entry["status"] in ("valid", "not-in-chain", "not-covered", "signature-not-checked"):
            continue
        check(said.get(key, "").startswith("INVALID"),
              f"{name}: rootguard says {key} is {entry['status']}, awscli says {said.get(key)!r}")
    restarts = [g for g in integrity["gaps"] if g["kind"] == "restarted"]
    check(len(restarts) == len(gaps), f"{name}: {len(restarts)} restarts in rootguard, awscli gaps {gaps}")
    return said


def statuses(integrity, kind):
    return {os.path.basename(e["file"] or e["key"]): e["status"] for e in integrity[kind]}


def case(name):
    def wrap(function):
        CASES.append((name, function))
        return function
    return wrap


CASES = []


@case("untouched chain validates")
def _(tmp):
    chain = chain_maker.Chain(tmp, key=SHARED_KEY)
    result = run_rootguard(chain)
    check(result.returncode == 3, f"exit {result.returncode} (root activity: 3) {result.stderr}")
    integrity = integrity_of(result)
    check(integrity["clean"] and integrity["complete"], f"not clean: {integrity['summary']}")
    check(integrity["summary"]["digests_valid"] == 4 and integrity["summary"]["logs_valid"] == 8,
          f"counts {integrity['summary']}")
    said = agree_with_awscli(chain, integrity, "untouched")
    check(len(said) == 12 and all(v == "valid" for v in said.values()), f"awscli: {said}")


@case("untouched chain without root activity exits 0; the table says so")
def _(tmp):
    chain = chain_maker.Chain(tmp, key=SHARED_KEY, root_hour=-1)
    result = run_rootguard(chain)
    check(result.returncode == 0, f"exit {result.returncode} {result.stderr}")
    table = run_rootguard(chain, fmt="table")
    check("Every digest and log file verified" in table.stdout, table.stdout)


@case("a byte changed in a log file (re-gzipped) in the root hour")
def _(tmp):
    chain = chain_maker.Chain(tmp, key=SHARED_KEY)
    target = chain.logs[4]  # hour 2, the file with the root sign-in
    chain.change_log_byte(target)
    result = run_rootguard(chain)
    integrity = integrity_of(result)
    logs = by_key(chain, integrity["logs"])
    check(logs[target]["status"] == "modified", f"{logs[target]}")
    check("SHA-256" in logs[target]["reason"], logs[target]["reason"])
    check(logs[target]["root_events_nearby"] >= 1, f"root not tied: {logs[target]}")
    check(result.returncode == 3, f"exit {result.returncode}")
    check(not integrity["clean"], "reported clean")
    agree_with_awscli(chain, integrity, "log byte")
    sarif = run_rootguard(chain, fmt="sarif")
    check("trail-integrity-root-period" in sarif.stdout, "no high finding in SARIF")


@case("a byte changed in a compressed log file (gzip no longer inflates)")
def _(tmp):
    chain = chain_maker.Chain(tmp, key=SHARED_KEY, root_hour=-1)
    target = chain.logs[1]
    with open(chain.path(target), "r+b") as f:
        f.seek(20)
        byte = f.read(1)
        f.seek(20)
        f.write(bytes([byte[0] ^ 0xFF]))
    result = run_rootguard(chain)
    integrity = integrity_of(result)
    logs = by_key(chain, integrity["logs"])
    check(logs[target]["status"] == "modified", f"{logs[target]}")
    check(result.returncode == 3, f"exit {result.returncode}")
    agree_with_awscli(chain, integrity, "gzip byte")


@case("a log file deleted (no root activity nearby: medium)")
def _(tmp):
    chain = chain_maker.Chain(tmp, key=SHARED_KEY)
    target = chain.logs[0]
    chain.delete(target)
    result = run_rootguard(chain)
    integrity = integrity_of(result)
    logs = by_key(chain, integrity["logs"])
    check(logs[target]["status"] == "deleted", f"{logs[target]}")
    check(logs[target]["root_events_nearby"] == 0, f"{logs[target]}")
    agree_with_awscli(chain, integrity, "log deleted")
    sarif = run_rootguard(chain, fmt="sarif")
    check("trail-integrity-failure" in sarif.stdout, "no medium finding in SARIF")


@case("a digest deleted")
def _(tmp):
    chain = chain_maker.Chain(tmp, key=SHARED_KEY)
    target = chain.digests[1]
    chain.delete(target)
    result = run_rootguard(chain)
    integrity = integrity_of(result)
    digests = by_key(chain, integrity["digests"])
    check(digests[target]["status"] == "deleted", f"{digests.get(target)}")
    check(digests[chain.digests[0]]["status"] == "valid", "the walk did not go on past the deleted digest")
    check(any(g["kind"] == "missing-link" for g in integrity["gaps"]), f"gaps {integrity['gaps']}")
    logs = by_key(chain, integrity["logs"])
    check(logs[chain.logs[2]]["status"] == "not-covered", f"{logs[chain.logs[2]]}")
    check(result.returncode == 3 and not integrity["complete"], "an incomplete validation passed")
    agree_with_awscli(chain, integrity, "digest deleted")


@case("a log file moved to another day's folder")
def _(tmp):
    chain = chain_maker.Chain(tmp, key=SHARED_KEY)
    target = chain.logs[3]
    moved = chain.move_log(target)
    result = run_rootguard(chain)
    integrity = integrity_of(result)
    logs = by_key(chain, integrity["logs"])
    check(logs[target]["status"] == "moved", f"{logs[target]}")
    check(moved in logs[target]["reason"].replace(chain.copy + "/", ""), logs[target]["reason"])
    check(os.path.join(chain.copy, moved) not in [e["file"] for e in integrity["logs"] if e["status"] == "not-covered"],
          "the moved file is also reported as not covered")
    agree_with_awscli(chain, integrity, "log moved")


@case("a chain restarted")
def _(tmp):
    chain = chain_maker.Chain(tmp, key=SHARED_KEY, restart_at=2)
    result = run_rootguard(chain)
    integrity = integrity_of(result)
    restarts = [g for g in integrity["gaps"] if g["kind"] == "restarted"]
    check(len(restarts) == 1, f"gaps {integrity['gaps']}")
    check(all(d["status"] == "valid" for d in integrity["digests"]), f"{statuses(integrity, 'digests')}")
    check(not integrity["clean"], "a restarted chain reported clean")
    agree_with_awscli(chain, integrity, "restarted")


@case("the newest digest re-signed with another key under the real fingerprint")
def _(tmp):
    chain = chain_maker.Chain(tmp, key=SHARED_KEY)
    target = chain.digests[-1]
    doc = chain.read_digest(target)
    doc["logFiles"] = doc["logFiles"][:1]  # hide a log file
    chain.resign(target, doc, OTHER_KEY)
    result = run_rootguard(chain)
    integrity = integrity_of(result)
    digests = by_key(chain, integrity["digests"])
    check(digests[target]["status"] == "bad-signature", f"{digests[target]}")
    check(digests[chain.digests[-2]]["status"] == "valid", "the walk did not go on")
    agree_with_awscli(chain, integrity, "wrong key")


@case("a digest signed with a key the list does not hold")
def _(tmp):
    chain = chain_maker.Chain(tmp, key=SHARED_KEY)
    target = chain.digests[-1]
    doc = chain.read_digest(target)
    doc["digestPublicKeyFingerprint"] = OTHER_KEY.fingerprint
    chain.resign(target, doc, OTHER_KEY)
    integrity = integrity_of(run_rootguard(chain))
    digests = by_key(chain, integrity["digests"])
    check(digests[target]["status"] == "unknown-key", f"{digests[target]}")
    check(OTHER_KEY.fingerprint in digests[target]["reason"], digests[target]["reason"])
    agree_with_awscli(chain, integrity, "unknown key")


@case("a digest's content changed, old signature kept")
def _(tmp):
    chain = chain_maker.Chain(tmp, key=SHARED_KEY)
    target = chain.digests[2]
    chain.edit_digest_unsigned(target, lambda d: d["logFiles"][0].update(hashValue="0" * 64))
    integrity = integrity_of(run_rootguard(chain))
    digests = by_key(chain, integrity["digests"])
    check(digests[target]["status"] in ("bad-signature", "modified"), f"{digests[target]}")
    agree_with_awscli(chain, integrity, "digest edited")


@case("a digest that says it belongs to another bucket")
def _(tmp):
    chain = chain_maker.Chain(tmp, key=SHARED_KEY)
    target = chain.digests[1]
    doc = chain.read_digest(target)
    doc["digestS3Bucket"] = "someone-elses-bucket"
    chain.resign(target, doc, SHARED_KEY)
    integrity = integrity_of(run_rootguard(chain))
    digests = by_key(chain, integrity["digests"])
    check(digests[target]["status"] == "moved", f"{digests[target]}")
    check("someone-elses-bucket" in digests[target]["reason"], digests[target]["reason"])
    agree_with_awscli(chain, integrity, "other bucket")


@case("a planted newest digest naming another bucket does not turn the genuine chain into moved")
def _(tmp):
    chain = chain_maker.Chain(tmp, key=SHARED_KEY)
    planted = chain.digests[-1].replace("T120000Z", "T130000Z")
    doc = chain.read_digest(chain.digests[-1])
    doc["digestS3Object"] = planted
    doc["digestS3Bucket"] = "attacker-bucket"
    chain.resign(planted, doc, OTHER_KEY)  # not CloudTrail's key
    integrity = integrity_of(run_rootguard(chain))
    digests = by_key(chain, integrity["digests"])
    check(digests[planted]["status"] == "bad-signature", f"{digests[planted]}")
    check(all(digests[key]["status"] == "valid" for key in chain.digests), f"{statuses(integrity, 'digests')}")


@case("a digest planted outside the chain")
def _(tmp):
    chain = chain_maker.Chain(tmp, key=SHARED_KEY)
    source = chain.digests[1]
    planted = source.replace("T100000Z", "T103000Z")
    doc = chain.read_digest(source)
    doc["digestS3Object"] = planted
    doc["previousDigestS3Bucket"] = doc["previousDigestS3Object"] = doc["previousDigestSignature"] = None
    chain.resign(planted, doc, SHARED_KEY)
    integrity = integrity_of(run_rootguard(chain))
    digests = by_key(chain, integrity["digests"])
    check(digests[planted]["status"] == "not-in-chain", f"{digests[planted]}")
    check(sum(d["status"] == "valid" for d in integrity["digests"]) == 4, f"{statuses(integrity, 'digests')}")
    agree_with_awscli(chain, integrity, "planted")


@case("truncated and malformed digests are named, counted, never a crash")
def _(tmp):
    chain = chain_maker.Chain(tmp, key=SHARED_KEY, root_hour=-1)
    truncated, not_json = chain.digests[3], chain.digests[1]
    with open(chain.path(truncated), "rb") as f:
        data = f.read()
    with open(chain.path(truncated), "wb") as f:
        f.write(data[: len(data) // 2])
    with open(chain.path(not_json), "wb") as f:
        f.write(gzip.compress(b"{not json", mtime=0))
    result = run_rootguard(chain)
    integrity = integrity_of(result)
    digests = by_key(chain, integrity["digests"])
    check(digests[truncated]["status"] == "malformed" and "gzip" in digests[truncated]["reason"],
          f"{digests[truncated]}")
    check(digests[not_json]["status"] == "malformed" and "JSON" in digests[not_json]["reason"],
          f"{digests[not_json]}")
    check(integrity["summary"]["digests_failed"] == 2, f"{integrity['summary']}")
    check(result.returncode == 3, f"exit {result.returncode}")
    agree_with_awscli(chain, integrity, "malformed")


@case("an offline copy without signatures: chain and hashes checked, never clean")
def _(tmp):
    chain = chain_maker.Chain(tmp, key=SHARED_KEY, root_hour=-1)
    chain.drop_signatures()
    result = run_rootguard(chain)
    integrity = integrity_of(result)
    check(integrity["summary"]["digests_signature_not_checked"] == 4, f"{integrity['summary']}")
    check(integrity["summary"]["logs_valid"] == 8, f"{integrity['summary']}")
    check(not integrity["complete"] and not integrity["clean"], "an unsigned copy reported complete")
    check(result.returncode == 1, f"exit {result.returncode}: an incomplete validation must not pass")
    table = run_rootguard(chain, fmt="table")
    check("Validation incomplete" in table.stdout, table.stdout)
    no_keys = run_rootguard(chain, keys=False)
    check(no_keys.returncode == 1, f"exit {no_keys.returncode} without --public-keys")


@case("an offline copy without signatures: a changed digest breaks the hash chain")
def _(tmp):
    chain = chain_maker.Chain(tmp, key=SHARED_KEY, root_hour=-1)
    target = chain.digests[1]
    chain.edit_digest_unsigned(target, lambda d: d["logFiles"].pop())
    chain.drop_signatures()
    integrity = integrity_of(run_rootguard(chain))
    digests = by_key(chain, integrity["digests"])
    check(digests[target]["status"] == "modified", f"{digests[target]}")
    check("previousDigestHashValue" in digests[target]["reason"], digests[target]["reason"])


@case("a bad public key list is named; the run goes on, never clean")
def _(tmp):
    chain = chain_maker.Chain(tmp, key=SHARED_KEY, root_hour=-1)
    with open(os.path.join(chain.out, "public-keys.json"), "w") as f:
        json.dump({"PublicKeyList": [{"Value": "bm90IGEga2V5", "Fingerprint": SHARED_KEY.fingerprint}]}, f)
    result = run_rootguard(chain)
    integrity = integrity_of(result)
    check(any("PKCS#1" in p["message"] for p in integrity["problems"]), f"{integrity['problems']}")
    check(all(d["status"] == "unknown-key" for d in integrity["digests"]), f"{statuses(integrity, 'digests')}")
    check(result.returncode != 0, "passed with no usable key")


@case("a backfill digest is a chain of its own, validated like the others")
def _(tmp):
    chain = chain_maker.Chain(tmp, key=SHARED_KEY, root_hour=-1)
    backfill = chain.add_backfill(1)
    late = chain.logs[-1]
    result = run_rootguard(chain)
    integrity = integrity_of(result)
    digests = by_key(chain, integrity["digests"])
    check(digests[backfill]["status"] == "valid" and digests[backfill]["backfill"], f"{digests[backfill]}")
    check(integrity["summary"]["backfill_digests"] == 1, f"{integrity['summary']}")
    check(by_key(chain, integrity["logs"])[late]["status"] == "valid", "the late log is not covered")
    check(integrity["clean"] and result.returncode == 0, f"exit {result.returncode} {integrity['summary']}")
    said = agree_with_awscli(chain, integrity, "backfill")
    check(said.get(backfill) == "valid", f"awscli on the backfill digest: {said.get(backfill)!r}")
    chain.delete(late)
    integrity = integrity_of(run_rootguard(chain))
    check(by_key(chain, integrity["logs"])[late]["status"] == "deleted", "a deleted late log not seen")
    agree_with_awscli(chain, integrity, "backfill, late log deleted")


@case("an organization trail's layout (AWSLogs/o-.../account/...)")
def _(tmp):
    # validate-logs finds organization digests only through describe-organization, not with --s3-bucket:
    # this one is rootguard's alone.
    chain = chain_maker.Chain(tmp, key=SHARED_KEY, root_hour=-1, org="o-abc123def4")
    chain.delete(chain.logs[2])
    integrity = integrity_of(run_rootguard(chain))
    logs = by_key(chain, integrity["logs"])
    check(logs[chain.logs[2]]["status"] == "deleted", f"{logs[chain.logs[2]]}")
    check(integrity["summary"]["digests_valid"] == 4 and integrity["summary"]["logs_valid"] == 7,
          f"{integrity['summary']}")


@case("a chain that goes on in another bucket is not checked, and says so")
def _(tmp):
    chain = chain_maker.Chain(tmp, key=SHARED_KEY, root_hour=-1)
    target = chain.digests[-1]  # the newest: no digest records its hash
    doc = chain.read_digest(target)
    doc["previousDigestS3Bucket"] = "older-bucket"
    chain.resign(target, doc, SHARED_KEY)
    result = run_rootguard(chain)
    integrity = integrity_of(result)
    check(any(g["kind"] == "other-bucket" for g in integrity["gaps"]), f"{integrity['gaps']}")
    check(any(d["status"] == "other-bucket" for d in integrity["digests"]), f"{statuses(integrity, 'digests')}")
    check(not integrity["complete"] and result.returncode != 0, "an unchecked link passed")
    agree_with_awscli(chain, integrity, "other bucket link")


@case("a validly signed digest that is not the one the next digest links to (stricter than validate-logs)")
def _(tmp):
    # Only a signer with the key can do this (here, the test's own key): validate-logs checks each signature
    # but never compares previousDigestHashValue with the digest it links to; rootguard does.
    chain = chain_maker.Chain(tmp, key=SHARED_KEY, root_hour=-1)
    target = chain.digests[2]
    doc = chain.read_digest(target)
    doc["logFiles"] = doc["logFiles"][:1]
    chain.resign(target, doc, SHARED_KEY)
    integrity = integrity_of(run_rootguard(chain))
    digests = by_key(chain, integrity["digests"])
    check(digests[target]["status"] == "modified", f"{digests[target]}")
    said, _gaps = awscli_validate.validate(chain.copy, chain_maker.BUCKET, TRAIL_ARN, chain_maker.REGION,
                                           chain_maker.START - dt.timedelta(hours=1),
                                           chain_maker.START + dt.timedelta(hours=48),
                                           os.path.join(chain.out, "public-keys.json"))
    check(said.get(target) == "valid", f"validate-logs now checks the link too: {said.get(target)!r}")


@case("--digest-bucket: digests of another bucket are moved; options need --verify-digests")
def _(tmp):
    chain = chain_maker.Chain(tmp, key=SHARED_KEY, root_hour=-1)
    result = run_rootguard(chain, extra=["--digest-bucket", "not-" + chain_maker.BUCKET])
    integrity = integrity_of(result)
    check(integrity["digests"][-1]["status"] == "moved", f"{statuses(integrity, 'digests')}")
    check(result.returncode == 3, f"exit {result.returncode}")
    usage = subprocess.run([ROOTGUARD, "trail", chain.copy, "--public-keys", "k.json"], capture_output=True,
                           text=True, timeout=60)
    check(usage.returncode == 2 and "--verify-digests" in usage.stderr, f"{usage.returncode} {usage.stderr}")


def main():
    for name, function in CASES:
        print(f"case: {name}")
        with tempfile.TemporaryDirectory(prefix="rg-digest-") as tmp:
            try:
                function(tmp)
            except Exception as error:  # a crash in one case must not hide the others
                FAILURES.append(f"{name}: {error!r}")
                print(f"  ERROR: {error!r}")
    if FAILURES:
        print(f"{len(FAILURES)} failures")
        return 1
    print(f"all {len(CASES)} cases passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""`rootguard trail s3://... --verify-digests` against moto_server (decision 0025).

Digest chains are built and signed with the test's own RSA key by tests/trail/digest/make_digest_chain.py
(the generator of the local digest tests), uploaded to moto with each digest's signature as the object's
metadata (x-amz-meta-signature, as CloudTrail stores it), and the public key is served by a stub
CloudTrail ListPublicKeys on a free loopback port. The stub also stands in front of moto's S3 (it forwards
every S3 request, and answers 403 for the keys a case denies), since moto without authentication cannot
deny one object. moto 5 cannot verify the signature of a delimited listing (see moto_trail_s3.py), so moto
runs without authentication here; rootguard's S3 signatures are checked by s3_signature_check.py.

Checked: an untouched chain validates; every tamper case (a byte changed in a log, a log deleted, a digest
deleted, a log moved, a chain restarted, a digest signed with an unknown key) is detected and named; and in
every case `trail s3://... --verify-digests` gives the integrity result of `trail COPY --verify-digests
--public-keys FILE` on the same files (with sidecars). Faults: ListPublicKeys denied (named, incomplete),
a digest denied (403: unreadable, named with s3:GetObject, incomplete), a digest that is not gzip
(malformed). A --since window stops the chain walk at the window and still checks the log files its
digests list outside the scanned window.

Usage: moto_trail_s3_digests.py ROOTGUARD     (exit 77: moto or cryptography not installed)
"""
import base64
import datetime as dt
import http.client
import http.server
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "trail", "digest"))
import moto_compare as mc  # noqa: E402  (exits 77 itself when moto is absent)

try:
    import make_digest_chain as chain_maker  # noqa: E402
except ImportError as missing:
    print(f"skipped: {missing}")
    sys.exit(77)

BUCKET = chain_maker.BUCKET
KEY = chain_maker.Key()
OTHER_KEY = chain_maker.Key()
FAILURES = []


def check(condition, message):
    if not condition:
        FAILURES.append(message)
        print(f"  FAIL: {message}")


class Stub(http.server.BaseHTTPRequestHandler):
    """CloudTrail's ListPublicKeys (POST), and every S3 request forwarded to moto (403 for denied keys)."""
    moto_port = 0
    deny_keys_call = False
    denied_paths = set()
    key_calls = []

    def log_message(self, *args):
        pass

    def _answer(self, status, body, content_type):
        data = body.encode() if isinstance(body, str) else body
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0))
        request = json.loads(self.rfile.read(length) or b"{}")
        target = self.headers.get("X-Amz-Target", "")
        Stub.key_calls.append((target, request, self.headers.get("Authorization", "")))
        if not target.endswith(".ListPublicKeys"):
            self._answer(400, json.dumps({"__type": "UnknownOperationException"}), "application/x-amz-json-1.1")
        elif Stub.deny_keys_call:
            self._answer(400, json.dumps({"__type": "AccessDeniedException",
                                          "message": "User is not authorized to perform: cloudtrail:ListPublicKeys"}),
                         "application/x-amz-json-1.1")
        else:
            listed = KEY.listed()
            start = dt.datetime.strptime(listed["ValidityStartTime"], "%Y-%m-%dT%H:%M:%SZ")
            end = dt.datetime.strptime(listed["ValidityEndTime"], "%Y-%m-%dT%H:%M:%SZ")
            epoch = dt.datetime(1970, 1, 1)
            # The wire form: a blob is base64 of its bytes (the DER key), times are epoch seconds.
            answer = {"PublicKeyList": [{"Value": base64.b64encode(KEY.der).decode(),
                                         "Fingerprint": KEY.fingerprint,
                                         "ValidityStartTime": (start - epoch).total_seconds(),
                                         "ValidityEndTime": (end - epoch).total_seconds()}]}
            self._answer(200, json.dumps(answer), "application/x-amz-json-1.1")

    def _forward(self, method):
        if self.path.split("?")[0] in Stub.denied_paths:
            self._answer(403, "<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>",
                         "application/xml")
            return
        connection = http.client.HTTPConnection("127.0.0.1", Stub.moto_port, timeout=30)
        headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "connection")}
        connection.request(method, self.path, headers=headers)
        answer = connection.getresponse()
        body = answer.read()
        self.send_response(answer.status)
        for name, value in answer.getheaders():
            if name.lower() not in ("content-length", "transfer-encoding", "connection", "server", "date"):
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if method != "HEAD":
            self.wfile.write(body)
        connection.close()

    def do_GET(self):
        self._forward("GET")

    def do_HEAD(self):
        self._forward("HEAD")


def s3_client(endpoint):
    import boto3
    return boto3.client("s3", region_name="us-east-1", endpoint_url=endpoint, aws_access_key_id="seed",
                        aws_secret_access_key="seed")


def upload_copy(s3, chain):
    """The copy as CloudTrail would have delivered it: each digest's sidecar becomes its S3 metadata."""
    listed = s3.list_objects_v2(Bucket=BUCKET).get("Contents", [])
    for item in listed:
        s3.delete_object(Bucket=BUCKET, Key=item["Key"])
    for folder, _dirs, files in os.walk(chain.copy):
        for name in files:
            if name.endswith(".metadata.json"):
                continue
            path = os.path.join(folder, name)
            key = os.path.relpath(path, chain.copy).replace(os.sep, "/")
            metadata = {}
            if os.path.exists(path + ".metadata.json"):
                with open(path + ".metadata.json") as f:
                    metadata = json.load(f)["Metadata"]
            with open(path, "rb") as f:
                s3.put_object(Bucket=BUCKET, Key=key, Body=f.read(), Metadata=metadata)


def run(rootguard, args, env):
    return subprocess.run([rootguard, "trail", *args, "--verify-digests", "--format", "json", "--threads", "2"],
                          env=env, capture_output=True, text=True, timeout=120)


def integrity(done, name):
    try:
        return json.loads(done.stdout)["integrity"]
    except (ValueError, KeyError):
        FAILURES.append(f"{name}: no integrity object (exit {done.returncode}): {done.stderr.strip()[:400]}")
        return None


def normalised(doc, folder):
    return json.loads(json.dumps(doc).replace(f"s3://{BUCKET}/", folder.rstrip("/") + "/"))


def by_key(entries):
    return {e["key"] or e["file"].rsplit("/AWSLogs/", 1)[-1]: e for e in entries}


def compare_with_copy(rootguard, env, chain, name):
    """The S3 run and the local run on the same files give the same integrity result and exit code."""
    remote = run(rootguard, [f"s3://{BUCKET}/"], env)
    local = run(rootguard, [chain.copy, "--public-keys", os.path.join(chain.out, "public-keys.json")], env)
    ours, theirs = integrity(remote, name), integrity(local, name + " (copy)")
    if ours is None or theirs is None:
        return None, remote
    check(remote.returncode == local.returncode,
          f"{name}: exit {remote.returncode} from S3, {local.returncode} from the copy")
    mine = normalised(ours, chain.copy)
    if mine != theirs:
        for part in ("summary", "digests", "logs", "gaps", "problems", "complete", "clean"):
            if mine.get(part) != theirs.get(part):
                FAILURES.append(f"{name}: integrity.{part} differs from the copy's:\n  s3:   "
                                f"{json.dumps(mine.get(part))[:700]}\n  copy: {json.dumps(theirs.get(part))[:700]}")
                print(f"  FAIL: {name}: integrity.{part} differs")
    return ours, remote


CASES = []


def case(name):
    def wrap(function):
        CASES.append((name, function))
        return function
    return wrap


@case("untouched chain validates, as on the copy")
def _(ctx, tmp):
    chain = chain_maker.Chain(tmp, key=KEY)
    upload_copy(ctx["s3"], chain)
    Stub.key_calls.clear()
    result, done = compare_with_copy(ctx["rg"], ctx["env"], chain, "untouched")
    if result:
        check(result["clean"] and result["complete"], f"untouched: not clean: {result['summary']}")
        check(result["summary"]["digests_valid"] == 4 and result["summary"]["logs_valid"] == 8,
              f"untouched: {result['summary']}")
        check(done.returncode == 3, f"untouched: exit {done.returncode} (root activity: 3)")
    calls = [c for c in Stub.key_calls if c[0].endswith("ListPublicKeys")]
    check(len(calls) == 1 and "StartTime" in calls[0][1] and "/us-east-1/cloudtrail/" in calls[0][2],
          f"ListPublicKeys: one call, signed for us-east-1, with a time range: {calls}")


@case("a byte changed in a log file")
def _(ctx, tmp):
    chain = chain_maker.Chain(tmp, key=KEY)
    target = chain.logs[4]
    chain.change_log_byte(target)
    upload_copy(ctx["s3"], chain)
    result, _ = compare_with_copy(ctx["rg"], ctx["env"], chain, "log byte")
    if result:
        log = by_key(result["logs"])[target]
        check(log["status"] == "modified" and "SHA-256" in log["reason"], f"log byte: {log}")
        check(log["root_events_nearby"] >= 1, f"log byte: root not tied: {log}")


@case("a log file deleted")
def _(ctx, tmp):
    chain = chain_maker.Chain(tmp, key=KEY)
    target = chain.logs[0]
    chain.delete(target)
    upload_copy(ctx["s3"], chain)
    result, _ = compare_with_copy(ctx["rg"], ctx["env"], chain, "log deleted")
    if result:
        check(by_key(result["logs"])[target]["status"] == "deleted", f"log deleted: {by_key(result['logs'])[target]}")


@case("a digest deleted")
def _(ctx, tmp):
    chain = chain_maker.Chain(tmp, key=KEY)
    target = chain.digests[1]
    chain.delete(target)
    upload_copy(ctx["s3"], chain)
    result, done = compare_with_copy(ctx["rg"], ctx["env"], chain, "digest deleted")
    if result:
        check(by_key(result["digests"])[target]["status"] == "deleted", f"digest deleted: {result['digests']}")
        check(any(g["kind"] == "missing-link" for g in result["gaps"]), f"digest deleted: {result['gaps']}")
        check(done.returncode == 3 and not result["complete"], "digest deleted: passed")


@case("a log file moved")
def _(ctx, tmp):
    chain = chain_maker.Chain(tmp, key=KEY)
    target = chain.logs[3]
    moved = chain.move_log(target)
    upload_copy(ctx["s3"], chain)
    result, _ = compare_with_copy(ctx["rg"], ctx["env"], chain, "log moved")
    if result:
        log = by_key(result["logs"])[target]
        check(log["status"] == "moved" and moved in log["reason"], f"log moved: {log}")


@case("a chain restarted")
def _(ctx, tmp):
    chain = chain_maker.Chain(tmp, key=KEY, restart_at=2)
    upload_copy(ctx["s3"], chain)
    result, _ = compare_with_copy(ctx["rg"], ctx["env"], chain, "restarted")
    if result:
        check(len([g for g in result["gaps"] if g["kind"] == "restarted"]) == 1, f"restarted: {result['gaps']}")
        check(not result["clean"], "restarted: reported clean")


@case("a digest signed with a key CloudTrail does not list")
def _(ctx, tmp):
    chain = chain_maker.Chain(tmp, key=KEY)
    target = chain.digests[-1]
    doc = chain.read_digest(target)
    doc["digestPublicKeyFingerprint"] = OTHER_KEY.fingerprint
    chain.resign(target, doc, OTHER_KEY)
    upload_copy(ctx["s3"], chain)
    result, _ = compare_with_copy(ctx["rg"], ctx["env"], chain, "unknown key")
    if result:
        digest = by_key(result["digests"])[target]
        check(digest["status"] == "unknown-key" and OTHER_KEY.fingerprint in digest["reason"], f"unknown key: {digest}")


@case("a digest that is not gzip is malformed, named and counted")
def _(ctx, tmp):
    chain = chain_maker.Chain(tmp, key=KEY, root_hour=-1)
    target = chain.digests[2]
    with open(chain.path(target), "wb") as f:
        f.write(b'{"not": "gzip"}')
    upload_copy(ctx["s3"], chain)
    result, done = compare_with_copy(ctx["rg"], ctx["env"], chain, "digest not gzip")
    if result:
        digest = by_key(result["digests"])[target]
        check(digest["status"] == "malformed" and "gzip" in digest["reason"], f"not gzip: {digest}")
        check(result["summary"]["digests_failed"] == 1 and done.returncode == 3, f"not gzip: {result['summary']}")


@case("ListPublicKeys denied: named with its action, signatures not checked, never clean")
def _(ctx, tmp):
    chain = chain_maker.Chain(tmp, key=KEY, root_hour=-1)
    upload_copy(ctx["s3"], chain)
    Stub.deny_keys_call = True
    try:
        done = run(ctx["rg"], [f"s3://{BUCKET}/"], ctx["env"])
    finally:
        Stub.deny_keys_call = False
    result = integrity(done, "keys denied")
    if result:
        messages = " ".join(p["message"] for p in result["problems"])
        check("cloudtrail:ListPublicKeys denied" in messages, f"keys denied: {result['problems']}")
        check(result["summary"]["digests_signature_not_checked"] == 4, f"keys denied: {result['summary']}")
        check(not result["complete"] and not result["clean"] and done.returncode == 1,
              f"keys denied: exit {done.returncode}, {result['summary']}")


@case("a digest denied (403): unreadable, named with s3:GetObject, incomplete")
def _(ctx, tmp):
    chain = chain_maker.Chain(tmp, key=KEY, root_hour=-1)
    upload_copy(ctx["s3"], chain)
    target = chain.digests[1]
    Stub.denied_paths = {f"/{BUCKET}/{target}"}
    try:
        done = run(ctx["rg"], [f"s3://{BUCKET}/"], ctx["env"])
    finally:
        Stub.denied_paths = set()
    result = integrity(done, "digest denied")
    if result:
        digest = by_key(result["digests"])[target]
        check(digest["status"] == "unreadable" and "s3:GetObject denied" in digest["reason"], f"digest denied: {digest}")
        check(result["summary"]["digests_failed"] == 0 and result["summary"]["digests_unreadable"] == 1,
              f"digest denied: {result['summary']}")
        check(not result["complete"] and done.returncode == 1, f"digest denied: exit {done.returncode}")


@case("a --since window: the walk stops at the window, listed log files outside it are fetched and checked")
def _(ctx, tmp):
    chain = chain_maker.Chain(tmp, key=KEY, hours=60, root_hour=-1, records=1)
    upload_copy(ctx["s3"], chain)
    since = (chain_maker.START + dt.timedelta(days=2)).strftime("%Y-%m-%d")
    done = run(ctx["rg"], [f"s3://{BUCKET}/", "--since", since], ctx["env"])
    result = integrity(done, "window")
    if result:
        first_day = (chain_maker.START + dt.timedelta(days=1)).strftime("%Y/%m/%d")
        inside = [d for d in chain.digests if d.split("/CloudTrail-Digest/us-east-1/")[1][:10] >= first_day]
        check(result["summary"]["digests"] == len(inside) == result["summary"]["digests_valid"],
              f"window: {result['summary']['digests']} digests, {len(inside)} in the window")
        check(result["clean"] and result["complete"] and done.returncode == 0,
              f"window: exit {done.returncode}, {result['summary']}, gaps {result['gaps']}")
        check(not any(d["status"] == "deleted" for d in result["digests"]), "window: the walk ran past it")
        outside = [log for log in result["logs"] if log["key"] and log["key"].split("/CloudTrail/us-east-1/")[1][:10] < first_day]
        check(outside and all(log["status"] == "valid" for log in outside),
              f"window: log files listed outside the scanned days: {[(l['key'], l['status']) for l in outside]}")
        print(f"  window: {len(inside)} of {len(chain.digests)} digests walked, {len(outside)} log files fetched "
              f"outside the scanned days, bytes hashed {result['summary']['bytes_hashed']}")


def main():
    rootguard = os.path.abspath(sys.argv[1])
    home = tempfile.mkdtemp(prefix="rg-moto-digests-")
    try:
        with mc.MotoServer(home) as moto:
            Stub.moto_port = moto.port
            stub = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Stub)
            threading.Thread(target=stub.serve_forever, daemon=True).start()
            endpoint = f"http://127.0.0.1:{stub.server_address[1]}"
            s3 = s3_client(moto.endpoint)
            s3.create_bucket(Bucket=BUCKET)
            env = mc.client_env(home, endpoint, "AKIDEXAMPLE", "reader-secret-not-printed")
            ctx = {"rg": rootguard, "env": env, "s3": s3}
            for name, function in CASES:
                print(f"case: {name}")
                with tempfile.TemporaryDirectory(prefix="rg-s3-digest-") as tmp:
                    try:
                        function(ctx, tmp)
                    except Exception as error:  # one crash must not hide the other cases
                        FAILURES.append(f"{name}: {error!r}")
                        print(f"  ERROR: {error!r}")
            stub.shutdown()
    finally:
        shutil.rmtree(home, ignore_errors=True)
    if FAILURES:
        print("\n".join(FAILURES))
        print(f"{len(FAILURES)} failures")
        return 1
    print(f"all {len(CASES)} cases passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""rootguard's S3 requests (HeadBucket, ListObjectsV2 with prefix and delimiter, GetObject of a key that
needs escaping, requester pays, a session token) carry the signature botocore's S3SigV4Auth computes for
the same request as it arrived: the check moto 5 cannot make for listings (see moto_trail_s3.py).

A local HTTP server answers as S3 would and records each request; for each, the signed headers are taken
from the request and botocore signs it again with the same credentials and time.

Usage: s3_signature_check.py ROOTGUARD_BINARY     (exit 77: botocore not installed)
"""
import gzip
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading
import urllib.parse

try:
    from botocore.auth import S3SigV4Auth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials
except ImportError:
    print("SKIP: botocore is not installed")
    sys.exit(77)

KEY_ID = "AKIDEXAMPLE"
SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
TOKEN = "session-token-example"
PREFIX = "AWSLogs/111111111111/CloudTrail/us-east-1/2024/03/01/"
# A key with a space, '+', '=' and a non-ASCII letter: encoded once on the wire and in the signature.
KEY = PREFIX + "111111111111_CloudTrail_us-east-1_20240301T0000Z_a b+c=é.json.gz"
BODY = gzip.compress(json.dumps({"Records": []}).encode(), mtime=0)
REQUESTS = []


class Handler(http.server.BaseHTTPRequestHandler):
    def answer(self, status, body=b"", content_type="application/xml"):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_HEAD(self):
        REQUESTS.append((self.command, self.path, dict(self.headers)))
        self.answer(200)

    def do_GET(self):
        REQUESTS.append((self.command, self.path, dict(self.headers)))
        path, _, query = self.path.partition("?")
        if "list-type=2" in query:
            xml = ("<?xml version=\"1.0\"?><ListBucketResult><IsTruncated>false</IsTruncated><Contents><Key>"
                   f"{KEY}</Key><Size>{len(BODY)}</Size></Contents></ListBucketResult>")
            return self.answer(200, xml.encode())
        if urllib.parse.unquote(path) == "/bucket/" + KEY:
            return self.answer(200, BODY, "application/octet-stream")
        return self.answer(404, b"<Error><Code>NoSuchKey</Code><Message>no</Message></Error>")

    def log_message(self, *args):
        pass


def resign(method, path, headers, port):
    signed = headers["Authorization"].split("SignedHeaders=")[1].split(",")[0].split(";")
    kept = {name: value for name, value in headers.items() if name.lower() in signed}
    request = AWSRequest(method=method, url=f"http://127.0.0.1:{port}{path}", headers=kept)
    request.context["timestamp"] = kept["X-Amz-Date"]
    auth = S3SigV4Auth(Credentials(KEY_ID, SECRET, TOKEN), "s3", "us-east-1")
    canonical = auth.canonical_request(request)
    return auth.signature(auth.string_to_sign(request, canonical), request), signed


def main():
    rootguard = sys.argv[1]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    port = server.server_port
    threading.Thread(target=server.serve_forever, daemon=True).start()
    home = tempfile.mkdtemp(prefix="rg-s3-sign-")
    env = {"PATH": os.environ["PATH"], "HOME": home, "AWS_ENDPOINT_URL": f"http://127.0.0.1:{port}",
           "AWS_REGION": "us-east-1", "AWS_ACCESS_KEY_ID": KEY_ID, "AWS_SECRET_ACCESS_KEY": SECRET,
           "AWS_SESSION_TOKEN": TOKEN, "AWS_EC2_METADATA_DISABLED": "true"}
    # At the CloudTrail/ level the walk lists the regions with a delimiter (the answer lists the key there).
    run = subprocess.run([rootguard, "trail", "s3://bucket/AWSLogs/111111111111/CloudTrail/", "--format", "json", "--request-payer",
                          "requester"], env=env, capture_output=True, text=True)
    server.shutdown()
    failures = []
    if run.returncode != 0:
        failures.append(f"rootguard exited {run.returncode}: {run.stderr.strip()}")
    else:
        summary = json.loads(run.stdout)["summary"]
        if summary["files"] != 1 or summary["errors"]:
            failures.append(f"the object was not read: {summary}")
    kinds = set()
    for method, path, headers in REQUESTS:
        name = f"{method} {path}"
        if "Authorization" not in headers:
            failures.append(f"{name}: not signed")
            continue
        expected, signed = resign(method, path, headers, port)
        got = headers["Authorization"].split("Signature=")[1]
        for header in ("x-amz-content-sha256", "x-amz-request-payer", "x-amz-security-token", "host",
                       "x-amz-date"):
            if header not in signed:
                failures.append(f"{name}: {header} not signed")
        if got != expected:
            failures.append(f"{name}: signature {got}, botocore {expected}")
        else:
            print(f"same signature as botocore: {name}")
        kinds.add(("delimited list" if "delimiter=%2F" in path else "list") if "list-type=2" in path else method)
    if kinds != {"HEAD", "delimited list", "GET"}:
        failures.append(f"requests seen: {sorted(kinds)}")
    if SECRET in run.stdout + run.stderr or TOKEN in run.stdout + run.stderr:
        failures.append("a secret is in rootguard's output")
    if failures:
        print("\n".join(failures))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Builds a CloudTrail folder with signed digest chains, as CloudTrail would deliver it, with a key of its
own: log files (gzip JSON), one digest per hour linking to the one before, each signed (RSA PKCS#1 v1.5,
SHA-256) over CloudTrail's string to sign, the signature kept beside it as <digest>.metadata.json (the S3
metadata a plain copy loses), and public-keys.json as `aws cloudtrail list-public-keys --output json`
prints it. Tamper helpers change a built folder the ways the tests check.

Usage as a script: make_digest_chain.py OUT_DIR  (an untouched chain, for trying the CLI by hand)."""
import base64
import datetime as dt
import gzip
import hashlib
import json
import os
import random
import shutil
import sys

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

ACCOUNT = "111122223333"
REGION = "us-east-1"
TRAIL = "org_trail-1"  # an underscore: trail names may hold them, regions never do
BUCKET = "rg-test-trail-bucket"
START = dt.datetime(2026, 11, 21, 8, 0, 0, tzinfo=dt.timezone.utc)


def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def stamp(t):
    return t.strftime("%Y%m%dT%H%M%SZ")


class Key:
    def __init__(self, seed_bits=2048):
        self.private = rsa.generate_private_key(public_exponent=65537, key_size=seed_bits)
        self.der = self.private.public_key().public_bytes(serialization.Encoding.DER,
                                                          serialization.PublicFormat.PKCS1)
        self.fingerprint = hashlib.md5(self.der).hexdigest()

    def sign(self, message):
        return self.private.sign(message, padding.PKCS1v15(), hashes.SHA256()).hex()

    def listed(self):
        return {"Value": base64.b64encode(self.der).decode(), "Fingerprint": self.fingerprint,
                "ValidityStartTime": iso(START - dt.timedelta(days=30)),
                "ValidityEndTime": iso(START + dt.timedelta(days=30))}


def root_event(event_id, when):
    return {"eventVersion": "1.08", "eventTime": iso(when), "eventSource": "signin.amazonaws.com",
            "eventName": "ConsoleLogin", "eventType": "AwsConsoleSignIn", "awsRegion": REGION,
            "sourceIPAddress": "198.51.100.7", "userAgent": "Mozilla/5.0", "eventID": event_id,
            "recipientAccountId": ACCOUNT,
            "userIdentity": {"type": "Root", "principalId": ACCOUNT, "accountId": ACCOUNT,
                             "arn": f"arn:aws:iam::{ACCOUNT}:root"},
            "responseElements": {"ConsoleLogin": "Success"},
            "additionalEventData": {"MFAUsed": "No", "LoginTo": "https://console.aws.amazon.com"}}


def user_event(event_id, when):
    return {"eventVersion": "1.08", "eventTime": iso(when), "eventSource": "s3.amazonaws.com",
            "eventName": "ListBuckets", "eventType": "AwsApiCall", "awsRegion": REGION,
            "sourceIPAddress": "203.0.113.9", "userAgent": "aws-cli/2", "eventID": event_id,
            "recipientAccountId": ACCOUNT,
            "userIdentity": {"type": "IAMUser", "principalId": "AIDAEXAMPLE", "accountId": ACCOUNT,
                             "arn": f"arn:aws:iam::{ACCOUNT}:user/alice", "userName": "alice"}}


class Chain:
    """One trail, account and region: `hours` digests, two log files an hour, root signs in at `root_hour`."""

    def __init__(self, out, hours=4, key=None, root_hour=2, restart_at=None, seed=7, records=3, org=None):
        self.out = out
        self.copy = os.path.join(out, "copy")  # what `aws s3 sync s3://BUCKET/ copy/` gives
        self.key = key or Key()
        self.hours = hours
        self.rng = random.Random(seed)
        self.digests = []  # S3 keys, oldest first
        self.logs = []     # S3 keys
        self.root_hour = root_hour
        self.records = records
        self.base = f"AWSLogs/{org}/{ACCOUNT}" if org else f"AWSLogs/{ACCOUNT}"  # an organization trail
        previous = None
        for hour in range(hours):
            begin = START + dt.timedelta(hours=hour)
            logs = [self._write_log(begin, hour, n) for n in range(2)]
            if restart_at is not None and hour == restart_at:
                previous = None  # logging was turned off and on: a new chain starts
            previous = self._write_digest(begin, begin + dt.timedelta(hours=1), logs, previous)
        with open(os.path.join(out, "public-keys.json"), "w") as f:
            json.dump({"PublicKeyList": [self.key.listed()]}, f, indent=2)

    def path(self, key):
        return os.path.join(self.copy, key)

    def _write_log(self, begin, hour, n):
        when = begin + dt.timedelta(minutes=5 + 20 * n)
        records = [user_event(f"ev-{hour}-{n}-{i}", when + dt.timedelta(seconds=i)) for i in range(self.records)]
        if hour == self.root_hour and n == 0:
            records.append(root_event(f"ev-root-{hour}", when + dt.timedelta(seconds=30)))
        body = json.dumps({"Records": records}).encode()
        suffix = "".join(self.rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") for _ in range(16))
        key = (f"{self.base}/CloudTrail/{REGION}/{when:%Y/%m/%d}/"
               f"{ACCOUNT}_CloudTrail_{REGION}_{when:%Y%m%dT%H%M}Z_{suffix}.json.gz")
        os.makedirs(os.path.dirname(self.path(key)), exist_ok=True)
        with open(self.path(key), "wb") as f:
            f.write(gzip.compress(body, mtime=0))
        self.logs.append(key)
        times = [r["eventTime"] for r in records]
        return {"s3Bucket": BUCKET, "s3Object": key, "hashValue": hashlib.sha256(body).hexdigest(),
                "hashAlgorithm": "SHA-256", "newestEventTime": max(times), "oldestEventTime": min(times)}

    def _write_digest(self, begin, end, logs, previous, bucket=BUCKET, backfill=None):
        key = (f"{self.base}/CloudTrail-Digest/{REGION}/{end:%Y/%m/%d}/"
               f"{ACCOUNT}_CloudTrail-Digest_{REGION}_{TRAIL}_{REGION}_{stamp(end)}"
               f"{'_backfill' if backfill else ''}.json.gz")
        doc = {"awsAccountId": ACCOUNT, "digestStartTime": iso(begin), "digestEndTime": iso(end),
               "digestS3Bucket": bucket, "digestS3Object": key,
               "digestPublicKeyFingerprint": self.key.fingerprint, "digestSignatureAlgorithm": "SHA256withRSA",
               "newestEventTime": iso(end), "oldestEventTime": iso(begin),
               "previousDigestS3Bucket": BUCKET if previous else None,
               "previousDigestS3Object": previous["key"] if previous else None,
               "previousDigestHashValue": previous["hash"] if previous else None,
               "previousDigestHashAlgorithm": "SHA-256" if previous else None,
               "previousDigestSignature": previous["signature"] if previous else None,
               "logFiles": logs}
        body = json.dumps(doc).encode()
        digest_hash = hashlib.sha256(body).hexdigest()
        signature = self.key.sign(string_to_sign(doc, digest_hash).encode())
        self.write_digest_file(key, body, signature, backfill)
        self.digests.append(key)
        return {"key": key, "hash": digest_hash, "signature": signature}

    def add_backfill(self, hour):
        """A backfill digest for `hour`: a log file delivered late, listed by a digest of its own chain."""
        begin = START + dt.timedelta(hours=hour)
        late = self._write_log(begin, hour, 7)
        generated = iso(START + dt.timedelta(hours=self.hours + 3))
        return self._write_digest(begin, begin + dt.timedelta(hours=1), [late], None, backfill=generated)["key"]

    def write_digest_file(self, key, body, signature, backfill=None):
        os.makedirs(os.path.dirname(self.path(key)), exist_ok=True)
        with open(self.path(key), "wb") as f:
            f.write(gzip.compress(body, mtime=0))
        metadata = {"signature": signature, "signature-algorithm": "SHA256withRSA"}
        if backfill:
            metadata["backfill-generation-timestamp"] = backfill
        with open(self.path(key) + ".metadata.json", "w") as f:
            json.dump({"Metadata": metadata}, f)

    def read_digest(self, key):
        with open(self.path(key), "rb") as f:
            return json.loads(gzip.decompress(f.read()))

    # --- tampering -------------------------------------------------------------------------------------
    def change_log_byte(self, key):
        """One byte of the inflated log changed and the file gzipped again: still a valid gzip file."""
        with open(self.path(key), "rb") as f:
            body = bytearray(gzip.decompress(f.read()))
        at = body.find(b"alice")
        body[at] = ord("A")
        with open(self.path(key), "wb") as f:
            f.write(gzip.compress(bytes(body), mtime=0))

    def delete(self, key):
        os.remove(self.path(key))
        if os.path.exists(self.path(key) + ".metadata.json"):
            os.remove(self.path(key) + ".metadata.json")

    def move_log(self, key):
        parts = key.split("/")
        parts[-2] = "%02d" % (int(parts[-2]) + 1)  # the next day's folder
        moved = "/".join(parts)
        os.makedirs(os.path.dirname(self.path(moved)), exist_ok=True)
        shutil.move(self.path(key), self.path(moved))
        return moved

    def resign(self, key, doc, signer):
        """Rewrites a digest with `doc`, signed by `signer` (a Key): a forgery when signer is not CloudTrail's."""
        body = json.dumps(doc).encode()
        self.write_digest_file(key, body, signer.sign(string_to_sign(doc, hashlib.sha256(body).hexdigest()).encode()))

    def edit_digest_unsigned(self, key, change):
        """Changes a digest's content and keeps the old signature."""
        doc = self.read_digest(key)
        change(doc)
        with open(self.path(key), "wb") as f:
            f.write(gzip.compress(json.dumps(doc).encode(), mtime=0))

    def drop_signatures(self):
        for key in self.digests:
            sidecar = self.path(key) + ".metadata.json"
            if os.path.exists(sidecar):
                os.remove(sidecar)


def string_to_sign(doc, digest_hash):
    previous = doc["previousDigestSignature"] if doc["previousDigestSignature"] is not None else "null"
    return "\n".join([doc["digestEndTime"], f"{doc['digestS3Bucket']}/{doc['digestS3Object']}", digest_hash,
                      previous])


if __name__ == "__main__":
    # Optional: hours and records per log file, for timing (bench): make_digest_chain.py OUT 48 5000
    chain = Chain(sys.argv[1], hours=int(sys.argv[2]) if len(sys.argv) > 2 else 4,
                  records=int(sys.argv[3]) if len(sys.argv) > 3 else 3)
    print(f"{chain.copy} ({len(chain.digests)} digests, {len(chain.logs)} logs); keys in "
          f"{os.path.join(sys.argv[1], 'public-keys.json')}")

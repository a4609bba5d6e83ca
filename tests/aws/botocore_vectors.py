#!/usr/bin/env python3
"""Signs a few real AWS requests with botocore (frozen clock, fixed keys) and writes what it sent.

tests/aws/sigv4_botocore_test.cpp signs the same requests with rootguard's signer and must produce the
same Authorization header. `--check FILE` exits 1 when botocore on this machine signs differently from
the committed vectors (2 = botocore absent), so the vectors cannot go stale silently.
"""
import datetime
import json
import sys

try:
    import botocore.auth
    import botocore.session
except ImportError:
    sys.exit(2)

FROZEN = datetime.datetime(2026, 11, 28, 9, 0, 0)


class FrozenDatetime(datetime.datetime):
    @classmethod
    def utcnow(cls):
        return FROZEN

    @classmethod
    def now(cls, tz=None):
        return FROZEN.replace(tzinfo=tz) if tz else FROZEN


CALLS = [
    # (service, region, operation, params, session token?)
    ("iam", "us-east-1", "list_mfa_devices", {"UserName": "alice", "MaxItems": 10}, False),
    ("iam", "us-east-1", "get_account_summary", {}, True),
    ("organizations", "us-east-1", "list_accounts", {"NextToken": "abc/+=", "MaxResults": 5}, False),
    ("guardduty", "eu-west-1", "list_findings",
     {"DetectorId": "12abc34d567e8fa901bc2d34e56789f0", "MaxResults": 50, "NextToken": "t o/k"}, True),
    ("guardduty", "eu-west-1", "list_detectors", {"MaxResults": 2, "NextToken": "a+b"}, False),
    ("sts", "eu-central-1", "get_caller_identity", {}, True),
    # EC2's query dialect: lists flattened as Name.N, names from the capitalised locationName.
    ("ec2", "ap-northeast-1", "describe_regions",
     {"RegionNames": ["ap-northeast-1", "us-east-1"], "AllRegions": False,
      "Filters": [{"Name": "opt-in-status", "Values": ["opted-in", "opt-in-not-required"]}]}, False),
]


def capture():
    botocore.auth.datetime.datetime = FrozenDatetime
    session = botocore.session.get_session()
    vectors = []
    for service, region, operation, params, with_token in CALLS:
        client = session.create_client(
            service, region_name=region, aws_access_key_id="AKIDEXAMPLE",
            aws_secret_access_key="wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
            aws_session_token="FQoGZXIvYXdzEBYaDExampleSessionToken+/=" if with_token else None)
        sent = {}

        def before_send(request, **_):
            sent["method"] = request.method
            sent["url"] = request.url
            sent["headers"] = [[k, v.decode() if isinstance(v, bytes) else v] for k, v in request.headers.items()]
            body = request.body or b""
            sent["body"] = body.decode() if isinstance(body, bytes) else body
            raise RuntimeError("captured")

        client.meta.events.register("before-send", before_send)
        try:
            getattr(client, operation)(**params)
        except RuntimeError:
            pass
        headers = [h for h in sent["headers"] if h[0].lower() not in ("authorization", "x-amz-date", "x-amz-security-token")]
        authorization = dict((k.lower(), v) for k, v in sent["headers"])["authorization"]
        vectors.append({
            "name": f"{service}-{operation}", "service": client.meta.service_model.signing_name,
            "botocore_service": service, "operation": client.meta.method_to_api_mapping[operation],
            "params": params,
            "region": region, "method": sent["method"], "url": sent["url"], "headers": headers,
            "body": sent["body"], "session_token": with_token, "authorization": authorization,
        })
    return {"time": "2026-11-28T09:00:00Z", "access_key_id": "AKIDEXAMPLE",
            "secret_access_key": "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
            "session_token": "FQoGZXIvYXdzEBYaDExampleSessionToken+/=", "vectors": vectors}


def stable(document):
    # amz-sdk-invocation-id is random per call; everything else is deterministic.
    for vector in document["vectors"]:
        vector["headers"] = [h for h in vector["headers"] if h[0].lower() != "amz-sdk-invocation-id"]
    return document


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--check":
        with open(sys.argv[2]) as f:
            committed = json.load(f)
        fresh = capture()
        ok = [v["authorization"] for v in committed["vectors"]] == [v["authorization"] for v in fresh["vectors"]]
        if not ok:
            print("botocore signs differently now: rerun tests/aws/botocore_vectors.py > " + sys.argv[2])
        sys.exit(0 if ok else 1)
    json.dump(stable(capture()), sys.stdout, indent=1)
    print()

#!/usr/bin/env python3
"""`rootguard trail s3://...` against moto_server.

moto 5 cannot verify the signature of an S3 request whose query holds an escaped character: it signs the
decoded query again, so `prefix=AWSLogs%2F` is checked as `prefix=AWSLogs/` and botocore's own
ListObjectsV2 with a Delimiter is refused (the test shows it first). Every layout listing has a '/' in its
query, so while that holds the run goes to a moto_server that does not authenticate, and the IAM denials
are left to tests/trail/s3/s3_fetch_test.cpp (a scripted server); rootguard's S3 signatures are checked
against botocore's by tests/aws/s3_signature_check.py. If moto verifies the listing, everything below runs
with signatures and IAM policies verified, resource by resource (the reader may list two buckets and get
their objects, one key denied).

An organization trail in the real key layout (three accounts, three regions, four days, many tiny objects,
root and non-root events) is generated here, uploaded with boto3 and written to disk byte for byte; then:
- `trail s3://bucket/` gives exactly the JSON and table of `trail FOLDER` on the copy (object names
  s3://bucket/KEY in place of FOLDER/KEY, and the S3 counts, are the only differences);
- with --accounts/--regions/--since/--until only the prefixes that can match are listed: the list requests,
  keys listed and objects fetched that rootguard reports are the exact numbers the layout allows;
- a bucket of faults (not gzip, empty, truncated gzip, one key denied): each is named with its key and
  reason, counted, the rest is read and the run exits 1 (incomplete), as a local folder would;
- a bucket the reader may not list: the problem names s3:ListBucket and the prefix;
- the bucket lives in eu-west-1 while rootguard asks us-east-1 first: the region is found and reported;
- the secret key appears in no output.

Usage: moto_trail_s3.py ROOTGUARD_BINARY     (exit 77: moto not installed)
"""
import copy
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import moto_compare as mc  # noqa: E402  (exits 77 itself when moto is absent)

BUCKET = "trail-logs"
FAULTS = "trail-faults"
PRIVATE = "trail-private"
ORG = "o-test123abc"
ACCOUNTS = ["111111111111", "222222222222", "333333333333"]
REGIONS = ["ap-northeast-1", "eu-west-1", "us-east-1"]
DAYS = ["2024/03/01", "2024/03/02", "2024/03/03", "2024/03/04"]
FILES_PER_DAY = 3
DENIED_KEY = f"AWSLogs/{ORG}/111111111111/CloudTrail/us-east-1/2024/03/02/denied.json.gz"


def event(account, region, day, n, root):
    """One CloudTrail record: a root sign-in or root API call, or an IAM user's call."""
    time = f"{day.replace('/', '-')}T{n % 24:02}:{n % 60:02}:07Z"
    base = {"eventVersion": "1.08", "eventTime": time, "awsRegion": region, "sourceIPAddress": "198.51.100.7",
            "userAgent": "aws-cli/2.15.0", "eventID": f"{account}-{region}-{day.replace('/', '')}-{n:04}",
            "eventType": "AwsApiCall", "recipientAccountId": account}
    if root and n % 2 == 0:
        base.update({"eventName": "ConsoleLogin", "eventSource": "signin.amazonaws.com",
                     "eventType": "AwsConsoleSignIn",
                     "userIdentity": {"type": "Root", "principalId": account,
                                      "arn": f"arn:aws:iam::{account}:root", "accountId": account},
                     "responseElements": {"ConsoleLogin": "Success"},
                     "additionalEventData": {"MFAUsed": "No", "LoginTo": "https://console.aws.amazon.com"}})
    elif root:
        base.update({"eventName": "CreateAccessKey", "eventSource": "iam.amazonaws.com",
                     "userIdentity": {"type": "Root", "principalId": account,
                                      "arn": f"arn:aws:iam::{account}:root", "accountId": account,
                                      "accessKeyId": "ASIAEXAMPLE"}})
    else:
        base.update({"eventName": "DescribeInstances", "eventSource": "ec2.amazonaws.com",
                     "userIdentity": {"type": "IAMUser", "principalId": "AIDAEXAMPLE",
                                      "arn": f"arn:aws:iam::{account}:user/alice", "accountId": account,
                                      "userName": "alice"}})
    return base


def gz(records):
    return gzip.compress(json.dumps({"Records": records}).encode(), mtime=0)


def trail_corpus():
    """key -> bytes: the organization trail, many tiny objects (most well under 1 KB)."""
    objects = {}
    n = 0
    for a, account in enumerate(ACCOUNTS):
        for r, region in enumerate(REGIONS):
            for d, day in enumerate(DAYS):
                for f in range(FILES_PER_DAY):
                    compact = day.replace("/", "")
                    key = (f"AWSLogs/{ORG}/{account}/CloudTrail/{region}/{day}/"
                           f"{account}_CloudTrail_{region}_{compact}T{f:02}05Z_{a}{r}{d}{f}abcdef.json.gz")
                    records = []
                    for i in range(1 + (n % 3)):
                        n += 1
                        records.append(event(account, region, day, n, root=(n % 7 == 0)))
                    objects[key] = gz(records)
    return objects


def fault_corpus():
    good = trail_corpus()
    keys = sorted(good)[:4]
    objects = {k: good[k] for k in keys}
    prefix = f"AWSLogs/{ORG}/111111111111/CloudTrail/us-east-1/2024/03/02/"
    objects[prefix + "not-gzip.json.gz"] = b'{"Records": []}'
    objects[prefix + "empty.json.gz"] = b""
    whole = gz([event("111111111111", "us-east-1", "2024/03/02", i, root=False) for i in range(40)])
    objects[prefix + "truncated.json.gz"] = whole[: len(whole) // 2]
    objects[DENIED_KEY] = good[keys[0]]
    return objects


READER_POLICY = {"Version": "2012-10-17", "Statement": [
    # moto authorizes HeadBucket as s3:HeadBucket (AWS uses s3:ListBucket for it).
    {"Effect": "Allow", "Action": ["s3:ListBucket", "s3:HeadBucket"],
     "Resource": [f"arn:aws:s3:::{BUCKET}", f"arn:aws:s3:::{FAULTS}"]},
    {"Effect": "Allow", "Action": "s3:GetObject",
     "Resource": [f"arn:aws:s3:::{BUCKET}/*", f"arn:aws:s3:::{FAULTS}/*"]},
    {"Effect": "Deny", "Action": "s3:GetObject", "Resource": f"arn:aws:s3:::{FAULTS}/{DENIED_KEY}"},
]}


def bootstrap(endpoint):
    """Exactly mc.BOOTSTRAP_CALLS unauthenticated calls: two users with keys; moto checks every call after."""
    iam = mc.client("iam", endpoint, "bootstrap", "bootstrap")
    keys = {}
    for user, policy in (("seeder", mc.ALLOW_ALL), ("reader", READER_POLICY)):
        iam.create_user(UserName=user)
        iam.put_user_policy(UserName=user, PolicyName="p", PolicyDocument=json.dumps(policy))
        k = iam.create_access_key(UserName=user)["AccessKey"]
        keys[user] = (k["AccessKeyId"], k["SecretAccessKey"])
    return keys


def upload(endpoint, seeder, bucket, objects, region):
    import boto3
    s3 = boto3.client("s3", region_name=region, endpoint_url=endpoint, aws_access_key_id=seeder[0],
                      aws_secret_access_key=seeder[1])
    if region == "us-east-1":
        s3.create_bucket(Bucket=bucket)
    else:
        s3.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": region})
    for key, body in objects.items():
        s3.put_object(Bucket=bucket, Key=key, Body=body)


def write_copy(folder, objects):
    for key, body in objects.items():
        path = os.path.join(folder, key)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(body)


OUTPUTS = []  # every run's stdout and stderr, searched for the secret key at the end


def run(rootguard, args, env):
    done = subprocess.run([rootguard, "trail", *args], env=env, capture_output=True, text=True)
    OUTPUTS.extend([done.stdout, done.stderr])
    return done


def normalised(doc, bucket, folder):
    """The S3 run's document with object names as the copy's paths and without the S3 counts."""
    text = json.dumps(doc).replace(f"s3://{bucket}/", folder.rstrip("/") + "/")
    out = json.loads(text)
    out["summary"].pop("s3", None)
    out["run"]["paths"] = ["<input>"]
    return out


def local_normalised(doc):
    out = copy.deepcopy(doc)
    out["run"]["paths"] = ["<input>"]
    return out


def check_same_as_copy(rootguard, env, folder, failures):
    for fmt in ("json", "table"):
        remote = run(rootguard, [f"s3://{BUCKET}/", "--format", fmt], env)
        local = run(rootguard, [folder, "--format", fmt], env)
        if remote.returncode != local.returncode:
            failures.append(f"{fmt}: exit {remote.returncode} from S3, {local.returncode} from the copy: "
                            f"{remote.stderr.strip()}")
            continue
        if fmt == "json":
            doc = json.loads(remote.stdout)
            if normalised(doc, BUCKET, folder) != local_normalised(json.loads(local.stdout)):
                failures.append("json: trail s3:// differs from trail on the copy")
            else:
                s = doc["summary"]
                print(f"json: same as the copy: {s['files']} files, {s['events']} events, {s['matched']} matched; "
                      f"S3: {json.dumps(s['s3'])}")
                if s["matched"] == 0 or s["files"] != len(trail_corpus()):
                    failures.append(f"json: expected {len(trail_corpus())} files with matches, got {s['files']}")
                if s["s3"]["region"] != "eu-west-1":
                    failures.append(f"the bucket's region was not found: {s['s3']['region']}")
        else:
            lines = [line for line in remote.stdout.replace(f"s3://{BUCKET}/", folder.rstrip("/") + "/")
                     .splitlines() if not line.startswith("S3 bucket ")]
            if lines != local.stdout.splitlines():
                failures.append("table: trail s3:// differs from trail on the copy:\n" + "\n".join(lines[:40]))
            elif f"S3 bucket {BUCKET} (eu-west-1)" not in remote.stdout:
                failures.append("table: no S3 line")
            else:
                print(f"table: same as the copy ({len(lines)} lines)")


def check_pruning(rootguard, env, folder, failures):
    filters = ["--accounts", "222222222222", "--regions", "eu-west-1", "--since", "2024-03-02",
               "--until", "2024-03-02"]
    remote = run(rootguard, [f"s3://{BUCKET}", "--format", "json", *filters], env)
    local = run(rootguard, [folder, "--format", "json", *filters], env)
    if remote.returncode not in (0, 3) or remote.returncode != local.returncode:
        failures.append(f"pruned run: exit {remote.returncode} (copy {local.returncode}): {remote.stderr.strip()}")
        return
    doc, ref = json.loads(remote.stdout), json.loads(local.stdout)
    s3 = doc["summary"]["s3"]
    # Delivery days 03-01..03-03 (one day of slack each side) of one account and region.
    expected_keys = 3 * FILES_PER_DAY
    # AWSLogs/ and the organization level (delimiter), then the region's years and 2024's months
    # (delimiter), then the three day prefixes: nothing of the other accounts, regions or days.
    # And one listing of the bucket's top level, for anything outside AWSLogs/.
    expected_requests = 1 + 2 + 2 + 3
    if (s3["objects_listed"], s3["objects_fetched"], s3["list_requests"]) != (
            expected_keys, expected_keys, expected_requests):
        failures.append(f"pruning: listed {s3['objects_listed']}, fetched {s3['objects_fetched']}, "
                        f"{s3['list_requests']} list requests; expected {expected_keys}, {expected_keys}, "
                        f"{expected_requests}")
    else:
        print(f"pruning: {s3['list_requests']} list requests, {s3['objects_listed']} keys listed and fetched "
              f"of {len(trail_corpus())} in the bucket")
    normal = normalised(doc, BUCKET, folder)
    for part in ("events", "detections", "accounts"):
        if normal[part] != ref[part]:
            failures.append(f"pruning: {part} differ from the filtered local run")
    if doc["summary"]["files"] != expected_keys or ref["summary"]["files"] != expected_keys:
        failures.append(f"pruning: {doc['summary']['files']} files read from S3, {ref['summary']['files']} "
                        f"from the copy; expected {expected_keys}")


def check_faults(rootguard, env, folder, failures, authenticated):
    remote = run(rootguard, [f"s3://{FAULTS}/", "--format", "json"], env)
    if remote.returncode != 1:
        failures.append(f"faults: exit {remote.returncode}, expected 1 (incomplete): {remote.stderr.strip()}")
        return
    doc = json.loads(remote.stdout)
    errors = {e["file"]: e["message"] for e in doc["summary"]["errors"]}
    prefix = f"s3://{FAULTS}/AWSLogs/{ORG}/111111111111/CloudTrail/us-east-1/2024/03/02/"
    wanted = {prefix + "not-gzip.json.gz": "not gzip", prefix + "empty.json.gz": "empty file",
              prefix + "truncated.json.gz": "truncated gzip data"}
    if authenticated:
        wanted[f"s3://{FAULTS}/{DENIED_KEY}"] = "s3:GetObject denied"
    for key, reason in wanted.items():
        if reason not in errors.get(key, ""):
            failures.append(f"faults: {key}: expected '{reason}', got '{errors.get(key)}'")
    s = doc["summary"]
    if s["files_failed"] != len(wanted) or s["files"] != 8 or s["s3"]["objects_failed"] != len(wanted) - 3:
        failures.append(f"faults: files {s['files']}, failed {s['files_failed']}, "
                        f"GetObject failed {s['s3']['objects_failed']}")
    else:
        print(f"faults: {s['files_failed']} of {s['files']} objects named and counted: "
              + "; ".join(f"{k.rsplit('/', 1)[1]}: {v}" for k, v in sorted(errors.items())))
    # The same bytes on disk read the same (the denied object aside, which a copy would not hold).
    local = run(rootguard, [folder, "--format", "json"], env)
    local_errors = {e["file"].replace(folder.rstrip("/") + "/", f"s3://{FAULTS}/"): e["message"]
                    for e in json.loads(local.stdout)["summary"]["errors"]}
    errors.pop(f"s3://{FAULTS}/{DENIED_KEY}", None)
    if local_errors != errors:
        failures.append(f"faults: messages differ from the copy's: {local_errors} vs {errors}")


def check_scan_cloudtrail(rootguard, env, folder, failures):
    """scan --cloudtrail s3://... feeds root-recent-use exactly as --cloudtrail FOLDER does."""
    snapshot = os.path.join(os.path.dirname(folder), "snapshot")
    source = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "examples", "example-org")
    shutil.copytree(source, snapshot, ignore=shutil.ignore_patterns("cloudtrail"))
    runs = []
    for location in (f"s3://{BUCKET}/", folder):
        done = subprocess.run([rootguard, "scan", "--snapshot", snapshot, "--cloudtrail", location, "--format",
                               "json", "--as-of", "2024-03-10T00:00:00Z"], env=env, capture_output=True, text=True)
        OUTPUTS.extend([done.stdout, done.stderr])
        runs.append(done)
    if runs[0].returncode != runs[1].returncode or runs[0].returncode not in (0, 3):
        failures.append(f"scan --cloudtrail: exit {runs[0].returncode} from S3, {runs[1].returncode} from the "
                        f"copy: {runs[0].stderr.strip()}")
        return
    remote, local = json.loads(runs[0].stdout), json.loads(runs[1].stdout)
    bare = subprocess.run([rootguard, "scan", "--snapshot", snapshot, "--format", "json", "--as-of",
                           "2024-03-10T00:00:00Z"], env=env, capture_output=True, text=True)
    if json.loads(bare.stdout) == remote:
        failures.append("scan --cloudtrail s3://: the logs changed nothing (the check would prove nothing)")
    recent = [f for f in remote.get("findings", []) if f.get("control_id", f.get("control")) == "root-recent-use"]
    if remote != local:
        failures.append("scan --cloudtrail s3:// differs from scan --cloudtrail on the copy")
    else:
        print(f"scan --cloudtrail s3://: the same report as the copy ({len(remote.get('findings', []))} findings, "
              f"{len(recent)} root-recent-use)")


def check_shards(rootguard, env, home, failures):
    """trail s3:// --shard I/N on each shard, then merge: the unsharded run's output byte for byte (decision
    0024); each shard fetched only its own objects, and together every object once."""
    for bucket, n in ((BUCKET, 1), (BUCKET, 3), (FAULTS, 2)):
        parts = []
        fetched = 0
        for i in range(n):
            part = os.path.join(home, f"part-{bucket}-{n}-{i}.json")
            done = run(rootguard, [f"s3://{bucket}/", "--shard", f"{i}/{n}", "--part-output", part], env)
            if done.returncode != 0:
                failures.append(f"s3 shard {i}/{n}: exit {done.returncode}: {done.stderr.strip()}")
                return
            with open(part) as f:
                fetched += json.load(f)["s3"]["objects_fetched"]
            parts.append(part)
        for fmt in ("json", "table", "sarif"):
            whole = run(rootguard, [f"s3://{bucket}/", "--format", fmt], env)
            merged = subprocess.run([rootguard, "merge", *reversed(parts), "--format", fmt], env=env,
                                    capture_output=True, text=True)
            OUTPUTS.extend([merged.stdout, merged.stderr])
            if (merged.returncode, merged.stdout) != (whole.returncode, whole.stdout):
                failures.append(f"s3://{bucket} in {n} shards, {fmt}: merge gives exit {merged.returncode} and "
                                f"{len(merged.stdout)} bytes, the unsharded run {whole.returncode} and "
                                f"{len(whole.stdout)}: {merged.stderr.strip()}")
        unsharded = json.loads(run(rootguard, [f"s3://{bucket}/", "--format", "json"], env).stdout)
        if fetched != unsharded["summary"]["s3"]["objects_fetched"]:
            failures.append(f"s3://{bucket} in {n} shards fetched {fetched} objects in all, the unsharded run "
                            f"{unsharded['summary']['s3']['objects_fetched']}")
        print(f"s3://{bucket} in {n} shards: merge identical to the unsharded run, {fetched} objects fetched in all")


def check_denied_listing(rootguard, env, failures):
    remote = run(rootguard, [f"s3://{PRIVATE}/", "--format", "json"], env)
    if remote.returncode != 1:
        failures.append(f"denied listing: exit {remote.returncode}, expected 1: {remote.stderr.strip()}")
        return
    errors = json.loads(remote.stdout)["summary"]["errors"]
    if not errors or "s3:ListBucket denied" not in errors[0]["message"] or \
            errors[0]["file"] != f"s3://{PRIVATE}/AWSLogs/":
        failures.append(f"denied listing: {errors}")
    else:
        print(f"denied listing: {errors[0]['file']}: {errors[0]['message']}")


def moto_verifies_listings(home):
    """Whether this moto verifies a signed ListObjectsV2 with a prefix and delimiter (botocore's own)."""
    import boto3
    import botocore.exceptions
    with mc.MotoServer(home, auth_after=mc.BOOTSTRAP_CALLS) as server:
        keys = bootstrap(server.endpoint)
        upload(server.endpoint, keys["seeder"], BUCKET, dict(list(trail_corpus().items())[:1]), "us-east-1")
        s3 = boto3.client("s3", region_name="us-east-1", endpoint_url=server.endpoint,
                          aws_access_key_id=keys["reader"][0], aws_secret_access_key=keys["reader"][1])
        try:
            s3.list_objects_v2(Bucket=BUCKET, Prefix="AWSLogs/", Delimiter="/")
            return True
        except botocore.exceptions.ClientError as error:
            if error.response["Error"]["Code"] != "SignatureDoesNotMatch":
                raise
            return False


def main():
    rootguard = sys.argv[1]
    home = tempfile.mkdtemp(prefix="rg-moto-trail-s3-")
    failures = []
    try:
        authenticated = moto_verifies_listings(home)
        print("moto verifies signed listings: IAM policies checked" if authenticated else
              "moto refuses botocore's own signed ListObjectsV2 with a delimiter (SignatureDoesNotMatch): "
              "the runs below go to a moto_server that does not authenticate")
        with mc.MotoServer(home, auth_after=mc.BOOTSTRAP_CALLS if authenticated else None) as server:
            keys = bootstrap(server.endpoint)
            corpus = trail_corpus()
            upload(server.endpoint, keys["seeder"], BUCKET, corpus, "eu-west-1")
            faults = fault_corpus()
            upload(server.endpoint, keys["seeder"], FAULTS, faults, "us-east-1")
            upload(server.endpoint, keys["seeder"], PRIVATE, dict(list(corpus.items())[:2]), "us-east-1")
            copy_folder = os.path.join(home, "copy")
            write_copy(copy_folder, corpus)
            faults_folder = os.path.join(home, "faults")
            write_copy(faults_folder, faults)
            env = mc.client_env(home, server.endpoint, *keys["reader"])
            print(f"{len(corpus)} objects in s3://{BUCKET} (eu-west-1), largest {max(map(len, corpus.values()))} bytes")
            check_same_as_copy(rootguard, env, copy_folder, failures)
            check_pruning(rootguard, env, copy_folder, failures)
            check_faults(rootguard, env, faults_folder, failures, authenticated)
            check_scan_cloudtrail(rootguard, env, copy_folder, failures)
            check_shards(rootguard, env, home, failures)
            if authenticated:
                check_denied_listing(rootguard, env, failures)
            # Requester pays: the header is signed and sent; the run reads the same.
            paid = run(rootguard, [f"s3://{BUCKET}/", "--format", "json", "--request-payer", "requester"], env)
            if paid.returncode != 3 or json.loads(paid.stdout)["summary"]["files"] != len(corpus):
                failures.append(f"--request-payer requester: exit {paid.returncode}: {paid.stderr.strip()}")
            mc.secrets_absent(os.path.join(home, "none"), OUTPUTS, [keys["reader"][1]], failures)
    finally:
        shutil.rmtree(home, ignore_errors=True)
    if failures:
        print("\n".join(failures))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""rootguard's AWS client against a real emulator, compared with the AWS CLI.

Starts moto_server on 127.0.0.1 (a free port) with INITIAL_NO_AUTH_ACTION_COUNT set, so that after the
bootstrap calls moto verifies every SigV4 signature and evaluates IAM policies; seeds it with boto3;
then for each call runs the AWS CLI on this machine and tests/aws/aws_call (rootguard's client) against
the same server with the same read-only credentials and compares the outputs as JSON values
(timestamps as instants). Exit 77 (skipped) only when moto is not installed.

Usage: moto_compare.py AWS_CALL_BINARY
"""
import datetime
import gzip
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time

try:
    import boto3
    import moto  # noqa: F401  (presence check)
except ImportError:
    print("SKIP: moto or boto3 is not installed (tests/tools/setup installs moto[server])")
    sys.exit(77)

MOTO_SERVER = shutil.which("moto_server")
# Both CLI generations are the reference: awscli v1 from pip (on PATH) and Debian's awscli v2 (apt,
# /usr/bin/aws; scripts/install-deps installs it). Debian's 2.9 predates AWS_ENDPOINT_URL, so the
# endpoint is passed as --endpoint-url to every CLI.
DEBIAN_AWS_CLI = "/usr/bin/aws"
AWS_CLI = shutil.which("aws")  # the first on PATH (moto_collect.py compares files with it)


def cli_generation(path):
    try:
        version = subprocess.run([path, "--version"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    text = (version.stdout + version.stderr).strip()
    return text.split()[0] if text.startswith("aws-cli/") else None


def model_root(path):
    """The botocore data folder a CLI reads its service models from."""
    if path == DEBIAN_AWS_CLI:
        return "/usr/lib/python3/dist-packages/awscli/botocore/data"
    try:
        import botocore
        return os.path.join(os.path.dirname(botocore.__file__), "data")
    except ImportError:
        return None


def output_shape(root, service, operation):
    folder = os.path.join(root or "", service)
    if not root or not os.path.isdir(folder):
        return None, None
    version = sorted(os.listdir(folder))[-1]
    base = os.path.join(folder, version, "service-2.json")
    if os.path.exists(base):
        with open(base) as f:
            model = json.load(f)
    else:  # pip's botocore ships its models compressed
        with gzip.open(base + ".gz", "rt") as f:
            model = json.load(f)
    op = model["operations"].get(operation, {})
    return model["shapes"], op.get("output", {}).get("shape")


def known_to_model(shapes, shape_name, path):
    """Whether the member at `path` ($.Accounts[0].State) exists in the CLI's own model: a CLI drops the
    members its (older) model does not have, so their absence is the CLI's age, not a difference."""
    if shapes is None or shape_name is None:
        return True
    shape = shapes.get(shape_name, {})
    for part in re.findall(r"\.([^.\[]+)|\[\d+\]", path[1:]):
        if shape.get("type") == "list":
            shape = shapes.get(shape["member"]["shape"], {})
        if not part:
            continue
        if shape.get("type") != "structure":
            return True
        member = shape.get("members", {}).get(part)
        if member is None:
            return False
        shape = shapes.get(member["shape"], {})
    return True


def reference_clis():
    found = {}
    for path in (shutil.which("aws"), DEBIAN_AWS_CLI):
        if path and os.path.exists(path):
            generation = cli_generation(path)
            if generation:
                found.setdefault(generation.split(".")[0], (generation, path))
    return sorted(found.values())
if MOTO_SERVER is None:
    print("SKIP: moto_server is not on PATH (tests/tools/setup installs moto[server])")
    sys.exit(77)

REGION = "us-east-1"
# Requests moto lets through unauthenticated: the bootstrap below makes exactly this many.
BOOTSTRAP_CALLS = 6

# What rootguard's collector needs, read-only: moto evaluates this policy for every call the auditor
# makes (the seeder has "*").
AUDITOR_POLICY = {
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Resource": "*", "Action": [
        "sts:GetCallerIdentity", "iam:GetAccountSummary", "iam:ListMFADevices", "iam:ListVirtualMFADevices",
        "organizations:ListAccounts", "organizations:DescribeOrganization", "cloudtrail:DescribeTrails",
        "logs:DescribeMetricFilters", "sns:ListSubscriptions", "sns:ListTopics", "guardduty:ListDetectors",
        "cloudwatch:DescribeAlarms", "monitoring:DescribeAlarms",
        # and the rest of what `rootguard collect` reads (tests/aws/moto_collect.py)
        "iam:GenerateCredentialReport", "iam:GetCredentialReport", "iam:ListOrganizationsFeatures",
        "organizations:ListRoots", "organizations:ListOrganizationalUnitsForParent",
        "organizations:ListAccountsForParent", "organizations:ListPolicies", "organizations:DescribePolicy",
        "organizations:ListTargetsForPolicy", "cloudtrail:GetTrailStatus", "cloudtrail:GetEventSelectors",
        "sns:ListSubscriptionsByTopic", "guardduty:GetDetector", "guardduty:ListFindings",
        "guardduty:GetFindings", "account:ListRegions",
        "ec2:DescribeRegions"]}],
}
ALLOW_ALL = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}

# moto 5 rejects every signed rest-json GET with SignatureDoesNotMatch (botocore's own requests too), so
# these run against a second server that does not check signatures: the protocol is still compared.
UNAUTHENTICATED_CALLS = [
    (["guardduty", "list-detectors"], "guardduty", "ListDetectors", {}),
    (["guardduty", "get-detector", "--detector-id", "{detector}"], "guardduty", "GetDetector",
     {"DetectorId": "{detector}"}),
]

# (CLI words, rootguard service, operation, input)
CALLS = [
    (["sts", "get-caller-identity"], "sts", "GetCallerIdentity", {}),
    (["iam", "get-account-summary"], "iam", "GetAccountSummary", {}),
    (["iam", "list-mfa-devices", "--user-name", "alice"], "iam", "ListMFADevices", {"UserName": "alice"}),
    (["iam", "list-virtual-mfa-devices"], "iam", "ListVirtualMFADevices", {}),
    (["organizations", "list-accounts", "--page-size", "4"], "organizations", "ListAccounts", {"MaxResults": 4}),
    (["organizations", "describe-organization"], "organizations", "DescribeOrganization", {}),
    (["cloudtrail", "describe-trails"], "cloudtrail", "DescribeTrails", {}),
    (["logs", "describe-metric-filters"], "logs", "DescribeMetricFilters", {}),
    (["sns", "list-subscriptions"], "sns", "ListSubscriptions", {}),
    (["cloudwatch", "describe-alarms"], "cloudwatch", "DescribeAlarms", {}),
]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(port, process):
    deadline = time.time() + 30
    while time.time() < deadline:
        if process.poll() is not None:
            raise RuntimeError("moto_server exited early")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("moto_server did not start within 30 s")


def client(service, endpoint, key, secret):
    return boto3.client(service, region_name=REGION, endpoint_url=endpoint, aws_access_key_id=key,
                        aws_secret_access_key=secret)


def bootstrap(endpoint):
    iam = client("iam", endpoint, "bootstrap", "bootstrap")
    keys = {}
    for user, policy in (("seeder", ALLOW_ALL), ("auditor", AUDITOR_POLICY)):
        iam.create_user(UserName=user)
        iam.put_user_policy(UserName=user, PolicyName="p", PolicyDocument=json.dumps(policy))
        k = iam.create_access_key(UserName=user)["AccessKey"]
        keys[user] = (k["AccessKeyId"], k["SecretAccessKey"])
    return keys


def seed(endpoint, key, secret):
    c = lambda s: client(s, endpoint, key, secret)  # noqa: E731
    iam = c("iam")
    iam.create_user(UserName="alice")
    device = iam.create_virtual_mfa_device(VirtualMFADeviceName="alice")["VirtualMFADevice"]
    iam.enable_mfa_device(UserName="alice", SerialNumber=device["SerialNumber"], AuthenticationCode1="123456",
                          AuthenticationCode2="654321")
    iam.create_virtual_mfa_device(VirtualMFADeviceName="unassigned")
    orgs = c("organizations")
    orgs.create_organization(FeatureSet="ALL")
    for i in range(9):
        orgs.create_account(Email=f"member{i}@example.com", AccountName=f"member-{i}")
    s3 = c("s3")
    s3.create_bucket(Bucket="trail-bucket")
    c("cloudtrail").create_trail(Name="org-trail", S3BucketName="trail-bucket", IsMultiRegionTrail=True)
    logs = c("logs")
    logs.create_log_group(logGroupName="trail-logs")
    logs.put_metric_filter(logGroupName="trail-logs", filterName="root-usage",
                           filterPattern='{ $.userIdentity.type = "Root" }',
                           metricTransformations=[{"metricName": "RootUsage", "metricNamespace": "CIS",
                                                   "metricValue": "1"}])
    sns = c("sns")
    topic = sns.create_topic(Name="alarms")["TopicArn"]
    sns.subscribe(TopicArn=topic, Protocol="email", Endpoint="security@example.com")
    sns.subscribe(TopicArn=topic, Protocol="sqs", Endpoint="arn:aws:sqs:us-east-1:123456789012:q")
    c("guardduty").create_detector(Enable=True)
    # A read-only role for the auditor to assume (moto_collect.py's --profile run goes through it).
    trust = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole",
             "Principal": {"AWS": "arn:aws:iam::123456789012:user/auditor"}}]}
    iam.create_role(RoleName="rootguard-audit", AssumeRolePolicyDocument=json.dumps(trust))
    iam.put_role_policy(RoleName="rootguard-audit", PolicyName="read", PolicyDocument=json.dumps(AUDITOR_POLICY))
    iam.put_user_policy(UserName="auditor", PolicyName="assume", PolicyDocument=json.dumps(
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole",
                                                 "Resource": "arn:aws:iam::123456789012:role/rootguard-audit"}]}))
    c("cloudwatch").put_metric_alarm(AlarmName="root-usage", MetricName="RootUsage", Namespace="CIS",
                                     Statistic="Sum", Period=300, EvaluationPeriods=1, Threshold=1,
                                     ComparisonOperator="GreaterThanOrEqualToThreshold", AlarmActions=[topic])


def instant(value):
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return datetime.datetime.fromtimestamp(value, datetime.timezone.utc)
    if isinstance(value, str) and len(value) >= 19 and value[4] == "-" and value[10] in "T ":
        try:
            parsed = datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=datetime.timezone.utc)
        except ValueError:
            return None
    return None


def differences(ours, theirs, path="$"):
    if isinstance(ours, dict) and isinstance(theirs, dict):
        out = []
        for key in sorted(set(ours) | set(theirs)):
            if key not in ours:
                out.append(f"{path}.{key}: missing in rootguard's output")
            elif key not in theirs:
                out.append(f"{path}.{key}: not in the AWS CLI's output")
            else:
                out += differences(ours[key], theirs[key], f"{path}.{key}")
        return out
    if isinstance(ours, list) and isinstance(theirs, list):
        if len(ours) != len(theirs):
            return [f"{path}: {len(ours)} items, the CLI {len(theirs)}"]
        return [d for i, (a, b) in enumerate(zip(ours, theirs)) for d in differences(a, b, f"{path}[{i}]")]
    if ours == theirs and type(ours) is type(theirs):
        return []
    a, b = instant(ours), instant(theirs)
    if a is not None and b is not None and abs((a - b).total_seconds()) < 0.001:
        return []
    return [f"{path}: rootguard {json.dumps(ours)}, the CLI {json.dumps(theirs)}"]


# moto's session tokens start with this prefix.
SESSION_TOKEN_PREFIX = "FQoGZXIvYXdzEBYaD"


def secrets_absent(folder, outputs, forbidden, failures):
    """No file under `folder` and none of `outputs` (rootguard's stdout/stderr) holds any `forbidden` text."""
    for base, _, files in os.walk(folder):
        for name in files:
            text = open(os.path.join(base, name), errors="replace").read()
            if any(secret in text for secret in forbidden):
                failures.append(f"a secret or session token is in {os.path.join(base, name)}")
    for text in outputs:
        if any(secret in text for secret in forbidden):
            failures.append("a secret or session token is in rootguard's output")


class MotoServer:
    """moto_server on a free loopback port, stopped on exit; authenticating when auth_after is set."""

    def __init__(self, home, auth_after=None):
        self.port = free_port()
        self.endpoint = f"http://127.0.0.1:{self.port}"
        env = dict(os.environ, HOME=home)
        env.pop("INITIAL_NO_AUTH_ACTION_COUNT", None)
        if auth_after is not None:
            env["INITIAL_NO_AUTH_ACTION_COUNT"] = str(auth_after)
        self.process = subprocess.Popen([MOTO_SERVER, "-H", "127.0.0.1", "-p", str(self.port)], env=env,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def __enter__(self):
        wait_for(self.port, self.process)
        return self

    def __exit__(self, *_):
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def compare(calls, env, aws_call, failures, substitutions, clis):
    for words, service, operation, params in calls:
        words = [w.format(**substitutions) for w in words]
        params = json.loads(json.dumps(params).replace("{detector}", substitutions.get("detector", "")))
        name = " ".join(words)
        ours = subprocess.run([aws_call, service, operation, json.dumps(params)], env=env, capture_output=True,
                              text=True)
        if ours.returncode != 0:
            failures.append(f"{name}: rootguard failed: {ours.stderr.strip()}")
            continue
        for generation, path in clis:
            cli = subprocess.run([path, *words, "--output", "json", "--endpoint-url", env["AWS_ENDPOINT_URL"]],
                                 env=env, capture_output=True, text=True)
            if cli.returncode != 0:
                failures.append(f"{name}: {generation} failed: {cli.stderr.strip()}")
                continue
            diff = differences(json.loads(ours.stdout), json.loads(cli.stdout))
            shapes, shape = output_shape(model_root(path), service, operation)
            newer = [d for d in diff if d.endswith(": not in the AWS CLI's output")
                     and not known_to_model(shapes, shape, d.split(":")[0])]
            for d in newer:
                print(f"{name}: {d.split(':')[0]} is newer than {generation}'s model (the CLI drops it)")
            diff = [d for d in diff if d not in newer]
            if diff:
                failures.append(f"{name} ({generation}):\n  " + "\n  ".join(diff))
            else:
                print(f"same as {generation}: {name}")


def client_env(home, endpoint, key, secret):
    # A clean environment: no profile, no real credentials, nothing from the user's ~/.aws.
    return {"PATH": os.environ["PATH"], "HOME": home, "AWS_ENDPOINT_URL": endpoint, "AWS_REGION": REGION,
            "AWS_DEFAULT_REGION": REGION, "AWS_ACCESS_KEY_ID": key, "AWS_SECRET_ACCESS_KEY": secret,
            "AWS_EC2_METADATA_DISABLED": "true"}


def main():
    aws_call = sys.argv[1]
    clis = reference_clis()
    if not clis:
        print("SKIP: the AWS CLI is not installed")
        sys.exit(77)
    print("reference CLIs: " + ", ".join(f"{g} ({p})" for g, p in clis))
    if len(clis) < 2:
        print("note: only one CLI generation found; scripts/install-deps installs Debian's awscli v2")
    home = tempfile.mkdtemp(prefix="rg-moto-")
    failures = []
    try:
        with MotoServer(home, auth_after=BOOTSTRAP_CALLS) as server:
            keys = bootstrap(server.endpoint)
            seed(server.endpoint, *keys["seeder"])
            env = client_env(home, server.endpoint, *keys["auditor"])
            compare(CALLS, env, aws_call, failures, {}, clis)
            # moto really checks: a wrong secret is refused as a bad signature, a call outside the
            # auditor's policy is AccessDenied.
            bad = dict(env, AWS_SECRET_ACCESS_KEY="wrong")
            refused = subprocess.run([aws_call, "iam", "GetAccountSummary"], env=bad, capture_output=True, text=True)
            if refused.returncode == 0 or "SignatureDoesNotMatch" not in refused.stderr:
                failures.append(f"a wrong secret was not refused with SignatureDoesNotMatch: {refused.stderr.strip()}")
            else:
                print("wrong secret refused: SignatureDoesNotMatch")
            denied = subprocess.run([aws_call, "iam", "ListAccountAliases"], env=env, capture_output=True, text=True)
            if denied.returncode == 0 or "AccessDenied" not in denied.stderr:
                failures.append(f"a call outside the policy was not AccessDenied: {denied.stderr.strip()}")
            else:
                print("call outside the auditor policy refused: AccessDenied")
            # The secret never shows in what rootguard prints, even in errors.
            for run in (refused, denied):
                if keys["auditor"][1] in run.stdout + run.stderr:
                    failures.append("the secret access key appeared in rootguard's output")
        with MotoServer(home) as server:
            env = client_env(home, server.endpoint, "AKIDEXAMPLE", "unchecked")
            detector = client("guardduty", server.endpoint, "a", "b").create_detector(Enable=True)["DetectorId"]
            compare(UNAUTHENTICATED_CALLS, env, aws_call, failures, {"detector": detector}, clis)
    finally:
        shutil.rmtree(home, ignore_errors=True)
    if failures:
        print("\n".join(failures))
        return 1
    print(f"{len(CALLS) + len(UNAUTHENTICATED_CALLS)} operations give the same JSON as "
          + " and ".join(g for g, _ in clis))
    return 0


if __name__ == "__main__":
    sys.exit(main())

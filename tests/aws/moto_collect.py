#!/usr/bin/env python3
"""`rootguard collect` against moto_server (signatures and the auditor's read-only policy verified):
the snapshot files are written, each equals what the AWS CLI prints for the same call, `rootguard scan`
reads the folder, collection.json logs every call, and no file holds the secret key.

Usage: moto_collect.py ROOTGUARD_BINARY     (exit 77: moto not installed)
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import moto_compare as mc  # noqa: E402  (exits 77 itself when moto is absent)

# (file under accounts/<id>/, the AWS CLI words that print the same document)
SAME_AS_CLI = [
    ("sts/GetCallerIdentity.json", ["sts", "get-caller-identity"]),
    ("iam/GetAccountSummary.json", ["iam", "get-account-summary"]),
    ("iam/ListVirtualMFADevices.json", ["iam", "list-virtual-mfa-devices"]),
    ("regions/us-east-1/cloudtrail/DescribeTrails.json", ["cloudtrail", "describe-trails"]),
    ("regions/us-east-1/cloudtrail/GetTrailStatus/org-trail.json", ["cloudtrail", "get-trail-status", "--name", "org-trail"]),
    ("regions/us-east-1/logs/DescribeMetricFilters.json", ["logs", "describe-metric-filters"]),
    ("regions/us-east-1/cloudwatch/DescribeAlarms.json", ["cloudwatch", "describe-alarms"]),
    ("regions/us-east-1/sns/ListSubscriptionsByTopic/alarms.json",
     ["sns", "list-subscriptions-by-topic", "--topic-arn", "arn:aws:sns:us-east-1:{account}:alarms"]),
]


def collect_through_role(rootguard, home, endpoint, auditor):
    """--profile with role_arn + source_profile + external_id: rootguard assumes the role through moto's
    STS and collects with the session; neither the source secret nor the session token is written."""
    failures = []
    aws_dir = os.path.join(home, ".aws")
    os.makedirs(aws_dir, exist_ok=True)
    with open(os.path.join(aws_dir, "config"), "w") as f:
        f.write("[profile audit]\nrole_arn = arn:aws:iam::123456789012:role/rootguard-audit\n"
                "source_profile = base\nexternal_id = rg-ext\nrole_session_name = rootguard-test\n"
                "region = us-east-1\n")
    with open(os.path.join(aws_dir, "credentials"), "w") as f:
        f.write(f"[base]\naws_access_key_id = {auditor[0]}\naws_secret_access_key = {auditor[1]}\n")
    env = {"PATH": os.environ["PATH"], "HOME": home, "AWS_ENDPOINT_URL": endpoint, "AWS_EC2_METADATA_DISABLED": "true"}
    out = os.path.join(home, "snapshot-role")
    run = subprocess.run([rootguard, "collect", "--profile", "audit", "--output", out, "--regions", "us-east-1"],
                         env=env, capture_output=True, text=True)
    print(run.stderr.strip())
    if run.returncode != 0:
        return [f"rootguard collect --profile audit failed ({run.returncode})"]
    accounts = os.listdir(os.path.join(out, "accounts"))
    identity = json.load(open(os.path.join(out, "accounts", accounts[0], "sts", "GetCallerIdentity.json")))
    if "assumed-role/rootguard-audit/rootguard-test" not in identity.get("Arn", ""):
        failures.append(f"collected as {identity.get('Arn')}, not the assumed role")
    else:
        print(f"collected through the role: {identity['Arn']}")
    mc.secrets_absent(out, [run.stdout + run.stderr], [mc.SESSION_TOKEN_PREFIX, auditor[1]], failures)
    return failures


def main():
    rootguard = sys.argv[1]
    if mc.AWS_CLI is None:
        print("SKIP: the AWS CLI is not installed")
        return 77
    home = tempfile.mkdtemp(prefix="rg-moto-collect-")
    out = os.path.join(home, "snapshot")
    failures = []
    try:
        with mc.MotoServer(home, auth_after=mc.BOOTSTRAP_CALLS) as server:
            keys = mc.bootstrap(server.endpoint)
            mc.seed(server.endpoint, *keys["seeder"])
            env = mc.client_env(home, server.endpoint, *keys["auditor"])
            run = subprocess.run([rootguard, "collect", "--output", out, "--regions", "us-east-1"], env=env,
                                 capture_output=True, text=True)
            print(run.stderr.strip())
            if run.returncode != 0:
                print(f"rootguard collect failed ({run.returncode})")
                return 1
            account = json.load(open(os.path.join(out, "accounts", os.listdir(os.path.join(out, "accounts"))[0],
                                                  "sts", "GetCallerIdentity.json")))["Account"]
            base = os.path.join(out, "accounts", account)
            for relative, words in SAME_AS_CLI:
                words = [w.format(account=account) for w in words]
                path = os.path.join(base, relative)
                if not os.path.exists(path):
                    failures.append(f"{relative}: not written")
                    continue
                cli = subprocess.run([mc.AWS_CLI, *words, "--output", "json"], env=env, capture_output=True,
                                     text=True)
                if cli.returncode != 0:
                    failures.append(f"{relative}: the AWS CLI failed: {cli.stderr.strip()}")
                    continue
                diff = mc.differences(json.load(open(path)), json.loads(cli.stdout))
                if diff:
                    failures.append(f"{relative}:\n  " + "\n  ".join(diff))
                else:
                    print(f"same as `aws {' '.join(words)}`: {relative}")
            for required in ("iam/GetCredentialReport.json",):
                if not os.path.exists(os.path.join(base, required)):
                    failures.append(f"{required}: not written")
            for required in ("snapshot.json", "collection.json", "organization/DescribeOrganization.json",
                             "organization/ListRoots.json"):
                if not os.path.exists(os.path.join(out, required)):
                    failures.append(f"{required}: not written")
            log = json.load(open(os.path.join(out, "collection.json")))
            if not log["calls"] or any("service" not in c or "outcome" not in c for c in log["calls"]):
                failures.append("collection.json does not log every call")
            print(f"collection.json: {log['call_count']} calls, {log['error_count']} errors")
            for call in log["calls"]:
                if call["outcome"] != "ok":
                    print(f"  logged: {call['service']} {call['operation']}: {call['outcome']} {call.get('error_code')}")
            # moto refuses signed rest-json GETs (see moto_compare.py): the failure must be logged, its file
            # absent (UNKNOWN in the scan), and the run must go on.
            gd = [c for c in log["calls"] if c["operation"] == "ListDetectors"]
            if not gd or (gd[0]["outcome"] == "error") != (not os.path.exists(
                    os.path.join(base, "regions/us-east-1/guardduty/ListDetectors.json"))):
                failures.append("guardduty ListDetectors: log and file disagree")
            secret = keys["auditor"][1]
            for folder, _, files in os.walk(out):
                for name in files:
                    if secret in open(os.path.join(folder, name), errors="replace").read():
                        failures.append(f"the secret key is in {os.path.join(folder, name)}")
            if secret in run.stdout + run.stderr:
                failures.append("the secret key is in rootguard's output")
            scan = subprocess.run([rootguard, "scan", "--snapshot", out, "--format", "json"], env=env,
                                  capture_output=True, text=True)
            if scan.returncode not in (0, 3):
                failures.append(f"rootguard scan of the collected snapshot failed ({scan.returncode}): {scan.stderr}")
            else:
                report = json.loads(scan.stdout)
                print(f"rootguard scan read the collected snapshot: exit {scan.returncode}, "
                      f"{len(report.get('findings', []))} findings, {len(report.get('problems', []))} problems")
                for problem in report.get("problems", []):
                    failures.append(f"scan problem: {json.dumps(problem)}")
            failures += collect_through_role(rootguard, home, server.endpoint, keys["auditor"])
    finally:
        shutil.rmtree(home, ignore_errors=True)
    if failures:
        print("\n".join(failures))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""`rootguard collect --org` and `scan --live` against moto_server with signatures and IAM policies
verified: an organization (management account, members in OUs, an SCP) where each member has a
read-only role `rootguard-read` made by CreateAccount; the auditor in the management account may assume
it everywhere except in one member (an explicit Deny, standing for a member whose role is missing or
does not trust the auditor: moto's AssumeRole does not look at the member's trust policy).

Checks: every reachable member's folder holds its files, collected through the role; the unreachable
member is logged with its error code and reported, the others go on, exit 1 (incomplete); excluding it
gives a complete run (exit 0); `scan --snapshot` reads every account; `scan --live` gives the same
findings as collect + scan --snapshot and removes its temporary folder; a wrong role name fails every
member; `--org` without `--role-name` and a malformed account id are usage errors (exit 2); an
`--accounts` id outside the organization is reported; no file or output holds a secret.

Usage: moto_org_collect.py ROOTGUARD_BINARY     (exit 77: moto not installed)
"""
import json
import os
import pty
import shutil
import subprocess
import sys
import tempfile
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import moto_compare as mc  # noqa: E402  (exits 77 itself when moto is absent)
import boto3  # noqa: E402

MANAGEMENT = "123456789012"  # moto's default account
DOCS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "docs", "iam")


def documented_policy(name):
    """A policy of docs/iam/, so that this run shows it is enough for the collector."""
    return json.load(open(os.path.join(DOCS, name)))


# The documented read-only policy, plus the name moto gives CloudWatch's actions: moto takes the prefix
# from the signing name ("monitoring"), where IAM says cloudwatch:DescribeAlarms.
READ_POLICY = documented_policy("rootguard-collector-policy.json")
READ_POLICY["Statement"][0]["Action"].append("monitoring:DescribeAlarms")
ROLE = "rootguard-read"
EXTERNAL_ID = "rg-external-7d1c"


def client(service, endpoint, account=None):
    c = boto3.client(service, region_name=mc.REGION, endpoint_url=endpoint, aws_access_key_id="seed",
                     aws_secret_access_key="seed")
    if account:
        # moto's multi-account support: the header chooses the account a (seeding) call acts in.
        c.meta.events.register("before-sign.*.*",
                               lambda request, **_: request.headers.__setitem__("x-moto-account-id", account))
    return c


def seed(endpoint):
    """Seeded with authentication off; returns the auditor's keys and the members by name."""
    orgs = client("organizations", endpoint)
    orgs.create_organization(FeatureSet="ALL")
    root = orgs.list_roots()["Roots"][0]["Id"]
    workloads = orgs.create_organizational_unit(ParentId=root, Name="Workloads")["OrganizationalUnit"]["Id"]
    sandbox = orgs.create_organizational_unit(ParentId=root, Name="Sandbox")["OrganizationalUnit"]["Id"]
    members = {}
    for name, parent in (("prod", workloads), ("dev", workloads), ("play", sandbox), ("broken", root)):
        status = orgs.create_account(Email=f"{name}@example.com", AccountName=name, RoleName=ROLE)
        account = status["CreateAccountStatus"]["AccountId"]
        members[name] = account
        if parent != root:
            orgs.move_account(AccountId=account, SourceParentId=root, DestinationParentId=parent)
        # The member's role may read what the collector reads, nothing more.
        client("iam", endpoint, account).put_role_policy(RoleName=ROLE, PolicyName="read",
                                                         PolicyDocument=json.dumps(READ_POLICY))
    scp = orgs.create_policy(Name="deny-root", Type="SERVICE_CONTROL_POLICY", Description="",
                             Content=json.dumps({"Version": "2012-10-17", "Statement": [{
                                 "Effect": "Deny", "Action": "*", "Resource": "*",
                                 "Condition": {"StringLike": {"aws:PrincipalArn": "arn:aws:iam::*:root"}}}]}))
    orgs.attach_policy(PolicyId=scp["Policy"]["PolicySummary"]["Id"], TargetId=workloads)
    # A member with something to find: a trail in prod.
    client("s3", endpoint, members["prod"]).create_bucket(Bucket="prod-trail")
    client("cloudtrail", endpoint, members["prod"]).create_trail(Name="prod-trail", S3BucketName="prod-trail")
    iam = client("iam", endpoint)
    iam.create_user(UserName="auditor")
    iam.put_user_policy(UserName="auditor", PolicyName="read", PolicyDocument=json.dumps(READ_POLICY))
    assume = documented_policy("rootguard-org-caller-policy.json")
    assume["Statement"].append({"Effect": "Deny", "Action": "sts:AssumeRole",
                                "Resource": f"arn:aws:iam::{members['broken']}:role/*"})
    iam.put_user_policy(UserName="auditor", PolicyName="assume", PolicyDocument=json.dumps(assume))
    key = iam.create_access_key(UserName="auditor")["AccessKey"]
    # From here on every call has its signature checked and its policy evaluated.
    urllib.request.urlopen(urllib.request.Request(f"{endpoint}/moto-api/reset-auth", data=b"0", method="POST",
                                                  headers={"Content-Type": "text/plain"}))
    return (key["AccessKeyId"], key["SecretAccessKey"]), members


def run(rootguard, args, env):
    done = subprocess.run([rootguard, *args], env=env, capture_output=True, text=True, timeout=240)
    print(f"$ rootguard {' '.join(args)}  -> exit {done.returncode}")
    for line in done.stderr.strip().splitlines():
        print(f"    {line}")
    return done


def check_org_snapshot(out, members, reachable, failures):
    """Every reachable account's files, collected through the role; the others absent."""
    for name, account in list(members.items()) + [("management", MANAGEMENT)]:
        base = os.path.join(out, "accounts", account)
        if name not in reachable:
            if os.path.exists(os.path.join(base, "iam")):
                failures.append(f"{name} ({account}) was not reachable but has files")
            continue
        for relative in ("sts/GetCallerIdentity.json", "iam/GetAccountSummary.json", "iam/GetCredentialReport.json",
                         "iam/ListVirtualMFADevices.json", "regions/us-east-1/cloudtrail/DescribeTrails.json",
                         "regions/us-east-1/cloudwatch/DescribeAlarms.json"):
            if not os.path.exists(os.path.join(base, relative)):
                failures.append(f"{name} ({account}): {relative} not written")
        identity = json.load(open(os.path.join(base, "sts/GetCallerIdentity.json")))
        expected = "user/auditor" if name == "management" else f"assumed-role/{ROLE}/rootguard-collect"
        if identity.get("Account") != account or expected not in identity.get("Arn", ""):
            failures.append(f"{name}: collected as {identity.get('Arn')}")
    if "prod" in reachable:
        trails = json.load(open(os.path.join(out, "accounts", members["prod"], "regions/us-east-1/cloudtrail/"
                                                                                "DescribeTrails.json")))
        if [t["Name"] for t in trails["trailList"]] != ["prod-trail"]:
            failures.append(f"prod's trails are not prod's own: {trails}")
    for required in ("snapshot.json", "organization/DescribeOrganization.json", "organization/ListRoots.json",
                     "organization/ListPolicies-SERVICE_CONTROL_POLICY.json"):
        if not os.path.exists(os.path.join(out, required)):
            failures.append(f"{required}: not written")


def scan_findings(rootguard, args, env, failures, label):
    done = run(rootguard, ["scan", *args, "--format", "json"], env)
    if done.returncode not in (0, 1, 3):
        failures.append(f"{label}: scan failed ({done.returncode})")
        return None, done
    report = json.loads(done.stdout)
    return report, done


def main():
    rootguard = sys.argv[1]
    home = tempfile.mkdtemp(prefix="rg-moto-org-")
    failures = []
    try:
        with mc.MotoServer(home, auth_after=10**9) as server:
            keys, members = seed(server.endpoint)
            env = dict(mc.client_env(home, server.endpoint, *keys), TMPDIR=home)
            org = ["--org", "--role-name", ROLE, "--regions", "us-east-1", "--concurrency", "3"]
            outputs = []

            # 1. One member cannot be reached: reported, the others collected, exit 1.
            out1 = os.path.join(home, "org")
            first = run(rootguard, ["collect", "--output", out1, *org], env)
            outputs += [first.stdout, first.stderr]
            if first.returncode != 1:
                failures.append(f"an unreachable member must make the collection incomplete (exit 1), got "
                                f"{first.returncode}")
            if members["broken"] not in first.stderr or "AccessDenied" not in first.stderr:
                failures.append("the unreachable member is not reported with its error code")
            check_org_snapshot(out1, members, {"management", "prod", "dev", "play"}, failures)
            log = json.load(open(os.path.join(out1, "collection.json")))
            assumes = [c for c in log["calls"] if c["operation"] == "AssumeRole"]
            broken = [c for c in assumes if c["account"] == members["broken"]]
            if len(assumes) != 4 or len(broken) != 1 or broken[0]["error_code"] != "AccessDenied":
                failures.append(f"collection.json does not log each AssumeRole with its outcome: {assumes}")
            failed = log["organization"]["accounts_failed"]
            if [f["account"] for f in failed] != [members["broken"]] or failed[0]["step"] != "assume-role":
                failures.append(f"collection.json organization.accounts_failed: {failed}")
            allowed = set(READ_POLICY["Statement"][0]["Action"]) | {"sts:AssumeRole"}
            denied = [c for c in log["calls"] if c.get("error_code") == "AccessDenied" and c["operation"] != "AssumeRole"]
            outside = {f"{c['service']}:{c['operation']}" for c in log["calls"]} - allowed
            if denied or outside:
                failures.append(f"the documented policy is not enough: denied {denied}, not listed {outside}")
            print(f"collection.json: {log['call_count']} calls, {log['error_count']} errors, "
                  f"{log['organization']['accounts_collected']} accounts collected")

            if "\r" in first.stderr or "accounts 1/" in first.stderr:
                failures.append("progress was printed although stderr is not a terminal")
            # Progress on a terminal: the one line rewritten in place, counting accounts, regions, calls.
            primary, secondary = pty.openpty()
            tty_run = subprocess.run([rootguard, "collect", "--output", os.path.join(home, "tty"), *org], env=env,
                                     stdout=subprocess.DEVNULL, stderr=secondary, timeout=240)
            os.close(secondary)
            shown = b""
            while True:
                try:
                    chunk = os.read(primary, 65536)
                except OSError:
                    break
                if not chunk:
                    break
                shown += chunk
            os.close(primary)
            shown = shown.decode(errors="replace")
            if tty_run.returncode != 1 or "\rcollect: accounts 5/5 (1 failed), regions 4," not in shown:
                failures.append(f"no progress on a terminal: {shown[-300:]!r}")
            else:
                last = shown[shown.rindex("\rcollect: accounts") + 1:]
                print("progress on a terminal, last: " + last.split("\r")[0].strip())

            # 2. scan --snapshot reads every collected account.
            report, scanned = scan_findings(rootguard, ["--snapshot", out1], env, failures, "scan --snapshot")
            outputs += [scanned.stdout, scanned.stderr]
            if report is not None:
                accounts = {f["account_id"] for f in report["findings"]}
                for name in ("prod", "dev", "play"):
                    if members[name] not in accounts:
                        failures.append(f"scan --snapshot has no finding for {name} ({members[name]})")
                if MANAGEMENT not in accounts:
                    failures.append("scan --snapshot has no finding for the management account")
                # moto refuses the signed GuardDuty GET: the absent file's UNKNOWN names the logged call.
                explained = [f for f in report["findings"] if "not collected: guardduty ListDetectors failed with"
                             in f.get("reason", "")]
                if not explained:
                    failures.append("no UNKNOWN names the failed ListDetectors call from collection.json")
                print(f"scan --snapshot: {len(report['findings'])} findings over {len(accounts)} accounts, "
                      f"{len(report.get('problems', []))} problems; accounts: {report.get('accounts')}")

            # 3. Without the unreachable member: complete, exit 0.
            out2 = os.path.join(home, "org-complete")
            # --external-id is sent (moto does not check it across accounts) and never written or printed.
            second = run(rootguard, ["collect", "--output", out2, *org, "--exclude-accounts", members["broken"],
                                     "--external-id", EXTERNAL_ID], env)
            outputs += [second.stdout, second.stderr]
            if second.returncode != 0:
                failures.append(f"collect --org without the unreachable member: exit {second.returncode}")
            check_org_snapshot(out2, members, {"management", "prod", "dev", "play"}, failures)

            # 4. scan --live gives what collect + scan --snapshot give, and leaves no folder behind.
            snap, snapped = scan_findings(rootguard, ["--snapshot", out2], env, failures, "scan --snapshot")
            live, lived = scan_findings(rootguard, ["--live", *org, "--exclude-accounts", members["broken"]], env,
                                        failures, "scan --live")
            outputs += [snapped.stdout, snapped.stderr, lived.stdout, lived.stderr]
            if snap is not None and live is not None:
                key = lambda f: (f["finding_id"], f["control_id"], f["account_id"], f["status"])  # noqa: E731
                if sorted(map(key, snap["findings"])) != sorted(map(key, live["findings"])):
                    failures.append("scan --live and collect + scan --snapshot differ in findings")
                elif lived.returncode != snapped.returncode:
                    failures.append(f"scan --live exit {lived.returncode}, scan --snapshot {snapped.returncode}")
                else:
                    print(f"scan --live = collect + scan --snapshot: {len(live['findings'])} findings, "
                          f"exit {lived.returncode}")
            left = [n for n in os.listdir(home) if n.startswith("rootguard-live-")]
            if left:
                failures.append(f"scan --live left its temporary folder: {left}")
            kept = os.path.join(home, "kept")
            kept_run, _ = scan_findings(rootguard, ["--live", *org, "--keep-snapshot", kept], env, failures,
                                        "scan --live --keep-snapshot")
            if not os.path.exists(os.path.join(kept, "accounts", members["prod"], "sts/GetCallerIdentity.json")):
                failures.append("scan --live --keep-snapshot did not keep the snapshot")

            # 5. A wrong role name: every member fails, the management account is still collected.
            out3 = os.path.join(home, "wrong-role")
            wrong = run(rootguard, ["collect", "--output", out3, "--org", "--role-name", "OrganizationAccountAccessRol",
                                    "--regions", "us-east-1"], env)
            outputs += [wrong.stdout, wrong.stderr]
            if wrong.returncode != 1 or wrong.stderr.count("assume-role") != 4:
                failures.append(f"a wrong role name must fail every member (exit 1), got {wrong.returncode}")
            check_org_snapshot(out3, members, {"management"}, failures)

            # 6. --accounts: only those, and one outside the organization is reported.
            out4 = os.path.join(home, "some")
            some = run(rootguard, ["collect", "--output", out4, *org, "--accounts", f"{members['dev']},000000000000"],
                       env)
            outputs += [some.stdout, some.stderr]
            collected = sorted(os.listdir(os.path.join(out4, "accounts")))
            if some.returncode != 1 or "000000000000" not in some.stderr or collected != [members["dev"]]:
                failures.append(f"--accounts dev,000000000000: exit {some.returncode}, collected {collected}")

            # 7. Usage errors, before any call.
            for args, words in ((["collect", "-o", os.path.join(home, "u1"), "--org"], "--role-name"),
                                (["collect", "-o", os.path.join(home, "u2"), "--org", "--role-name", ROLE,
                                  "--accounts", "12345"], "twelve digits"),
                                (["collect", "-o", os.path.join(home, "u3"), "--role-name", ROLE], "need --org"),
                                (["scan", "--live", "--org"], "--role-name")):
                usage = run(rootguard, args, env)
                if usage.returncode != 2 or words not in usage.stderr:
                    failures.append(f"{' '.join(args)}: expected a usage error naming {words}, got "
                                    f"{usage.returncode}: {usage.stderr.strip()}")
            mc.secrets_absent(home, outputs, [keys[1], mc.SESSION_TOKEN_PREFIX, EXTERNAL_ID], failures)
    finally:
        shutil.rmtree(home, ignore_errors=True)
    if failures:
        print("\n".join(failures))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

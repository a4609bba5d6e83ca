#!/usr/bin/env python3
"""The least-privilege policies in docs/iam/ are exactly what the collector calls, and read-only.

1. Every AWS operation the collector's code calls (`ask("service", "Operation"` and friends in
   src/collect/ and src/aws/assumed_role_provider.cpp, and `collect(File::kRow` by the row's operation) is an action of docs/iam/rootguard-collector-policy.json
   or (sts:AssumeRole only) docs/iam/rootguard-org-caller-policy.json, and the policies list nothing else.
2. Every action is read-only: List*, Get*, Describe*, cloudtrail:LookupEvents, iam:GenerateCredentialReport (the report the
   collector reads), and sts:AssumeRole (org collection, in the caller's policy only, limited to one role name).
3. `rootguard policy check FILE --type identity` finds both valid with no problem. It also answers
   "denies root: none" (exit 3) for any identity policy, by design: identity policies never apply to the
   root user, so that answer is not a failure here.

4. The member role's CloudFormation template lists the same actions; the Terraform reads the file.

Usage: collector_policy_check.py ROOTGUARD_BINARY SOURCE_DIR
"""
import json
import os
import re
import subprocess
import sys

CALL = re.compile(r'(?:call|call_all_pages|ask|skipped)\(\s*"([a-z0-9]+)",\s*"([A-Za-z]+)"')
# Calls that fill a snapshot file name its layout row; the row's service and operation come from
# `rootguard snapshot layout --format json`, its index from the order of the File enumeration.
LAYOUT_CALL = re.compile(r'collect\(\s*(?:snapshot::)?File::(k[A-Za-z0-9]+)')
# collect_policies(c, FILTER, File::kList..., File::kDescribe..., File::kListTargets...) collects three rows.
POLICY_ROWS_CALL = re.compile(r'collect_policies\(\s*c,\s*"[A-Z_]+",\s*([^;]*?)\);', re.S)
ROW = re.compile(r'File::(k[A-Za-z0-9]+)')
ENUM = re.compile(r'enum class File : unsigned char \{(.*?)\};', re.S)
# The IAM prefix of each service name the client uses (they are the same for these ten).
PREFIX = {"cloudwatch": "cloudwatch", "logs": "logs", "sns": "sns", "iam": "iam", "sts": "sts",
          "organizations": "organizations", "account": "account", "cloudtrail": "cloudtrail",
          "guardduty": "guardduty", "ec2": "ec2"}
READ_ONLY = re.compile(r"^[a-z0-9]+:(List|Get|Describe|Lookup)[A-Za-z]+$")


def layout_operations(rootguard, source):
    """File enumerator name -> (service, operation) of its layout row."""
    header = open(os.path.join(source, "src/snapshot/snapshot_layout.hpp")).read()
    names = [n.strip() for n in ENUM.search(header).group(1).split(",") if n.strip()]
    rows = json.loads(subprocess.run([rootguard, "snapshot", "layout", "--format", "json"],
                                     capture_output=True, text=True, check=True).stdout)
    rows = rows["files"] if isinstance(rows, dict) else rows
    by_index = {row["index"]: (row["service"], row["api_operation"]) for row in rows}
    return {name: by_index[index] for index, name in enumerate(names)}


def called_actions(rootguard, source):
    files = [os.path.join(source, "src/aws/assumed_role_provider.cpp")]
    folder = os.path.join(source, "src/collect")
    files += [os.path.join(folder, n) for n in sorted(os.listdir(folder)) if n.endswith(".cpp")]
    layout = layout_operations(rootguard, source)
    actions = set()
    for path in files:
        text = open(path).read()
        for service, operation in CALL.findall(text):
            actions.add(f"{PREFIX[service]}:{operation}")
        enumerators = LAYOUT_CALL.findall(text)
        for arguments in POLICY_ROWS_CALL.findall(text):
            enumerators += ROW.findall(arguments)
        for enumerator in enumerators:
            service, operation = layout[enumerator]
            actions.add(f"{PREFIX[service]}:{operation}")
    return actions


def policy_actions(path):
    doc = json.load(open(path))
    actions = set()
    for statement in doc["Statement"]:
        if statement["Effect"] != "Allow":
            raise SystemExit(f"{path}: only Allow statements are expected")
        listed = statement["Action"]
        actions |= set([listed] if isinstance(listed, str) else listed)
    return doc, actions


def main():
    rootguard, source = sys.argv[1], sys.argv[2]
    failures = []
    collector_path = os.path.join(source, "docs/iam/rootguard-collector-policy.json")
    caller_path = os.path.join(source, "docs/iam/rootguard-org-caller-policy.json")
    _, collector = policy_actions(collector_path)
    caller_doc, caller = policy_actions(caller_path)
    called = called_actions(rootguard, source)
    if len(called) < 20:
        failures.append(f"only {len(called)} calls found in the source: has the call syntax changed?")
    for action in sorted(called - collector - caller):
        failures.append(f"the collector calls {action}, which no policy in docs/iam/ allows")
    for action in sorted((collector | caller) - called):
        failures.append(f"docs/iam/ allows {action}, which the collector never calls")
    for action in sorted(collector):
        if not READ_ONLY.match(action) and action != "iam:GenerateCredentialReport":
            failures.append(f"{action} in the collector policy is not read-only")
    if caller != {"sts:AssumeRole"}:
        failures.append(f"the caller policy should allow sts:AssumeRole only, it allows {sorted(caller)}")
    for statement in caller_doc["Statement"]:
        if statement["Resource"] == "*" or not str(statement["Resource"]).endswith(":role/rootguard-read"):
            failures.append("the caller policy's sts:AssumeRole must name the role, not every role")
    # The CloudFormation template repeats the actions (a template cannot read a file); Terraform reads the file.
    template = json.load(open(os.path.join(source, "docs/iam/rootguard-member-role.cfn.json")))
    role = template["Resources"]["RootguardReadRole"]["Properties"]
    inline = {a for p in role["Policies"] for st in p["PolicyDocument"]["Statement"] for a in st["Action"]}
    if inline != collector:
        failures.append(f"rootguard-member-role.cfn.json differs from the policy: {sorted(inline ^ collector)}")
    terraform = open(os.path.join(source, "docs/iam/terraform/main.tf")).read()
    if 'file("${path.module}/../rootguard-collector-policy.json")' not in terraform:
        failures.append("docs/iam/terraform/main.tf does not read rootguard-collector-policy.json")
    for path in (collector_path, caller_path):
        check = subprocess.run([rootguard, "policy", "check", path, "--type", "identity", "--format", "json"],
                               capture_output=True, text=True)
        result = json.loads(check.stdout)
        if not result["valid"] or result["problems"] or check.returncode not in (0, 3):
            failures.append(f"rootguard policy check {os.path.basename(path)}: exit {check.returncode}, "
                            f"problems {result['problems']}")
        else:
            print(f"rootguard policy check --type identity {os.path.basename(path)}: valid, no problem "
                  f"(denies root: {result['denies_root']['scope']}, as every identity policy)")
    if failures:
        print("\n".join(failures))
        return 1
    print(f"{len(called)} actions called, each allowed, all read-only: {', '.join(sorted(called))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/python3
"""A stand-in for the AWS CLI, put first on PATH (as `aws`) by the fix.sh end-to-end test.

It records every call (argv and which credentials the environment held: the operator's, a role
session or a member's root session) as one JSON line in $STUB_STATE/calls.jsonl, keeps the account
state of the example organization in $STUB_STATE/state.json, and answers like AWS: --query is applied
with jmespath, --output text printed the way the CLI prints it, errors as "An error occurred (Code)"
on stderr with exit status 254. Two answers are deliberately unlike the snapshot: 444444444444 now has
a disabled detector (created since), and the credential report is in progress for two calls."""
import base64
import json
import os
import sys

import jmespath

STATE_DIR = os.environ["STUB_STATE"]
STATE = os.path.join(STATE_DIR, "state.json")
FLAGS = {"--enable", "--is-multi-region-trail", "--include-global-service-events", "--no-enable"}


def initial_state():
    return {
        # As in the snapshot: DenyRootUser exists (attached to the prod OU); STUB_NO_DENY_POLICY drops it.
        "policies": [{"Id": "p-sandbox001", "Name": "SandboxGuardrails"}]
        + ([] if os.environ.get("STUB_NO_DENY_POLICY") else [{"Id": "p-denyroot01", "Name": "DenyRootUser"}]),
        "attached": {"ou-ex01-sand2222": ["p-sandbox001"], "r-ex01": ["p-FullAWSAccess"]},
        "access_keys": {"222222222222": ["AKIA2222EXAMPLE00001"], "444444444444": ["AKIA4444EXAMPLE00001"]},
        "certificates": {"222222222222": ["CERT2222EXAMPLE00000001"]},
        "login_profiles": ["222222222222", "444444444444", "555555555555"],
        "mfa": {
            "222222222222": ["arn:aws:iam::222222222222:mfa/root-account-mfa-device"],
            "555555555555": ["arn:aws:iam::555555555555:mfa/root-hardware"],
        },
        "detectors": {"222222222222/us-east-1": {"d2222aaaa": "DISABLED"},
                      "444444444444/us-east-1": {"d4444since": "DISABLED"}},
        "filters": {"222222222222/us-east-1/prod/cloudtrail": ["root-api-calls"]},
        "alarms": {},
        "topics": {"arn:aws:sns:us-east-1:666666666666:staging-alerts": {"policy": "{}", "subs": ["PendingConfirmation"]}},
        "rules": {},
        "trails": {"444444444444/us-east-1/batch-trail": {"multi": False}},
        "report_calls": {},
    }


def load():
    if os.path.exists(STATE):
        with open(STATE) as f:
            return json.load(f)
    return initial_state()


def save(state):
    with open(STATE, "w") as f:
        json.dump(state, f, indent=1, sort_keys=True)


def parse(argv):
    service, operation, options = argv[0], argv[1] if len(argv) > 1 else "", {}
    rest = argv[2:]
    i = 0
    while i < len(rest):
        name = rest[i]
        if name in FLAGS or i + 1 >= len(rest) or rest[i + 1].startswith("--"):
            options[name] = True
            i += 1
        else:
            options[name] = rest[i + 1]
            i += 2
    return service, operation, options


def who():
    key = os.environ.get("AWS_ACCESS_KEY_ID", "")
    if key.startswith("ASIAROOT"):
        return "root", key[8:20]
    if key.startswith("ASIAROLE"):
        return "role", key[8:20]
    return "operator", "111111111111"


class AwsError(Exception):
    def __init__(self, code, message):
        super().__init__(message)
        self.code = code


def text(value):
    if value is None:
        return "None"
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, list):
        if value and all(isinstance(v, list) for v in value):
            return "\n".join("\t".join(text(x) for x in row) for row in value)
        return "\t".join(text(v) for v in value)
    return str(value)


def answer(state, service, operation, o):
    kind, account = who()
    region = o.get("--region", os.environ.get("AWS_REGION", "us-east-1"))
    place = f"{account}/{region}"
    if (service, operation) == ("sts", "get-caller-identity"):
        arn = {"root": f"arn:aws:iam::{account}:root",
               "role": f"arn:aws:sts::{account}:assumed-role/OrganizationAccountAccessRole/rootguard-fix",
               "operator": "arn:aws:iam::111111111111:user/operator"}[kind]
        return {"Account": account, "Arn": arn, "UserId": "AIDAEXAMPLE"}
    if (service, operation) == ("sts", "assume-role"):
        target = o["--role-arn"].split(":")[4]
        return {"Credentials": {"AccessKeyId": "ASIAROLE" + target, "SecretAccessKey": "secret-role",
                                "SessionToken": "token-role"}}
    if (service, operation) == ("sts", "assume-root"):
        if kind != "operator":
            raise AwsError("AccessDenied", "assume-root is called from the management account")
        if not o["--task-policy-arn"].startswith("arn=arn:aws:iam::aws:policy/root-task/"):
            raise AwsError("ValidationError", "bad task policy")
        return {"Credentials": {"AccessKeyId": "ASIAROOT" + o["--target-principal"],
                                "SecretAccessKey": "secret-root", "SessionToken": "token-root"}}
    if service == "organizations":
        if kind != "operator":
            raise AwsError("AccessDeniedException", "organizations calls need the management account")
        if operation == "list-policies":
            return {"Policies": state["policies"]}
        if operation == "create-policy":
            json.loads(o["--content"])
            policy = {"Id": "p-denyroot0001", "Name": o["--name"]}
            state["policies"].append(policy)
            return {"Policy": {"PolicySummary": policy, "Content": o["--content"]}}
        if operation == "list-policies-for-target":
            return {"Policies": [{"Id": i} for i in state["attached"].get(o["--target-id"], [])]}
        if operation == "attach-policy":
            state["attached"].setdefault(o["--target-id"], []).append(o["--policy-id"])
            return None
    if service == "iam":
        if operation in ("list-access-keys", "delete-access-key", "list-signing-certificates",
                         "delete-signing-certificate", "get-login-profile", "delete-login-profile",
                         "list-mfa-devices", "deactivate-mfa-device") and kind != "root":
            raise AwsError("AccessDenied", f"the stub only expects {operation} in a root session")
        if operation == "list-access-keys":
            return {"AccessKeyMetadata": [{"AccessKeyId": k} for k in state["access_keys"].get(account, [])]}
        if operation == "delete-access-key":
            state["access_keys"][account].remove(o["--access-key-id"])
            return None
        if operation == "list-signing-certificates":
            return {"Certificates": [{"CertificateId": c} for c in state["certificates"].get(account, [])]}
        if operation == "delete-signing-certificate":
            state["certificates"][account].remove(o["--certificate-id"])
            return None
        if operation == "get-login-profile":
            if account not in state["login_profiles"]:
                raise AwsError("NoSuchEntity", "Login Profile for User root cannot be found.")
            return {"LoginProfile": {"CreateDate": "2020-01-01T00:00:00Z"}}
        if operation == "delete-login-profile":
            state["login_profiles"].remove(account)
            return None
        if operation == "list-mfa-devices":
            return {"MFADevices": [{"SerialNumber": s} for s in state["mfa"].get(account, [])]}
        if operation == "deactivate-mfa-device":
            state["mfa"][account].remove(o["--serial-number"])
            return None
        if operation == "generate-credential-report":
            calls = state["report_calls"].get(account, 0) + 1
            state["report_calls"][account] = calls
            return {"State": ["STARTED", "INPROGRESS", "COMPLETE"][min(calls, 3) - 1] if calls <= 3 else "COMPLETE"}
        if operation == "get-credential-report":
            csv = "user,arn,password_enabled\n<root_account>,arn:aws:iam::%s:root,false\n" % account
            return {"Content": base64.b64encode(csv.encode()).decode(), "ReportFormat": "text/csv"}
    if service == "guardduty":
        detectors = state["detectors"].setdefault(place, {})
        if operation == "list-detectors":
            return {"DetectorIds": sorted(detectors)}
        if operation == "get-detector":
            if o["--detector-id"] not in detectors:
                raise AwsError("BadRequestException", "The request is rejected because the input detectorId is not owned by the current account.")
            return {"Status": detectors[o["--detector-id"]]}
        if operation == "update-detector":
            detectors[o["--detector-id"]] = "ENABLED"
            return None
        if operation == "create-detector":
            detectors["dnew"] = "ENABLED"
            return {"DetectorId": "dnew"}
    if service == "cloudtrail":
        trail = state["trails"].get(f"{place}/{o.get('--name')}")
        if trail is None:
            raise AwsError("TrailNotFoundException", "Unknown trail")
        if operation == "get-trail":
            return {"Trail": {"Name": o["--name"], "IsMultiRegionTrail": trail["multi"]}}
        if operation == "update-trail":
            assert o.get("--is-multi-region-trail") and o.get("--include-global-service-events")
            trail["multi"] = True
            return {"Name": o["--name"], "IsMultiRegionTrail": True}
    if service == "logs":
        key = f"{place}/{o['--log-group-name']}"
        if operation == "describe-metric-filters":
            prefix = o.get("--filter-name-prefix", "")
            return {"metricFilters": [{"filterName": n} for n in state["filters"].get(key, []) if n.startswith(prefix)]}
        if operation == "put-metric-filter":
            state["filters"].setdefault(key, []).append(o["--filter-name"])
            return None
    if service == "cloudwatch":
        alarms = state["alarms"].setdefault(place, [])
        if operation == "describe-alarms":
            return {"MetricAlarms": [{"AlarmName": a} for a in alarms if a in o.get("--alarm-names", a)]}
        if operation == "put-metric-alarm":
            alarms.append(o["--alarm-name"])
            return None
    if service == "sns":
        topics = state["topics"]
        arn = o.get("--topic-arn")
        if operation == "create-topic":
            arn = f"arn:aws:sns:{region}:{account}:{o['--name']}"
            topics.setdefault(arn, {"policy": '{"Statement":[]}', "subs": []})
            return {"TopicArn": arn}
        if arn not in topics:
            raise AwsError("NotFound", "Topic does not exist")
        if operation == "get-topic-attributes":
            return {"Attributes": {"TopicArn": arn, "Policy": topics[arn]["policy"]}}
        if operation == "set-topic-attributes":
            json.loads(o["--attribute-value"])
            topics[arn]["policy"] = o["--attribute-value"]
            return None
        if operation == "list-subscriptions-by-topic":
            return {"Subscriptions": [{"SubscriptionArn": s} for s in topics[arn]["subs"]]}
        if operation == "subscribe":
            # The recipient confirms at once, so a second run finds a confirmed subscription.
            topics[arn]["subs"].append(arn + ":confirmed-" + o["--notification-endpoint"])
            return {"SubscriptionArn": "pending confirmation"}
    if service == "events":
        rules = state["rules"]
        name = o.get("--name", o.get("--rule"))
        key = f"{place}/{name}"
        if operation == "describe-rule":
            if key not in rules:
                raise AwsError("ResourceNotFoundException", f"Rule {name} does not exist.")
            return {"Name": name}
        if operation == "put-rule":
            json.loads(o["--event-pattern"])
            rules[key] = []
            return {"RuleArn": f"arn:aws:events:{region}:{account}:rule/{name}"}
        if operation == "list-targets-by-rule":
            return {"Targets": [{"Id": "t", "Arn": a} for a in rules.get(key, [])]}
        if operation == "put-targets":
            rules[key].append(o["--targets"].split("Arn=", 1)[1])
            return {"FailedEntryCount": 0}
    raise AwsError("StubUnexpectedCall", f"the stub does not know {service} {operation}")


def main():
    argv = sys.argv[1:]
    if argv == ["--version"]:
        print(os.environ.get("STUB_AWS_VERSION", "aws-cli/2.22.5 Python/3.12.6 Linux/6.1 exe/x86_64.debian.12"))
        return 0
    kind, account = who()
    with open(os.path.join(STATE_DIR, "calls.jsonl"), "a") as log:
        log.write(json.dumps({"argv": argv, "credentials": kind, "account": account,
                              "session_token": bool(os.environ.get("AWS_SESSION_TOKEN")),
                              "profile": os.environ.get("AWS_PROFILE")}) + "\n")
    state = load()
    service, operation, options = parse(argv)
    try:
        if operation == os.environ.get("STUB_FAIL"):
            raise AwsError("AccessDeniedException", f"the test denies {operation}")
        result = answer(state, service, operation, options)
    except AwsError as error:
        save(state)
        print(f"\nAn error occurred ({error.code}) when calling the {operation} operation: {error}", file=sys.stderr)
        return 254
    save(state)
    if result is None:
        return 0
    if "--query" in options:
        result = jmespath.search(options["--query"], result)
    if options.get("--output") == "text":
        print(text(result))
    else:
        print(json.dumps(result, indent=4))
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Writes the seed inputs of every fuzzer's corpus under tests/corpus/ (seed-* files; crash-* files are
reproducers added by hand and left alone). Real inputs come from examples/; hostile ones (truncations,
deep nesting, huge numbers, invalid UTF-8, lone surrogates) are made here. Deterministic: rerunning it
rewrites the same bytes, so `git diff tests/corpus` after a change here shows only what changed.

Harnesses that dispatch read a selector byte first (fuzz/<name>_fuzz.cpp says what each value picks);
those seeds are written as bytes([selector]) + content. The snapshot-readers seeds follow the layout
table, which the built binary prints (ROOTGUARD=path/to/rootguard, default build/release/rootguard).
"""
import base64
import gzip
import json
import os
import pathlib
import subprocess

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
ORG = ROOT / "examples" / "example-org"
TRAILS = sorted((ORG / "cloudtrail").rglob("*.json"))


def write(folder, name, data):
    path = CORPUS / folder / f"seed-{name}"
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    path.write_bytes(data)


def gz(data, mtime=0):
    return gzip.compress(data, compresslevel=6, mtime=mtime)


def deep(depth, open_="[", close="]"):
    return open_ * depth + close * depth


def hostile_json():
    """Inputs every JSON reader must reject or read without harm."""
    return {
        "empty": b"",
        "truncated": b'{"a": [1, 2, {"b": "c',
        "deep-array": deep(4000).encode(),
        "deep-object": ('{"a":' * 1000 + "1" + "}" * 1000).encode(),
        "deep-unclosed": ("[" * 5000).encode(),
        "huge-numbers": b'{"n": 1e400, "m": -1e400, "u": 18446744073709551616, "i": -9223372036854775809}',
        "invalid-utf8": b'{"a": "\xff\xfe\xc0\x80"}',
        "lone-surrogate": b'{"a": "\\ud800", "b": "\\udc00x"}',
        "nul": b'{"a": "x\\u0000y"}\x00',
        "bom": b'\xef\xbb\xbf{"a": 1}',
        "trailing": b'{"a": 1} {"b": 2}',
    }


def credential_report():
    reports = sorted(ORG.glob("accounts/*/iam/GetCredentialReport.json"))
    for path in reports[:2]:
        csv = base64.b64decode(json.loads(path.read_text())["Content"])
        write("credential-report", f"example-{path.parent.parent.name}.csv", csv)
        write("credential-report", f"crlf-{path.parent.parent.name}.csv", csv.replace(b"\n", b"\r\n"))
        write("credential-report", f"truncated-{path.parent.parent.name}.csv", csv[: len(csv) * 2 // 3])
    header = b"user,arn,password_enabled,mfa_active\n"
    root = b"<root_account>,arn:aws:iam::111122223333:root,not_supported,true\n"
    write("credential-report", "bom.csv", b"\xef\xbb\xbf" + header + root)
    write("credential-report", "double-bom.csv", b"\xef\xbb\xbf\xef\xbb\xbf" + header + root)
    write("credential-report", "two-roots.csv", header + root + root.replace(b"true", b"false"))
    write("credential-report", "quoted-newline.csv", header + b'"<root_account>","a\nb","x""y",true\n')
    write("credential-report", "duplicate-columns.csv", b"user,mfa_active,mfa_active\n<root_account>,true,false\n")
    write("credential-report", "invalid-utf8.csv", header + b"<root_account>,\xff\xfe,\xc0\x80,true\n")
    write("credential-report", "nul.csv", header + b"<root_account>\x00,a,b,c\n")
    write("credential-report", "cr-only.csv", header.replace(b"\n", b"\r") + root.replace(b"\n", b"\r"))
    write("credential-report", "many-users.csv", header + b"".join(b"u%d,a,b,c\n" % i for i in range(200)) + root)
    write("credential-report", "spaces-in-header.csv", b" user , mfa_active \n<root_account>,true\n")


def layout():
    """The snapshot layout table, as the binary prints it (src/snapshot/snapshot_layout.cpp): the
    snapshot-readers harness's selector byte is a row's index."""
    binary = os.environ.get("ROOTGUARD", str(ROOT / "build" / "release" / "rootguard"))
    out = subprocess.run([binary, "snapshot", "layout", "--format", "json"], check=True, capture_output=True)
    return json.loads(out.stdout)


def row_file(row, account="111111111111", region="us-east-1", item=None):
    folder = {"snapshot": "", "organization": "organization/", "account": f"accounts/{account}/",
              "region": f"accounts/{account}/regions/{region}/"}[row["scope"]]
    return folder + row["path"].replace("{item}", item or row["item"])


def snapshot_readers():
    """One seed per row from the example organization (the first item of a per-item row), then
    documents that drive chains and hostile inputs. The harness writes a seed at its row's path and at
    the paths of the rows it is read after."""
    folder = "snapshot-readers"
    rows = [row for row in layout() if row["loaded"] or row["read_after"] or row["path"].endswith(".csv")]
    by_path = {row["path"]: row for row in rows}
    for row in rows:
        name = row["api_operation"] or pathlib.Path(row["path"]).stem
        if row["path"].endswith(".csv"):
            report = ORG / row_file(by_path["iam/GetCredentialReport.json"])
            csv = base64.b64decode(json.loads(report.read_text())["Content"])
            write(folder, f"{row['index']:02}-{name}.csv", bytes([row["index"]]) + csv)
            continue
        example = ORG / row_file(row, item="*") if row["items"] != "none" else ORG / row_file(row)
        found = sorted(example.parent.glob(example.name))
        if found:
            write(folder, f"{row['index']:02}-{name}.json", bytes([row["index"]]) + found[0].read_bytes())
    index = {row["path"]: row["index"] for row in rows}
    # One document that drives the whole organization walk: it is written as DescribeOrganization,
    # ListRoots and the children of r-ab12 (the rows' example item).
    org = {
        "Organization": {"Id": "o-exampleorg1", "MasterAccountId": "111111111111"},
        "Roots": [{"Id": "r-ab12"}, {"Id": "../escape"}, {"Id": 7}],
        "OrganizationalUnits": [{"Id": "ou-ab12-abcd1234", "Name": "prod"}, {"Id": "ou-../x"}],
        "Accounts": [{"Id": "111111111111", "Name": "a", "Status": "ACTIVE"}, {"Id": "12345"}],
    }
    for path in ("ListOrganizationalUnitsForParent/{item}.json", "ListAccountsForParent/{item}.json"):
        write(folder, f"{index[path]:02}-organization-walk.json", bytes([index[path]]) + json.dumps(org).encode())
    # The same for the service control policies: the list, a policy and its targets at once.
    scps = {
        "Organization": {"Id": "o-exampleorg1", "MasterAccountId": "111111111111"},
        "Policies": [{"Id": "p-abcd1234", "Name": "deny-root", "AwsManaged": False}, {"Id": "p-../../etc"},
                     {"Id": 7}],
        "Policy": {"Content": json.dumps({"Version": "2012-10-17",
                                          "Statement": [{"Effect": "Deny", "Action": "*", "Resource": "*"}]})},
        "Targets": [{"TargetId": "ou-ab12-abcd1234", "Type": "ORGANIZATIONAL_UNIT", "Name": "prod"}],
    }
    for path in ("DescribePolicy/{item}.json", "ListTargetsForPolicy/{item}.json"):
        write(folder, f"{index[path]:02}-scp-folder.json", bytes([index[path]]) + json.dumps(scps).encode())
    summary = {
        "SummaryMap": {"AccountMFAEnabled": 1e300, "AccountAccessKeysPresent": 18446744073709551615,
                       "AccountSigningCertificatesPresent": -1, "Users": 1.5, "Groups": 1000000000000,
                       "Roles": 1000000000001, "Policies": "7", "MFADevices": None}}
    s = index["iam/GetAccountSummary.json"]
    write(folder, f"{s:02}-account-summary-hostile.json", bytes([s]) + json.dumps(summary).encode())
    write(folder, f"{s:02}-account-summary-huge.json", bytes([s]) + b'{"SummaryMap": {"A": 1e400, "B": -0.0}}')
    c = index["iam/GetCredentialReport.json"]
    write(folder, f"{c:02}-credential-report-bad-base64.json", bytes([c]) + b'{"Content": "!!!!", "GeneratedTime": "x"}')
    # GeneratedTime in the forms both AWS CLI generations print, and out of range.
    csv = base64.b64encode(b"user,arn,mfa_active\n<root_account>,arn:aws:iam::111111111111:root,true\n").decode()
    for label, value in (("epoch", "1767225600.0"), ("offset", '"2026-01-02T03:04:05+09:00"'),
                         ("huge-epoch", "1e300"), ("bad-time", '"2026-02-30T00:00:00Z"')):
        write(folder, f"{c:02}-credential-report-{label}.json",
              bytes([c]) + ('{"Content": "%s", "GeneratedTime": %s}' % (csv, value)).encode())
    g = index["guardduty/GetFindings.json"]
    findings = {"Findings": [{"Type": "Policy:IAMUser/RootCredentialUsage", "Id": "f", "Severity": 1e308,
                              "Service": {"Count": 18446744073709551615, "EventFirstSeen": "\ud800"}}]}
    write(folder, f"{g:02}-get-findings-hostile.json", bytes([g]) + json.dumps(findings).encode("utf-8", "surrogatepass"))
    i = index["snapshot.json"]
    write(folder, f"{i:02}-snapshot-info-bad-time.json", bytes([i]) + b'{"collected_at": "2026-13-45T99:99:99Z"}')
    for label, value in (("epoch", "1767225600"), ("fractional-epoch", "1767225600.5"),
                         ("offset", '"2026-01-02T03:04:05+09:00"'), ("negative-epoch", "-1e20")):
        write(folder, f"{i:02}-snapshot-info-{label}.json", bytes([i]) + ('{"collected_at": %s}' % value).encode())
    for n, (name, data) in enumerate(hostile_json().items()):
        selector = (n * 5) % len(rows)
        write(folder, f"{selector:02}-hostile-{name}.json", bytes([selector]) + data)


def trail_records():
    folder = "trail-records"
    for path in TRAILS:
        data = path.read_bytes()
        account = path.name[:12]
        write(folder, f"whole-{account}.json", bytes([0]) + data)
        records = json.loads(data)["Records"]
        array = json.dumps(records).encode()
        write(folder, f"array-{account}.json", bytes([1]) + array)
        write(folder, f"stream-{account}.json", bytes([2 | (3 << 4)]) + data)
        write(folder, f"both-{account}.json", bytes([3 | (2 << 4)]) + data)
        write(folder, f"both-skip-{account}.json", bytes([3 | 4 | (6 << 4)]) + data)
        write(folder, f"truncated-{account}.json", bytes([3 | (1 << 4)]) + data[: len(data) // 2])
        lookup = {"Events": [{"EventId": r.get("eventID", ""), "CloudTrailEvent": json.dumps(r)} for r in records]}
        write(folder, f"lookup-events-{account}.json", bytes([0]) + json.dumps(lookup).encode())
    record = b'{"eventID":"e\\"1\\\\","userIdentity":{"type":"Root","invokedBy":null},"eventName":"X"}'
    write(folder, "escapes.json", bytes([3]) + b'{"Records":[' + record + b"," + record + b"]}")
    write(folder, "stray-commas.json", bytes([3]) + b'{"Records":[,' + record + b",," + record + b",]}")
    write(folder, "not-objects.json", bytes([3]) + b'{"Records":[1,"a",null,' + record + b"]}")
    write(folder, "lone-surrogate.json", bytes([3]) + b'{"Records":[{"userAgent":"\\ud800","eventName":"A"}]}')
    write(folder, "invalid-utf8.json", bytes([3]) + b'{"Records":[{"userAgent":"\xff","eventName":"A"}]}')
    write(folder, "deep-record.json", bytes([3]) + b'{"Records":[{"a":' + deep(2000).encode() + b"}]}")
    write(folder, "deep-unclosed.json", bytes([2]) + b'{"Records":[' + b"{" * 5000)
    write(folder, "huge-numbers.json", bytes([3]) + b'{"Records":[{"eventVersion":1e400,"n":-1e999}]}')
    write(folder, "lookup-not-string.json", bytes([0]) + b'{"Events":[{"CloudTrailEvent":{"a":1}},{}]}')
    write(folder, "lookup-inner-bad.json", bytes([0]) + b'{"Events":[{"CloudTrailEvent":"{\\"a\\":"}]}')
    write(folder, "records-not-array.json", bytes([0]) + b'{"Records":{"a":1}}')
    write(folder, "trailing.json", bytes([3]) + b'{"Records":[]} }')
    write(folder, "whitespace-prefix.json", bytes([3]) + b' \n{ "Records" :\t[ ] }\n')
    write(folder, "escape-at-window.json", bytes([2]) + b'{"Records":[{"a":"' + b"\\\\" * 20 + b'\\""}]}')


def inflate():
    folder = "inflate"
    data = TRAILS[0].read_bytes()
    other = TRAILS[1].read_bytes()
    write(folder, "single.gz", bytes([0]) + gz(data))
    write(folder, "single-small-reads.gz", bytes([1]) + gz(other))
    write(folder, "multi-member.gz", bytes([5]) + gz(data) + gz(other))
    write(folder, "zero-padding.gz", bytes([9]) + gz(data) + b"\x00" * 64)
    write(folder, "truncated.gz", bytes([3]) + gz(other)[:-20])
    write(folder, "truncated-header.gz", bytes([0]) + gz(data)[:12])
    write(folder, "second-truncated.gz", bytes([2]) + gz(data) + gz(other)[:40])
    write(folder, "trailing-garbage.gz", bytes([4]) + gz(data) + b"garbage")
    corrupt = bytearray(gz(other))
    corrupt[len(corrupt) // 2] ^= 0xFF
    write(folder, "corrupt.gz", bytes([6]) + bytes(corrupt))
    bad_crc = bytearray(gz(data))
    bad_crc[-6] ^= 1
    write(folder, "bad-crc.gz", bytes([7]) + bytes(bad_crc))
    bad_size = bytearray(gz(data))
    bad_size[-1] = 0x7F
    write(folder, "isize-lies.gz", bytes([8]) + bytes(bad_size))
    write(folder, "empty-member.gz", bytes([0]) + gz(b"") + gz(b"x"))
    write(folder, "bomb-2mb.gz", bytes([255]) + gz(b"\x00" * (2 << 20)))
    write(folder, "plain.json", bytes([0]) + data)
    write(folder, "magic-only.gz", bytes([0]) + b"\x1f\x8b")


def key_layout():
    folder = "key-layout"
    for i, path in enumerate(TRAILS):
        write(folder, f"example-{i}.txt", str(path.relative_to(ORG)))
    base = "AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/25/111122223333_CloudTrail_us-east-1_20261125T0120Z_x.json.gz"
    keys = {
        "plain": base,
        "org": "AWSLogs/o-abc123/" + base[len("AWSLogs/"):],
        "digest": "AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2026/11/25/111122223333_CloudTrail-Digest_us-east-1_x.json.gz",
        "insight": "AWSLogs/111122223333/CloudTrail-Insight/us-east-1/2026/11/25/x.json.gz",
        "digest-name-only": "copied/111122223333_CloudTrail-Digest_us-east-1_x.json.gz",
        "backslashes": base.replace("/", "\\"),
        "nested-awslogs": "mirror/AWSLogs/x/" + base,
        "bad-date": base.replace("2026/11/25", "2026/02/30"),
        "year-zero": base.replace("2026/11/25", "0000/00/00"),
        "short-account": base.replace("111122223333", "1111", 1),
        "empty-parts": "AWSLogs//111122223333//CloudTrail///us-east-1/2026/11/25/",
        "only-awslogs": "AWSLogs",
        "no-region": "AWSLogs/111122223333/CloudTrail",
        "invalid-utf8": b"AWSLogs/111122223333/CloudTrail/\xff\xfe/2026/11/25/x",
        "nul": "AWSLogs/111122223333/CloudTrail/us-east-1\x00/2026/11/25/x",
        "digits-9999": base.replace("2026/11/25", "9999/12/31"),
        "long": "a/" * 2000 + base,
    }
    for name, key in keys.items():
        write(folder, f"{name}.txt", key)


def filter_pattern():
    folder = "filter-pattern"
    patterns = set()
    for path in sorted(ORG.glob("accounts/*/regions/*/logs/DescribeMetricFilters.json")):
        for item in json.loads(path.read_text())["metricFilters"]:
            patterns.add(item["filterPattern"])
    for i, pattern in enumerate(sorted(patterns)):
        write(folder, f"example-{i}.txt", pattern)
    seeds = {
        "all-operators": '{ $.a = "x*" && $.b != 3 && $.c < 1.5 && $.d <= -2 && $.e > 1e3 && $.f >= 0 && '
                         '$.g EXISTS && $.h NOT EXISTS && $.i IS NULL && $.j IS TRUE && $.k IS FALSE }',
        "or-of-and": '{ ($.a = 1 && $.b = 2) || $.c = 3 || ($.d = "q" && ($.e = 4 || $.f = 5)) }',
        "array-index": '{ $.resources[0].ARN = "arn:*" && $.a[10][2] EXISTS }',
        "escapes": r'{ $.a = "say \"hi\" \\ *" }',
        "nan": "{ $.a = nan || $.b = inf || $.c = -inf }",
        "huge-number": "{ $.a > 1e400 || $.b = 1e308 && $.c < -1e308 }",
        "unquoted-odd": '{ $.a = x"y || $.b = a(b }',
        "newline-value": '{ $.a = x\ny }',
        "regex": "{ $.a = %abc% }",
        "deep-64": "{ " + "(" * 64 + "$.a = 1" + ")" * 64 + " }",
        "deep-65": "{ " + "(" * 65 + "$.a = 1" + ")" * 65 + " }",
        "many-fields": "{ " + " && ".join(f'$.f{i} = "v{i}"' for i in range(12)) + " }",
        "star-run": '{ $.a = "' + "*" * 300 + 'a" }',
        "invalid-utf8": b'{ $.a = "\xff\xfe" }',
        "space-delimited": "[ip, user, ...]",
        "text-pattern": '"ERROR"',
    }
    for name, pattern in seeds.items():
        write(folder, f"{name}.txt", pattern)


def base64_seeds():
    folder = "base64"
    csv = base64.b64decode(json.loads((ORG / "accounts/111111111111/iam/GetCredentialReport.json").read_text())["Content"])
    seeds = {
        "credential-report": base64.b64encode(csv),
        "wrapped-76": base64.encodebytes(csv),
        "padding-1": b"YWI=", "padding-2": b"YQ==", "no-padding": b"YWJj",
        "missing-padding": b"YQ", "extra-padding": b"YQ===", "padding-middle": b"YQ==YQ==",
        "nonzero-tail-bits": b"YR==", "url-safe": b"-_-_", "spaces": b"YW Jj\tZA==",
        "crlf": b"YWJj\r\nZGVm\r\n", "invalid-char": b"YW*j", "empty": b"", "only-newlines": b"\n\n\n",
        "binary": bytes(range(256)), "dash-line": b"-----BEGIN-----\nYWJj\n",
    }
    for name, data in seeds.items():
        write(folder, f"{name}.txt", data)


def iso8601():
    folder = "iso8601"
    seeds = {
        "utc": "2026-11-28T09:00:00Z", "offset": "2026-11-28T09:00:00+09:00", "negative": "2026-11-28T09:00:00-05:30",
        "fraction": "2026-11-28T09:00:00.123456Z", "date": "2026-11-28", "space": "2026-11-28 09:00:00",
        "no-seconds": "2026-11-28T09:00Z", "no-zone": "2026-11-28T09:00:00", "leap-second": "2016-12-31T23:59:60Z",
        "leap-day": "2024-02-29T00:00:00Z", "not-leap": "2023-02-29T00:00:00Z",
        "max": "9999-12-31T23:59:59Z", "max-minus-offset": "9999-12-31T23:59:59-23:59",
        "min": "0000-01-01T00:00:00Z", "min-plus-offset": "0000-01-01T00:00:00+23:59",
        "zone-99": "2026-11-28T09:00:00+99:99", "hour-24": "2026-11-28T24:00:00Z", "month-13": "2026-13-01",
        "fraction-empty": "2026-11-28T09:00:00.Z", "trailing": "2026-11-28T09:00:00Zjunk",
        "truncated": "2026-11-2", "signs": "+026-11-28", "lowercase": "2026-11-28t09:00:00z",
        "long-fraction": "2026-11-28T09:00:00." + "9" * 500 + "Z", "invalid-utf8": b"2026-11-28T09:00:00\xff",
        # The epoch seconds form (the harness also reads the input as a number).
        "epoch": "1767225600", "epoch-fraction": "1767225600.999", "epoch-negative": "-0.5",
        "epoch-max": "253402300799.9", "epoch-past-max": "253402300800", "epoch-huge": "1e300", "epoch-nan": "nan",
    }
    for name, text in seeds.items():
        write(folder, f"{name}.txt", text)


def scp_readers():
    folder = "scp-readers"
    org = ORG / "organization"
    write(folder, "0-list.json", bytes([0]) + (org / "ListPolicies-SERVICE_CONTROL_POLICY.json").read_bytes())
    for i, path in enumerate(sorted((org / "DescribePolicy").glob("*.json"))):
        write(folder, f"1-describe-{i}.json", bytes([1]) + path.read_bytes())
    for i, path in enumerate(sorted((org / "ListTargetsForPolicy").glob("*.json"))):
        write(folder, f"2-targets-{i}.json", bytes([2]) + path.read_bytes())
    # One document that is a list, a policy and a target list at once, for the whole-folder reader.
    combined = {
        "Policies": [{"Id": "p-abcd1234", "Name": "deny-root", "AwsManaged": False},
                     {"Id": "p-FullAWSAccess", "AwsManaged": True}, {"Id": "p-../../etc"}, {"Id": "p-x/y"}],
        "Policy": {"Content": json.dumps({"Version": "2012-10-17",
                                          "Statement": [{"Effect": "Deny", "Action": "*", "Resource": "*"}]})},
        "Targets": [{"TargetId": "ou-ab12-abcd1234", "Type": "ORGANIZATIONAL_UNIT", "Name": "prod"}],
    }
    write(folder, "3-folder.json", bytes([3]) + json.dumps(combined).encode())
    write(folder, "3-folder-bad-ids.json", bytes([3]) + b'{"Policies":[{"Id":"p-\\u0000abcdefgh"},{"Id":7},{}]}')
    for i, (name, data) in enumerate(hostile_json().items()):
        write(folder, f"{i % 4}-hostile-{name}.json", bytes([i % 4]) + data)


def mutelist():
    """Mutelists: the example, valid shapes, and hostile YAML (alias bombs, deep nesting, wrong types)."""
    folder = "mutelist"
    write(folder, "example.yaml", (ROOT / "examples" / "mutelist.yaml").read_bytes())
    head = "version: 1\nmutes:\n"
    entry = "  - control: root-mfa\n    reason: r\n    expires: 2026-12-31\n"
    seeds = {
        "valid-full.yaml": head + '  - account: "123456789012"\n    control: root-hardware-mfa\n    region: global\n'
        '    resource: "arn:aws:iam::*:root"\n    reason: Hardware key on order\n    expires: 2026-12-31\n'
        "    owner: secops\n    ticket: SEC-1\n  - finding_id: 0123456789abcdef0123456789abcdef\n    reason: r\n"
        "    expires: 2026-07-01\n",
        "valid-critical-too-long.yaml": head + "  - control: root-mfa\n    reason: forever\n    expires: 2099-12-31\n",
        "valid-flow.yaml": '{version: 1, mutes: [{control: "root-*", reason: r, expires: 2026-06-15}]}\n',
        "billion-laughs.yaml": "version: 1\na: &a [lol,lol,lol,lol,lol,lol,lol,lol,lol]\n"
        + "".join(f"{c}: &{c} [{','.join(['*' + chr(ord(c) - 1)] * 9)}]\n" for c in "bcd")
        + "mutes: *d\n",
        "alias-only.yaml": "version: 1\nmutes: [*nowhere]\n",
        "merge-key.yaml": "version: 1\nbase: &b {reason: r, expires: 2026-12-31}\nmutes:\n  - <<: *b\n"
        "    control: root-mfa\n",
        "deep-flow.yaml": "version: 1\nmutes: " + deep(5000) + "\n",
        "deep-map.yaml": "version: 1\nmutes: " + "{a: " * 3000 + "}" * 3000 + "\n",
        "deep-unclosed.yaml": "[" * 20000,
        "deep-block.yaml": head + "".join(" " * (2 * i + 2) + "-\n" for i in range(200)),
        "unterminated-quote.yaml": head + '  - control: root-mfa\n    reason: "never ends\n',
        "tab-indent.yaml": head + "\t- control: root-mfa\n",
        "two-documents.yaml": "version: 1\nmutes: []\n---\nversion: 1\nmutes: []\n",
        "wrong-types.yaml": "version: [1]\nmutes:\n  - control: {a: b}\n    reason: [r]\n    expires: 20261231\n",
        "bad-date.yaml": head + "  - control: root-mfa\n    reason: r\n    expires: 2026-02-30\n",
        "bad-account.yaml": head + "  - account: 12345\n" + entry[4:].replace("control", "    control", 1),
        "unknown-key.yaml": head + "  - control: root-mfa\n    reson: r\n    expires: 2026-12-31\n",
        "null-everything.yaml": "version: ~\nmutes:\n  - ~\n  - control: ~\n    reason: ~\n",
        "complex-key.yaml": head + "  - ? [a, b]\n    : c\n",
        "tags.yaml": "version: !!int 1\nmutes: !!seq\n  - !custom {control: root-mfa, reason: r, expires: 2026-12-31}\n",
        "bom-crlf.yaml": ("\ufeff" + head + entry).replace("\n", "\r\n"),
        "directives.yaml": "%YAML 1.2\n%TAG ! tag:example.com,2000:\n---\nversion: 1\nmutes: []\n...\n",
        "long-pattern.yaml": head + '  - control: "' + "*a" * 1500 + '"\n    reason: r\n    expires: 2026-12-31\n',
        "many-stars.yaml": head + '  - control: "' + "*" * 1000 + '?"\n    resource: "' + "a*" * 500
        + 'b"\n    reason: r\n    expires: 2026-12-31\n',
        "empty.yaml": "",
        "only-comment.yaml": "# nothing here\n",
    }
    for name, text in seeds.items():
        write(folder, name, text)
    write(folder, "binary-junk.yaml", b"\x00\xff\xfe\x01version\x00: 1\n\x1b[31mmutes: [\xc3]\n")
    write(folder, "invalid-utf8.yaml", (head + entry).encode().replace(b"root-mfa", b"root-\xff\xfe"))


def digests():
    """--verify-digests' readers (fuzz/digest_fuzz.cpp): bad digest files (selector 0), key lists (1),
    signature sidecars (2) and inflated documents (3)."""
    folder = "digest"
    key = ("AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2026/11/21/"
           "111122223333_CloudTrail-Digest_us-east-1_t_us-east-1_20261121T090000Z.json.gz")
    good = {"awsAccountId": "111122223333", "digestStartTime": "2026-11-21T08:00:00Z",
            "digestEndTime": "2026-11-21T09:00:00Z", "digestS3Bucket": "b", "digestS3Object": key,
            "digestPublicKeyFingerprint": "fp", "digestSignatureAlgorithm": "SHA256withRSA",
            "previousDigestS3Bucket": None, "previousDigestS3Object": None, "previousDigestHashValue": None,
            "previousDigestSignature": None,
            "logFiles": [{"s3Bucket": "b", "s3Object": "AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/21/"
                          "111122223333_CloudTrail_us-east-1_20261121T0805Z_ABCDEFGHIJKLMNOP.json.gz",
                          "hashValue": "00" * 32, "hashAlgorithm": "SHA-256"}]}
    body = json.dumps(good).encode()

    def variant(**changes):
        doc = dict(good)
        for name, value in changes.items():
            if value is KeyError:
                doc.pop(name)
            else:
                doc[name] = value
        return json.dumps(doc).encode()

    documents = {
        "good": body,
        "not-json": b"{not json",
        "array": b"[1,2]",
        "empty-object": b"{}",
        "no-fingerprint": variant(digestPublicKeyFingerprint=KeyError),
        "no-previous-signature": variant(previousDigestSignature=KeyError),
        "no-log-files": variant(logFiles=KeyError),
        "log-files-object": variant(logFiles={"a": 1}),
        "log-not-object": variant(logFiles=[1, None, "x"]),
        "log-no-hash": variant(logFiles=[{"s3Bucket": "b", "s3Object": "k"}]),
        "log-empty-strings": variant(logFiles=[{"s3Bucket": "", "s3Object": "", "hashValue": ""}]),
        "times-not-iso": variant(digestEndTime="yesterday", digestStartTime=17),
        "time-year-0": variant(digestEndTime="0000-01-01T00:00:00Z"),
        "bucket-number": variant(digestS3Bucket=7),
        "previous-object-number": variant(previousDigestS3Object=5, previousDigestS3Bucket="b"),
        "previous-not-layout": variant(previousDigestS3Object="elsewhere/x.json.gz", previousDigestS3Bucket="b",
                                       previousDigestSignature="ab"),
        "previous-loop": variant(previousDigestS3Object=key, previousDigestS3Bucket="b", previousDigestSignature="ab"),
        "previous-other-bucket": variant(previousDigestS3Object=key.replace("T09", "T08"),
                                         previousDigestS3Bucket="other", previousDigestSignature="ab"),
        "moved": variant(digestS3Object=key.replace("2026/11/21", "2026/11/22")),
        "moved-prefix-glued": variant(digestS3Object="prefixAWSLogs/" + key[len("AWSLogs/"):]),
        "invalid-utf8": body.replace(b'"fp"', b'"\xff\xfe"'),
        "lone-surrogate": body.replace(b'"fp"', b'"\\ud800"'),
        "deep": b'{"logFiles":' + deep(3000).encode() + b"}",
        "huge-numbers": variant(logFiles=[], digestStartTime=1e308),
        "many-logs": variant(logFiles=[good["logFiles"][0]] * 500),
    }
    for name, doc in documents.items():
        write(folder, f"3-{name}.json", bytes([3]) + doc)
        write(folder, f"0-{name}.json.gz", bytes([0]) + gz(doc))
    stored = gz(body)
    write(folder, "0-not-gzip.json.gz", bytes([0]) + body)
    write(folder, "0-empty.json.gz", bytes([0]))
    write(folder, "0-truncated.json.gz", bytes([0]) + stored[: len(stored) // 2])
    write(folder, "0-truncated-header.json.gz", bytes([0]) + stored[:9])
    write(folder, "0-trailing-garbage.json.gz", bytes([0]) + stored + b"garbage")
    write(folder, "0-two-members.json.gz", bytes([0]) + gz(body[:40]) + gz(body[40:]))
    bad_crc = bytearray(stored)
    bad_crc[-6] ^= 0xFF
    write(folder, "0-bad-crc.json.gz", bytes([0]) + bytes(bad_crc))
    write(folder, "0-bomb.json.gz", bytes([0]) + gz(b" " * (8 << 20)))
    sample_key = ("MIIBCgKCAQEAlSS3cl92HDycr/MTj0moOhas8habjrraXw+KzlWF0axSI2tcF+3iJ9BKQAVSKxGwxwu3m0wG3J+kUl1xbo"
                  "EcEPHYoIYMbgfSw7KGnuDKwkLzsQWhUJ0cIbOHASox1vv/5fNXkrHhGbDCHeVXm804c83nvHUEFYThr1PfyP/8HwrCtR3FX5"
                  "OANtQCP61C1nJtSSkC8JSQUOrIP4CuwJjc+4WGDk+BGH5m9iuiAKkipEHWmUl8/P7XpfpWQuk4h8g3pXZOrNXr08lbh4d39s"
                  "vj7UqdhvOXoBISp9t/EXYuePGEtBdrKD9Dz+VHwyUPtBQvYr9BnkF88qBnaPNhS44rzwIDAQAB")
    keys = {
        "aws-cli-example": {"PublicKeyList": [{"ValidityStartTime": 1453076702.0, "ValidityEndTime": 1455668702.0,
                                               "Value": sample_key, "Fingerprint": "7f3f401420072e50a65a141430817ab3"}]},
        "double-base64": {"PublicKeyList": [{"Value": base64.b64encode(sample_key.encode()).decode(),
                                             "Fingerprint": "a"}]},
        "spki-not-pkcs1": {"PublicKeyList": [{"Value": "MFwwDQYJKoZIhvcNAQEBBQADSwAwSAJBAK" + "A" * 60,
                                              "Fingerprint": "b"}]},
        "truncated-der": {"PublicKeyList": [{"Value": sample_key[:40], "Fingerprint": "c"}]},
        "trailing-der": {"PublicKeyList": [{"Value": base64.b64encode(base64.b64decode(sample_key) + b"\0").decode(),
                                            "Fingerprint": "d"}]},
        "not-a-list": {"PublicKeyList": {"Value": sample_key}},
        "wrong-types": {"PublicKeyList": [1, None, {"Value": 3, "Fingerprint": []},
                                          {"Value": sample_key, "Fingerprint": "e", "ValidityStartTime": []}]},
        "duplicates": {"PublicKeyList": [{"Value": sample_key, "Fingerprint": "f"}] * 3},
        "empty": {},
    }
    for name, doc in keys.items():
        write(folder, f"1-{name}.json", bytes([1]) + json.dumps(doc).encode())
    sidecars = {
        "head-object": {"Metadata": {"signature": "ab" * 256, "signature-algorithm": "SHA256withRSA"}},
        "metadata-only": {"signature": "ab" * 256, "signature-algorithm": "SHA256withRSA"},
        "odd-hex": {"Metadata": {"signature": "abc", "signature-algorithm": "SHA256withRSA"}},
        "not-hex": {"Metadata": {"signature": "zz" * 256, "signature-algorithm": "SHA256withRSA"}},
        "other-algorithm": {"Metadata": {"signature": "ab", "signature-algorithm": "MD5withRSA"}},
        "no-algorithm": {"Metadata": {"signature": "ab"}},
        "types": {"Metadata": {"signature": 1, "signature-algorithm": None}},
        "array": [1, 2],
    }
    for name, doc in sidecars.items():
        write(folder, f"2-{name}.json", bytes([2]) + json.dumps(doc).encode())
    write(folder, "2-not-json.json", bytes([2]) + b"{")


def main():
    digests()
    credential_report()
    snapshot_readers()
    trail_records()
    inflate()
    key_layout()
    filter_pattern()
    base64_seeds()
    iso8601()
    scp_readers()
    mutelist()


if __name__ == "__main__":
    main()

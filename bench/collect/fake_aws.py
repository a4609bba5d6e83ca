#!/usr/bin/env python3
"""A local stand-in for AWS for bench/collect/run: an organization of one management account and N
members, R regions each, answering every call `rootguard collect --org` and the AWS CLI script make,
each answer after a fixed delay (default 50 ms, a typical AWS round trip), so the benchmark measures how
a collector spends waiting time rather than how fast a laptop answers. No signature is checked; the
account of a call is read from its access key (ASIA<id> for an assumed role's session).

Usage: fake_aws.py PORT_FILE [--members N] [--delay-ms D]   (writes the port, serves until killed)
"""
import argparse
import base64
import json
import re
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MANAGEMENT = "100000000000"
ORG = {"Id": "o-benchmark01", "Arn": f"arn:aws:organizations::{MANAGEMENT}:organization/o-benchmark01",
       "FeatureSet": "ALL", "MasterAccountId": MANAGEMENT, "MasterAccountEmail": "m@example.com",
       "MasterAccountArn": f"arn:aws:organizations::{MANAGEMENT}:account/o-benchmark01/{MANAGEMENT}"}
REPORT = base64.b64encode(
    b"user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,"
    b"password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,"
    b"access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,"
    b"access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,"
    b"access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,"
    b"cert_2_active,cert_2_last_rotated\n"
    b"<root_account>,arn:aws:iam::000000000000:root,2020-01-01T00:00:00+00:00,not_supported,no_information,"
    b"not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n").decode()

QUERY = {
    "GenerateCredentialReport": "<State>COMPLETE</State>",
    "GetCredentialReport": f"<Content>{REPORT}</Content><ReportFormat>text/csv</ReportFormat>"
                           "<GeneratedTime>2026-11-28T09:00:00Z</GeneratedTime>",
    "GetAccountSummary": "<SummaryMap><entry><key>AccountMFAEnabled</key><value>1</value></entry><entry><key>"
                         "AccountAccessKeysPresent</key><value>0</value></entry></SummaryMap>",
    "ListVirtualMFADevices": "<VirtualMFADevices/><IsTruncated>false</IsTruncated>",
    "ListOrganizationsFeatures": "<OrganizationId>o-benchmark01</OrganizationId><EnabledFeatures>"
                                 "<member>RootCredentialsManagement</member></EnabledFeatures>",
    "DescribeAlarms": "<MetricAlarms/><CompositeAlarms/>",
    "ListTopics": "<Topics/>",
}


def account_of(headers):
    match = re.search(r"Credential=([A-Z0-9]+)/", headers.get("Authorization", ""))
    key = match.group(1) if match else ""
    return key[4:16] if key.startswith("ASIA") and len(key) >= 16 else MANAGEMENT


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    members = []
    delay = 0.05

    def log_message(self, *_):
        pass

    def send(self, status, body, content_type):
        data = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("x-amzn-RequestId", "bench")
        self.end_headers()
        self.wfile.write(data)

    def query(self, action, params):
        account = account_of(self.headers)
        if action == "GetCallerIdentity":
            name = "assumed-role/rootguard-read/rootguard-collect" if account != MANAGEMENT else "user/auditor"
            arn = f"arn:aws:{'sts' if account != MANAGEMENT else 'iam'}::{account}:{name}"
            result = f"<Account>{account}</Account><Arn>{arn}</Arn><UserId>AIDABENCH</UserId>"
        elif action == "AssumeRole":
            target = re.search(r"::(\d{12}):role/", params.get("RoleArn", ""))
            if not target or target.group(1) not in self.members:
                return self.send(403, "<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code>"
                                      "<Message>no</Message></Error></ErrorResponse>", "text/xml")
            result = (f"<Credentials><AccessKeyId>ASIA{target.group(1)}BENCH</AccessKeyId><SecretAccessKey>s"
                      f"</SecretAccessKey><SessionToken>t</SessionToken><Expiration>2099-01-01T00:00:00Z"
                      f"</Expiration></Credentials>")
        elif action in QUERY:
            result = QUERY[action]
        else:
            return self.send(400, f"<ErrorResponse><Error><Code>InvalidAction</Code><Message>{action}</Message>"
                                  "</Error></ErrorResponse>", "text/xml")
        self.send(200, f"<{action}Response><{action}Result>{result}</{action}Result></{action}Response>",
                  "text/xml")

    def json11(self, target):
        operation = target.rsplit(".", 1)[-1]
        answers = {
            "DescribeOrganization": {"Organization": ORG},
            "ListRoots": {"Roots": [{"Id": "r-bnch", "Name": "Root", "PolicyTypes": []}]},
            "ListOrganizationalUnitsForParent": {"OrganizationalUnits": []},
            "ListAccountsForParent": {"Accounts": [{"Id": a, "Name": f"account-{a}", "Status": "ACTIVE",
                                                    "Email": f"{a}@example.com"}
                                                   for a in [MANAGEMENT] + self.members]},
            "ListAccounts": {"Accounts": [{"Id": a, "Status": "ACTIVE"} for a in [MANAGEMENT] + self.members]},
            "ListPolicies": {"Policies": []},
            "DescribeTrails": {"trailList": []},
            "DescribeMetricFilters": {"metricFilters": []},
            # Newer botocore (the AWS CLI here) calls CloudWatch and SNS in JSON where rootguard uses query.
            "DescribeAlarms": {"MetricAlarms": [], "CompositeAlarms": []},
            "ListTopics": {"Topics": []},
        }
        if operation not in answers:
            return self.send(400, json.dumps({"__type": "UnknownOperationException"}), "application/x-amz-json-1.1")
        self.send(200, json.dumps(answers[operation]), "application/x-amz-json-1.1")

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0"))).decode()
        time.sleep(self.delay)
        target = self.headers.get("X-Amz-Target")
        if target:
            return self.json11(target)
        params = dict(urllib.parse.parse_qsl(body))
        self.query(params.get("Action", ""), params)

    def do_GET(self):
        time.sleep(self.delay)
        if self.path.startswith("/detector"):
            return self.send(200, json.dumps({"detectorIds": []}), "application/json")
        self.send(404, json.dumps({"message": "not found"}), "application/json")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("port_file")
    parser.add_argument("--members", type=int, default=49)
    parser.add_argument("--delay-ms", type=int, default=50)
    args = parser.parse_args()
    Handler.members = [f"{200000000000 + i}" for i in range(args.members)]
    Handler.delay = args.delay_ms / 1000
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    with open(args.port_file, "w") as f:
        f.write(str(server.server_address[1]))
    server.serve_forever()


if __name__ == "__main__":
    threading.current_thread().name = "fake-aws"
    main()

#!/usr/bin/env python3
"""Writes src/aws/generated/service_models.cpp: the part of botocore's service and paginator models that
rootguard's AWS client needs (protocol metadata, the operations it calls, every shape they reach, their
paginators), as one JSON document embedded in C++.

Usage: generate_models.py [OUTPUT]   (default: print to stdout)
The Aws.ModelsCurrent test regenerates it with the botocore on the machine and fails when the committed
file differs (exit 2 here: botocore absent, the test is skipped).
"""
import json
import sys

try:
    import botocore.session
except ImportError:
    sys.exit(2)

# The calls rootguard makes (read-only, plus the STS calls that get credentials). CloudWatch speaks
# several protocols; rootguard uses query, whose XML answers it already parses for IAM, STS and SNS.
OPERATIONS = {
    "sts": ("query", ["GetCallerIdentity", "AssumeRole", "AssumeRoleWithWebIdentity"]),
    "iam": ("query", ["GetAccountSummary", "GenerateCredentialReport", "GetCredentialReport",
                      "ListVirtualMFADevices", "ListMFADevices", "ListOrganizationsFeatures",
                      "ListAccountAliases"]),
    "sns": ("query", ["ListTopics", "ListSubscriptionsByTopic", "ListSubscriptions"]),
    "cloudwatch": ("query", ["DescribeAlarms"]),
    "organizations": ("json", ["DescribeOrganization", "ListRoots", "ListOrganizationalUnitsForParent",
                               "ListAccountsForParent", "ListAccounts", "ListPolicies", "DescribePolicy",
                               "ListTargetsForPolicy"]),
    "cloudtrail": ("json", ["DescribeTrails", "GetTrailStatus", "GetEventSelectors", "LookupEvents",
                            "ListPublicKeys"]),  # the digest signing keys (trail --verify-digests, s3://)
    "logs": ("json", ["DescribeMetricFilters"]),
    "guardduty": ("rest-json", ["ListDetectors", "GetDetector", "ListFindings", "GetFindings"]),
    "account": ("rest-json", ["ListRegions"]),
    # The regions enabled for an account when account:ListRegions is not allowed (EC2's own query dialect).
    "ec2": ("ec2", ["DescribeRegions"]),
    "sso": ("rest-json", ["GetRoleCredentials"]),  # IAM Identity Center profiles (an unsigned call)
}

REF_KEYS = ("locationName", "queryName", "location", "flattened", "timestampFormat")
SHAPE_KEYS = ("type", "flattened", "timestampFormat")


def ref(reference):
    out = {"shape": reference["shape"]}
    for key in REF_KEYS:
        if key in reference:
            out[key] = reference[key]
    return out


def collect_shapes(shapes, name, keep):
    if name in keep:
        return
    shape = shapes[name]
    out = {key: shape[key] for key in SHAPE_KEYS if key in shape}
    keep[name] = out
    if shape["type"] == "structure":
        out["members"] = {member: ref(r) for member, r in shape.get("members", {}).items()}
        for r in shape.get("members", {}).values():
            collect_shapes(shapes, r["shape"], keep)
    elif shape["type"] == "list":
        out["member"] = ref(shape["member"])
        collect_shapes(shapes, shape["member"]["shape"], keep)
    elif shape["type"] == "map":
        out["key"] = ref(shape["key"])
        out["value"] = ref(shape["value"])
        collect_shapes(shapes, shape["key"]["shape"], keep)
        collect_shapes(shapes, shape["value"]["shape"], keep)


def as_list(value):
    return value if isinstance(value, list) else [value]


def service_entry(session, service, protocol, operations):
    data = session.get_service_data(service)
    metadata = data["metadata"]
    assert protocol in metadata.get("protocols", [metadata["protocol"]]), (service, protocol)
    try:
        paginators = session.get_paginator_model(service)._paginator_config
    except Exception:  # a service without paginators
        paginators = {}
    entry = {
        "protocol": protocol,
        "apiVersion": metadata["apiVersion"],
        "serviceId": metadata["serviceId"],
        "signingName": metadata.get("signingName", metadata["endpointPrefix"]),
        "endpointPrefix": metadata["endpointPrefix"],
        "operations": {},
        "shapes": {},
    }
    if protocol == "json":
        entry["targetPrefix"] = metadata["targetPrefix"]
        entry["jsonVersion"] = metadata["jsonVersion"]
    for name in operations:
        op = data["operations"][name]
        out = {"method": op["http"]["method"], "requestUri": op["http"]["requestUri"]}
        if "input" in op:
            out["input"] = op["input"]["shape"]
            collect_shapes(data["shapes"], op["input"]["shape"], entry["shapes"])
        if "output" in op:
            out["output"] = op["output"]["shape"]
            if "resultWrapper" in op["output"]:
                out["resultWrapper"] = op["output"]["resultWrapper"]
            collect_shapes(data["shapes"], op["output"]["shape"], entry["shapes"])
        if name in paginators:
            p = paginators[name]
            out["paginator"] = {
                "input_token": as_list(p["input_token"]),
                "output_token": as_list(p["output_token"]),
                "result_key": as_list(p["result_key"]),
            }
            for key in ("more_results", "limit_key"):
                if key in p:
                    out["paginator"][key] = p[key]
            if "non_aggregate_keys" in p:
                out["paginator"]["non_aggregate_keys"] = as_list(p["non_aggregate_keys"])
            for key in out["paginator"]["result_key"] + out["paginator"]["output_token"]:
                assert "." not in key and "[" not in key, (service, name, key)  # plain member names only
        entry["operations"][name] = out
    entry["shapes"] = dict(sorted(entry["shapes"].items()))
    return entry


def main():
    session = botocore.session.get_session()
    document = {"botocore": botocore.__version__, "services": {}}
    for service, (protocol, operations) in sorted(OPERATIONS.items()):
        document["services"][service] = service_entry(session, service, protocol, operations)
    text = json.dumps(document, separators=(",", ":"), sort_keys=False)
    assert ")rgjson\"" not in text
    # Split the literal: compilers need not accept one string literal longer than 64 KiB.
    chunks = [text[i:i + 16000] for i in range(0, len(text), 16000)]
    body = "\n".join(f'    R"rgjson({chunk})rgjson",' for chunk in chunks)
    source = f"""// Generated by src/aws/generate/generate_models.py from botocore {botocore.__version__}. Do not edit.
#include "aws/generated/service_models.hpp"

#include <array>
#include <string>
#include <string_view>

namespace rg::aws {{

namespace {{

constexpr std::array<std::string_view, {len(chunks)}> kChunks = {{
{body}
}};

}} // namespace

const std::string& service_models_json() {{
  static const std::string text = [] {{
    std::string joined;
    for (const auto chunk : kChunks) {{
      joined += chunk;
    }}
    return joined;
  }}();
  return text;
}}

}} // namespace rg::aws
"""
    if len(sys.argv) > 1:
        with open(sys.argv[1], "w") as f:
            f.write(source)
    else:
        sys.stdout.write(source)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""The plain-Python competitor: CIS root-activity event ids from CloudTrail .json.gz files (stdlib only).

Usage: cis_root_activity.py FILE... > ids.txt
Same filter as the CIS / CloudWatch.1 metric filter: userIdentity.type == "Root", no userIdentity.invokedBy,
eventType != "AwsServiceEvent".
"""
import gzip
import json
import sys


def main(paths):
    ids = []
    for path in paths:
        with gzip.open(path, "rb") as handle:
            for record in json.load(handle).get("Records", []):
                identity = record.get("userIdentity") or {}
                if (identity.get("type") == "Root" and "invokedBy" not in identity
                        and record.get("eventType") != "AwsServiceEvent"):
                    ids.append(record.get("eventID", ""))
    sys.stdout.write("".join(f"{i}\n" for i in sorted(ids)))


if __name__ == "__main__":
    main(sys.argv[1:])

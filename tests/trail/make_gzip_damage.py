#!/usr/bin/env python3
"""Writes the gzip-damage inputs of tests/corpus/trail-damage/ (decision 0013): run from the repository root.

Each corrupt member has its first deflate block type set to the reserved value 3, which every inflater
(zlib, libdeflate, isa-l) rejects at once, so what is lost does not depend on the inflater.
"""
import json
import zlib
from pathlib import Path

OUT = Path("tests/corpus/trail-damage")


def record(event_id, user_type="Root"):
    # The shape of tests/trail/trail_fixtures.hpp record(): eventVersion first, as CloudTrail writes it.
    account = "111122223333"
    return json.dumps(
        {
            "eventVersion": "1.08",
            "userIdentity": {"type": user_type, "principalId": account,
                             "arn": f"arn:aws:iam::{account}:root", "accountId": account},
            "eventTime": "2026-11-20T10:00:00Z",
            "eventSource": "s3.amazonaws.com",
            "eventName": "ListBuckets",
            "awsRegion": "us-east-1",
            "sourceIPAddress": "198.51.100.7",
            "userAgent": "aws-cli/2.15",
            "eventID": event_id,
            "eventType": "AwsApiCall",
            "recipientAccountId": account,
        },
        separators=(",", ":"),
    )


def document(ids):
    return '{"Records":[' + ",".join(record(i) for i in ids) + "]}"


def member(text, corrupt_at=None):
    """One gzip member; with corrupt_at, a full flush after that many bytes and the next block made invalid."""
    c = zlib.compressobj(6, zlib.DEFLATED, 31)
    data = text.encode()
    if corrupt_at is None:
        return c.compress(data) + c.flush()
    head = c.compress(data[:corrupt_at]) + c.flush(zlib.Z_FULL_FLUSH)
    tail = bytearray(c.compress(data[corrupt_at:]) + c.flush())
    tail[0] |= 0x06  # BTYPE = 11, reserved: the block after the flush starts on this byte
    return head + bytes(tail)


def cut(text, needle, into):
    """The offset `into` bytes into the first occurrence of `needle`."""
    return text.index(needle) + into


def main():
    # One document in three members: the second corrupt. Members start mid-record, as a writer flushing
    # every few KB leaves them; d-3 and d-4 are cut by the damage, d-1, d-2, d-5 and d-6 survive.
    doc = document(["d-1", "d-2", "d-3", "d-4", "d-5", "d-6"])
    first = cut(doc, '"eventID":"d-3"', 5)
    second = cut(doc, '"eventID":"d-4"', 5)
    (OUT / "corrupt-middle-member.json.gz").write_bytes(
        member(doc[:first]) + member(doc[first:second], corrupt_at=0) + member(doc[second:]))

    # `cat a.json.gz b.json.gz c.json.gz` with b corrupt: a's and c's records survive.
    (OUT / "corrupt-member-between-documents.json.gz").write_bytes(
        member(document(["d-1", "d-2", "d-3"]))
        + member(document(["x-1", "x-2"]), corrupt_at=0)
        + member(document(["d-7", "d-8", "d-9"])))

    # aws cloudtrail lookup-events output, in two members, the first corrupt after its first event: the
    # bytes before the damage do not begin {"Records":[, so the file cannot be salvaged record by record.
    events = {"Events": [{"EventId": f"l-{i}", "EventName": "ListBuckets", "Username": "root",
                          "CloudTrailEvent": record(f"l-{i}")} for i in (1, 2, 3)]}
    text = json.dumps(events, separators=(",", ":"))
    split = cut(text, '{"EventId":"l-3"', 0)
    (OUT / "lookup-events-first-member-corrupt.json.gz").write_bytes(
        member(text[:split], corrupt_at=cut(text, '{"EventId":"l-2"', 0)) + member(text[split:]))


if __name__ == "__main__":
    main()

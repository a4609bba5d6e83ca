"""Runs the pip awscli's own `validate-logs` code (awscli.customizations.cloudtrail.validation) over a local
folder, with stub S3 and CloudTrail clients that serve the folder as the bucket: the signatures from the
<digest>.metadata.json files as S3 metadata, the keys from a list-public-keys JSON file. Returns what it
said about each S3 key: "valid" or "INVALID: ...", and the gap messages."""
import io
import json
import os

from botocore.exceptions import ClientError
from awscli.customizations.cloudtrail import validation

SIDECAR = ".metadata.json"


class _Pages:
    def __init__(self, keys):
        self._keys = keys

    def search(self, _expression):
        return iter(self._keys)


class _Paginator:
    def __init__(self, s3):
        self._s3 = s3

    def paginate(self, Bucket, Marker, Prefix):  # noqa: N803 (botocore's names)
        return _Pages(sorted(k for k in self._s3.keys(Bucket) if k.startswith(Prefix) and k > Marker))


class FolderS3:
    """The folder `root` as bucket `bucket`; any other bucket is empty."""

    def __init__(self, root, bucket):
        self.root = root
        self.bucket = bucket

    def keys(self, bucket):
        if bucket != self.bucket:
            return []
        out = []
        for folder, _dirs, files in os.walk(self.root):
            for name in files:
                if not name.endswith(SIDECAR):
                    out.append(os.path.relpath(os.path.join(folder, name), self.root).replace(os.sep, "/"))
        return out

    def get_paginator(self, _name):
        return _Paginator(self)

    def get_object(self, Bucket, Key):  # noqa: N803
        path = os.path.join(self.root, Key)
        if Bucket != self.bucket or not os.path.isfile(path):
            raise ClientError({"Error": {"Code": "NoSuchKey", "Message": "The specified key does not exist."}},
                              "GetObject")
        metadata = {}
        if os.path.isfile(path + SIDECAR):
            with open(path + SIDECAR) as f:
                metadata = json.load(f).get("Metadata", {})
        with open(path, "rb") as f:
            return {"Body": io.BytesIO(f.read()), "Metadata": metadata}


class FolderS3Provider:
    def __init__(self, s3):
        self._s3 = s3

    def get_client(self, _bucket):
        return self._s3


class KeyListCloudTrail:
    def __init__(self, keys_file):
        with open(keys_file) as f:
            self._keys = json.load(f)

    def list_public_keys(self, StartTime, EndTime):  # noqa: N803
        return self._keys


def validate(root, bucket, trail_arn, region, start, end, keys_file):
    """{s3 key: "valid" | "INVALID: ..."} for every digest and log file validate-logs reported, and gaps."""
    command = validation.CloudTrailValidateLogs(None)
    command.trail_arn = trail_arn
    command.is_verbose = True
    command.s3_bucket = bucket
    command.s3_prefix = None
    command.account_id = None
    command.start_time = validation.normalize_date(start)
    command.end_time = validation.normalize_date(end)
    command._source_region = region
    command.s3_client_provider = FolderS3Provider(FolderS3(root, bucket))
    command.cloudtrail_client = KeyListCloudTrail(keys_file)
    command.organization_client = None
    said = {}
    gaps = []
    prefix = f"s3://{bucket}/"

    def status(message, is_error=False):
        fields = message.split("\t")
        if len(fields) == 3 and fields[1].startswith(prefix):
            said[fields[1][len(prefix):]] = fields[2]
        elif "No log files were delivered" in message:
            gaps.append(message)

    command._write_status = status
    command._write_startup_text = lambda: None
    command._write_summary_text = lambda: None
    command._call()
    return said, gaps

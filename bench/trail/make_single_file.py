#!/usr/bin/env python3
"""Joins a corpus's log files into one CloudTrail file (same records, one Records array), gzip-compressed
by libdeflate-gzip: the 'single 1 GiB file' case of the memory target.

Usage: make_single_file.py OUT.json LOGFILE.json.gz...   (writes OUT.json.gz)
"""
import gzip
import os
import subprocess
import sys

HEAD, TAIL = b'{"Records":[', b"]}"


def main(out, paths):
    with open(out, "wb") as sink:
        sink.write(HEAD)
        for index, path in enumerate(paths):
            data = gzip.open(path).read()
            if not (data.startswith(HEAD) and data.endswith(TAIL)):
                sys.exit(f"{path}: not a compact CloudTrail file")
            if index:
                sink.write(b",")
            sink.write(data[len(HEAD):-len(TAIL)])
        sink.write(TAIL)
    subprocess.run(["libdeflate-gzip", "-6", "-f", out], check=True)
    print(f"{out}.gz: {os.path.getsize(out + '.gz')} bytes compressed")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])

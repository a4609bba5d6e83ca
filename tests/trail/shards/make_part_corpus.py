#!/usr/bin/env python3
"""Writes tests/corpus/trail-part/ from one good part (SEED: `rootguard trail tests/cli/data/trail
tests/corpus/trail-damage/unparseable-event-time.json --shard 0/1 --part-output SEED`): the seed itself
(ok-), and bad parts, each damaged in one way. The files are committed; this script says how they were
made. Usage: make_part_corpus.py SEED OUT_DIR"""
import copy
import json
import os
import sys

seed_path, out = sys.argv[1], sys.argv[2]
seed = json.load(open(seed_path))
seed["run"]["tool_version"] = "0.0.0-corpus"  # part_corpus_test.cpp merges as this version
text = json.dumps(seed, sort_keys=True)
os.makedirs(out, exist_ok=True)


def put(name, data):
    with open(os.path.join(out, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())


def edit(name, change):
    doc = copy.deepcopy(seed)
    change(doc)
    put(name, json.dumps(doc, sort_keys=True))


put("ok-seed.json", text)
put("bad-empty.json", b"")
put("bad-truncated-half.json", text[: len(text) // 2])
put("bad-truncated-last-byte.json", text[:-1])
put("bad-binary-junk.json", bytes(range(256)) * 4)
put("bad-gzip-instead.json", b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03")
put("bad-top-level-array.json", "[" + text + "]")
put("bad-trailing-garbage.json", text + "}{")
put("bad-deep-nesting.json", "[" * 100000)
put("bad-invalid-utf8.json", text.replace('"ev-login"', '"ev-LOGIN"').encode().replace(b"LOGIN", b"\xc3\x28"))
edit("bad-version-2.json", lambda d: d.update(rootguard_trail_part=2))
edit("bad-version-string.json", lambda d: d.update(rootguard_trail_part="1"))
edit("bad-no-version.json", lambda d: d.pop("rootguard_trail_part"))
edit("bad-other-tool-version.json", lambda d: d["run"].update(tool_version="9.9.9"))
edit("bad-shard-index-past-count.json", lambda d: d["shard"].update(index=1))
edit("bad-shard-count-zero.json", lambda d: d["shard"].update(count=0, index=0))
edit("bad-shard-negative.json", lambda d: d["shard"].update(index=-1))
edit("bad-no-scan.json", lambda d: d.pop("scan"))
edit("bad-scan-not-object.json", lambda d: d.update(scan=[1, 2]))
edit("bad-files-negative.json", lambda d: d["scan"].update(files=-1))
edit("bad-files-float.json", lambda d: d["scan"].update(files=1.5))
edit("bad-files-huge.json", lambda d: d["scan"].update(files=10 ** 30))
edit("bad-matched-not-array.json", lambda d: d["scan"].update(matched={"a": 1}))
edit("bad-event-missing-id.json", lambda d: d["scan"]["matched"][0].pop("event_id"))
edit("bad-event-id-number.json", lambda d: d["scan"]["matched"][0].update(event_id=7))
edit("bad-event-unknown-detection.json", lambda d: d["scan"]["matched"][0].update(detections=["root-nope"]))
edit("bad-event-time-string.json", lambda d: d["scan"]["matched"][0].update(time="2026-11-20"))
edit("bad-event-hex-odd.json", lambda d: d["scan"]["matched"][0].update(user_agent={"hex": "abc"}))
edit("bad-event-hex-not-hex.json", lambda d: d["scan"]["matched"][0].update(user_agent={"hex": "zz"}))
edit("bad-problem-kind.json", lambda d: d["scan"]["problems"][0].update(kind=99))
edit("bad-problem-no-index.json", lambda d: d["scan"]["problems"][0].pop("index"))
edit("bad-run-since.json", lambda d: d["run"].update(since="yesterday"))
edit("bad-run-paths-not-array.json", lambda d: d["run"].update(paths="tests/cli/data/trail"))
edit("bad-run-missing.json", lambda d: d.pop("run"))
edit("bad-discovery-missing.json", lambda d: d["scan"].pop("discovery"))
edit("bad-s3-not-object.json", lambda d: d.update(s3="bucket"))

#!/usr/bin/env python3
"""Every ```json and ```yaml block of docs/trail-shards.md parses (json; yaml.safe_load_all), and each
shard command's --shard-count equals the array job's size or the Indexed Job's completions beside it.

Usage: manifests_parse_test.py docs/trail-shards.md    (exit 77: PyYAML missing)
"""
import json
import re
import sys

try:
    import yaml
except ImportError:
    print("PyYAML is not installed")
    sys.exit(77)

page = open(sys.argv[1], encoding="utf-8").read()
blocks = re.findall(r"^```(json|yaml)\n(.*?)^```", page, flags=re.S | re.M)
failures = []
documents = []
for n, (kind, text) in enumerate(blocks, 1):
    try:
        documents += [d for d in (yaml.safe_load_all(text) if kind == "yaml" else [json.loads(text)]) if d]
    except (ValueError, yaml.YAMLError) as error:
        failures.append(f"{kind} block {n}: {error}")


def shard_counts(value):
    text = json.dumps(value)
    return {int(c) for c in re.findall(r"--shard-count (\d+)", text)}


array_sizes = {d["arrayProperties"]["size"] for d in documents if "arrayProperties" in d}
batch_counts = set().union(*[shard_counts(d) for d in documents if "containerProperties" in d])
if not array_sizes or batch_counts != array_sizes:
    failures.append(f"AWS Batch: --shard-count {batch_counts} against array size {array_sizes}")
if not any(d.get("dependsOn") for d in documents):
    failures.append("AWS Batch: no merge job depending on the array job")
indexed = [d for d in documents if d.get("kind") == "Job" and d["spec"].get("completionMode") == "Indexed"]
if len(indexed) != 1 or shard_counts(indexed[0]) != {indexed[0]["spec"]["completions"]}:
    failures.append("Kubernetes: one Indexed Job whose completions equal its --shard-count")
merges = [d for d in documents if "rootguard merge" in json.dumps(d)]
if len(merges) != 2:
    failures.append(f"expected a merge step for Batch and for Kubernetes, found {len(merges)}")
for d in documents:
    text = json.dumps(d)
    if "rootguard trail" in text and ("JOB_COMPLETION_INDEX" not in text and "AWS_BATCH_JOB_ARRAY_INDEX" not in text):
        failures.append(f"a shard command without the scheduler's index: {text[:120]}")
if failures:
    print("\n".join(failures))
    sys.exit(1)
print(f"{len(blocks)} blocks, {len(documents)} documents parsed; shard counts match")

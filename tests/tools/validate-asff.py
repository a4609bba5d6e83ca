#!/usr/bin/env python3
"""Checks ASFF files against botocore's service model of AwsSecurityFinding (securityhub): every required
member present, every member known, types (string/int/list/structure/map/timestamp/enum) and string
length limits, recursively. Exit 0 valid, 1 invalid, 77 when botocore is missing."""
import json
import sys

try:
    import botocore.session
except ImportError:
    print("botocore not installed", file=sys.stderr)
    sys.exit(77)

errors = []


def check(shape, value, path):
    kind = shape.type_name
    if kind == "structure":
        if not isinstance(value, dict):
            errors.append(f"{path}: expected object")
            return
        for name in shape.required_members:
            if name not in value:
                errors.append(f"{path}: missing required {name}")
        for name, member in value.items():
            if name not in shape.members:
                errors.append(f"{path}: unknown member {name}")
                continue
            check(shape.members[name], member, f"{path}.{name}")
    elif kind == "list":
        if not isinstance(value, list):
            errors.append(f"{path}: expected array")
            return
        for i, item in enumerate(value):
            check(shape.member, item, f"{path}[{i}]")
    elif kind == "map":
        if not isinstance(value, dict):
            errors.append(f"{path}: expected map")
            return
        for key, item in value.items():
            check(shape.key, key, f"{path} key")
            check(shape.value, item, f"{path}[{key}]")
    elif kind == "string":
        if not isinstance(value, str):
            errors.append(f"{path}: expected string")
            return
        enum = shape.enum
        if enum and value not in enum:
            errors.append(f"{path}: {value!r} not in {enum}")
        limit = shape.metadata.get("max")
        if limit is not None and len(value) > limit:
            errors.append(f"{path}: longer than {limit}")
    elif kind in ("integer", "long"):
        if not isinstance(value, int) or isinstance(value, bool):
            errors.append(f"{path}: expected integer")
    elif kind in ("double", "float"):
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            errors.append(f"{path}: expected number")
    elif kind == "boolean":
        if not isinstance(value, bool):
            errors.append(f"{path}: expected boolean")
    elif kind == "timestamp":
        if not isinstance(value, str):
            errors.append(f"{path}: expected timestamp string")


def main():
    model = botocore.session.get_session().get_service_model("securityhub")
    finding_shape = model.shape_for("AwsSecurityFinding")
    batch_limit = model.operation_model("BatchImportFindings").input_shape.members["Findings"].metadata.get("max", 100)
    count = 0
    for path in sys.argv[1:]:
        with open(path, "rb") as handle:
            raw = handle.read()
        if len(raw) > 240 * 1024:
            errors.append(f"{path}: {len(raw)} bytes, over 240 KB")
        doc = json.loads(raw.decode("utf-8"))
        if not isinstance(doc, list):
            errors.append(f"{path}: expected a JSON array of findings")
            continue
        if len(doc) > batch_limit:
            errors.append(f"{path}: {len(doc)} findings, over {batch_limit}")
        for i, finding in enumerate(doc):
            check(finding_shape, finding, f"{path}[{i}]")
            if finding.get("SchemaVersion") != "2018-10-08":
                errors.append(f"{path}[{i}]: SchemaVersion")
            count += 1
    for error in errors[:50]:
        print(error, file=sys.stderr)
    if errors:
        return 1
    if count == 0:
        print("no findings checked", file=sys.stderr)
        return 1
    print(f"{count} ASFF findings valid against botocore {botocore.__version__}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

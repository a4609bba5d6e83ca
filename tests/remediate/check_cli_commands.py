#!/usr/bin/env python3
"""Every AWS CLI command rootguard writes, checked against botocore's service models: the command in
every generated fix.sh (the example organization, en and ja) and in every control's remediation text
(`rootguard controls list --format json`). For each `aws <service> <operation> ...`: the operation
exists, every option is a parameter of it (or a global option), its required parameters are present,
and literal enum values are valid.

usage: check_cli_commands.py ROOTGUARD_BINARY SOURCE_DIR | --scripts FIX_SH...

botocore must know sts AssumeRoot (2024-11); Debian 12's python3-botocore (1.29) does not, so this
re-runs itself with tests/tools/venv (tests/tools/setup) when the interpreter's botocore is older."""
import json
import os
import shlex
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def botocore_session():
    try:
        import botocore.session
        session = botocore.session.get_session()
        session.get_service_model("sts").operation_model("AssumeRoot")
        return session
    except Exception:  # missing module or an older model
        venv = os.path.join(HERE, "..", "tools", "venv", "bin", "python3")
        if os.path.exists(venv) and os.path.realpath(sys.executable) != os.path.realpath(venv):
            os.execv(venv, [venv] + sys.argv)
        sys.exit("no botocore with sts AssumeRoot: run tests/tools/setup (it installs tests/tools/requirements.txt "
                 "into tests/tools/venv)")


GLOBAL = {"--region", "--query", "--output", "--profile", "--no-paginate", "--page-size", "--max-items",
          "--starting-token", "--cli-input-json", "--endpoint-url", "--no-cli-pager", "--debug"}
SERVICES = {"cloudwatch": "cloudwatch", "logs": "logs", "sns": "sns", "events": "events",
            "guardduty": "guardduty", "cloudtrail": "cloudtrail", "organizations": "organizations",
            "iam": "iam", "sts": "sts"}
# Options the AWS CLI renames (awscli/customizations/argrename.py) for the operations rootguard uses.
RENAMED = {("sns", "subscribe"): {"--notification-endpoint": "Endpoint"}}
SEPARATORS = {"|", "||", "&&", ";", ")", "(", "&", "$(", "`"}


def commands_in(text):
    """(argv, where) for every `aws ...` command in shell text, comments and the dry-run plan excluded."""
    lines = []
    in_plan = False
    for line in text.splitlines():
        if "<<'ROOTGUARD_PLAN'" in line:
            in_plan = True
            continue
        if in_plan:
            in_plan = line != "ROOTGUARD_PLAN"
            continue
        lines.append(line)
    joined = "\n".join(lines).replace("\\\n", " ")
    for number, line in enumerate(joined.splitlines(), 1):
        lexer = shlex.shlex(line.replace("$(", " $( "), posix=True, punctuation_chars="|&;()")
        lexer.whitespace_split = True
        lexer.commenters = "#"
        try:
            tokens = list(lexer)
        except ValueError:
            continue
        current = None
        for token in tokens + [";"]:
            if token in SEPARATORS or set(token) <= set("|&;()") or token.endswith("=$("):
                if current:
                    yield current, line.strip()
                current = None
            elif current is not None:
                current.append(token)
            elif token == "aws":
                current = []


def check(session, argv, where, problems):
    if not argv or argv[0].startswith("-"):
        return 0  # `aws --version`, `aws "$@"`
    service, operation, options = argv[0], argv[1] if len(argv) > 1 else "", argv[2:]
    if service not in SERVICES:
        problems.append(f"{where}: unknown service {service}")
        return 1
    model = session.get_service_model(SERVICES[service])
    from botocore import xform_name
    names = {xform_name(name, "-"): name for name in model.operation_names}
    if operation not in names:
        problems.append(f"{where}: {service} has no operation {operation}")
        return 1
    shape = model.operation_model(names[operation]).input_shape
    members = shape.members if shape else {}
    by_option = {}
    for name, member in members.items():
        option = "--" + xform_name(name, "-")
        by_option[option] = (name, member)
        if member.type_name == "boolean":
            by_option["--no-" + xform_name(name, "-")] = (name, member)
    for option, name in RENAMED.get((service, operation), {}).items():
        by_option[option] = (name, members[name])
    seen = set()
    i = 0
    while i < len(options):
        option = options[i]
        if not option.startswith("--"):
            problems.append(f"{where}: unexpected word {option!r}")
            i += 1
            continue
        value = options[i + 1] if i + 1 < len(options) and not options[i + 1].startswith("--") else None
        i += 2 if value is not None else 1
        if option in GLOBAL:
            continue
        if option not in by_option:
            problems.append(f"{where}: {service} {operation} has no parameter {option}")
            continue
        name, member = by_option[option]
        seen.add(name)
        enum = member.enum if hasattr(member, "enum") else None
        if enum and value is not None and not value.startswith("$") and value not in enum:
            problems.append(f"{where}: {option} {value!r} is not one of {enum}")
    for required in (shape.required_members if shape else []):
        if required not in seen:
            problems.append(f"{where}: {service} {operation} lacks required --{xform_name(required, '-')}")
    return 1


def main():
    session = botocore_session()
    texts = []
    if sys.argv[1] == "--scripts":  # given fix.sh files only (tests/remediate/fix_script_test.cpp)
        for path in sys.argv[2:]:
            with open(path) as f:
                texts.append((path, f.read()))
        return report(session, texts, minimum=1)
    binary, source = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as out:
        for lang in ("en", "ja"):
            folder = os.path.join(out, lang)
            subprocess.run([binary, "fix", "--snapshot", os.path.join(source, "examples", "example-org"),
                            "--output-dir", folder, "--lang", lang], check=False, capture_output=True)
            with open(os.path.join(folder, "fix.sh")) as f:
                texts.append((f"fix.sh ({lang})", f.read()))
    catalog = json.loads(subprocess.run([binary, "controls", "list", "--format", "json"], check=True,
                                        capture_output=True, text=True).stdout)
    controls = catalog if isinstance(catalog, list) else catalog.get("controls", [])
    for control in controls:
        cli = (control.get("remediation") or {}).get("cli", "")
        texts.append((f"control {control.get('id')}", cli.replace("${", "X_").replace("}", "")))
    return report(session, texts, minimum=40)


def report(session, texts, minimum):
    problems = []
    checked = 0
    for origin, text in texts:
        for argv, line in commands_in(text):
            checked += check(session, argv, f"{origin}: {line[:100]}", problems)
    for problem in problems:
        print(problem)
    print(f"{checked} AWS CLI commands checked against botocore {__import__('botocore').__version__}, "
          f"{len(problems)} problems")
    if checked < minimum:
        print("too few commands found: the extraction is broken")
        return 1
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

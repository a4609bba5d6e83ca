#!/usr/bin/env python3
"""find_english.py FILE...: prints every English phrase left in rootguard's Japanese output and exits 1.

A phrase is English when it is a run of plain words (letters only, separated by single spaces) of three
words or more, or of two when one of them is an English function word ("not collected", "file not").
Identifiers and values (ARNs, ids, file paths, key = value, anything with a digit, '.', '/', ':', '_', '$'
or a quote) are not words, and the names in ALLOWED are AWS's own and stay in English in AWS's Japanese
documentation too.
"""
import re
import sys

# AWS product and feature names, API and CLI words, kept in English by AWS's Japanese documentation.
ALLOWED = [
    "AWS Organizations", "AWS CloudTrail", "AWS Config", "AWS Security Hub", "Security Hub", "AWS CLI",
    "AWS Management Console", "AWS IAM Identity Center", "IAM Identity Center", "Amazon CloudWatch",
    "Amazon GuardDuty", "Amazon SNS", "Amazon S3", "Amazon EventBridge", "CloudWatch Logs", "AWS KMS",
    "S3 Object Lock", "Object Lock", "Root Access Management", "AWS Batch", "NO DATA", "Root Sessions",
    "Trusted Advisor", "Control Tower", "AWS Control Tower", "AWS STS", "Access Analyzer", "IAM Access Analyzer",
    "AWS Account Management", "Log File Validation", "Not Applicable", "Service Control Policies",
    "Resource Control Policies", "Management Console", "AWS Marketplace", "Billing and Cost Management",
    "My Security Credentials", "Security credentials", "Multi-factor authentication", "Assign MFA device",
    "AWS Support", "Identity Center", "CIS AWS Foundations Benchmark", "CIS AWS Foundations",
    "Foundational Security Best Practices", "AWS Foundational Security Best Practices", "Get started",
    "Enable GuardDuty", "AWS Lambda", "Hardware TOTP token", "Authenticator app", "Passkey or security key",
    "Security key", "Create trail", "Intel Mac OS X", "Mac OS X", "NOT EXISTS", "IS NULL", "Log file validation", "Create alarm", "Create metric filter",
]
FUNCTION_WORDS = {
    "a", "an", "the", "not", "no", "of", "in", "on", "for", "to", "is", "are", "was", "be", "by", "with",
    "from", "and", "or", "but", "as", "at", "it", "this", "that", "found", "collected", "expected",
    "invalid", "cannot", "failed", "missing", "none", "error", "warning", "read", "file", "unknown",
    "empty", "absent", "denied", "allowed", "must", "should", "has", "have", "does", "only",
}
WORD = re.compile(r"[A-Za-z]+")
# Anything that is an identifier or a value rather than prose.
IDENTIFIER = re.compile(r"""[^\s]*[0-9./:_$'"=<>@\\\[\]{}*#`|~^+-][^\s]*""")


def english_phrases(line):
    for name in sorted(ALLOWED, key=len, reverse=True):
        line = line.replace(name, " \x00 ")
    words = []
    for token in re.split(r"(\s+|[^\x00-\x7f]+)", line):
        if not token or token.isspace():
            continue
        if IDENTIFIER.fullmatch(token) or not WORD.fullmatch(token):
            words.append(None)  # breaks a run
            continue
        words.append(token)
    run = []
    for word in words + [None]:
        if word is None:
            if len(run) >= 3 or (len(run) == 2 and any(w.lower() in FUNCTION_WORDS for w in run)):
                yield " ".join(run)
            run = []
        else:
            run.append(word)


def comment_of(line):
    """The '# comment' part of a line of shell or HCL (outside quotes), or ''."""
    quote = None
    i = 0
    while i < len(line):
        c = line[i]
        if quote:
            if c == "\\" and quote == '"':
                i += 1
            elif c == quote:
                quote = None
        elif c in "'\"":
            quote = c
        elif c == "#" and (i == 0 or line[i - 1] in " \t"):
            return line[i + 1:]
        i += 1
    return ""


def prose_lines(path, f):
    """(number, text) of what a person reads as prose: in code (scripts, Terraform, fenced blocks in
    Markdown) only the comments, since commands, options and values are code in every language."""
    code = path.endswith((".sh", ".tf", ".tfvars"))
    fenced = False
    for number, line in enumerate(f, 1):
        line = line.rstrip("\n")
        if path.endswith(".md") and line.startswith("```"):
            fenced = not fenced
            continue
        if code or fenced:
            if line.startswith("#!"):
                continue
            yield number, comment_of(line)
        else:
            yield number, line


def main():
    found = 0
    for path in sys.argv[1:]:
        with open(path, encoding="utf-8", errors="replace") as f:
            for number, line in prose_lines(path, f):
                for phrase in english_phrases(line):
                    found += 1
                    print(f"{path}:{number}: English left: '{phrase}' in: {line.strip()[:200]}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())

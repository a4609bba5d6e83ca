#!/usr/bin/env bash
# The AWS CLI way of collecting an organization, as docs/snapshot-layout.md documents it per account:
# one `aws` process per call, accounts one after another, a role assumed into each member.
#   aws_cli_collect.sh OUT ROLE_NAME REGION...      (AWS_* variables point the CLI at the endpoint)
set -euo pipefail
out=$1 role=$2
shift 2
regions=("$@")
mgmt=$(aws sts get-caller-identity --query Account --output text)
collect_account() {
  local acct=$1 d="$out/accounts/$1"
  mkdir -p "$d/sts" "$d/iam"
  aws sts get-caller-identity --output json >"$d/sts/GetCallerIdentity.json"
  aws iam generate-credential-report >/dev/null
  aws iam get-credential-report --output json >"$d/iam/GetCredentialReport.json"
  aws iam get-account-summary --output json >"$d/iam/GetAccountSummary.json"
  aws iam list-virtual-mfa-devices --output json >"$d/iam/ListVirtualMFADevices.json"
  for r in "${regions[@]}"; do
    local R="$d/regions/$r"
    mkdir -p "$R/cloudtrail" "$R/logs" "$R/cloudwatch" "$R/sns" "$R/guardduty"
    aws cloudtrail describe-trails --region "$r" --output json >"$R/cloudtrail/DescribeTrails.json"
    aws logs describe-metric-filters --region "$r" --output json >"$R/logs/DescribeMetricFilters.json"
    aws cloudwatch describe-alarms --region "$r" --output json >"$R/cloudwatch/DescribeAlarms.json"
    aws sns list-topics --region "$r" --output json >/dev/null
    aws guardduty list-detectors --region "$r" --output json >"$R/guardduty/ListDetectors.json"
  done
}
collect_account "$mgmt"
for acct in $(aws organizations list-accounts --query "Accounts[?Status=='ACTIVE'].Id" --output text); do
  [[ "$acct" == "$mgmt" ]] && continue
  read -r key secret token < <(aws sts assume-role --role-arn "arn:aws:iam::$acct:role/$role" \
    --role-session-name rootguard-collect --query 'Credentials.[AccessKeyId,SecretAccessKey,SessionToken]' \
    --output text)
  AWS_ACCESS_KEY_ID=$key AWS_SECRET_ACCESS_KEY=$secret AWS_SESSION_TOKEN=$token collect_account "$acct"
done

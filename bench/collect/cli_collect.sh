#!/usr/bin/env bash
# The AWS CLI way to collect one account, as docs/snapshot-layout.md gives it (account part, then each
# region), for the collect benchmark to time against `rootguard collect`. Credentials and the endpoint come
# from the environment; the snapshot folder is the current folder. Usage: cli_collect.sh REGION...
# One change from the docs: the credential report is polled (as rootguard does) instead of `sleep 10`,
# so neither side waits longer than the server needs.
set -uo pipefail
aws() { command "${AWS_CLI:-aws}" --endpoint-url "$AWS_ENDPOINT_URL" "$@"; }

acct=$(aws sts get-caller-identity --query Account --output text)
d=accounts/$acct; mkdir -p "$d/sts" "$d/iam"
aws sts get-caller-identity --output json > "$d/sts/GetCallerIdentity.json"
aws iam generate-credential-report >/dev/null
until aws iam get-credential-report --output json > "$d/iam/GetCredentialReport.json" 2>/dev/null; do sleep 2; done
aws iam get-account-summary --output json > "$d/iam/GetAccountSummary.json"
aws iam list-virtual-mfa-devices --output json > "$d/iam/ListVirtualMFADevices.json"
aws iam list-organizations-features --output json > "$d/iam/ListOrganizationsFeatures.json" 2>/dev/null

for r in "$@"; do
  R=accounts/$acct/regions/$r; mkdir -p "$R"/{cloudtrail/GetTrailStatus,cloudtrail/GetEventSelectors,logs,cloudwatch,sns/ListSubscriptionsByTopic,guardduty/GetDetector}
  aws cloudtrail describe-trails --region "$r" --output json > "$R/cloudtrail/DescribeTrails.json"
  for t in $(aws cloudtrail describe-trails --region "$r" --query 'trailList[?HomeRegion==`'"$r"'`].Name' --output text); do
    aws cloudtrail get-trail-status --region "$r" --name "$t" --output json > "$R/cloudtrail/GetTrailStatus/$t.json"
    aws cloudtrail get-event-selectors --region "$r" --trail-name "$t" --output json > "$R/cloudtrail/GetEventSelectors/$t.json"
  done
  aws logs describe-metric-filters --region "$r" --output json > "$R/logs/DescribeMetricFilters.json"
  aws cloudwatch describe-alarms --region "$r" --output json > "$R/cloudwatch/DescribeAlarms.json"
  for arn in $(aws sns list-topics --region "$r" --query 'Topics[].TopicArn' --output text); do
    aws sns list-subscriptions-by-topic --region "$r" --topic-arn "$arn" --output json > "$R/sns/ListSubscriptionsByTopic/${arn##*:}.json"
  done
  aws guardduty list-detectors --region "$r" --output json > "$R/guardduty/ListDetectors.json"
  for det in $(aws guardduty list-detectors --region "$r" --query 'DetectorIds[]' --output text); do
    aws guardduty get-detector --region "$r" --detector-id "$det" --output json > "$R/guardduty/GetDetector/$det.json"
    ids=$(aws guardduty list-findings --region "$r" --detector-id "$det" \
          --finding-criteria '{"Criterion":{"resource.accessKeyDetails.userType":{"Eq":["Root"]}}}' --query 'FindingIds' --output text)
    [ -n "$ids" ] && [ "$ids" != "None" ] && aws guardduty get-findings --region "$r" --detector-id "$det" --finding-ids $ids --output json > "$R/guardduty/GetFindings.json"
  done
done
exit 0

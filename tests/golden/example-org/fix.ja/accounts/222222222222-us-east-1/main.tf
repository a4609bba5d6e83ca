# rootguard fix が生成: アカウント 222222222222-us-east-1。
terraform {
  required_providers {
    aws = { source = "hashicorp/aws" }
  }
}

variable "alert_email" {
  type = string
}

# 222222222222 us-east-1 で GuardDuty ディテクター d2222aaaa が有効 [修正対象: 222222222222 の guardduty-enabled (0d32eff1a7c8fe8d2a92e076f35885b3)]
resource "aws_guardduty_detector" "this" {
  enable = true # main.tf でインポート
}

# 222222222222 us-east-1 のロググループ prod/cloudtrail にメトリクスフィルター RootAccountUsage がある [修正対象: 222222222222 の root-usage-alarm (f8897afc33f2e11dd60b9ae7d4223e99)]
resource "aws_cloudwatch_log_metric_filter" "root_usage" {
  name           = "RootAccountUsage"
  log_group_name = "prod/cloudtrail"
  pattern        = "{ $.userIdentity.type = \"Root\" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != \"AwsServiceEvent\" }"
  metric_transformation {
    name      = "RootAccountUsage"
    namespace = "CISBenchmark"
    value     = "1"
  }
}

# 222222222222 us-east-1 に E メールのサブスクリプションがある SNS トピック root-usage-alarm [修正対象: 222222222222 の guardduty-root-findings (74762e7e1572dfa5d709cd4b7e8ec0cd)、222222222222 の root-usage-alarm (f8897afc33f2e11dd60b9ae7d4223e99)]
resource "aws_sns_topic" "root_usage" {
  name = "root-usage-alarm"
}

resource "aws_sns_topic_subscription" "root_usage" {
  topic_arn = aws_sns_topic.root_usage.arn
  protocol  = "email"
  endpoint  = var.alert_email # 受信者が確認した時点で有効になります
}

# 222222222222 us-east-1 で CISBenchmark/RootAccountUsage のアラーム RootAccountUsage が root-usage-alarm に通知する [修正対象: 222222222222 の root-usage-alarm (f8897afc33f2e11dd60b9ae7d4223e99)]
resource "aws_cloudwatch_metric_alarm" "root_usage" {
  alarm_name          = "RootAccountUsage"
  metric_name         = "RootAccountUsage"
  namespace           = "CISBenchmark"
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.root_usage.arn]
}

# 222222222222 us-east-1 に EventBridge ルール guardduty-root-credential-usage -> root-usage-alarm (トピックポリシーで events.amazonaws.com を許可) [修正対象: 222222222222 の guardduty-root-findings (74762e7e1572dfa5d709cd4b7e8ec0cd)]
resource "aws_cloudwatch_event_rule" "guardduty_root" {
  name = "guardduty-root-credential-usage"
  event_pattern = jsonencode({
    source        = ["aws.guardduty"]
    "detail-type" = ["GuardDuty Finding"]
    detail        = { type = ["Policy:IAMUser/RootCredentialUsage"] }
  })
}

resource "aws_cloudwatch_event_target" "guardduty_root" {
  rule = aws_cloudwatch_event_rule.guardduty_root.name
  arn  = aws_sns_topic.root_usage.arn
}

# これがないと EventBridge はトピックに発行できず、アラートは一度も届きません。
resource "aws_sns_topic_policy" "root_usage" {
  arn = aws_sns_topic.root_usage.arn
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "AccountManagesTopic"
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::222222222222:root" }
        Action    = ["sns:GetTopicAttributes", "sns:SetTopicAttributes", "sns:Subscribe", "sns:Publish", "sns:ListSubscriptionsByTopic"]
        Resource  = aws_sns_topic.root_usage.arn
      },
      {
        Sid       = "EventBridgePublishesRootAlerts"
        Effect    = "Allow"
        Principal = { Service = "events.amazonaws.com" }
        Action    = "sns:Publish"
        Resource  = aws_sns_topic.root_usage.arn
        Condition = { ArnEquals = { "aws:SourceArn" = aws_cloudwatch_event_rule.guardduty_root.arn } }
      }
    ]
  })
}

# 222222222222 の新しい認証情報レポート [修正対象: 222222222222 の root-recent-use (7a0cb87afcbe684275ae5213aaa86afb)]
# fix.sh のみ: これだけを行う Terraform のリソースはありません。

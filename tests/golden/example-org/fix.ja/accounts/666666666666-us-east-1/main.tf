# rootguard fix が生成: アカウント 666666666666-us-east-1。
terraform {
  required_providers {
    aws = { source = "hashicorp/aws" }
  }
}

variable "alert_email" {
  type = string
}

# トピック arn:aws:sns:us-east-1:666666666666:staging-alerts に確認済みサブスクリプションがある [修正対象: 666666666666 の root-usage-alarm (e1b4ab5f2c6bb5035e06e8d30d133023)]
resource "aws_sns_topic_subscription" "confirmed" {
  topic_arn = "arn:aws:sns:us-east-1:666666666666:staging-alerts" # アラームの既存のトピック
  protocol  = "email"
  endpoint  = var.alert_email # 受信者が確認した時点で有効になります
}

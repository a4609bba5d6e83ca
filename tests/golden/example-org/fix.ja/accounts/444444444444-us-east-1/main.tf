# rootguard fix が生成: アカウント 444444444444-us-east-1。
terraform {
  required_providers {
    aws = { source = "hashicorp/aws" }
  }
}

# 444444444444 us-east-1 で GuardDuty ディテクターが有効 [修正対象: 444444444444 の guardduty-enabled (31fafa829ec82902fb07296c33f8fd21)]
resource "aws_guardduty_detector" "this" {
  enable = true
}

# 444444444444 us-east-1 の証跡 batch-trail がマルチリージョン [修正対象: 444444444444 の root-usage-alarm (9e1920f63dd691e2c06ead43ab7ca1c8)]
# fix.sh のみ: これだけを行う Terraform のリソースはありません。

# 444444444444 の新しい認証情報レポート [修正対象: 444444444444 の root-recent-use (22a1138e500035881791ede482d21632)]
# fix.sh のみ: これだけを行う Terraform のリソースはありません。

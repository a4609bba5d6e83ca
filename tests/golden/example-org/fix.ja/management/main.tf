# rootguard fix が生成: 組織全体のリソース。管理アカウントの認証情報で一度だけ適用します。
terraform {
  required_providers {
    aws = { source = "hashicorp/aws" }
  }
}

# 組織にサービスコントロールポリシー (SCP) DenyRootUser がある (スナップショットにあるもの: p-denyroot01) [修正対象: 333333333333 の org-root-scp (9f80f0a8aab6b5a875403838a7a9fd0b)]

# SCP DenyRootUser が ou-ex01-sand2222 にアタッチされている [修正対象: 333333333333 の org-root-scp (9f80f0a8aab6b5a875403838a7a9fd0b)]
# 下の aws_organizations_policy_attachment.deny_root_user を参照

resource "aws_organizations_policy" "deny_root_user" {
  name        = "DenyRootUser"
  description = "メンバーアカウントのルートユーザーを拒否します。AssumeRoot のタスクセッションは引き続き使えます"
  type        = "SERVICE_CONTROL_POLICY"
  content     = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Sid": "DenyRootUser",
          "Effect": "Deny",
          "Action": "*",
          "Resource": "*",
          "Condition": {
            "ArnLike": {
              "aws:PrincipalArn": "arn:*:iam::*:root"
            },
            "Null": {
              "aws:AssumedRoot": "true"
            }
          }
        }
      ]
    }
  EOT
}

resource "aws_organizations_policy_attachment" "deny_root_user" {
  for_each  = toset(["ou-ex01-sand2222"])
  policy_id = aws_organizations_policy.deny_root_user.id
  target_id = each.value
}

# rootguard fix が 2026-11-28T09:00:00Z に収集されたスナップショットから生成。
# management モジュールは管理アカウントの認証情報 (デフォルトのプロバイダー) で、各アカウントの
# モジュールはそのアカウントで引き受けるロールで実行します。Terraform でできない手順 (メンバーの
# ルートユーザーの認証情報、証跡の変更、信頼されたアクセス) は fix.sh が行います。
terraform {
  required_version = ">= 1.5.0" # import ブロック
  required_providers {
    # 5.77.0 で aws_iam_organizations_features が追加された
    aws = { source = "hashicorp/aws", version = ">= 5.77.0" }
  }
}

variable "assume_role_name" {
  type    = string
  default = "OrganizationAccountAccessRole"
}

variable "alert_email" {
  description = "ルートユーザーの使用アラートを受け取るアドレス (サブスクリプションの確認が必要)"
  type        = string
}

provider "aws" {
  region = "us-east-1"
}

module "management" {
  source = "./management"
}

# 組織には DenyRootUser がすでにあります。2 つ目は作らず、これを管理します。
import {
  to = module.management.aws_organizations_policy.deny_root_user
  id = "p-denyroot01"
}

provider "aws" {
  alias  = "a_222222222222_us_east_1"
  region = "us-east-1"
  assume_role {
    role_arn = "arn:aws:iam::222222222222:role/${var.assume_role_name}"
  }
}

module "a_222222222222_us_east_1" {
  source      = "./accounts/222222222222-us-east-1"
  providers   = { aws = aws.a_222222222222_us_east_1 }
  alert_email = var.alert_email
}

# ディテクターは (無効の状態で) 存在します。2 つ目は作らず、これを管理します。
import {
  to = module.a_222222222222_us_east_1.aws_guardduty_detector.this
  id = "d2222aaaa"
}

provider "aws" {
  alias  = "a_444444444444_us_east_1"
  region = "us-east-1"
  assume_role {
    role_arn = "arn:aws:iam::444444444444:role/${var.assume_role_name}"
  }
}

module "a_444444444444_us_east_1" {
  source    = "./accounts/444444444444-us-east-1"
  providers = { aws = aws.a_444444444444_us_east_1 }
}

provider "aws" {
  alias  = "a_666666666666_us_east_1"
  region = "us-east-1"
  assume_role {
    role_arn = "arn:aws:iam::666666666666:role/${var.assume_role_name}"
  }
}

module "a_666666666666_us_east_1" {
  source      = "./accounts/666666666666-us-east-1"
  providers   = { aws = aws.a_666666666666_us_east_1 }
  alert_email = var.alert_email
}

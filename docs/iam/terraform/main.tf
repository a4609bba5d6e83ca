# rootguard: the read-only role `rootguard collect --org --role-name` assumes in a member account.
# Apply once per member account (a provider per account, e.g. assuming OrganizationAccountAccessRole
# for the apply only). The policy is docs/iam/rootguard-collector-policy.json itself, read from the file,
# so the two cannot drift apart.

terraform {
  required_version = ">= 1.5"
  required_providers {
    aws = { source = "hashicorp/aws", version = ">= 5.0" }
  }
}

variable "role_name" {
  type        = string
  default     = "rootguard-read"
  description = "Give the same name to --role-name."
}

variable "trusted_principal_arn" {
  type        = string
  description = "Who may assume the role: the collector's role (or user) in the management account or the delegated administrator."
  validation {
    condition     = can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:(root|role/.+|user/.+)$", var.trusted_principal_arn))
    error_message = "trusted_principal_arn must be an IAM principal ARN."
  }
}

variable "external_id" {
  type        = string
  default     = null
  sensitive   = true
  description = "Optional: the value given to --external-id."
}

data "aws_iam_policy_document" "trust" {
  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = [var.trusted_principal_arn]
    }
    dynamic "condition" {
      for_each = var.external_id == null ? [] : [var.external_id]
      content {
        test     = "StringEquals"
        variable = "sts:ExternalId"
        values   = [condition.value]
      }
    }
  }
}

resource "aws_iam_role" "rootguard_read" {
  name                 = var.role_name
  description          = "rootguard collector: read-only root-user risk audit"
  max_session_duration = 3600
  assume_role_policy   = data.aws_iam_policy_document.trust.json
}

resource "aws_iam_role_policy" "rootguard_read" {
  name   = "rootguard-collector-read-only"
  role   = aws_iam_role.rootguard_read.id
  policy = file("${path.module}/../rootguard-collector-policy.json")
}

output "role_arn" {
  value = aws_iam_role.rootguard_read.arn
}

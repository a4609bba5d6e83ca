#pragma once
// The fix rootguard recommends for an unrestricted member-account root user, as data: the SCP, the
// AWS CLI and Terraform that deploy it, and the words around it. constexpr so a control's constinit
// metadata can point at it; tests run every policy here through the checker.
#include "i18n/text.hpp"
#include "policy/policy_type.hpp"

#include <algorithm>
#include <array>
#include <span>
#include <string_view>
#include <vector>

namespace rg::policy {

// Deny every action to root in member accounts (ArnLike on aws:PrincipalArn, the Control Tower shape),
// except sessions from sts:AssumeRoot (centralized root access), which carry aws:AssumedRoot.
inline constexpr std::string_view kRootDenyScp = R"({
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
})";

// Compile-time concatenation, so the CLI script embeds kRootDenyScp itself and the two cannot drift.
template <const std::string_view&... Parts> struct JoinedText {
  static constexpr auto make() {
    std::array<char, (Parts.size() + ... + 0) + 1> out{};
    size_t at = 0;
    ((std::copy(Parts.begin(), Parts.end(), out.begin() + at), at += Parts.size()), ...);
    return out;
  }
  static constexpr auto kStorage = make();
  static constexpr std::string_view kValue{kStorage.data(), kStorage.size() - 1};
};

inline constexpr std::string_view kRootDenyCliHead =
    "# From the management account: write the SCP, create it, attach it to the root or an OU.\n"
    "cat > deny-root-user.json <<'EOF'\n";
inline constexpr std::string_view kRootDenyCliTail =
    "\nEOF\n"
    "POLICY_ID=$(aws organizations create-policy --type SERVICE_CONTROL_POLICY --name DenyRootUser \\\n"
    "  --description \"Deny the root user of member accounts; AssumeRoot task sessions still work\" \\\n"
    "  --content file://deny-root-user.json --query Policy.PolicySummary.Id --output text)\n"
    "# ROOT_OR_OU_ID: placeholder, the organization root (r-...) or the OU (ou-...) to protect\n"
    "aws organizations attach-policy --policy-id \"$POLICY_ID\" --target-id ROOT_OR_OU_ID\n"
    "# Stronger: centralized root access, then delete member root credentials\n"
    "aws iam enable-organizations-root-credentials-management\n"
    "aws iam enable-organizations-root-sessions";
inline constexpr std::string_view kRootDenyCli =
    JoinedText<kRootDenyCliHead, kRootDenyScp, kRootDenyCliTail>::kValue;

inline constexpr std::string_view kRootDenyTerraform =
    R"(resource "aws_organizations_policy" "deny_root_user" {
  name        = "DenyRootUser"
  description = "Deny the root user of member accounts; AssumeRoot task sessions still work"
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
            "ArnLike": { "aws:PrincipalArn": "arn:*:iam::*:root" },
            "Null": { "aws:AssumedRoot": "true" }
          }
        }
      ]
    }
  EOT
}

variable "root_or_ou_id" {
  description = "Organization root (r-xxxx) or OU (ou-xxxx-yyyyyyyy) whose member accounts get the SCP"
  type        = string
}

resource "aws_organizations_policy_attachment" "deny_root_user" {
  policy_id = aws_organizations_policy.deny_root_user.id
  target_id = var.root_or_ou_id
}

# Stronger alternative: manage member root credentials centrally (run in the management account).
resource "aws_iam_organizations_features" "root_access" {
  enabled_features = ["RootCredentialsManagement", "RootSessions"]
}
)";

inline constexpr Text kRootDenyConsole{
    "1. Sign in to the management account and open AWS Organizations > Policies > Service control policies "
    "(enable SCPs if needed).\n"
    "2. Create policy \"DenyRootUser\" with the JSON below: it denies every action when aws:PrincipalArn is "
    "arn:*:iam::*:root, except sessions from sts:AssumeRoot (\"Null\": {\"aws:AssumedRoot\": \"true\"}).\n"
    "3. Attach it to the organization root or to the OUs holding the accounts reported open. Do not use a "
    "Principal element: SCPs reject it.\n"
    "4. Stronger: IAM > Root access management > Enable, turning on root credentials management and "
    "privileged root actions; then delete member root credentials. SCPs never apply to the management "
    "account: protect its root with MFA and no access keys.",
    "1. 管理アカウントにサインインし、AWS Organizations > ポリシー > サービスコントロールポリシー を開きます "
    "(必要なら SCP を有効化します)。\n"
    "2. 下の JSON でポリシー \"DenyRootUser\" を作成します。aws:PrincipalArn が arn:*:iam::*:root "
    "のときすべての"
    "アクションを拒否し、sts:AssumeRoot のセッション (\"Null\": {\"aws:AssumedRoot\": \"true\"}) "
    "だけは除外します。\n"
    "3. 組織のルート、または未保護と報告されたアカウントを含む OU にアタッチします。Principal 要素は"
    "使いません (SCP では受け付けられません)。\n"
    "4. より強力な方法: IAM > [ルートアクセス管理] で、ルートユーザーの認証情報の管理と特権ルートアクションを"
    "有効にし、メンバーアカウントのルートユーザーの認証情報を削除します。SCP は管理アカウントには適用されない"
    "ため、管理アカウントのルートユーザーは MFA で保護し、アクセスキーを持たせないでください。"};

// The documented tasks only root can do; with the SCP in place they need AssumeRoot or an exception.
inline constexpr Text kRootOnlyTasks{
    "Tasks that need root: change account settings (name, email, root password and keys), restore IAM "
    "permissions locked out by mistake, activate IAM access to Billing, view some tax invoices, close the "
    "account, sign up for GovCloud, register as a Reserved Instance Marketplace seller, enable S3 MFA "
    "delete, "
    "and unlock an S3 bucket or SQS queue policy that denies everyone. AssumeRoot task policies "
    "(IAMAuditRootUserCredentials, IAMCreateRootUserPassword, IAMDeleteRootUserCredentials, "
    "S3UnlockBucketPolicy, SQSUnlockQueuePolicy) keep working under this SCP; for the rest, move the account "
    "to "
    "an OU without the SCP for the task, then back, and watch for root sign-in meanwhile. SCPs cannot "
    "restrict "
    "the management account, nor root actions in some member accounts created before 2017-09-15 (root can "
    "still manage its own password, MFA and keys there).",
    "ルートユーザーにしかできない作業: アカウント設定の変更 "
    "(名前、メールアドレス、ルートユーザーのパスワードとキー)、誤って失った "
    "IAM 権限の復旧、請求コンソールへの IAM "
    "アクセスの有効化、一部の税務請求書の表示、アカウントの解約、GovCloud "
    "への登録、リザーブドインスタンスマーケットプレイスへの出品者登録、S3 の MFA Delete "
    "の有効化、全員を拒否する "
    "S3 バケットポリシーや SQS キューポリシーの解除。AssumeRoot のタスクポリシー "
    "(IAMAuditRootUserCredentials、"
    "IAMCreateRootUserPassword、IAMDeleteRootUserCredentials、S3UnlockBucketPolicy、SQSUnlockQueuePolicy) は"
    "この SCP の下でも使えます。それ以外は作業中だけアカウントを SCP のない OU "
    "に移し、終わったら戻し、その間の"
    "ルートユーザーのサインインを監視してください。SCP は管理アカウントを制限できず、2017-09-15 "
    "より前に作成された一部の"
    "メンバーアカウントではルートユーザーが自身のパスワード・MFA・キーを管理できてしまいます。"};

struct GeneratedPolicy {
  std::string_view name;
  PolicyType type;
  std::string_view text;
};

// Every policy document rootguard prints as advice; tests require each to pass `policy check`
// with denies_root = all.
std::span<const GeneratedPolicy> generated_policies();

// The bodies of the heredocs in a shell script (`<<'EOF'` ... `EOF`) or Terraform (`<<-EOT` ... `EOT`):
// how remediation text embeds policy documents, so tests can run each through the checker.
std::vector<std::string_view> embedded_documents(std::string_view text);

} // namespace rg::policy

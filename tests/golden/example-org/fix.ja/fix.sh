#!/usr/bin/env bash
# rootguard fix が 2026-11-28T09:00:00Z に収集されたスナップショットから生成。内容を確認してから実行する:
#   ./fix.sh           変更内容を表示するだけで、何も呼び出さない (ドライラン)
#   ./fix.sh --apply   変更する (環境に管理アカウントの認証情報が必要)
# どの手順も先に現在の状態を確かめるので、成功した後にもう一度実行しても何も変わらない。最初に
# 失敗した手順で、その名前を表示して止まる。メンバーアカウントにはロール $ROOTGUARD_ROLE_NAME
# (デフォルトは OrganizationAccountAccessRole) で、メンバーのルートユーザーの認証情報には
# sts assume-root で入る。AWS CLI v2 2.22.0 以降 (または v1 1.36.2 以降) が必要。
set -Eeuo pipefail
set -f # AWS から読んだ単語リストは分割するだけで、グロブ展開はしない

apply=0
case "${1-}" in
--apply) apply=1 ;;
'' | --dry-run) ;;
*)
  echo "使い方: $0 [--apply]   (--apply なし: 変更内容を表示するだけで、何も呼び出さない)" >&2
  exit 2
  ;;
esac

step='start'
on_error() {
  local status=$?
  # 99: どの手順が失敗したかはサブシェルが表示済み。
  if [ "$status" -ne 99 ]; then
    echo "rootguard fix: 中止: 手順が失敗しました (終了コード $status): $step" >&2
  fi
  exit 99
}
trap on_error ERR

begin() {
  step=$1
  echo "== $step"
}

already() {
  echo '   実行済み'
}

stop() {
  echo "rootguard fix: 中止: $step: $1" >&2
  exit 99
}

# --output text が表示したリスト (項目の間はタブか改行) にその単語があるかどうか。grep は最後まで
# 読む (-q なし) ので、左の aws が SIGPIPE で終了してパイプラインが失敗することはない。
has_word() {
  tr '\t' '\n' | grep -xF -- "$1" >/dev/null
}

# 読み取りだけの呼び出しを実行する。成功すれば 0、「存在しない」を意味するエラーコードを AWS が
# 返せば 1。それ以外のエラーではスクリプトを止める。
exists() {
  local code=$1 output
  shift
  if output=$("$@" 2>&1 >/dev/null); then
    return 0
  fi
  case "$output" in
  *"($code)"*) return 1 ;;
  esac
  printf '%s\n' "$output" >&2
  stop "予期しないエラー: $*"
}

# AWS から読み取った値は、別の呼び出しに使う前に確認する。
is_policy_id() { [[ $1 =~ ^p-[0-9a-z]{8,128}$ ]] || stop "想定外のポリシー ID: $1"; }
is_detector_id() { [[ $1 =~ ^[0-9a-z]{1,300}$ ]] || stop "想定外のディテクター ID: $1"; }
is_aws_id() { [[ $1 =~ ^[0-9A-Z]{16,128}$ ]] || stop "想定外の認証情報 ID: $1"; }
is_mfa_serial() { [[ $1 =~ ^arn:[a-z-]+:iam::[0-9]{12}:(mfa|u2f)/[[:graph:]]+$ ]] || stop "想定外の MFA デバイス: $1"; }

# バージョン $1 (major.minor.patch) が $2 より古いかどうか。
older_than() {
  local a b c x y z
  IFS=. read -r a b c <<<"$1"
  IFS=. read -r x y z <<<"$2"
  [ "$a" -lt "$x" ] || { [ "$a" -eq "$x" ] && { [ "$b" -lt "$y" ] || { [ "$b" -eq "$y" ] && [ "$c" -lt "$z" ]; }; }; }
}

check_cli() {
  local version
  version=$(aws --version 2>&1) || stop 'AWS CLI (aws) がインストールされていません'
  version=${version#aws-cli/}
  version=${version%% *}
  [[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || stop "AWS CLI のバージョンを読み取れません: $version"
  case "$version" in
  1.*) ! older_than "$version" "$min_cli_v1" ;;
  *) ! older_than "$version" "$min_cli_v2" ;;
  esac || stop "AWS CLI $version は古すぎます: sts assume-root とルートユーザー管理のコマンドには v2 $min_cli_v2 以降または v1 $min_cli_v1 以降が必要です"
}

# 現在の認証情報がそのアカウントのものでなければ止める。
expect_account() {
  local account
  account=$(aws sts get-caller-identity --query Account --output text)
  [ "$account" = "$1" ] || stop "この認証情報はアカウント $account のもので、$1 のものではありません"
}

# ( サブシェル ) の中で: STS が返した認証情報をエクスポートする。表示はしない。
use_credentials() {
  local access secret token
  read -r access secret token <<<"$1"
  [ -n "$token" ] || stop 'STS から認証情報が返されませんでした'
  unset AWS_PROFILE
  export AWS_ACCESS_KEY_ID=$access AWS_SECRET_ACCESS_KEY=$secret AWS_SESSION_TOKEN=$token
}

# ( サブシェル ) の中で: メンバーアカウントのロール。そのアカウント自身の設定に使う。
as_account_role() {
  local credentials
  credentials=$(aws sts assume-role --role-arn "arn:$partition:iam::$1:role/$role_name" \
    --role-session-name rootguard-fix --query 'Credentials.[AccessKeyId,SecretAccessKey,SessionToken]' \
    --output text)
  use_credentials "$credentials"
  expect_account "$1"
}

# ( サブシェル ) の中で: ルートアクセスの一元管理 (sts assume-root、タスクポリシー
# IAMDeleteRootUserCredentials) を通じたメンバーのルートユーザー。何かを実行する前に、そのアカウントの
# ルートユーザーであることを確かめる。
as_member_root() {
  local credentials caller
  credentials=$(aws sts assume-root --target-principal "$1" \
    --task-policy-arn "arn=arn:$partition:iam::aws:policy/root-task/IAMDeleteRootUserCredentials" \
    --region "$home_region" --query 'Credentials.[AccessKeyId,SecretAccessKey,SessionToken]' --output text)
  use_credentials "$credentials"
  caller=$(aws sts get-caller-identity --query Arn --output text)
  [ "$caller" = "arn:$partition:iam::$1:root" ] || stop "ルートユーザーのセッションは $caller で、$1 のルートユーザーではありません"
}

partition='aws'
home_region='us-east-1'
min_cli_v2='2.22.0'
min_cli_v1='1.36.2'
role_name=${ROOTGUARD_ROLE_NAME:-OrganizationAccountAccessRole}
alert_email=${ROOTGUARD_ALERT_EMAIL:-}

if [ "$apply" -eq 0 ]; then
  cat <<'ROOTGUARD_PLAN'
1. 組織にサービスコントロールポリシー (SCP) DenyRootUser がある (スナップショットにあるもの: p-denyroot01) [修正対象: 333333333333 の org-root-scp (9f80f0a8aab6b5a875403838a7a9fd0b)] (111111111111、オペレーター)
   実行予定: aws organizations create-policy --type SERVICE_CONTROL_POLICY --name DenyRootUser (存在しない場合)
2. SCP DenyRootUser が ou-ex01-sand2222 にアタッチされている [修正対象: 333333333333 の org-root-scp (9f80f0a8aab6b5a875403838a7a9fd0b)] (111111111111、オペレーター)
   実行予定: aws organizations attach-policy --policy-id <DenyRootUser> --target-id ou-ex01-sand2222
3. 222222222222 にルートユーザーのアクセスキーがない [修正対象: 222222222222 の root-access-keys (d70e026c86e9ce3284f5ed3c6b5cb622)、222222222222 の root-credentials-removed (46732abbe3fe285de58744d7bdbf5a93)] (222222222222、ルートユーザーのセッション)
   実行予定: aws iam delete-access-key --access-key-id <一覧の各キー> (ルートユーザーのセッション)
4. 222222222222 にルートユーザーの署名証明書がない [修正対象: 222222222222 の root-credentials-removed (46732abbe3fe285de58744d7bdbf5a93)、222222222222 の root-signing-certs (6fb419507173539fe9a4b950af93b077)] (222222222222、ルートユーザーのセッション)
   実行予定: aws iam delete-signing-certificate --certificate-id <一覧の各証明書> (ルートユーザーのセッション)
5. 222222222222 にルートユーザーのコンソールパスワードがない [修正対象: 222222222222 の root-credentials-removed (46732abbe3fe285de58744d7bdbf5a93)] (222222222222、ルートユーザーのセッション)
   実行予定: aws iam delete-login-profile (ルートユーザーのセッション)
6. 222222222222 にルートユーザーの MFA デバイスが残っていない (パスワードの削除後) [修正対象: 222222222222 の root-credentials-removed (46732abbe3fe285de58744d7bdbf5a93)] (222222222222、ルートユーザーのセッション)
   実行予定: aws iam deactivate-mfa-device --serial-number <一覧の各デバイス> (ルートユーザーのセッション)
7. 222222222222 us-east-1 で GuardDuty ディテクター d2222aaaa が有効 [修正対象: 222222222222 の guardduty-enabled (0d32eff1a7c8fe8d2a92e076f35885b3)] (222222222222、アカウントのロール)
   実行予定: aws guardduty update-detector --detector-id d2222aaaa --enable --region us-east-1
8. 222222222222 us-east-1 のロググループ prod/cloudtrail にメトリクスフィルター RootAccountUsage がある [修正対象: 222222222222 の root-usage-alarm (f8897afc33f2e11dd60b9ae7d4223e99)] (222222222222、アカウントのロール)
   実行予定: aws logs put-metric-filter --log-group-name prod/cloudtrail --filter-name RootAccountUsage --region us-east-1
9. 222222222222 us-east-1 に E メールのサブスクリプションがある SNS トピック root-usage-alarm [修正対象: 222222222222 の guardduty-root-findings (74762e7e1572dfa5d709cd4b7e8ec0cd)、222222222222 の root-usage-alarm (f8897afc33f2e11dd60b9ae7d4223e99)] (222222222222、アカウントのロール)
   実行予定: aws sns create-topic --name root-usage-alarm --region us-east-1; aws sns subscribe --protocol email --notification-endpoint $ROOTGUARD_ALERT_EMAIL
10. 222222222222 us-east-1 で CISBenchmark/RootAccountUsage のアラーム RootAccountUsage が root-usage-alarm に通知する [修正対象: 222222222222 の root-usage-alarm (f8897afc33f2e11dd60b9ae7d4223e99)] (222222222222、アカウントのロール)
   実行予定: aws cloudwatch put-metric-alarm --alarm-name RootAccountUsage --metric-name RootAccountUsage --namespace CISBenchmark --alarm-actions arn:aws:sns:us-east-1:222222222222:root-usage-alarm --region us-east-1
11. 222222222222 us-east-1 に EventBridge ルール guardduty-root-credential-usage -> root-usage-alarm (トピックポリシーで events.amazonaws.com を許可) [修正対象: 222222222222 の guardduty-root-findings (74762e7e1572dfa5d709cd4b7e8ec0cd)] (222222222222、アカウントのロール)
   実行予定: aws sns set-topic-attributes (events.amazonaws.com 用のポリシー); aws events put-rule --name guardduty-root-credential-usage; aws events put-targets --region us-east-1
12. 222222222222 の新しい認証情報レポート [修正対象: 222222222222 の root-recent-use (7a0cb87afcbe684275ae5213aaa86afb)] (222222222222、アカウントのロール)
   実行予定: aws iam generate-credential-report (COMPLETE になるまで); aws iam get-credential-report
13. 444444444444 にルートユーザーのアクセスキーがない [修正対象: 444444444444 の root-access-keys (267b75dfb622cdab8109ade276bf6db0)、444444444444 の root-credentials-removed (0a437821d46d1c50706ccc17a036d50c)] (444444444444、ルートユーザーのセッション)
   実行予定: aws iam delete-access-key --access-key-id <一覧の各キー> (ルートユーザーのセッション)
14. 444444444444 にルートユーザーのコンソールパスワードがない [修正対象: 444444444444 の root-credentials-removed (0a437821d46d1c50706ccc17a036d50c)、444444444444 の root-mfa (bf940b89be84a539542778a2f622d49e)] (444444444444、ルートユーザーのセッション)
   実行予定: aws iam delete-login-profile (ルートユーザーのセッション)
15. 444444444444 us-east-1 で GuardDuty ディテクターが有効 [修正対象: 444444444444 の guardduty-enabled (31fafa829ec82902fb07296c33f8fd21)] (444444444444、アカウントのロール)
   実行予定: aws guardduty create-detector --enable --region us-east-1 (またはその後作成されたものを有効化)
16. 444444444444 us-east-1 の証跡 batch-trail がマルチリージョン [修正対象: 444444444444 の root-usage-alarm (9e1920f63dd691e2c06ead43ab7ca1c8)] (444444444444、アカウントのロール)
   実行予定: aws cloudtrail update-trail --name batch-trail --is-multi-region-trail --include-global-service-events --region us-east-1
17. 444444444444 の新しい認証情報レポート [修正対象: 444444444444 の root-recent-use (22a1138e500035881791ede482d21632)] (444444444444、アカウントのロール)
   実行予定: aws iam generate-credential-report (COMPLETE になるまで); aws iam get-credential-report
18. 555555555555 にルートユーザーのコンソールパスワードがない [修正対象: 555555555555 の root-credentials-removed (0a4623ab3d2c303a43c1db3458d138c9)] (555555555555、ルートユーザーのセッション)
   実行予定: aws iam delete-login-profile (ルートユーザーのセッション)
19. 555555555555 にルートユーザーの MFA デバイスが残っていない (パスワードの削除後) [修正対象: 555555555555 の root-credentials-removed (0a4623ab3d2c303a43c1db3458d138c9)] (555555555555、ルートユーザーのセッション)
   実行予定: aws iam deactivate-mfa-device --serial-number <一覧の各デバイス> (ルートユーザーのセッション)
20. トピック arn:aws:sns:us-east-1:666666666666:staging-alerts に確認済みサブスクリプションがある [修正対象: 666666666666 の root-usage-alarm (e1b4ab5f2c6bb5035e06e8d30d133023)] (666666666666、アカウントのロール)
   実行予定: aws sns subscribe --topic-arn arn:aws:sns:us-east-1:666666666666:staging-alerts --protocol email --notification-endpoint $ROOTGUARD_ALERT_EMAIL --region us-east-1
ROOTGUARD_PLAN
  echo 'ドライラン: 何も変更していません。これらの変更を行うには --apply を付けて実行してください。'
  exit 0
fi

check_cli
# STS とリージョンのサービスにはリージョンが必要。環境で指定がなければ home_region を使う。
: "${AWS_REGION:=${AWS_DEFAULT_REGION:-$home_region}}"
export AWS_REGION
[[ $alert_email =~ ^[^[:space:]\'\"@]+@[^[:space:]\'\"@]+$ ]] ||
  stop 'ROOTGUARD_ALERT_EMAIL に、ルートユーザーの使用アラートを受け取るアドレスを設定してください'
[[ $role_name =~ ^[A-Za-z0-9+=,.@_-]{1,64}$ ]] || stop "ROOTGUARD_ROLE_NAME がロール名ではありません: $role_name"

# ---- 管理アカウント 111111111111: 組織全体の手順 (一度だけ) ----
expect_account '111111111111'

begin '組織にサービスコントロールポリシー (SCP) DenyRootUser がある (スナップショットにあるもの: p-denyroot01) [修正対象: 333333333333 の org-root-scp (9f80f0a8aab6b5a875403838a7a9fd0b)]'
policy_id=$(aws organizations list-policies --filter SERVICE_CONTROL_POLICY \
  --query "Policies[?Name=='DenyRootUser'].Id | [0]" --output text)
if [ "$policy_id" = None ] || [ -z "$policy_id" ]; then
  policy_id=$(aws organizations create-policy --type SERVICE_CONTROL_POLICY --name DenyRootUser \
    --description 'メンバーアカウントのルートユーザーを拒否します。AssumeRoot のタスクセッションは引き続き使えます' \
    --content '{"Version":"2012-10-17","Statement":[{"Sid":"DenyRootUser","Effect":"Deny","Action":"*","Resource":"*","Condition":{"ArnLike":{"aws:PrincipalArn":"arn:*:iam::*:root"},"Null":{"aws:AssumedRoot":"true"}}}]}' \
    --query Policy.PolicySummary.Id --output text)
  echo "   作成しました: $policy_id"
else
  already
fi
is_policy_id "$policy_id"

begin 'SCP DenyRootUser が ou-ex01-sand2222 にアタッチされている [修正対象: 333333333333 の org-root-scp (9f80f0a8aab6b5a875403838a7a9fd0b)]'
if aws organizations list-policies-for-target --target-id 'ou-ex01-sand2222' --filter SERVICE_CONTROL_POLICY \
  --query 'Policies[].Id' --output text | has_word "$policy_id"; then
  already
else
  aws organizations attach-policy --policy-id "$policy_id" --target-id 'ou-ex01-sand2222'
fi

# ---- アカウント 222222222222: sts assume-root を通じて、そのルートユーザーで ----
(
  as_member_root '222222222222'

  begin '222222222222 にルートユーザーのアクセスキーがない [修正対象: 222222222222 の root-access-keys (d70e026c86e9ce3284f5ed3c6b5cb622)、222222222222 の root-credentials-removed (46732abbe3fe285de58744d7bdbf5a93)]'
  keys=$(aws iam list-access-keys --query 'AccessKeyMetadata[].AccessKeyId' --output text)
  if [ -z "$keys" ] || [ "$keys" = None ]; then
    already
  fi
  for key in $keys; do
    [ "$key" = None ] && continue
    is_aws_id "$key"
    aws iam delete-access-key --access-key-id "$key"
  done

  begin '222222222222 にルートユーザーの署名証明書がない [修正対象: 222222222222 の root-credentials-removed (46732abbe3fe285de58744d7bdbf5a93)、222222222222 の root-signing-certs (6fb419507173539fe9a4b950af93b077)]'
  certificates=$(aws iam list-signing-certificates --query 'Certificates[].CertificateId' --output text)
  if [ -z "$certificates" ] || [ "$certificates" = None ]; then
    already
  fi
  for certificate in $certificates; do
    [ "$certificate" = None ] && continue
    is_aws_id "$certificate"
    aws iam delete-signing-certificate --certificate-id "$certificate"
  done

  begin '222222222222 にルートユーザーのコンソールパスワードがない [修正対象: 222222222222 の root-credentials-removed (46732abbe3fe285de58744d7bdbf5a93)]'
  # --user-name なし: ルートユーザーのセッションでは、それがルートユーザー自身になる。
  if exists NoSuchEntity aws iam get-login-profile; then
    aws iam delete-login-profile
  else
    already
  fi

  begin '222222222222 にルートユーザーの MFA デバイスが残っていない (パスワードの削除後) [修正対象: 222222222222 の root-credentials-removed (46732abbe3fe285de58744d7bdbf5a93)]'
  serials=$(aws iam list-mfa-devices --query 'MFADevices[].SerialNumber' --output text)
  if [ -z "$serials" ] || [ "$serials" = None ]; then
    already
  fi
  for serial in $serials; do
    [ "$serial" = None ] && continue
    is_mfa_serial "$serial"
    aws iam deactivate-mfa-device --serial-number "$serial"
  done
)

# ---- アカウント 222222222222: ロール $role_name を通じて ----
(
  as_account_role '222222222222'

  begin '222222222222 us-east-1 で GuardDuty ディテクター d2222aaaa が有効 [修正対象: 222222222222 の guardduty-enabled (0d32eff1a7c8fe8d2a92e076f35885b3)]'
  status=$(aws guardduty get-detector --detector-id 'd2222aaaa' --region 'us-east-1' --query Status --output text)
  if [ "$status" = ENABLED ]; then
    already
  else
    aws guardduty update-detector --detector-id 'd2222aaaa' --enable --region 'us-east-1'
  fi

  begin '222222222222 us-east-1 のロググループ prod/cloudtrail にメトリクスフィルター RootAccountUsage がある [修正対象: 222222222222 の root-usage-alarm (f8897afc33f2e11dd60b9ae7d4223e99)]'
  if aws logs describe-metric-filters --log-group-name 'prod/cloudtrail' --filter-name-prefix RootAccountUsage \
    --region 'us-east-1' --query 'metricFilters[].filterName' --output text | has_word RootAccountUsage; then
    already
  else
    aws logs put-metric-filter --log-group-name 'prod/cloudtrail' --filter-name RootAccountUsage \
      --filter-pattern '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }' \
      --metric-transformations metricName=RootAccountUsage,metricNamespace=CISBenchmark,metricValue=1 \
      --region 'us-east-1'
  fi

  begin '222222222222 us-east-1 に E メールのサブスクリプションがある SNS トピック root-usage-alarm [修正対象: 222222222222 の guardduty-root-findings (74762e7e1572dfa5d709cd4b7e8ec0cd)、222222222222 の root-usage-alarm (f8897afc33f2e11dd60b9ae7d4223e99)]'
  if exists NotFound aws sns get-topic-attributes --topic-arn 'arn:aws:sns:us-east-1:222222222222:root-usage-alarm' --region 'us-east-1'; then
    already
  else
    aws sns create-topic --name root-usage-alarm --region 'us-east-1' --query TopicArn --output text
  fi
  # 確認待ちも含めてサブスクリプションが 1 つあれば足りる。もう一度頼んでも E メールがもう 1 通届くだけ。
  subscribed=$(aws sns list-subscriptions-by-topic --topic-arn 'arn:aws:sns:us-east-1:222222222222:root-usage-alarm' --region 'us-east-1' \
    --query "length(Subscriptions[?SubscriptionArn!='Deleted'])" --output text)
  if [ "$subscribed" = 0 ]; then
    aws sns subscribe --topic-arn 'arn:aws:sns:us-east-1:222222222222:root-usage-alarm' --protocol email --notification-endpoint "$alert_email" \
      --region 'us-east-1'
    echo "   $alert_email でサブスクリプションの確認が必要です (AWS が E メールを送りました)"
  fi

  begin '222222222222 us-east-1 で CISBenchmark/RootAccountUsage のアラーム RootAccountUsage が root-usage-alarm に通知する [修正対象: 222222222222 の root-usage-alarm (f8897afc33f2e11dd60b9ae7d4223e99)]'
  if aws cloudwatch describe-alarms --alarm-names RootAccountUsage --region 'us-east-1' \
    --query 'MetricAlarms[].AlarmName' --output text | has_word RootAccountUsage; then
    already
  else
    aws cloudwatch put-metric-alarm --alarm-name RootAccountUsage --metric-name 'RootAccountUsage' --namespace 'CISBenchmark' \
      --statistic Sum --period 300 --evaluation-periods 1 --threshold 1 \
      --comparison-operator GreaterThanOrEqualToThreshold --treat-missing-data notBreaching \
      --alarm-actions 'arn:aws:sns:us-east-1:222222222222:root-usage-alarm' --region 'us-east-1'
  fi

  begin '222222222222 us-east-1 に EventBridge ルール guardduty-root-credential-usage -> root-usage-alarm (トピックポリシーで events.amazonaws.com を許可) [修正対象: 222222222222 の guardduty-root-findings (74762e7e1572dfa5d709cd4b7e8ec0cd)]'
  policy=$(aws sns get-topic-attributes --topic-arn 'arn:aws:sns:us-east-1:222222222222:root-usage-alarm' --region 'us-east-1' --query Attributes.Policy --output text)
  case "$policy" in
  *events.amazonaws.com*) echo '   トピックポリシーはすでに EventBridge の発行を許可しています' ;;
  *)
    # rootguard 自身のトピックのポリシーを置き換える。アカウントは権限を保ち、EventBridge は発行できる。
    aws sns set-topic-attributes --topic-arn 'arn:aws:sns:us-east-1:222222222222:root-usage-alarm' --attribute-name Policy \
      --attribute-value '{"Version":"2012-10-17","Statement":[{"Sid":"AccountManagesTopic","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::222222222222:root"},"Action":["sns:GetTopicAttributes","sns:SetTopicAttributes","sns:Subscribe","sns:Publish","sns:ListSubscriptionsByTopic"],"Resource":"arn:aws:sns:us-east-1:222222222222:root-usage-alarm"},{"Sid":"EventBridgePublishesRootAlerts","Effect":"Allow","Principal":{"Service":"events.amazonaws.com"},"Action":"sns:Publish","Resource":"arn:aws:sns:us-east-1:222222222222:root-usage-alarm","Condition":{"ArnEquals":{"aws:SourceArn":"arn:aws:events:us-east-1:222222222222:rule/guardduty-root-credential-usage"}}}]}' \
      --region 'us-east-1'
    ;;
  esac
  if exists ResourceNotFoundException aws events describe-rule --name guardduty-root-credential-usage \
    --region 'us-east-1'; then
    echo '   ルールはすでに存在します'
  else
    aws events put-rule --name guardduty-root-credential-usage --event-pattern '{"source":["aws.guardduty"],"detail-type":["GuardDuty Finding"],"detail":{"type":["Policy:IAMUser/RootCredentialUsage"]}}' --region 'us-east-1'
  fi
  if aws events list-targets-by-rule --rule guardduty-root-credential-usage --region 'us-east-1' \
    --query 'Targets[].Arn' --output text | has_word 'arn:aws:sns:us-east-1:222222222222:root-usage-alarm'; then
    already
  else
    aws events put-targets --rule guardduty-root-credential-usage --targets 'Id=root-usage-alarm,Arn=arn:aws:sns:us-east-1:222222222222:root-usage-alarm' --region 'us-east-1'
  fi

  begin '222222222222 の新しい認証情報レポート [修正対象: 222222222222 の root-recent-use (7a0cb87afcbe684275ae5213aaa86afb)]'
  # IAM はレポートを非同期で作る。COMPLETE になるまで、決まった回数だけ問い合わせる。
  state=''
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    state=$(aws iam generate-credential-report --query State --output text)
    [ "$state" = COMPLETE ] && break
    sleep "${ROOTGUARD_POLL_SECONDS:-3}"
  done
  if [ "$state" != COMPLETE ]; then
    echo "   10 回試しても認証情報レポートはまだ $state です" >&2
    false
  fi
  aws iam get-credential-report --query Content --output text | base64 -d | grep '^<root_account>,' || true
)

# ---- アカウント 444444444444: sts assume-root を通じて、そのルートユーザーで ----
(
  as_member_root '444444444444'

  begin '444444444444 にルートユーザーのアクセスキーがない [修正対象: 444444444444 の root-access-keys (267b75dfb622cdab8109ade276bf6db0)、444444444444 の root-credentials-removed (0a437821d46d1c50706ccc17a036d50c)]'
  keys=$(aws iam list-access-keys --query 'AccessKeyMetadata[].AccessKeyId' --output text)
  if [ -z "$keys" ] || [ "$keys" = None ]; then
    already
  fi
  for key in $keys; do
    [ "$key" = None ] && continue
    is_aws_id "$key"
    aws iam delete-access-key --access-key-id "$key"
  done

  begin '444444444444 にルートユーザーのコンソールパスワードがない [修正対象: 444444444444 の root-credentials-removed (0a437821d46d1c50706ccc17a036d50c)、444444444444 の root-mfa (bf940b89be84a539542778a2f622d49e)]'
  # --user-name なし: ルートユーザーのセッションでは、それがルートユーザー自身になる。
  if exists NoSuchEntity aws iam get-login-profile; then
    aws iam delete-login-profile
  else
    already
  fi
)

# ---- アカウント 444444444444: ロール $role_name を通じて ----
(
  as_account_role '444444444444'

  begin '444444444444 us-east-1 で GuardDuty ディテクターが有効 [修正対象: 444444444444 の guardduty-enabled (31fafa829ec82902fb07296c33f8fd21)]'
  detector=$(aws guardduty list-detectors --region 'us-east-1' --query 'DetectorIds[0]' --output text)
  if [ "$detector" = None ] || [ -z "$detector" ]; then
    aws guardduty create-detector --enable --region 'us-east-1' --query DetectorId --output text
  else
    is_detector_id "$detector"
    status=$(aws guardduty get-detector --detector-id "$detector" --region 'us-east-1' --query Status --output text)
    if [ "$status" = ENABLED ]; then
      already
    else
      aws guardduty update-detector --detector-id "$detector" --enable --region 'us-east-1'
    fi
  fi

  begin '444444444444 us-east-1 の証跡 batch-trail がマルチリージョン [修正対象: 444444444444 の root-usage-alarm (9e1920f63dd691e2c06ead43ab7ca1c8)]'
  multi=$(aws cloudtrail get-trail --name 'batch-trail' --region 'us-east-1' --query Trail.IsMultiRegionTrail --output text)
  if [ "$multi" = True ]; then
    already
  else
    aws cloudtrail update-trail --name 'batch-trail' --is-multi-region-trail --include-global-service-events \
      --region 'us-east-1'
  fi

  begin '444444444444 の新しい認証情報レポート [修正対象: 444444444444 の root-recent-use (22a1138e500035881791ede482d21632)]'
  # IAM はレポートを非同期で作る。COMPLETE になるまで、決まった回数だけ問い合わせる。
  state=''
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    state=$(aws iam generate-credential-report --query State --output text)
    [ "$state" = COMPLETE ] && break
    sleep "${ROOTGUARD_POLL_SECONDS:-3}"
  done
  if [ "$state" != COMPLETE ]; then
    echo "   10 回試しても認証情報レポートはまだ $state です" >&2
    false
  fi
  aws iam get-credential-report --query Content --output text | base64 -d | grep '^<root_account>,' || true
)

# ---- アカウント 555555555555: sts assume-root を通じて、そのルートユーザーで ----
(
  as_member_root '555555555555'

  begin '555555555555 にルートユーザーのコンソールパスワードがない [修正対象: 555555555555 の root-credentials-removed (0a4623ab3d2c303a43c1db3458d138c9)]'
  # --user-name なし: ルートユーザーのセッションでは、それがルートユーザー自身になる。
  if exists NoSuchEntity aws iam get-login-profile; then
    aws iam delete-login-profile
  else
    already
  fi

  begin '555555555555 にルートユーザーの MFA デバイスが残っていない (パスワードの削除後) [修正対象: 555555555555 の root-credentials-removed (0a4623ab3d2c303a43c1db3458d138c9)]'
  serials=$(aws iam list-mfa-devices --query 'MFADevices[].SerialNumber' --output text)
  if [ -z "$serials" ] || [ "$serials" = None ]; then
    already
  fi
  for serial in $serials; do
    [ "$serial" = None ] && continue
    is_mfa_serial "$serial"
    aws iam deactivate-mfa-device --serial-number "$serial"
  done
)

# ---- アカウント 666666666666: ロール $role_name を通じて ----
(
  as_account_role '666666666666'

  begin 'トピック arn:aws:sns:us-east-1:666666666666:staging-alerts に確認済みサブスクリプションがある [修正対象: 666666666666 の root-usage-alarm (e1b4ab5f2c6bb5035e06e8d30d133023)]'
  confirmed=$(aws sns list-subscriptions-by-topic --topic-arn 'arn:aws:sns:us-east-1:666666666666:staging-alerts' --region 'us-east-1' \
    --query "length(Subscriptions[?SubscriptionArn!='PendingConfirmation' && SubscriptionArn!='Deleted'])" --output text)
  if [ "$confirmed" != 0 ]; then
    already
  else
    # アドレスをもう一度サブスクライブすると新しい確認メールが届く。前のものは期限切れかもしれない。
    aws sns subscribe --topic-arn 'arn:aws:sns:us-east-1:666666666666:staging-alerts' --protocol email --notification-endpoint "$alert_email" \
      --region 'us-east-1'
    echo "   $alert_email でサブスクリプションの確認が必要です (AWS が E メールを送りました)"
  fi
)

echo 'rootguard fix: 完了しました。確認のため再スキャンしてください: rootguard scan --snapshot <新しいスナップショット>'

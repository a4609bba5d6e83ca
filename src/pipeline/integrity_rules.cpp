#include "pipeline/integrity_rules.hpp"

namespace rg::pipeline {
namespace {

// One remedy for both: make the logs impossible to change or delete, and keep validation on so a change
// would show.
constexpr Remediation kRemedy{
    .console =
        {.en =
             "1. CloudTrail > Trails > the trail > General details > Edit: turn on Log file validation.\n"
             "2. S3 > the log bucket > Properties: turn on Object Lock (compliance mode, a retention period "
             "covering your investigations); new buckets need it at creation.\n"
             "3. S3 > the log bucket > Permissions > Bucket policy: deny s3:DeleteObject, "
             "s3:DeleteObjectVersion and s3:PutObject on AWSLogs/* to every principal except CloudTrail "
             "(cloudtrail.amazonaws.com), and turn on MFA delete and versioning.\n"
             "4. Treat the period as compromised: recover the deleted or changed files from versions or "
             "replicas and compare them with the digests.",
         .ja =
             "1. CloudTrail > 証跡 > 対象の証跡 > 全般的な詳細 > 編集 "
             "で「ログファイルの検証」を有効にします。\n"
             "2. S3 > ログのバケット > プロパティ で Object Lock を有効にします (コンプライアンスモード、"
             "調査に必要な保持期間)。新しいバケットでは作成時に有効にする必要があります。\n"
             "3. S3 > ログのバケット > アクセス許可 > バケットポリシー で、CloudTrail "
             "(cloudtrail.amazonaws.com) 以外のすべてのプリンシパルに AWSLogs/* への s3:DeleteObject、"
             "s3:DeleteObjectVersion、s3:PutObject を拒否し、バージョニングと MFA Delete を有効にします。\n"
             "4. "
             "この期間は侵害されたものとして扱い、削除・変更されたファイルをバージョンやレプリカから復元して"
             "ダイジェストと照合してください。"},
    .cli = "aws cloudtrail update-trail --name ${TRAIL_NAME} --enable-log-file-validation\n"
           "aws s3api put-bucket-versioning --bucket ${BUCKET} --versioning-configuration Status=Enabled\n"
           "aws s3api put-object-lock-configuration --bucket ${BUCKET} --object-lock-configuration "
           "'{\"ObjectLockEnabled\":\"Enabled\",\"Rule\":{\"DefaultRetention\":{\"Mode\":\"COMPLIANCE\","
           "\"Days\":365}}}'\n"
           "aws cloudtrail validate-logs --trail-arn ${TRAIL_ARN} --start-time ${START} --verbose",
    .terraform = {},
    .limits = {
        .en = "Object Lock can only be turned on for a bucket with versioning; a changed log cannot be "
              "made whole again, only recovered from an older version or a replica.",
        .ja = "Object Lock はバージョニングが有効なバケットでのみ使えます。変更されたログは元に戻せず、"
              "古いバージョンやレプリカから復元するしかありません。"}};

} // namespace

constinit const RuleMetadata kTrailIntegrityRootPeriod{
    .id = "trail-integrity-root-period",
    .kind = RuleKind::kActivity,
    .severity = Severity::kHigh,
    .title = {.en = "CloudTrail logs changed, deleted or unchained while the root user was active",
              .ja = "ルートユーザーの活動中に CloudTrail ログが変更・削除され、またはチェーンが途切れた"},
    .risk =
        {.en = "Someone who used root may have removed the record of what they did: the log files of that "
               "period can no longer be trusted to be complete.",
         .ja = "ルートユーザーを使った者が、その操作の記録を消した可能性があります。その期間のログファイルは"
               "完全であるとは言えません。"},
    .explanation =
        {.en = "CloudTrail's digest files chain every hour's log files by SHA-256 and RSA signature; a log "
               "file whose hash no longer matches, one that is gone, a digest that fails, or a chain that "
               "restarts, within an hour of root events of the same account, is raised at high severity.",
         .ja = "CloudTrail のダイジェストファイルは、1 時間ごとのログファイルを SHA-256 と RSA "
               "署名で連鎖させます。"
               "同じアカウントのルートユーザーのイベントの前後 1 "
               "時間以内に、ハッシュの合わないログ、消えたログ、"
               "検証に失敗したダイジェスト、やり直されたチェーンがあれば、重大度「高」で報告します。"},
    .mappings = {},
    .remediation = kRemedy,
};

constinit const RuleMetadata kTrailIntegrityFailure{
    .id = "trail-integrity-failure",
    .kind = RuleKind::kActivity,
    .severity = Severity::kMedium,
    .title = {.en = "CloudTrail log file integrity validation failed",
              .ja = "CloudTrail ログファイルの整合性検証に失敗"},
    .risk =
        {.en = "A log file was changed, deleted or moved, a digest fails, or the digest chain is broken: "
               "what happened in that period may be missing from the logs.",
         .ja =
             "ログファイルの変更・削除・移動、ダイジェストの検証失敗、またはダイジェストのチェーンの切れ目が"
             "あります。その期間の出来事がログから欠けている可能性があります。"},
    .explanation =
        {.en = "No root event of the account was seen within an hour of the failure; the missing or changed "
               "data may still have held some, so it is reported, at medium severity.",
         .ja = "失敗の前後 1 "
               "時間にそのアカウントのルートユーザーのイベントは見つかりませんでしたが、欠けた・変更された"
               "データに含まれていた可能性があるため、重大度「中」で報告します。"},
    .mappings = {},
    .remediation = kRemedy,
};

} // namespace rg::pipeline

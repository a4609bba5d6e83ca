// The Japanese of every text in rootguard's --help (help_ja.hpp). Terms as AWS's Japanese documentation
// uses them: ルートユーザー, 証跡, ロググループ, ディテクター, ルートアクセスの一元管理, サービスコントロール
// ポリシー (SCP). Options, values and file names stay as they are.
#include "cli/help_ja.hpp"

#include <array>

namespace rg::cli {
namespace {

constexpr std::array<MessagePattern, 91> kHelp{{
    {"Options", "オプション"},
    {"Subcommands", "サブコマンド"},
    {"rootguard: find, explain and fix AWS root-user risk",
     "rootguard: AWS のルートユーザーのリスクを見つけ、説明し、修正します"},
    {"Print this help message and exit", "このヘルプを表示して終了します"},
    {"Display program version information and exit", "バージョン情報を表示して終了します"},
    {"No progress and no informational lines on stderr (errors are still printed)",
     "標準エラー出力に進行状況と情報メッセージを出しません（エラーは表示します）"},
    {"Never colour the output (as NO_COLOR=1 or TERM=dumb)",
     "出力を色付けしません（NO_COLOR=1 や TERM=dumb と同じ）"},
    {"Evaluate root-user controls for every account in a snapshot",
     "スナップショット内のすべてのアカウントについて、ルートユーザーのコントロールを評価します"},
    {"Snapshot folder (see docs/snapshot-layout.md)",
     "スナップショットのフォルダー（docs/snapshot-layout.md を参照）"},
    {"Collect from AWS first (the options of collect; --aws-region for the calls' region) and scan that",
     "先に AWS から収集し（collect のオプションを使用。呼び出しのリージョンは "
     "--aws-region）、それをスキャンします"},
    {"With --live: collect into this folder and keep it (default: a temporary folder, removed)",
     "--live と併用: このフォルダーに収集して残します（デフォルト: 一時フォルダーに収集し、削除します）"},
    {"AWS profile (as for the AWS CLI)", "AWS プロファイル（AWS CLI と同じ）"},
    {"AWS region for the calls (as the AWS CLI's --region)",
     "呼び出しに使う AWS リージョン（AWS CLI の --region と同じ）"},
    {"Regions to collect (default: each account's enabled regions)",
     "収集するリージョン（デフォルト: 各アカウントで有効なリージョン）"},
    {"region names", "リージョン名"},
    {"account ids (twelve digits)", "アカウント ID（12 桁）"},
    {"Collect the whole organization from its management account (or a delegated administrator), assuming "
     "--role-name in each member account",
     "管理アカウント（または委任された管理者）から組織全体を収集します。各メンバーアカウントでは --role-name "
     "のロールを引き受けます"},
    {"With --org: the read-only role to assume in each member account",
     "--org と併用: 各メンバーアカウントで引き受ける読み取り専用のロール"},
    {"With --org: the ExternalId the member role's trust policy asks",
     "--org と併用: メンバーのロールの信頼ポリシーが求める ExternalId"},
    {"With --org: only these accounts", "--org と併用: 指定したアカウントのみ"},
    {"With --org: not these accounts", "--org と併用: 指定したアカウントを除外"},
    {"With --org: accounts collected at the same time (default 8)",
     "--org と併用: 同時に収集するアカウント数（デフォルト 8）"},
    {"Also collect root's recent activity per account and region through CloudTrail LookupEvents (the last "
     "DAYS days, 1-90; default 90, what CloudTrail keeps), into cloudtrail/lookup-events/",
     "ルートユーザーの最近のアクティビティも、アカウントとリージョンごとに CloudTrail の LookupEvents で "
     "cloudtrail/lookup-events/ に収集します（直近 DAYS 日、1-90。デフォルトは CloudTrail が保持する 90）"},
    {"Clock for age rules (ISO 8601); default: the snapshot's collected_at",
     "経過期間のルールに使う現在時刻（ISO 8601）。デフォルト: スナップショットの collected_at"},
    {"Window for root-recent-use, in days", "root-recent-use の対象期間（日数）"},
    {"Only these controls", "指定したコントロールのみ"},
    {"CloudTrail logs (files or folders) whose root use feeds root-recent-use; the snapshot's cloudtrail/ "
     "folder is read automatically",
     "root-recent-use に使う、ルートユーザーの使用を含む CloudTrail "
     "ログ（ファイルまたはフォルダー）。スナップショットの cloudtrail/ フォルダーは自動的に読み込みます"},
    {"Only findings with these statuses", "指定したステータスの検出結果のみ"},
    {"Only findings of these severities", "指定した重要度の検出結果のみ"},
    {"Language of titles, reasons and remediation (default: from LANG)",
     "タイトル、理由、修復手順の言語（デフォルト: LANG から決定）"},
    {"Colour the terminal output", "端末への出力を色付けします"},
    {"Write to FILE instead of standard output", "標準出力の代わりに FILE に書き込みます"},
    {"Output format, repeatable with --output-dir",
     "出力形式（--output-dir と併用すると繰り返し指定できます）"},
    {"Write one file per --format into DIR", "--format ごとに 1 つのファイルを DIR に書き込みます"},
    {"Region findings are imported into (ASFF ProductArn; default us-east-1)",
     "検出結果をインポートするリージョン（ASFF の ProductArn。デフォルト us-east-1）"},
    {"Accepted exceptions (YAML, see docs/mutelist.md): matching findings are marked muted and do not count "
     "for exit code 3",
     "許可された例外（YAML、docs/mutelist.md を参照）: 一致する検出結果はミュート済みとなり、終了コード 3 "
     "の判定に数えません"},
    {"Judge mutelist expiry on this day (YYYY-MM-DD; default: today, UTC)",
     "ミュートリストの有効期限をこの日付で判定します（YYYY-MM-DD。デフォルト: 今日、UTC）"},
    {"Record this run and its findings in a SQLite store (created with mode 0600; see docs/store.md); read "
     "it back with history and diff",
     "この実行とその検出結果を SQLite のストアに記録します（モード 0600 で作成。docs/store.md "
     "を参照）。history と diff で読み出せます"},
    {"With --store: record the run as started at this time (ISO 8601; default: now), to import an older run "
     "or make a reproducible store",
     "--store と併用: 実行の開始時刻をこの時刻として記録します（ISO 8601。デフォルト: "
     "現在）。過去の実行の取り込みや、再現可能なストアの作成に使います"},
    {"Show the control catalog", "コントロールの一覧を表示します"},
    {"List every control with its mappings",
     "すべてのコントロールを、対応するフレームワークの項目とともに一覧表示します"},
    {"Output format", "出力形式"},
    {"Check IAM policy documents", "IAM ポリシードキュメントを検査します"},
    {"Validate a policy for its type and tell whether it denies the root user of a member account",
     "ポリシーをその種類として検証し、メンバーアカウントのルートユーザーを拒否するかどうかを示します"},
    {"Policy JSON files ('-' for standard input)", "ポリシーの JSON ファイル（標準入力は '-'）"},
    {"Policy type: scp (service control policy), identity, resource, rcp (resource control policy)",
     "ポリシーの種類: "
     "scp（サービスコントロールポリシー）、identity、resource、rcp（リソースコントロールポリシー）"},
    {"Member account id whose root user is evaluated", "ルートユーザーを評価するメンバーアカウントの ID"},
    {"Partition of the root ARN: aws (default), aws-cn, aws-us-gov, aws-iso, aws-iso-b, aws-iso-e, "
     "aws-iso-f, aws-eusc",
     "ルートユーザーの ARN のパーティション: "
     "aws（デフォルト）、aws-cn、aws-us-gov、aws-iso、aws-iso-b、aws-iso-e、aws-iso-f、aws-eusc"},
    {"The member's organization (o-...): decides conditions on aws:PrincipalOrgID",
     "メンバーの組織（o-...）: aws:PrincipalOrgID の条件の判定に使います"},
    {"The member's aws:PrincipalOrgPaths (o-.../r-.../ou-.../): decides conditions on it",
     "メンバーの aws:PrincipalOrgPaths（o-.../r-.../ou-.../）: この条件の判定に使います"},
    {"Find every use of the root user in CloudTrail logs (.json, .json.gz, folders)",
     "CloudTrail ログ（.json、.json.gz、フォルダー）から、ルートユーザーのすべての使用を見つけます"},
    {"CloudTrail files or folders (the S3 layout AWSLogs/..., or lookup-events output)",
     "CloudTrail のファイルまたはフォルダー（S3 のレイアウト AWSLogs/...、または lookup-events の出力）"},
    {"Only events at or after this time (ISO 8601; a date means midnight UTC)",
     "この時刻以降のイベントのみ（ISO 8601。日付のみの場合は UTC の 0 時）"},
    {"Only events at or before this time (ISO 8601; a date means the whole day)",
     "この時刻以前のイベントのみ（ISO 8601。日付のみの場合はその日全体）"},
    {"Only these accounts", "指定したアカウントのみ"},
    {"Only these regions", "指定したリージョンのみ"},
    {"Worker threads (default: one per core)", "ワーカースレッド数（デフォルト: コアごとに 1）"},
    {"Give up on a file that inflates past this many MiB (gzip bomb guard; default: 256 times the file's "
     "compressed size, at least 1024 MiB)",
     "展開後のサイズがこの MiB を超えるファイルは読み込みを中止します（gzip 爆弾対策。デフォルト: "
     "ファイルの圧縮サイズの 256 倍、最低 1024 MiB）"},
    {"Validate log file integrity with the CloudTrail digest files (as aws cloudtrail validate-logs does): "
     "every digest and log file valid, modified, deleted, moved or not covered",
     "CloudTrail のダイジェストファイルでログファイルの整合性を検証します（aws cloudtrail validate-logs "
     "と同様）: 各ダイジェストとログファイルが有効、変更、削除、移動、対象外のいずれかを示します"},
    {"CloudTrail's signing keys: the output of `aws cloudtrail list-public-keys --output json` (with "
     "s3://: fetched with ListPublicKeys when not given)",
     "CloudTrail の署名キー: `aws cloudtrail list-public-keys --output json` の出力 (s3:// "
     "では、指定しなければ ListPublicKeys で取得)"},
    {"The S3 bucket the folder was copied from (default: the bucket the newest digest names)",
     "フォルダーのコピー元の S3 バケット（デフォルト: 最新のダイジェストが示すバケット）"},
    {"Write Terraform, an AWS CLI script and a console checklist for failures",
     "失敗したコントロールについて、Terraform、AWS CLI "
     "のスクリプト、コンソールでのチェックリストを書き出します"},
    {"Folder to write main.tf, fix.sh and CHECKLIST.md into",
     "main.tf、fix.sh、CHECKLIST.md を書き込むフォルダー"},
    {"Language of the comments, messages and checklist (default: from LANG)",
     "コメント、メッセージ、チェックリストの言語（デフォルト: LANG から決定）"},
    {"Collect a snapshot of the caller's account, or with --org of the organization, from AWS (read-only)",
     "呼び出し元のアカウント（--org では組織）のスナップショットを AWS から収集します（読み取り専用）"},
    {"Snapshot folder to write", "書き込むスナップショットのフォルダー"},
    {"The snapshot folder's layout", "スナップショットのフォルダーのレイアウト"},
    {"Print the layout table: every file, its AWS call and reader",
     "レイアウトの表を表示します: 各ファイルと、その AWS の呼び出し、読み込む処理"},
    {"List the runs recorded in a --store, with their counts",
     "--store に記録された実行を、件数とともに一覧表示します"},
    {"The SQLite store scan/trail --store wrote", "scan/trail の --store が書き込んだ SQLite のストア"},
    {"What changed between two runs of a --store (default: the last two of one command); exit 3 on new FAILs",
     "--store の 2 つの実行の間の変化を示します（デフォルト: 同じコマンドの直近 2 回）。新しい FAIL "
     "があれば終了コード 3"},
    {"RUN_A RUN_B: run ids from history (one id: that run and the one of its command before it)",
     "RUN_A RUN_B: history が示す実行 ID（1 つの場合: その実行と、同じコマンドの 1 つ前の実行）"},
    {"Browse a --store in a local dashboard (127.0.0.1 only)",
     "--store をローカルのダッシュボードで閲覧します（127.0.0.1 のみ）"},
    {"The SQLite store scan/trail --store wrote (opened read-only)",
     "scan/trail の --store が書き込んだ SQLite のストア（読み取り専用で開きます）"},
    {"Port on 127.0.0.1; 0 lets the system choose a free one",
     "127.0.0.1 のポート。0 の場合はシステムが空きポートを選びます"},
    {"Language of the dashboard (default: from LANG)", "ダッシュボードの言語（デフォルト: LANG から決定）"},
    {"Print the shell completion script for bash, zsh or fish",
     "bash、zsh、fish のシェル補完スクリプトを表示します"},
    {"bash, zsh or fish", "bash、zsh、fish のいずれか"},
    {"Print the man page (roff) to standard output", "man ページ（roff）を標準出力に表示します"},
    // The options that main's s3:// reading (trail s3://BUCKET, scan --cloudtrail s3://) adds.
    {"With s3://: the AWS profile (as for the AWS CLI)", "s3:// の場合: AWS プロファイル（AWS CLI と同じ）"},
    {"With s3://: the region to ask first (the bucket's own region is found and followed)",
     "s3:// の場合: 最初に問い合わせるリージョン（バケット自身のリージョンを見つけてそれに従います）"},
    {"With s3://: 'requester' for a requester-pays bucket",
     "s3:// の場合: リクエスタ支払いのバケットには 'requester'"},
    {"With s3://: GetObject calls in flight (default 16)",
     "s3:// の場合: 同時に実行する GetObject の呼び出し数（デフォルト 16）"},
    {"With s3://: MiB of fetched objects held before they are scanned (default 64)",
     "s3:// の場合: スキャン前に保持する取得済みオブジェクトの MiB（デフォルト 64）"},
    {"CloudTrail logs (files, folders or s3://BUCKET[/PREFIX], read in place) whose root use feeds "
     "root-recent-use; the snapshot's cloudtrail/ folder is read automatically",
     "root-recent-use に使う、ルートユーザーの使用を含む CloudTrail "
     "ログ（ファイル、フォルダー、またはその場で読む s3://BUCKET[/PREFIX]）。スナップショットの cloudtrail/ "
     "フォルダーは自動的に読み込みます"},
    {"CloudTrail files or folders (the S3 layout AWSLogs/..., or lookup-events output), or one "
     "s3://BUCKET[/PREFIX] read in place",
     "CloudTrail のファイルまたはフォルダー（S3 のレイアウト AWSLogs/...、または lookup-events "
     "の出力）、またはその場で読む 1 つの s3://BUCKET[/PREFIX]"},
    // trail --shard and merge (decision 0024).
    {"Read only shard I of N (I/N, 0 <= I < N <= 10000) of the files, by their account, region and day, and "
     "write a partial result to --part-output; auto: I from AWS_BATCH_JOB_ARRAY_INDEX or "
     "JOB_COMPLETION_INDEX and N from --shard-count",
     "ファイルのうち N 個のシャードの I 番目（I/N、0 <= I < N <= "
     "10000）だけを、アカウント・リージョン・日付で"
     "分けて読み、部分結果を --part-output に書き込みます。auto: I を AWS_BATCH_JOB_ARRAY_INDEX または "
     "JOB_COMPLETION_INDEX から、N を --shard-count から取ります"},
    {"N for --shard auto", "--shard auto の N"},
    {"Write this run's partial result (JSON) here for rootguard merge, instead of a report",
     "レポートの代わりに、この実行の部分結果（JSON）を rootguard merge 用にここへ書き込みます"},
    {"Combine the partial results of a sharded trail run (trail --shard I/N --part-output) into its report",
     "シャードに分けた trail の実行（trail --shard I/N --part-output）の部分結果を 1 "
     "つのレポートにまとめます"},
    {"The part files, one per shard (0 to N-1), in any order",
     "部分結果のファイル。シャード（0 から N-1）ごとに 1 つ、順序は任意"},
}};

} // namespace

std::span<const MessagePattern> help_catalog() {
  return kHelp;
}

} // namespace rg::cli

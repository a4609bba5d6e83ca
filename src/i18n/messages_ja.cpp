// The Japanese catalog of run-time messages (messages.hpp). Longer, more specific patterns come before
// the general ones they would otherwise fall under: the first entry that matches wins. Terms follow
// AWS's Japanese documentation (ルートユーザー, 証跡, ロググループ, ディテクター).
#include "i18n/messages.hpp"

#include <array>

namespace rg {
namespace {

constexpr auto kMessages = std::to_array<MessagePattern>({
    // Absent and unreadable files (util/files, model, snapshot).
    {"not collected (neither GetCredentialReport.json nor credential-report.csv)",
     "未収集 (GetCredentialReport.json も credential-report.csv もありません)"},
    {"not collected (file absent)", "未収集 (ファイルがありません)"},
    {"not collected: the account could not be reached ({} failed with {}; see collection.json)",
     "未収集: アカウントに到達できませんでした ({0} が {1} で失敗。collection.json を参照)"},
    {"not collected: {} {} failed with {} ({}; see collection.json)",
     "未収集: {0} {1} が {2} で失敗しました ({3}。collection.json を参照)"},
    {"{} not collected", "{0} は未収集です"},
    {"not collected", "未収集"},
    {"file not found", "ファイルがありません"},
    {"folder not found", "フォルダーがありません"},
    {"not found", "見つかりません"},
    {"empty file", "空のファイルです"},
    {"empty credential report", "認証情報レポートが空です"},
    {"no accounts folder in the snapshot", "スナップショットに accounts フォルダーがありません"},
    {"cannot read: {}", "読み取れません: {0}"},
    {"cannot read {}", "{0} を読み取れません"},
    {"cannot open: {}", "開けません: {0}"},
    {"read failed: {}", "読み取りに失敗しました: {0}"},
    {"it is {}, not a file", "{0}であり、ファイルではありません"},
    {"it is {}, not a folder", "{0}であり、フォルダーではありません"},
    {"larger than {} bytes", "{0} バイトを超えています"},
    {"file is larger than {} bytes", "ファイルが {0} バイトを超えています"},
    {"a directory", "フォルダー"},
    {"a FIFO", "FIFO"},
    {"a device", "デバイス"},
    {"a socket", "ソケット"},
    {"a symlink", "シンボリックリンク"},
    {"not a folder", "フォルダーではありません"},
    // strerror's texts (glibc's C locale) and rootguard's own for ELOOP.
    {"No such file or directory", "ファイルまたはフォルダーがありません"},
    {"Permission denied", "アクセス権がありません"},
    {"Is a directory", "フォルダーです"},
    {"Not a directory", "フォルダーではありません"},
    {"File exists", "既に存在します"},
    {"No space left on device", "デバイスに空き領域がありません"},
    {"Read-only file system", "読み取り専用のファイルシステムです"},
    {"Operation not permitted", "操作は許可されていません"},
    {"File name too long", "ファイル名が長すぎます"},
    {"Too many open files", "開いているファイルが多すぎます"},
    {"Input/output error", "入出力エラーです"},
    {"too many levels of symbolic links (a symlink loop?)",
     "シンボリックリンクの階層が深すぎます (リンクのループ?)"},
    {"is {}, not a regular file; not read", "{0}であり、通常のファイルではないため読み取っていません"},
    {"is a link to a file outside the snapshot folder; not read",
     "スナップショットのフォルダーの外にあるファイルへのリンクのため読み取っていません"},
    {"is {} bytes, over the {}-byte limit for this file; not read",
     "{0} バイトあり、このファイルの上限 {1} バイトを超えるため読み取っていません"},
    {"not a folder (each region is a folder); not read",
     "フォルダーではないため読み取っていません (リージョンはそれぞれフォルダーです)"},
    {"folder name is not an AWS region name (like us-east-1); not read",
     "フォルダー名が AWS のリージョン名 (us-east-1 など) ではないため読み取っていません"},
    {"not a regular file (a folder, FIFO, device or broken link); not read",
     "通常のファイルではないため読み取っていません (フォルダー、FIFO、デバイス、または壊れたリンク)"},
    {"not a regular file (a FIFO, device or socket); not read",
     "通常のファイルではないため読み取っていません (FIFO、デバイス、またはソケット)"},
    {"nested deeper than {} folders; not read", "フォルダーの階層が {0} を超えるため読み取っていません"},
    {"not a policy id (p-...): {}; its files are not read",
     "ポリシー ID (p-...) ではありません: {0}。そのファイルは読み取っていません"},
    {"not a regular file", "通常のファイルではありません"},
    {"is not a regular file (a folder)", "通常のファイルではありません (フォルダーです)"},
    {"is not a regular file", "通常のファイルではありません"},
    {"no such store (scan or trail with --store creates it)",
     "ストアがありません (scan か trail に --store を付けると作成されます)"},
    // JSON documents (snapshot/json_document and nlohmann's parser, whose tail is kept after "last read").
    {"invalid JSON; last read: {}; expected string literal",
     "JSON として不正です。最後に読んだ部分: {0}。文字列リテラルがあるべき位置です"},
    {"invalid JSON; last read: {}; expected value",
     "JSON として不正です。最後に読んだ部分: {0}。値があるべき位置です"},
    {"invalid JSON; last read: {}; expected end of input",
     "JSON として不正です。最後に読んだ部分: {0}。ここで入力が終わるべきです"},
    {"invalid JSON; last read: {}; expected {}",
     "JSON として不正です。最後に読んだ部分: {0}。{1} があるべき位置です"},
    {"invalid JSON; last read: {}", "JSON として不正です。最後に読んだ部分: {0}"},
    {"invalid JSON: [json.exception.out_of_range.406] number overflow parsing {}",
     "JSON として不正です: 数値 {0} が範囲外です"},
    {"invalid JSON: {}", "JSON として不正です: {0}"},
    {"invalid JSON", "JSON として不正です"},
    {"not JSON", "JSON ではありません"},
    // nlohmann's own parse messages, as the policy reader quotes them.
    {"syntax error while parsing {} - {}", "{0} の解析中の構文エラー: {1}"},
    {"unexpected end of input", "入力が途中で終わっています"},
    {"invalid literal", "不正なリテラルです"},
    {"expected string literal", "文字列リテラルがあるべき位置です"},
    {"expected end of input", "ここで入力が終わるべきです"},
    {"expected value", "値があるべき位置です"},
    {"object key", "オブジェクトのキー"},
    {"object separator", "オブジェクトの区切り"},
    {"object", "オブジェクト"},
    {"array", "配列"},
    {"value", "値"},
    {"[json.exception.out_of_range.406] number overflow parsing {}", "数値 {0} が範囲外です"},
    {"number overflow parsing {}", "数値 {0} が範囲外です"},

    {"expected an object, found {}", "オブジェクトが必要ですが、{0}です"},
    {"expected an array, found {}", "配列が必要ですが、{0}です"},
    {"expected a string, found {}", "文字列が必要ですが、{0}です"},
    {"expected an integer, found {}", "整数が必要ですが、{0}です"},
    {"expected a number, found {}", "数値が必要ですが、{0}です"},
    {"expected a boolean, found {}", "真偽値が必要ですが、{0}です"},
    {"expected a time (ISO 8601 text or epoch seconds), found {}",
     "時刻 (ISO 8601 の文字列またはエポック秒) が必要ですが、{0}です"},
    {"not a time (ISO 8601 text or epoch seconds from year 0 to 9999): {}",
     "時刻ではありません (ISO 8601 の文字列、または 0 年から 9999 年のエポック秒): {0}"},
    {"expected an object", "オブジェクトが必要です"},
    {"an object", "オブジェクト"},
    {"an array", "配列"},
    {"a string", "文字列"},
    {"a number", "数値"},
    {"a boolean", "真偽値"},
    {"null", "null"},
    {"a value", "値"},
    {"missing", "ありません"},
    {"value not present", "値がありません"},
    {"the top level is not a JSON object", "最上位が JSON オブジェクトではありません"},
    {"the answer is not a JSON object", "応答が JSON オブジェクトではありません"},
    {"not a JSON object (head-object output or its Metadata)",
     "JSON オブジェクトではありません (head-object の出力またはその Metadata)"},
    {"Content is not valid base64", "Content が正しい base64 ではありません"},
    // simdjson's messages (the CloudTrail reader).
    {"A string is opened, but never closed.", "文字列が閉じられていません。"},
    {"The JSON document has an improper structure: missing or superfluous commas, braces, missing keys, etc.",
     "JSON 文書の構造が不正です (カンマや括弧の過不足、キーの欠落など)。"},
    {"The input is not valid UTF-8", "入力が正しい UTF-8 ではありません"},
    {"Problem while parsing a string", "文字列の解析に失敗しました"},
    {"Problem while parsing a number", "数値の解析に失敗しました"},
    {"Problem while parsing an atom starting with the letter 't'", "t で始まる値の解析に失敗しました"},
    {"Problem while parsing an atom starting with the letter 'f'", "f で始まる値の解析に失敗しました"},
    {"Problem while parsing an atom starting with the letter 'n'", "n で始まる値の解析に失敗しました"},
    {"The input ends with an unclosed string or an incomplete value.",
     "入力が閉じていない文字列または不完全な値で終わっています。"},
    {"Within strings, some characters must be escaped, we found unescaped characters",
     "文字列の中にエスケープされていない制御文字があります"},
    {"no JSON found", "JSON がありません"},
    {"Empty: no JSON found", "空です: JSON がありません"},
    // Credential reports.
    {"header has no {} column: not a credential report",
     "ヘッダーに {0} 列がありません: 認証情報レポートではありません"},
    // CloudTrail files and records (trail/).
    {"the name ends in .gz but the content is not gzip data",
     "名前は .gz で終わりますが、内容が gzip データではありません"},
    {"truncated gzip data (the file ends inside a member)",
     "gzip データが途中で切れています (メンバーの途中でファイルが終わっています)"},
    {"corrupt gzip data", "gzip データが壊れています"},
    {"unexpected bytes after a gzip member (trailing garbage)", "gzip メンバーの後に余分なバイトがあります"},
    {"reading resumes at the next gzip member (compressed byte {})",
     "次の gzip メンバー (圧縮後 {0} バイト目) から読み直します"},
    {"the records inflated before it are kept", "それより前に展開されたレコードは保持されます"},
    {"the file does not begin {\"Records\":[ (lookup-events output, say, is read only whole), so none of it "
     "is read",
     "ファイルが {\"Records\":[ で始まらないため (lookup-events "
     "の出力などは全体でしか読めません)、何も読み取っていません"},
    {"the file ends inside this record (truncated JSON)",
     "このレコードの途中でファイルが終わっています (JSON が途中で切れています)"},
    {"the records before it are kept", "それより前のレコードは保持されます"},
    {"this record is skipped, the records around it are kept",
     "このレコードは読み飛ばし、前後のレコードは保持します"},
    {"unexpected content after the document", "文書の後に余分な内容があります"},
    {"ignored", "無視しました"},
    {"a second JSON document starts here (files joined together?)",
     "ここから 2 つ目の JSON 文書が始まります (ファイルが連結されている?)"},
    {"its records are read as well", "そのレコードも読み取ります"},
    {"eventTime {} is not an ISO 8601 time: the event is kept with its time unknown (never read as 1970, not "
     "filtered by --since/--until)",
     "eventTime {0} は ISO 8601 の時刻ではありません: イベントは時刻不明として保持します (1970 "
     "年とは見なさず、"
     "--since/--until では絞り込みません)"},
    {"{} record(s) are not JSON objects and were skipped",
     "{0} 件のレコードが JSON オブジェクトではないため読み飛ばしました"},
    {"\"Records\" is not an array", "\"Records\" が配列ではありません"},
    {R"(no "Records" array (nor the "Events" of lookup-events output))",
     "\"Records\" 配列がありません (lookup-events の出力の \"Events\" もありません)"},
    // Usage errors and fatal errors (FatalError), as main() prints them.
    {"--snapshot {} is not a folder: give the snapshot folder (the one that holds snapshot.json and "
     "accounts/)",
     "--snapshot {0} はフォルダーではありません: スナップショットのフォルダー (snapshot.json と accounts/ "
     "を含むもの) を指定してください"},
    {"snapshot folder not found: {}", "スナップショットのフォルダーがありません: {0}"},
    {"trail: give at least one file or folder", "trail: ファイルかフォルダーを 1 つ以上指定してください"},
    {"--since ({}) is after --until ({})", "--since ({0}) が --until ({1}) より後です"},
    {"unknown control '{}' (see: rootguard controls list)",
     "不明なコントロール '{0}' です (rootguard controls list を参照)"},
    {"--mutelist: {}", "--mutelist: {0}"},
    {"cannot read the caller's identity (sts GetCallerIdentity): {}",
     "呼び出し元の ID を取得できません (sts GetCallerIdentity): {0}"},
    {"--org: cannot list the organization's accounts from account {} (see {}/collection.json): run from the "
     "management account or a delegated administrator for AWS Organizations",
     "--org: アカウント {0} から組織のアカウントを一覧できません ({1}/collection.json を参照): "
     "管理アカウントか "
     "AWS Organizations の委任管理者から実行してください"},
    {"give either --snapshot DIR or --live", "--snapshot DIR か --live のどちらかを指定してください"},
    {"--keep-snapshot and the collection options (--profile, --aws-region, --regions, --org, ...) need "
     "--live",
     "--keep-snapshot と収集のオプション (--profile、--aws-region、--regions、--org など) には --live "
     "が必要です"},
    {"--as-of: not an ISO 8601 time: {}", "--as-of: ISO 8601 の時刻ではありません: {0}"},
    {"--status: expected PASS, FAIL, UNKNOWN or NOT_APPLICABLE, got {}",
     "--status: PASS、FAIL、UNKNOWN、NOT_APPLICABLE のいずれかを指定してください (指定値: {0})"},
    {"--severity: expected critical, high, medium, low or informational, got {}",
     "--severity: critical、high、medium、low、informational のいずれかを指定してください (指定値: {0})"},
    {"--store-time needs --store", "--store-time には --store が必要です"},
    {"--store-time: not an ISO 8601 time: {}", "--store-time: ISO 8601 の時刻ではありません: {0}"},
    {"cannot write to standard output", "標準出力に書き込めません"},
    {"--format: unknown format {}", "--format: 不明な形式 {0} です"},
    {"several --format values need --output-dir", "--format を複数指定するには --output-dir が必要です"},
    {"--output and --output-dir cannot be combined", "--output と --output-dir は同時に指定できません"},
    {"--type: expected scp, identity, resource or rcp, got {}",
     "--type: scp、identity、resource、rcp のいずれかを指定してください (指定値: {0})"},
    {"standard input ('-') can be read only once", "標準入力 ('-') は 1 回しか読めません"},
    {"cannot read standard input", "標準入力を読み取れません"},
    {"--org-path must start with the --org-id", "--org-path は --org-id で始まる必要があります"},
    {"{}: '{}' is not an AWS account id (twelve digits)",
     "{0}: '{1}' は AWS アカウント ID (12 桁の数字) ではありません"},
    {"{} is not an account id (twelve digits)", "{0} はアカウント ID (12 桁の数字) ではありません"},
    {"{} is not a region name (us-east-1)", "{0} はリージョン名 (us-east-1 など) ではありません"},
    {"{} is not a control id (rootguard controls list)",
     "{0} はコントロール ID ではありません (rootguard controls list を参照)"},
    {"{} is not PASS, FAIL, UNKNOWN or NOT_APPLICABLE",
     "{0} は PASS、FAIL、UNKNOWN、NOT_APPLICABLE のいずれでもありません"},
    {"{} is not critical, high, medium, low or informational",
     "{0} は critical、high、medium、low、informational のいずれでもありません"},
    {"no region: give --region or --regions, or set AWS_REGION or a profile region",
     "リージョンがありません: --region か --regions を指定するか、AWS_REGION またはプロファイルのリージョンを"
     "設定してください"},
    {"--role-name, --external-id, --accounts, --exclude-accounts and --concurrency need --org",
     "--role-name、--external-id、--accounts、--exclude-accounts、--concurrency には --org が必要です"},
    {"--org needs --role-name: the read-only role to assume in each member account (rootguard assumes no "
     "default "
     "role such as OrganizationAccountAccessRole, which is an administrator role; see docs/collect.md for a "
     "read-only one)",
     "--org には --role-name が必要です: 各メンバーアカウントで引き受ける読み取り専用のロールです (rootguard "
     "は "
     "OrganizationAccountAccessRole "
     "のような既定のロールを引き受けません。それは管理者ロールです。読み取り専用の"
     "ロールは docs/collect.md を参照してください)"},
    {"--role-name: '{}' is not an IAM role name", "--role-name: '{0}' は IAM ロール名ではありません"},
    {"--external-id: 2 to 1224 characters of [A-Za-z0-9+=,.@:/_-]",
     "--external-id: [A-Za-z0-9+=,.@:/_-] の 2 文字から 1224 文字で指定してください"},
    {"--store {}: no run {} (rootguard history lists the runs)",
     "--store {0}: 実行 {1} はありません (rootguard history で一覧できます)"},
    {"--store {}: no runs recorded; diff needs two",
     "--store {0}: 記録された実行がありません。diff には 2 つ必要です"},
    {"--store {}: run {} is the first {} run; diff needs two (give both ids)",
     "--store {0}: 実行 {1} は最初の {2} の実行です。diff には 2 つ必要です (両方の ID を指定してください)"},
    {"--store {}: is a SQLite database but not a rootguard store",
     "--store {0}: SQLite データベースですが rootguard のストアではありません"},
    {"--store {}: written by a newer rootguard (store schema version {}; this rootguard reads versions 0 to "
     "{}); "
     "upgrade rootguard or give another store",
     "--store {0}: 新しい rootguard が書いたストアです (スキーマのバージョン {1}。この rootguard "
     "が読めるのは 0 から "
     "{2} まで)。rootguard を更新するか、別のストアを指定してください"},
    {"--mutelist-date needs --mutelist", "--mutelist-date には --mutelist が必要です"},
    {"--mutelist-date: not a date as YYYY-MM-DD: {}",
     "--mutelist-date: YYYY-MM-DD 形式の日付ではありません: {0}"},
    {"{}: this entry would mute the critical finding {} ({}, account {}) until {}; a critical finding may be "
     "muted "
     "for at most {} days: set an earlier 'expires' (see docs/mutelist.md)",
     "{0}: このエントリは重大な検出結果 {1} ({2}、アカウント {3}) を {4} までミュートします。重大な検出結果を"
     "ミュートできるのは最長 {5} 日です: より早い 'expires' を設定してください (docs/mutelist.md を参照)"},
    {"cannot create a temporary folder in {}: {}", "{0} に一時フォルダーを作成できません: {1}"},
    {"refusing to write fixes: {} value(s) from the snapshot do not match their AWS grammar (listed above)",
     "修正を書き出しません: スナップショットの値 {0} 件が AWS の形式に一致しません (上に一覧があります)"},
    {"{}: not an ISO 8601 date or time: {}", "{0}: ISO 8601 の日付または時刻ではありません: {1}"},
    {"--public-keys and --digest-bucket need --verify-digests",
     "--public-keys と --digest-bucket には --verify-digests が必要です"},
    {"no CloudTrail log files found in {} ({} digest, {} Insights and {} other files skipped); give the "
     "folder "
     "that holds AWSLogs/ or lookup-events output",
     "{0} に CloudTrail のログファイルがありません (ダイジェスト {1} 件、Insights {2} 件、その他 {3} "
     "件を除外)。"
     "AWSLogs/ を含むフォルダーか lookup-events の出力を指定してください"},
    // trail --shard and merge (decision 0024).
    {"--shard auto needs --shard-count N", "--shard auto には --shard-count N が必要です"},
    {"--shard auto: {}={} is not a shard index (a whole number)",
     "--shard auto: {0}={1} はシャードの番号（0 以上の整数）ではありません"},
    {"--shard auto: {}={} is not below --shard-count {}",
     "--shard auto: {0}={1} が --shard-count {2} 未満ではありません"},
    {"--shard auto: neither AWS_BATCH_JOB_ARRAY_INDEX nor JOB_COMPLETION_INDEX is set (give --shard I/N)",
     "--shard auto: AWS_BATCH_JOB_ARRAY_INDEX も JOB_COMPLETION_INDEX も設定されていません（--shard I/N "
     "を指定してください）"},
    {"--shard-count goes with --shard auto (else give --shard I/N)",
     "--shard-count は --shard auto と併用します（それ以外は --shard I/N を指定してください）"},
    {"--shard {}: give I/N with 0 <= I < N <= 10000 (as 0/4), or auto",
     "--shard {0}: 0 <= I < N <= 10000 の I/N（0/4 など）または auto を指定してください"},
    {"--shard needs --part-output FILE (then rootguard merge the parts)",
     "--shard には --part-output FILE が必要です（その後、部分結果を rootguard merge でまとめます）"},
    {"--part-output does not take --store: give it to rootguard merge",
     "--part-output には --store を指定できません: rootguard merge に指定してください"},
    {"--shard does not take --verify-digests: a digest chain spans the days the shards split (validate the "
     "whole trail in one run)",
     "--shard には --verify-digests を指定できません: ダイジェストのチェーンはシャードが分ける日をまたぎます"
     "（証跡全体を 1 回の実行で検証してください）"},
    {"--shard does not take --mutelist: give it to rootguard merge, which mutes the merged events as trail "
     "does",
     "--shard には --mutelist を指定できません: rootguard merge に指定してください（trail と同じように、"
     "まとめたイベントをミュートします）"},
    {"give the part files of every shard", "すべてのシャードの部分結果ファイルを指定してください"},
    {"{} is shard {}/{}, but {} is one of {} shards",
     "{0} はシャード {1}/{2} ですが、{3} は {4} 個のシャードの 1 つです"},
    {"shard {}/{} is given twice: {} and {}", "シャード {0}/{1} が 2 回指定されています: {2} と {3}"},
    {"{} comes from another run than {} ({} differs)",
     "{0} は {1} とは別の実行のものです（{2} が異なります）"},
    {"rootguard version", "rootguard のバージョン"},
    {"the paths read", "読み込んだパス"},
    {"the run", "実行"},
    {"shard {}/{} is missing ({} of {} parts given)",
     "シャード {0}/{1} がありません（{3} 個中 {2} 個の部分結果が指定されました）"},
    {"written by rootguard {}; this is rootguard {} (run every shard and the merge with one version)",
     "rootguard {0} が書き込みました。これは rootguard {1} です（すべてのシャードとマージを同じバージョンで"
     "実行してください）"},
    {"part version {}; this rootguard merges version {}",
     "部分結果のバージョン {0} です。この rootguard がまとめられるのはバージョン {1} です"},
    {"shard {}/{} is not I/N with 0 <= I < N", "シャード {0}/{1} は 0 <= I < N の I/N ではありません"},
    {"not JSON (a part written by trail --part-output)",
     "JSON ではありません（trail --part-output が書き込む部分結果ではありません）"},
    {"byte {}: {}", "{0} バイト目: {1}"},
    {"not a JSON object", "JSON オブジェクトではありません"},
    {"not a JSON array", "JSON 配列ではありません"},
    {"no \"{}\"", "\"{0}\" がありません"},
    {"not a string", "文字列ではありません"},
    {"not a count (a whole number, 0 or more)", "件数（0 以上の整数）ではありません"},
    {"not a whole number", "整数ではありません"},
    {"not true or false", "true または false ではありません"},
    {"unknown problem kind {}", "不明な問題の種類 {0} です"},
    {"unknown detection \"{}\"", "不明な検出 \"{0}\" です"},
    {"not an ISO 8601 time or null", "ISO 8601 の時刻でも null でもありません"},
    {"completion: unknown shell {}", "completion: 不明なシェル {0} です"},
    {"cannot write {}: it changed while opening", "{0} に書き込めません: 開いている間に変更されました"},
    {"cannot write {}: it is {}, not a file", "{0} に書き込めません: {1}であり、ファイルではありません"},
    {"cannot write {}: {}", "{0} に書き込めません: {1}"},
    {"cannot write {}", "{0} に書き込めません"},
    {"cannot create {}: {}", "{0} を作成できません: {1}"},
    {"refusing to create {}: '{}' is not a plain folder name",
     "{0} を作成しません: '{1}' は通常のフォルダー名ではありません"},
    {"refusing to write into {}: it is {}, not a folder rootguard may write in",
     "{0} には書き込みません: {1}であり、rootguard が書き込めるフォルダーではありません"},
    {"no AWS credentials found (environment, profile, credential_process, container or instance metadata)",
     "AWS の認証情報が見つかりません "
     "(環境変数、プロファイル、credential_process、コンテナ、インスタンスメタデータ)"},
    {"this build of rootguard's CloudTrail reader needs an x86-64 CPU with AVX2; rebuild with "
     "-DROOTGUARD_TRAIL_AVX2=OFF",
     "このビルドの rootguard の CloudTrail 読み取りには AVX2 対応の x86-64 CPU が必要です。"
     "-DROOTGUARD_TRAIL_AVX2=OFF でビルドし直してください"},
    // Unknown commands and options (cli/unknown_words), and CLI11's own usage errors.
    {"{}: unknown command {} (did you mean {}?); commands: {}",
     "{0}: 不明なコマンド {1} です ({2} のことですか?)。コマンド: {3}"},
    {"{}: unknown command {}; commands: {}", "{0}: 不明なコマンド {1} です。コマンド: {2}"},
    {"{}: unknown option {} (did you mean {}?); see {} --help",
     "{0}: 不明なオプション {1} です ({2} のことですか?)。{3} --help を参照してください"},
    {"{}: unknown option {}; see {} --help", "{0}: 不明なオプション {1} です。{2} --help を参照してください"},
    {"The following argument was not expected: {}", "次の引数は想定されていません: {0}"},
    {"The following arguments were not expected: {}", "次の引数は想定されていません: {0}"},
    {"A subcommand is required", "サブコマンドが必要です"},
    {"{} is required", "{0} が必要です"},
    {"{}: {} required {} missing", "{0}: 必要な {2} が {1} 個ありません"},
    {"{}: {} not in {}", "{0}: {1} は {2} のいずれでもありません"},
    {"{} excludes {}", "{0} は {1} と同時に指定できません"},
    {"{} requires {}", "{0} には {1} が必要です"},
    {"Could not convert: {} = {}", "変換できません: {0} = {1}"},
    // The dashboard (rootguard serve) and its store.
    {"serve: cannot listen on {}:{}: {}", "serve: {0}:{1} で待ち受けできません: {2}"},
    {"serve: cannot listen on {}:{}", "serve: {0}:{1} で待ち受けできません"},
    {"serve: no random bytes for the access token (OpenSSL RAND_bytes)",
     "serve: アクセストークン用の乱数を取得できません (OpenSSL RAND_bytes)"},
    {"serve: cannot write the dashboard's URL to standard output",
     "serve: ダッシュボードの URL を標準出力に書き込めません"},
    {"serve: listening on 127.0.0.1:{} failed", "serve: 127.0.0.1:{0} での待ち受けに失敗しました"},
    {"--store {}: written by an older rootguard (store schema version {}, this rootguard reads version {} "
     "read-only); `rootguard history --store {}` upgrades it",
     "--store {0}: 古い rootguard が書いたストアです (スキーマのバージョン {1}。この rootguard "
     "が読み取り専用で"
     "読めるのはバージョン {2})。`rootguard history --store {3}` で更新できます"},
    {"Address already in use", "アドレスは既に使用されています"},
    // CloudTrail read from S3 (trail/s3): the AWS error's own text is kept as AWS wrote it.
    {"{} denied on this object: {}", "このオブジェクトで {0} が拒否されました: {1}"},
    {"{} denied on this prefix: {}; nothing under it was read",
     "このプレフィックスで {0} が拒否されました: {1}。その下は何も読み取っていません"},
    {"gone between the listing and the GET: {}", "一覧取得から GET までの間に削除されました: {0}"},
    {"cannot fetch (GetObject, {} attempt): {}", "取得できません (GetObject、{0} 回試行): {1}"},
    {"cannot fetch (GetObject, {} attempts): {}", "取得できません (GetObject、{0} 回試行): {1}"},
    {"cannot list (ListObjectsV2, {} attempt): {}; nothing under it was read",
     "一覧を取得できません (ListObjectsV2、{0} 回試行): {1}。その下は何も読み取っていません"},
    {"cannot list (ListObjectsV2, {} attempts): {}; nothing under it was read",
     "一覧を取得できません (ListObjectsV2、{0} 回試行): {1}。その下は何も読み取っていません"},
    {"ListObjectsV2 returned the same continuation token twice; the rest of this prefix was not read",
     "ListObjectsV2 が同じ継続トークンを 2 回返しました。このプレフィックスの残りは読み取っていません"},
    {"the bucket cannot be reached (HeadBucket): {}", "バケットに到達できません (HeadBucket): {0}"},
    {"not an S3 location (s3://BUCKET[/PREFIX]): {}", "S3 の場所 (s3://BUCKET[/PREFIX]) ではありません: {0}"},
    {"trail: an s3:// location is read alone (give one, and no folders)",
     "trail: s3:// の場所は単独で読み取ります (1 つだけ指定し、フォルダーと併用しないでください)"},
    // Digests validated in place (trail s3:// --verify-digests, decision 0025).
    {"cloudtrail:ListPublicKeys denied: {}; digest signatures not checked (give --public-keys FILE, or "
     "allow the action)",
     "cloudtrail:ListPublicKeys が拒否されました: {0}。ダイジェストの署名は確認していません (--public-keys "
     "FILE を指定するか、このアクションを許可してください)"},
    {"cannot fetch CloudTrail's public keys: {}; digest signatures not checked",
     "CloudTrail の公開鍵を取得できません: {0}。ダイジェストの署名は確認していません"},
    {"--digest-bucket names the bucket a local copy came from; an s3:// location is that bucket",
     "--digest-bucket はローカルのコピーの元のバケットを指定するものです。s3:// の場所はそのバケット"
     "そのものです"},
    {"{} denied on this digest: {}", "このダイジェストで {0} が拒否されました: {1}"},
    {"not checked: {}", "確認していません: {0}"},
    {"signature not checked: CloudTrail's public keys could not be fetched (cloudtrail:ListPublicKeys)",
     "署名は確認していません: CloudTrail の公開鍵を取得できませんでした (cloudtrail:ListPublicKeys)"},
    {"no x-amz-meta-signature and x-amz-meta-signature-algorithm on the object (CloudTrail signs every "
     "digest it delivers)",
     "オブジェクトに x-amz-meta-signature と x-amz-meta-signature-algorithm がありません (CloudTrail "
     "は配信するすべてのダイジェストに署名します)"},
    // Mutelists.
    {"not valid YAML: {}", "YAML として不正です: {0}"},
    // Last: the general forms the entries above refine.
    {"expected {}", "{0} があるべき位置です"},
    {"--store {}: {}", "--store {0}: {1}"},
});

constexpr auto kPlaces = std::to_array<MessagePattern>({
    {"line {}, column {}", "{0} 行 {1} 列"},
    {"line {}", "{0} 行目"},
    {"row {}", "{0} 行目"},
    {"inflated byte {}", "展開後 {0} バイト目"},
    {"compressed byte {}", "圧縮後 {0} バイト目"},
    {"gzip member {} (from compressed byte {})", "gzip メンバー {0} (圧縮後 {1} バイト目から)"},
    {"eventID {}", "イベント ID {0}"},
    {"byte {}", "{0} バイト目"},
});

} // namespace

std::span<const MessagePattern> message_catalog() {
  return kMessages;
}

std::span<const MessagePattern> place_catalog() {
  return kPlaces;
}

} // namespace rg

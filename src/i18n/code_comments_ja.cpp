// Japanese for the comments of the control catalog's AWS CLI and Terraform snippets (code_comments.hpp).
// A comment continued on the next line is two entries, each a phrase that reads on its own line.
#include "i18n/code_comments.hpp"

#include <array>

namespace rg {
namespace {

constexpr auto kComments = std::to_array<MessagePattern>({
    {"UPPER_CASE words are placeholders (`rootguard fix` fills them in from the snapshot).",
     "大文字の語はプレースホルダーです (`rootguard fix` がスナップショットの値で埋めます)。"},
    {"From the management account: write the SCP, create it, attach it to the root or an OU.",
     "管理アカウントから: SCP を書き、作成し、組織のルートか OU にアタッチします。"},
    {"Member accounts, from the management account (centralized root access enabled). In a subshell,",
     "メンバーアカウントには管理アカウントから "
     "(ルートアクセスの一元管理が有効であること)。サブシェルで実行し、"},
    {"so the root session ends with it:", "ルートユーザーセッションがサブシェルとともに終わるようにします:"},
    {"No --user-name: in the root session that is the root user itself.",
     "--user-name は付けません: ルートユーザーセッションではルートユーザー自身が対象です。"},
    {"no --user-name: the root user itself", "--user-name は付けません: 対象はルートユーザー自身です"},
    {"No API assigns an MFA device to the root user: it needs a root console sign-in.",
     "ルートユーザーに MFA デバイスを割り当てる API はありません: "
     "ルートユーザーでのコンソールサインインが必要です。"},
    {"No password, no console sign-in to lack MFA. No --user-name: the root user itself.",
     "パスワードがなければ、MFA なしでコンソールにサインインされることもありません。--user-name "
     "は付けません: "
     "対象はルートユーザー自身です。"},
    {"ROOT_OR_OU_ID: placeholder, the organization root (r-...) or the OU (ou-...) to protect",
     "ROOT_OR_OU_ID: プレースホルダー。保護する組織のルート (r-...) か OU (ou-...)"},
    {"Refresh the credential report that this control reads: IAM builds it",
     "このコントロールが読む認証情報レポートを更新します: IAM はレポートを非同期に作成するため、"},
    {"asynchronously, so ask until it is COMPLETE (a bounded number of times):",
     "COMPLETE になるまで (回数を限って) 問い合わせます:"},
    {"Stronger alternative: manage member root credentials centrally (run in the management account).",
     "より強力な方法: メンバーアカウントのルートユーザーの認証情報を一元管理します (管理アカウントで実行)。"},
    {"Stronger: centralized root access, then delete member root credentials",
     "より強力な方法: "
     "ルートアクセスの一元管理を有効にし、メンバーアカウントのルートユーザーの認証情報を削除します"},
    {"To see which virtual device is root's:", "どの仮想デバイスがルートユーザーのものかを確認するには:"},
    {"Who used root, from where (CloudTrail event history, last 90 days, per region):",
     "誰がどこからルートユーザーを使ったか (CloudTrail のイベント履歴、直近 90 日、リージョンごと):"},
    {"it exists but is disabled: enable it rather than create a second one",
     "存在するが無効: 2 つ目を作らずに有効化します"},
    {"keep your existing settings; add IAM to the trusted services",
     "既存の設定は残し、信頼されたサービスに IAM を追加します"},
    {"must be confirmed by its recipient", "受信者による確認が必要です"},
    {"placeholder: who gets the alert", "プレースホルダー: アラートの受信者"},
    {"the SNS topic people subscribe to (the root-usage-alarm fix creates one named root-usage-alarm)",
     "担当者がサブスクライブする SNS トピック (root-usage-alarm の修正で root-usage-alarm "
     "という名前で作成されます)"},
});

} // namespace

std::span<const MessagePattern> code_comment_catalog() {
  return kComments;
}

} // namespace rg

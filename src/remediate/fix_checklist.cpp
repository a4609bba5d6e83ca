// CHECKLIST.md: what fix.sh does (one line a step) and the console steps no API can do. Values from
// input are Markdown-escaped so a resource name cannot open a heading, a link or raw HTML.
#include "remediate/fix_plan.hpp"
#include "remediate/fix_values.hpp"

#include <fmt/format.h>

namespace rg::remediate {

std::string render_checklist(const FixPlan& plan, Lang lang) {
  const bool ja = lang == Lang::kJa;
  std::string out =
      ja ? "# rootguard 修正チェックリスト\n\n"
           "`fix.sh` が行う手順と、API では実行できない手順 (ルートユーザーの MFA、スタンドアロン"
           "アカウントのルートユーザーの認証情報など) のコンソールでの作業です。\n"
         : "# rootguard fix checklist\n\n"
           "What `fix.sh` does, and the console steps no API can do for the root user (root MFA, a "
           "standalone account's root credentials).\n";
  out +=
      ja ? "\n## fix.sh が行う手順 (`./fix.sh --apply`)\n\n" : "\n## Done by fix.sh (`./fix.sh --apply`)\n\n";
  if (plan.steps.empty()) {
    out += ja ? "なし。\n" : "None.\n";
  }
  for (const auto& step : plan.steps) {
    out += fmt::format("- [ ] {}\n", markdown_escape(describe(step, lang)));
  }
  std::string current;
  bool any = false;
  for (const auto& step : plan.manual) {
    if (!any) {
      out += ja ? "\n## コンソールでの作業\n" : "\n## Console steps\n";
      any = true;
    }
    if (step.account_id != current) {
      current = step.account_id;
      out += fmt::format("\n### {} {}\n", ja ? "アカウント" : "Account", markdown_escape(current));
    }
    out += fmt::format("\n#### [ ] {} ({})\n\n", step.rule->title.get(lang), step.rule->id);
    out += fmt::format("{}: {} ({})\n\n", ja ? "対象" : "Resource", markdown_escape(step.resource),
                       step.finding_id);
    if (!step.remediation.limits.empty()) {
      out += fmt::format("> {}\n\n", step.remediation.limits);
    }
    out += step.remediation.console;
    out += '\n';
  }
  if (!any) {
    out += ja ? "\nコンソールのみの手順はありません。\n" : "\nNo console-only steps.\n";
  }
  return out;
}

} // namespace rg::remediate

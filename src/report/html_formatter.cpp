// --format html: one self-contained page to share (no network fetch: CSS, JS and the chart are inline and
// a Content-Security-Policy forbids any load). Rows are rendered here, escaped, FAIL first and by severity;
// the script only filters, searches and sorts them.
#include "i18n/messages.hpp"
#include "remediate/remediation.hpp"
#include "report/mute_text.hpp"
#include "report/report.hpp"
#include "report/text_escape.hpp"
#include "util/hash.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <vector>

namespace rg::report {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::array<Severity, 5> kSeverities{Severity::kCritical, Severity::kHigh, Severity::kMedium,
                                              Severity::kLow, Severity::kInformational};
// The order a reviewer works in: what failed, then what could not be decided, then what passed, then what
// does not apply in the account's partition.
constexpr std::array<Status, 4> kStatuses{Status::kFail, Status::kUnknown, Status::kPass,
                                          Status::kNotApplicable};

int status_rank(Status status) {
  return static_cast<int>(std::find(kStatuses.begin(), kStatuses.end(), status) - kStatuses.begin());
}

// The words shown for a status and a severity; the data-* attributes keep the codes (FAIL, critical).
std::string_view status_label(Status status, Lang lang) {
  return display_name(status, lang);
}

std::string_view severity_label(Severity severity, Lang lang) {
  if (lang == Lang::kJa) {
    static constexpr std::array<std::string_view, 5> kJaSeverities{"情報", "低", "中", "高", "重大"};
    return kJaSeverities.at(static_cast<std::size_t>(severity));
  }
  return to_string(severity);
}

struct Words {
  const char* title;
  const char* summary;
  const char* account;
  const char* chart;
  const char* findings;
  const char* status;
  const char* severity;
  const char* control;
  const char* all;
  const char* search;
  const char* shown;
  const char* reason;
  const char* risk;
  const char* explanation;
  const char* console;
  const char* cli;
  const char* terraform;
  const char* limits;
  const char* snapshot;
  const char* as_of;
  const char* problems;
  const char* muted;
  const char* mutelist;
};

constexpr Words kEn{"rootguard report",
                    "Summary by account",
                    "Account",
                    "Failures by severity",
                    "Findings",
                    "Status",
                    "Severity",
                    "Control",
                    "Show all",
                    "Search",
                    "shown",
                    "Reason",
                    "Risk",
                    "Why this check",
                    "Console steps",
                    "AWS CLI",
                    "Terraform",
                    "Limits",
                    "Snapshot",
                    "As of",
                    "Inputs that could not be read",
                    "Muted",
                    "Mutelist"};
constexpr Words kJa{"rootguard レポート",
                    "アカウント別サマリー",
                    "アカウント",
                    "重大度別の不合格",
                    "検出結果",
                    "ステータス",
                    "重大度",
                    "コントロール",
                    "すべて表示",
                    "検索",
                    "件を表示",
                    "理由",
                    "リスク",
                    "このチェックの考え方",
                    "コンソールでの手順",
                    "AWS CLI",
                    "Terraform",
                    "制約",
                    "スナップショット",
                    "評価時点",
                    "読み取れなかった入力",
                    "抑制",
                    "ミュートリスト"};

constexpr std::string_view kStyle = R"(
body{font-family:system-ui,-apple-system,"Segoe UI","Hiragino Sans","Noto Sans CJK JP","Noto Sans JP",sans-serif;margin:2rem;color:#1b1f24}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}.num{text-align:right}
.FAIL{color:#b42318;font-weight:600}tr.muted td{background:#f6f8fa}.PASS{color:#1a7f37}.UNKNOWN{color:#9a6700}.NOT_APPLICABLE{color:#57606a}
.filters{display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-start}.filters label{display:flex;flex-direction:column;gap:.2rem}
th.sortable{cursor:pointer;user-select:none}th[aria-sort=ascending]::after{content:" \25B2"}th[aria-sort=descending]::after{content:" \25BC"}
pre{white-space:pre-wrap;background:#f6f8fa;padding:.5rem;margin:.3rem 0}
details{margin:.2rem 0}summary{cursor:pointer}.meta{color:#57606a}
)";

// Filters (multi-select: nothing chosen shows all), searches (the visible words of a row, not its
// remediation) and sorts the rows rendered above; a header click sorts by that column, again reverses.
// Status and severity sort in their own order, not alphabetically; ties keep the rendered order.
constexpr std::string_view kScript = R"(
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('rg-data').textContent);
  var body = document.querySelector('#findings tbody');
  var rows = Array.prototype.slice.call(body.querySelectorAll('tr.finding'));
  var filters = ['status', 'severity', 'account', 'control'];
  var ranks = {
    status: ['FAIL', 'UNKNOWN', 'PASS', 'NOT_APPLICABLE'],
    severity: ['critical', 'high', 'medium', 'low', 'informational'],
    muted: ['true', 'false']
  };
  var sort = null;
  function searchText(row) {
    var parts = [];
    Array.prototype.forEach.call(row.cells, function (cell) {
      var details = cell.querySelector('details');
      if (!details) { parts.push(cell.textContent); return; }
      parts.push(details.querySelector('summary').textContent);
      Array.prototype.forEach.call(details.querySelectorAll('p.meta, p.mute'), function (p) { parts.push(p.textContent); });
    });
    return parts.join(' ').toLowerCase();
  }
  var texts = rows.map(searchText);
  rows.forEach(function (row, i) { row.dataset.order = String(i); });
  function key(row, name) {
    return name === 'muted' ? (row.dataset.muted === 'true' ? 'true' : 'false') : row.dataset[name];
  }
  function compare(a, b) {
    if (sort) {
      var x = key(a, sort.key);
      var y = key(b, sort.key);
      var rank = ranks[sort.key];
      var c = rank ? rank.indexOf(x) - rank.indexOf(y) : x.localeCompare(y);
      if (c !== 0) { return sort.descending ? -c : c; }
    }
    return Number(a.dataset.order) - Number(b.dataset.order);
  }
  function chosen(name) {
    return Array.prototype.map.call(document.getElementById('filter-' + name).selectedOptions,
      function (option) { return option.value; });
  }
  function apply() {
    var picked = {};
    filters.forEach(function (name) { picked[name] = chosen(name); });
    var needle = document.getElementById('search').value.trim().toLowerCase();
    var shown = 0;
    rows.slice().sort(compare).forEach(function (row) {
      var visible = filters.every(function (name) {
        return picked[name].length === 0 || picked[name].indexOf(row.dataset[name]) >= 0;
      }) && (needle === '' || texts[Number(row.dataset.order)].indexOf(needle) >= 0);
      row.hidden = !visible;
      if (visible) { shown += 1; }
      body.appendChild(row);
    });
    Array.prototype.forEach.call(document.querySelectorAll('#findings th.sortable'), function (th) {
      th.setAttribute('aria-sort', sort && sort.key === th.dataset.sort ? (sort.descending ? 'descending' : 'ascending') : 'none');
    });
    document.getElementById('shown-count').textContent = shown + ' / ' + data.findings.length;
  }
  filters.forEach(function (name) {
    document.getElementById('filter-' + name).addEventListener('change', apply);
  });
  document.getElementById('search').addEventListener('input', apply);
  document.getElementById('filter-clear').addEventListener('click', function () {
    filters.forEach(function (name) {
      Array.prototype.forEach.call(document.getElementById('filter-' + name).options, function (o) { o.selected = false; });
    });
    document.getElementById('search').value = '';
    apply();
  });
  Array.prototype.forEach.call(document.querySelectorAll('#findings th.sortable'), function (th) {
    function toggle() {
      sort = { key: th.dataset.sort, descending: sort !== null && sort.key === th.dataset.sort ? !sort.descending : false };
      apply();
    }
    th.addEventListener('click', toggle);
    th.addEventListener('keydown', function (event) { if (event.key === 'Enter') { toggle(); } });
  });
  apply();
})();
)";

// JSON inside <script>: "</" would close the element and U+2028/2029 break older JS parsers.
std::string script_safe_json(const Json& json) {
  const auto text = json.dump(-1, ' ', false, Json::error_handler_t::replace);
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '<') {
      out += "\\u003c";
    } else if (text.compare(i, 3, "\xE2\x80\xA8") == 0) {
      out += "\\u2028";
      i += 2;
    } else if (text.compare(i, 3, "\xE2\x80\xA9") == 0) {
      out += "\\u2029";
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

// One <option> per value present, in the order given (statuses and severities in their own order).
struct FilterOption {
  std::string value; // the code the rows carry in data-*
  std::string label; // what the reader sees
};

std::string options_html(const std::vector<FilterOption>& options) {
  std::string out;
  for (const auto& option : options) {
    out +=
        fmt::format("<option value=\"{}\">{}</option>", html_escape(option.value), html_escape(option.label));
  }
  return out;
}

std::string chart_svg(const Summary& summary, Lang lang) {
  constexpr std::array<const char*, 5> kColors{"#7a0916", "#b42318", "#dc6803", "#eaaa08", "#667085"};
  size_t max = 1;
  for (const auto severity : kSeverities) {
    max = std::max(max, summary.fail_by_severity[static_cast<int>(severity)]);
  }
  std::string out = "<svg id=\"chart\" role=\"img\" width=\"520\" height=\"150\" viewBox=\"0 0 520 150\" "
                    "xmlns=\"http://www.w3.org/2000/svg\">";
  int y = 5;
  for (size_t i = 0; i < kSeverities.size(); ++i) {
    const auto count = summary.fail_by_severity[static_cast<int>(kSeverities[i])];
    const auto width = static_cast<int>(360 * count / max);
    out += fmt::format(R"(<text x="0" y="{}" font-size="13">{}</text>)", y + 16,
                       html_escape(severity_label(kSeverities[i], lang)));
    out +=
        fmt::format(R"(<rect x="110" y="{}" width="{}" height="22" fill="{}"></rect>)", y, width, kColors[i]);
    out += fmt::format(R"(<text x="{}" y="{}" font-size="13">{}</text>)", 116 + width, y + 16, count);
    y += 28;
  }
  return out + "</svg>";
}

std::string pre_section(const char* label, const std::string& text) {
  if (text.empty()) {
    return {};
  }
  return fmt::format("<h4>{}</h4><pre>{}</pre>", html_escape(label), html_escape(text));
}

} // namespace

std::string render_html(const Report& report, const RenderOptions& options) {
  const Lang lang = options.lang;
  const Words& words = lang == Lang::kJa ? kJa : kEn;
  const auto summary = summarize(report);

  std::map<std::string, std::string> account_names;
  for (const auto& account : report.accounts) {
    account_names[account.id] = account.name;
  }
  std::set<std::string> statuses;
  std::set<std::string> severities;
  std::set<std::string> accounts;
  std::set<std::string> controls;
  Json data_findings = Json::array();
  for (const auto& finding : report.findings) {
    statuses.insert(std::string(to_string(finding.status)));
    severities.insert(std::string(to_string(finding.rule->severity)));
    accounts.insert(finding.account_id);
    controls.insert(std::string(finding.rule->id));
    data_findings.push_back({{"id", finding.finding_id()},
                             {"status", to_string(finding.status)},
                             {"severity", to_string(finding.rule->severity)},
                             {"account", finding.account_id},
                             {"control", finding.rule->id},
                             {"title", finding.rule->title.get(lang)}});
    if (report.mutelist) {
      data_findings.back()["muted"] = finding.muted();
    }
  }

  std::string out;
  out +=
      fmt::format("<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n", to_string(lang));
  // Only the exact script and style below may run: a hash, not 'unsafe-inline', so one escaping slip
  // elsewhere cannot become script (the JSON data block is type application/json and never runs).
  out += fmt::format("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                     "style-src 'sha256-{}'; script-src 'sha256-{}'; img-src data:\">\n",
                     sha256_base64(kStyle), sha256_base64(kScript));
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += fmt::format("<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n", html_escape(words.title),
                     kStyle);
  out += fmt::format("<h1>{}</h1>\n<p class=\"meta\">{}: {} &middot; {}: {} &middot; rootguard {}</p>\n",
                     html_escape(words.title), html_escape(words.snapshot), html_escape(report.run.snapshot),
                     html_escape(words.as_of),
                     html_escape(report.run.as_of ? format_iso8601(*report.run.as_of) : std::string("-")),
                     html_escape(report.run.tool_version));

  // Summary by account: FAIL per severity, then PASS and UNKNOWN (and N/A when any finding is).
  out += fmt::format("<h2>{}</h2>\n<table id=\"summary\"><thead><tr><th>{}</th>", html_escape(words.summary),
                     html_escape(words.account));
  for (const auto severity : kSeverities) {
    out += fmt::format("<th>{} {}</th>", html_escape(status_label(Status::kFail, lang)),
                       html_escape(severity_label(severity, lang)));
  }
  out += fmt::format("<th>{}</th><th>{}</th>", html_escape(status_label(Status::kPass, lang)),
                     html_escape(status_label(Status::kUnknown, lang)));
  // The N/A column only when some finding does not apply: a report without one stays as it was.
  const bool any_not_applicable = summary.not_applicable > 0;
  if (any_not_applicable) {
    out += fmt::format("<th>{}</th>", html_escape(status_label(Status::kNotApplicable, lang)));
  }
  out += "</tr></thead><tbody>\n";
  for (const auto& account : report.accounts) {
    std::array<size_t, 5> fails{};
    size_t pass = 0;
    size_t unknown = 0;
    size_t not_applicable = 0;
    for (const auto& finding : report.findings) {
      if (finding.account_id != account.id) {
        continue;
      }
      if (finding.status == Status::kFail) {
        ++fails[static_cast<size_t>(finding.rule->severity)];
      } else if (finding.status == Status::kPass) {
        ++pass;
      } else if (finding.status == Status::kNotApplicable) {
        ++not_applicable;
      } else {
        ++unknown;
      }
    }
    out += fmt::format("<tr><td>{} <span class=\"meta\">{} ({})</span></td>", html_escape(account.id),
                       html_escape(account.name), html_escape(account_role_label(account.role, lang)));
    for (const auto severity : kSeverities) {
      out += fmt::format("<td class=\"num\">{}</td>", fails[static_cast<size_t>(severity)]);
    }
    out += fmt::format(R"(<td class="num">{}</td><td class="num">{}</td>)", pass, unknown);
    if (any_not_applicable) {
      out += fmt::format("<td class=\"num\">{}</td>", not_applicable);
    }
    out += "</tr>\n";
  }
  out += "</tbody></table>\n";

  out += fmt::format("<h2>{}</h2>\n{}\n", html_escape(words.chart), chart_svg(summary, lang));

  std::vector<FilterOption> status_options;
  for (const auto status : kStatuses) {
    if (statuses.contains(std::string(to_string(status)))) {
      status_options.push_back({std::string(to_string(status)), std::string(status_label(status, lang))});
    }
  }
  std::vector<FilterOption> severity_options;
  for (const auto severity : kSeverities) {
    if (severities.contains(std::string(to_string(severity)))) {
      severity_options.push_back(
          {std::string(to_string(severity)), std::string(severity_label(severity, lang))});
    }
  }
  std::vector<FilterOption> account_options;
  account_options.reserve(accounts.size());
  for (const auto& account : accounts) {
    account_options.push_back({account, account});
  }
  std::vector<FilterOption> control_options;
  control_options.reserve(controls.size());
  for (const auto& control : controls) {
    control_options.push_back({control, control});
  }
  out += fmt::format("<h2>{}</h2>\n<div class=\"filters\">", html_escape(words.findings));
  out += fmt::format(R"(<label>{} <input type="search" id="search"></label>)", html_escape(words.search));
  const std::array<std::pair<const char*, const std::vector<FilterOption>*>, 4> filters{
      {{"status", &status_options},
       {"severity", &severity_options},
       {"account", &account_options},
       {"control", &control_options}}};
  const std::array<const char*, 4> labels{words.status, words.severity, words.account, words.control};
  for (size_t i = 0; i < filters.size(); ++i) {
    const auto size = std::clamp<std::size_t>(filters[i].second->size(), 2, 6);
    out += fmt::format(R"(<label>{} <select id="filter-{}" multiple size="{}">{}</select></label>)",
                       html_escape(labels[i]), filters[i].first, size, options_html(*filters[i].second));
  }
  out +=
      fmt::format(" <button type=\"button\" id=\"filter-clear\">{}</button> <span id=\"shown-count\"></span> "
                  "{}</div>\n",
                  html_escape(words.all), html_escape(words.shown));

  // The muted column only with --mutelist: the report without one stays as it was.
  const bool mutes = report.mutelist.has_value();
  const auto header = [](const char* key, const char* label) {
    return fmt::format(R"(<th class="sortable" data-sort="{}" tabindex="0">{}</th>)", key,
                       html_escape(label));
  };
  out += fmt::format("<table id=\"findings\"><thead><tr>{}{}{}{}{}</tr></thead><tbody>\n",
                     header("status", words.status), mutes ? header("muted", words.muted) : std::string(),
                     header("severity", words.severity), header("account", words.account),
                     header("control", words.control));
  // FAIL first, then the most severe; the report's own order (account, control, resource) within.
  std::vector<const Finding*> ordered;
  ordered.reserve(report.findings.size());
  for (const auto& finding : report.findings) {
    ordered.push_back(&finding);
  }
  std::stable_sort(ordered.begin(), ordered.end(), [](const Finding* a, const Finding* b) {
    if (status_rank(a->status) != status_rank(b->status)) {
      return status_rank(a->status) < status_rank(b->status);
    }
    return a->rule->severity > b->rule->severity;
  });
  for (const auto* finding_pointer : ordered) {
    const auto& finding = *finding_pointer;
    const auto& rule = *finding.rule;
    const auto remediation = remediate::render_remediation(finding, report.run.partition, lang);
    const auto status = std::string(to_string(finding.status));
    out += fmt::format("<tr class=\"finding{}\" data-status=\"{}\" data-severity=\"{}\" data-account=\"{}\" "
                       "data-control=\"{}\" data-id=\"{}\"{}>",
                       finding.muted() ? " muted" : "", html_escape(status),
                       html_escape(to_string(rule.severity)), html_escape(finding.account_id),
                       html_escape(rule.id), html_escape(finding.finding_id()),
                       finding.muted() ? " data-muted=\"true\"" : "");
    std::string muted_cell;
    if (mutes) {
      muted_cell = finding.muted() ? fmt::format("<td title=\"{}\">{}</td>",
                                                 html_escape(describe_mute(*finding.muted_by, lang)),
                                                 html_escape(muted_label(lang)))
                                   : std::string("<td>-</td>");
    }
    out +=
        fmt::format(R"(<td class="{0}">{5}</td>{4}<td>{1}</td><td>{2}<br><span class="meta">{3}</span></td>)",
                    html_escape(status), html_escape(severity_label(rule.severity, lang)),
                    html_escape(finding.account_id), html_escape(account_names[finding.account_id]),
                    muted_cell, html_escape(status_label(finding.status, lang)));
    out += fmt::format("<td><details><summary><strong>{}</strong> <code>{}</code><br>{}</summary>",
                       html_escape(rule.title.get(lang)), html_escape(rule.id),
                       html_escape(finding.reason.get(lang)));
    out += fmt::format("<p class=\"meta\">{} &middot; {}</p>", html_escape(finding.resource),
                       html_escape(finding.region));
    if (finding.muted()) {
      out += fmt::format("<p class=\"mute\">{}</p>", html_escape(describe_mute(*finding.muted_by, lang)));
    }
    out += fmt::format("<h4>{}</h4><p>{}</p>", html_escape(words.risk), html_escape(rule.risk.get(lang)));
    if (!rule.explanation.get(lang).empty()) {
      out += fmt::format("<h4>{}</h4><p>{}</p>", html_escape(words.explanation),
                         html_escape(rule.explanation.get(lang)));
    }
    out += pre_section(words.console, remediation.console);
    out += pre_section(words.cli, remediation.cli);
    out += pre_section(words.terraform, remediation.terraform);
    out += pre_section(words.limits, remediation.limits);
    out += "</details></td></tr>\n";
  }
  out += "</tbody></table>\n";

  if (report.mutelist) {
    const auto lines = describe_review(*report.mutelist, summary.muted, summary.fail_muted, lang);
    out += fmt::format("<h2>{}</h2>\n<p>{}</p>\n<ul id=\"mutelist\">", html_escape(words.mutelist),
                       html_escape(lines.front()));
    for (size_t i = 1; i < lines.size(); ++i) {
      out += fmt::format("<li>{}</li>", html_escape(lines[i]));
    }
    out += "</ul>\n";
  }

  if (!report.problems.empty()) {
    out += fmt::format("<h2>{}</h2>\n<ul id=\"problems\">", html_escape(words.problems));
    for (const auto& problem : report.problems) {
      out += fmt::format("<li><code>{}</code> {}: {}</li>", html_escape(problem.file),
                         html_escape(localize_place(problem.where, lang)),
                         html_escape(localize_message(problem.message, lang)));
    }
    out += "</ul>\n";
  }

  const Json data = {{"findings", std::move(data_findings)}};
  out +=
      fmt::format("<script type=\"application/json\" id=\"rg-data\">{}</script>\n", script_safe_json(data));
  out += fmt::format("<script>{}</script>\n</body>\n</html>\n", kScript);
  return out;
}

} // namespace rg::report

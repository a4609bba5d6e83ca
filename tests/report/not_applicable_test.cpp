// Decision 0028: NOT_APPLICABLE in every format with each format's own word for it, no remedy given,
// counted apart, never a failure.
#include "report/bad_input_report.hpp"
#include "report/formats.hpp"

#include <functional>
#include <gtest/gtest.h>
#include <memory>
#include <nlohmann/json.hpp>

namespace rg::testing {
namespace {

using Json = nlohmann::json;

const report::RenderOptions kEn{Lang::kEn, false, "us-east-1"};
const report::RenderOptions kJa{Lang::kJa, false, "us-east-1"};

constexpr const char* kNotApplicableArn = "arn:aws-us-gov:iam::210987654321:root";

Json find_by(const Json& items, const std::function<bool(const Json&)>& match) {
  for (const auto& item : items) {
    if (match(item)) {
      return item;
    }
  }
  return nullptr;
}

TEST(NotApplicable, SummaryCountsItApartAndNotAsAFailure) {
  const auto summary = report::summarize(bad_input_report());
  EXPECT_EQ(summary.not_applicable, 1U);
  EXPECT_EQ(summary.fail, 2U);
  EXPECT_EQ(summary.unknown, 1U);
  EXPECT_EQ(summary.pass + summary.fail + summary.unknown + summary.not_applicable, summary.total);
}

TEST(NotApplicable, JsonSaysNotApplicableWithoutRemediation) {
  const auto doc = Json::parse(report::render_json(bad_input_report(), kEn));
  EXPECT_EQ(doc["summary"]["not_applicable"], 1);
  const auto finding =
      find_by(doc["findings"], [](const Json& f) { return f["resource"] == kNotApplicableArn; });
  ASSERT_FALSE(finding.is_null());
  EXPECT_EQ(finding["status"], "NOT_APPLICABLE");
  EXPECT_TRUE(finding["remediation"].is_null());
}

TEST(NotApplicable, JsonLinesSaysNotApplicable) {
  const auto text = report::render_json_lines(bad_input_report(), kEn);
  EXPECT_NE(text.find("\"status\":\"NOT_APPLICABLE\""), std::string::npos);
  EXPECT_NE(text.find("\"not_applicable\":1"), std::string::npos);
}

TEST(NotApplicable, AsffIsNotAvailableWithItsReasonCodeAndNoRecommendation) {
  const auto doc = Json::parse(report::render_asff(bad_input_report(), kEn));
  const auto finding =
      find_by(doc, [](const Json& f) { return f["Resources"][0]["Id"] == kNotApplicableArn; });
  ASSERT_FALSE(finding.is_null());
  EXPECT_EQ(finding["Compliance"]["Status"], "NOT_AVAILABLE");
  EXPECT_EQ(finding["Compliance"]["StatusReasons"][0]["ReasonCode"], "ROOTGUARD_NOT_APPLICABLE");
  EXPECT_FALSE(finding.contains("Remediation"));
  EXPECT_EQ(finding["Workflow"]["Status"], "RESOLVED");
}

TEST(NotApplicable, OcsfIsOtherWithTheCaptionAndNoRemediation) {
  const auto doc = Json::parse(report::render_ocsf(bad_input_report(), kEn));
  const auto event =
      find_by(doc, [](const Json& e) { return e["resources"][0]["uid"] == kNotApplicableArn; });
  ASSERT_FALSE(event.is_null());
  EXPECT_EQ(event["compliance"]["status_id"], 99);
  EXPECT_EQ(event["compliance"]["status"], "Not Applicable");
  EXPECT_EQ(event["unmapped"]["rootguard_status"], "NOT_APPLICABLE");
  EXPECT_EQ(event["status_id"], 4);
  EXPECT_FALSE(event.contains("remediation"));
}

TEST(NotApplicable, SarifResultKindIsNotApplicableAtLevelNone) {
  const auto doc = Json::parse(report::render_sarif(bad_input_report(), kEn));
  const auto result = find_by(doc["runs"][0]["results"], [](const Json& r) {
    return r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] == kNotApplicableArn;
  });
  ASSERT_FALSE(result.is_null());
  EXPECT_EQ(result["kind"], "notApplicable");
  EXPECT_EQ(result["level"], "none");
}

TEST(NotApplicable, CsvSaysNotApplicableWithEmptyRemediation) {
  const auto csv = report::render_csv(bad_input_report(), kEn);
  const auto at = csv.find(kNotApplicableArn);
  ASSERT_NE(at, std::string::npos);
  const auto line_start = csv.rfind("\r\n", at);
  EXPECT_NE(csv.find(",NOT_APPLICABLE,", line_start), std::string::npos);
}

TEST(NotApplicable, TableShowsNAAfterPassAndCountsIt) {
  const auto en = report::render_table(bad_input_report(), kEn);
  EXPECT_NE(en.find("  N/A "), std::string::npos) << en;
  EXPECT_NE(en.find(", 1 N/A"), std::string::npos) << en;
  const auto ja = report::render_table(bad_input_report(), kJa);
  EXPECT_NE(ja.find("該当なし 1 件"), std::string::npos) << ja;
  // Within the account, UNKNOWN (rank 1) comes before N/A (rank 3).
  EXPECT_LT(en.find("UNKNOWN "), en.find("  N/A "));
}

TEST(NotApplicable, TableWithoutAnyKeepsItsSummaryLine) {
  auto report = bad_input_report();
  std::erase_if(report.findings, [](const Finding& f) { return f.status == Status::kNotApplicable; });
  EXPECT_EQ(report::render_table(report, kEn).find("N/A"), std::string::npos);
}

TEST(NotApplicable, HtmlHasAFilterValueAColourAndNoRemedy) {
  const auto html = report::render_html(bad_input_report(), kEn);
  EXPECT_NE(html.find("<option value=\"NOT_APPLICABLE\">N/A</option>"), std::string::npos);
  EXPECT_NE(html.find(".NOT_APPLICABLE{color:"), std::string::npos);
  const auto row = html.find("data-status=\"NOT_APPLICABLE\"");
  ASSERT_NE(row, std::string::npos);
  const auto row_end = html.find("</tr>", row);
  EXPECT_EQ(html.substr(row, row_end - row).find("<pre>"), std::string::npos); // no remediation steps
  const auto ja = report::render_html(bad_input_report(), kJa);
  EXPECT_NE(ja.find("<option value=\"NOT_APPLICABLE\">該当なし</option>"), std::string::npos);
}

TEST(NotApplicable, AMutedNotApplicableStaysNotApplicable) {
  auto report = bad_input_report();
  for (auto& finding : report.findings) {
    if (finding.status == Status::kNotApplicable) {
      finding.muted_by = std::make_shared<const Mute>(Mute{"m.yaml:1", "accepted", "2099-01-01", "", ""});
    }
  }
  const auto summary = report::summarize(report);
  EXPECT_EQ(summary.not_applicable, 1U);
  EXPECT_EQ(summary.muted, 1U);
  EXPECT_EQ(summary.fail_muted, 0U);
  const auto doc = Json::parse(report::render_json(report, kEn));
  const auto finding =
      find_by(doc["findings"], [](const Json& f) { return f["resource"] == kNotApplicableArn; });
  EXPECT_EQ(finding["status"], "NOT_APPLICABLE");
  EXPECT_EQ(finding["muted"], true);
}

} // namespace
} // namespace rg::testing

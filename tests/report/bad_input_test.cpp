// Hostile text comes out escaped and well-formed in every format.
#include "report/bad_input_report.hpp"
#include "report/formats.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace rg::testing {
namespace {

const report::RenderOptions kEn{Lang::kEn, false, "us-east-1"};
const report::RenderOptions kJa{Lang::kJa, false, "us-east-1"};

TEST(BadInput, JsonFormatsParseAndKeepTheText) {
  const auto report = bad_input_report();
  for (const auto* name : {"json", "asff", "ocsf", "sarif"}) {
    for (const auto& options : {kEn, kJa}) {
      const auto text = report::find_format(name)->render(report, options);
      EXPECT_TRUE(nlohmann::json::accept(text)) << name;
      EXPECT_NE(text.find("\\\"quoted\\\""), std::string::npos) << name;
    }
  }
}

TEST(BadInput, CsvHasBomQuotesAndNeutralisedFormulas) {
  const auto csv = report::render_csv(bad_input_report(), kEn);
  ASSERT_TRUE(csv.starts_with("\xEF\xBB\xBF"));
  EXPECT_NE(csv.find("\"'=HYPERLINK(\"\"http://x\"\") \"\"quoted\"\", 'single'\nnew line"),
            std::string::npos);
  EXPECT_NE(csv.find(",'@Activity,"), std::string::npos);
  EXPECT_NE(csv.find(",'-1+1,"), std::string::npos);
  EXPECT_NE(csv.find(",\"'-Risk,with,commas\r\nand CRLF\","), std::string::npos);
  EXPECT_NE(csv.find("'\tTab first"), std::string::npos);
  EXPECT_EQ(csv.find(",=HYPERLINK"), std::string::npos);
  EXPECT_EQ(csv.find(",\"=HYPERLINK"), std::string::npos);
}

TEST(BadInput, HtmlEscapesTextAndEmbeddedJson) {
  for (const auto& options : {kEn, kJa}) {
    const auto html = report::render_html(bad_input_report(), options);
    EXPECT_EQ(html.find("<script>alert"), std::string::npos);
    // Issue 10: the CSP names the one script and style by hash; nothing inline else may run.
    EXPECT_EQ(html.find("unsafe-inline"), std::string::npos);
    EXPECT_NE(html.find("script-src 'sha256-"), std::string::npos);
    EXPECT_EQ(html.find("<img"), std::string::npos);
    EXPECT_EQ(html.find("<b>"), std::string::npos);
    EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
    // Exactly the two script elements the page owns; no "</script" from data closes one early.
    size_t closes = 0;
    for (auto at = html.find("</script"); at != std::string::npos; at = html.find("</script", at + 1)) {
      ++closes;
    }
    EXPECT_EQ(closes, 2U);
    const auto data_start = html.find("id=\"rg-data\">");
    const auto data_end = html.find("</script>", data_start);
    const auto data = html.substr(data_start, data_end - data_start);
    EXPECT_EQ(data.find("\xE2\x80\xA8"), std::string::npos);
  }
  EXPECT_NE(report::render_html(bad_input_report(), kJa).find("ルートの MFA"), std::string::npos);
}

TEST(BadInput, AsffKeepsJapaneseWithinLimits) {
  const auto doc = nlohmann::json::parse(report::render_asff(bad_input_report(), kJa));
  ASSERT_EQ(doc.size(), 5U);
  for (const auto& finding : doc) {
    EXPECT_LE(finding["Title"].get<std::string>().size(), 256U);
    EXPECT_LE(finding["Description"].get<std::string>().size(), 1024U);
    EXPECT_EQ(finding["SchemaVersion"], "2018-10-08");
  }
}

TEST(BadInput, SarifUrisAreRelativeAndEncoded) {
  const auto doc = nlohmann::json::parse(report::render_sarif(bad_input_report(), kEn));
  const auto uri =
      doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"];
  EXPECT_EQ(uri, "snap%20shot/%3Cdir%3E/accounts/123456789012");
}

TEST(BadInput, AsffBatchesRespectCountAndSize) {
  auto report = bad_input_report();
  const auto base = report.findings;
  for (int i = 0; i < 80; ++i) {
    for (auto finding : base) {
      finding.resource += std::to_string(i);
      report.findings.push_back(finding);
    }
  }
  const auto batches = report::render_asff_batches(report, kEn);
  size_t total = 0;
  for (const auto& batch : batches) {
    const auto doc = nlohmann::json::parse(batch);
    EXPECT_LE(doc.size(), report::kAsffMaxFindingsPerBatch);
    EXPECT_LE(batch.size(), report::kAsffMaxBatchBytes);
    total += doc.size();
  }
  EXPECT_EQ(total, report.findings.size());
  EXPECT_GE(batches.size(), 4U);
}

} // namespace
} // namespace rg::testing

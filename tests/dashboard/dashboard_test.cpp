// Requests through the Dashboard without a socket: refusals (no token, a wrong token, a foreign Host, a
// write), the first page's cookie, the API over a store holding hostile values, which must come back
// intact as JSON strings and never as markup.
#include "dashboard/api.hpp"
#include "dashboard/dashboard.hpp"
#include "dashboard/token.hpp"
#include "store/database.hpp"
#include "store/write_run.hpp"
#include "store_fixtures.hpp"

#include <algorithm>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace rg::dashboard {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr int kPort = 41234;
const std::string kHostile = "</script><img src=x onerror=alert(1)>";

std::string header(const HttpResponse& response, const std::string& name) {
  for (const auto& [key, value] : response.headers) {
    if (key == name) {
      return value;
    }
  }
  return {};
}

class DashboardRequests : public ::testing::Test {
protected:
  void SetUp() override {
    {
      store::Database db(path_, store::OpenMode::kCreate);
      auto hostile = store::testing::muted(store::testing::finding("f1", "FAIL", "critical"));
      hostile.rule_id = "root-mfa";
      hostile.resource = "arn:aws:iam::111111111111:root" + kHostile;
      hostile.mute_reason = kHostile + " & \"quoted\" \xff\xfe";
      store::write_run(db, store::testing::run("2026-11-24T09:00:00Z"),
                       {hostile, store::testing::finding("f2", "PASS", "low")});
      auto later = hostile;
      later.muted = false;
      store::write_run(db, store::testing::run("2026-12-01T09:00:00Z"), {later});
      auto trail = store::testing::run("2026-12-02T09:00:00Z");
      trail.command = "trail";
      auto signin = store::testing::finding("e1", "FAIL", "high");
      signin.rule_id = "root-console-signin-success";
      signin.region = "us-east-1";
      signin.event_time = "2026-11-30T08:00:00Z";
      auto earlier = signin;
      earlier.finding_id = "e0";
      earlier.event_time = "2026-11-29T07:00:00Z";
      store::write_run(db, trail, {signin, earlier});
    }
    db_ = std::make_unique<store::Database>(path_, store::OpenMode::kReadOnly);
    dashboard_ = std::make_unique<Dashboard>(*db_, token_, kPort, Lang::kEn);
  }

  HttpRequest request(const std::string& path) const {
    HttpRequest r;
    r.path = path;
    r.host = "127.0.0.1:" + std::to_string(kPort);
    r.cookie = token_cookie_name(kPort) + "=" + token_;
    return r;
  }
  json get_json(const std::string& path, const std::string& lang = "") const {
    auto r = request(path);
    if (!lang.empty()) {
      r.params.emplace("lang", lang);
    }
    const auto response = dashboard_->handle(r);
    EXPECT_EQ(response.status, 200) << path << ": " << response.body;
    EXPECT_EQ(response.content_type, "application/json; charset=utf-8");
    return json::parse(response.body);
  }

  store::testing::TempDir dir_;
  std::filesystem::path path_ = dir_ / "store.db";
  std::string token_ = new_token();
  std::unique_ptr<store::Database> db_;
  std::unique_ptr<Dashboard> dashboard_;
};

TEST_F(DashboardRequests, NoTokenIsRefusedWithTheHeadersStill) {
  for (const std::string path : {"/", "/app.js", "/api/runs", "/api/runs/1/findings", "/nowhere"}) {
    auto r = request(path);
    r.cookie.clear();
    const auto response = dashboard_->handle(r);
    EXPECT_EQ(response.status, 403) << path;
    EXPECT_THAT(response.body, Not(HasSubstr("111111111111")));
    EXPECT_THAT(header(response, "Content-Security-Policy"), HasSubstr("default-src 'none'"));
    EXPECT_EQ(header(response, "Set-Cookie"), "");
  }
}

TEST_F(DashboardRequests, AnotherPortsCookieIsNotOurs) {
  auto r = request("/api/runs");
  r.cookie = token_cookie_name(kPort + 1) + "=" + token_;
  EXPECT_EQ(dashboard_->handle(r).status, 403);
}

TEST_F(DashboardRequests, WrongTokenIsRefused) {
  auto r = request("/api/runs");
  r.cookie = token_cookie_name(kPort) + "=" + new_token();
  EXPECT_EQ(dashboard_->handle(r).status, 403);
  r.cookie.clear();
  r.params.emplace("token", token_.substr(0, 32));
  EXPECT_EQ(dashboard_->handle(r).status, 403);
  r.params.clear();
  r.params.emplace("token", token_ + token_);
  EXPECT_EQ(dashboard_->handle(r).status, 403);
}

TEST_F(DashboardRequests, ForeignHostIsRefusedEvenWithTheToken) {
  for (const std::string host : {"evil.example:41234", "127.0.0.1:41235", "", "localhost"}) {
    auto r = request("/api/runs");
    r.host = host;
    r.params.emplace("token", token_);
    const auto response = dashboard_->handle(r);
    EXPECT_EQ(response.status, 403) << host;
    EXPECT_THAT(response.body, HasSubstr("127.0.0.1"));
  }
  auto r = request("/api/runs");
  r.host = "localhost:41234";
  EXPECT_EQ(dashboard_->handle(r).status, 200);
}

TEST_F(DashboardRequests, FirstPageSetsTheCookie) {
  auto r = request("/");
  r.cookie.clear();
  r.params.emplace("token", token_);
  const auto response = dashboard_->handle(r);
  ASSERT_EQ(response.status, 200);
  EXPECT_EQ(response.content_type, "text/html; charset=utf-8");
  EXPECT_THAT(response.body, HasSubstr("<script src=\"/app.js\""));
  EXPECT_EQ(header(response, "Set-Cookie"), token_cookie(token_, kPort));
  EXPECT_EQ(header(response, "X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(header(response, "Referrer-Policy"), "no-referrer");
  EXPECT_EQ(header(response, "Cache-Control"), "no-store");
  // With the cookie, the script and the style come without the token in their URL.
  const auto script = dashboard_->handle(request("/app.js"));
  EXPECT_EQ(script.status, 200);
  EXPECT_EQ(script.content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(header(script, "Set-Cookie"), "");
  EXPECT_EQ(dashboard_->handle(request("/app.css")).content_type, "text/css; charset=utf-8");
}

TEST_F(DashboardRequests, WritesAndUnknownPathsAreRefused) {
  auto post = request("/api/runs");
  post.method = "POST";
  EXPECT_EQ(dashboard_->handle(post).status, 405);
  EXPECT_EQ(dashboard_->handle(request("/etc/passwd")).status, 404);
  EXPECT_EQ(dashboard_->handle(request("/../store.db")).status, 404);
  EXPECT_EQ(dashboard_->handle(request("/api/runs/abc/findings")).status, 404);
  EXPECT_EQ(dashboard_->handle(request("/api/runs/99/findings")).status, 404);
  EXPECT_EQ(dashboard_->handle(request("/api/runs/-1/findings")).status, 404);
  EXPECT_EQ(dashboard_->handle(request("/api/findings/nope")).status, 404);
}

TEST_F(DashboardRequests, HostileStoreValuesComeBackAsTextNeverAsMarkup) {
  const auto response = dashboard_->handle(request("/api/runs/1/findings"));
  ASSERT_EQ(response.status, 200);
  EXPECT_THAT(response.body, Not(HasSubstr("<")));
  EXPECT_THAT(response.body, Not(HasSubstr(">")));
  EXPECT_THAT(response.body, Not(HasSubstr("&")));
  EXPECT_THAT(response.body, HasSubstr("\\u003c/script\\u003e\\u003cimg src=x onerror=alert(1)\\u003e"));
  const auto parsed = json::parse(response.body); // valid JSON, the bad UTF-8 replaced
  const auto& findings = parsed.at("findings");
  ASSERT_EQ(findings.size(), 2U);
  const auto hostile = std::find_if(findings.begin(), findings.end(),
                                    [](const json& finding) { return finding.at("finding_id") == "f1"; });
  ASSERT_NE(hostile, findings.end());
  EXPECT_EQ(hostile->at("resource"), "arn:aws:iam::111111111111:root" + kHostile);
  EXPECT_EQ(hostile->at("mute").at("reason"), kHostile + " & \"quoted\" \xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(hostile->at("title"), "Root user has MFA enabled");
}

TEST_F(DashboardRequests, RunsAndTrend) {
  const auto runs = get_json("/api/runs");
  ASSERT_EQ(runs.size(), 3U);
  EXPECT_EQ(runs[0].at("fail"), 1);
  EXPECT_EQ(runs[0].at("pass"), 1);
  EXPECT_EQ(runs[0].at("muted"), 1);
  EXPECT_EQ(runs[2].at("command"), "trail");
  const auto trend = get_json("/api/trend");
  ASSERT_EQ(trend.size(), 3U); // one point per run
  EXPECT_EQ(trend[1].at("run"), 2);
  EXPECT_EQ(trend[2].at("fail"), 2);
}

TEST_F(DashboardRequests, FindingDetailHasRemediationAndHistory) {
  const auto detail = get_json("/api/findings/f1");
  EXPECT_EQ(detail.at("finding").at("muted"), false); // the latest run's record
  EXPECT_EQ(detail.at("run").at("id"), 2);
  ASSERT_EQ(detail.at("history").size(), 2U);
  EXPECT_EQ(detail.at("history")[0].at("muted"), true);
  EXPECT_EQ(detail.at("history")[0].at("run").at("started_at"), "2026-11-24T09:00:00Z");
  EXPECT_FALSE(detail.at("rule").at("risk").get<std::string>().empty());
  EXPECT_FALSE(detail.at("remediation").at("console").get<std::string>().empty());
  const auto ja = get_json("/api/findings/f1", "ja");
  EXPECT_NE(ja.at("rule").at("risk"), detail.at("rule").at("risk"));
}

TEST_F(DashboardRequests, TimelineIsTrailEventsInTimeOrder) {
  const auto timeline = get_json("/api/timeline");
  const auto& events = timeline.at("events");
  ASSERT_EQ(events.size(), 2U); // scan findings are not root activity
  EXPECT_EQ(events[0].at("finding_id"), "e0");
  EXPECT_EQ(events[0].at("event_time"), "2026-11-29T07:00:00Z");
  EXPECT_EQ(events[1].at("finding_id"), "e1");
  EXPECT_EQ(events[1].at("run"), 3);
  EXPECT_EQ(timeline.at("truncated"), false);
  const auto latest = timeline_json(*db_, Lang::kEn, 1);
  EXPECT_EQ(latest.at("truncated"), true);
  ASSERT_EQ(latest.at("events").size(), 1U);
  EXPECT_EQ(latest.at("events")[0].at("finding_id"), "e1"); // the newest is kept
}

TEST_F(DashboardRequests, ConfigGivesTheServersLanguage) {
  const Dashboard japanese(*db_, token_, kPort, Lang::kJa);
  const auto response = japanese.handle(request("/api/config"));
  EXPECT_EQ(json::parse(response.body).at("lang"), "ja");
}

TEST(DashboardJson, EscapesMarkupCharactersOnly) {
  EXPECT_EQ(json_body(json{{"a", "<b>&</b>"}}), R"({"a":"\u003cb\u003e\u0026\u003c/b\u003e"})");
  EXPECT_EQ(json::parse(json_body(json{{"k<", "v>"}})).begin().key(), "k<");
}

} // namespace
} // namespace rg::dashboard

// The Host check (DNS rebinding), the cookie parser and the headers every response carries.
#include "dashboard/request_guard.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <map>

namespace rg::dashboard {
namespace {

using ::testing::HasSubstr;

TEST(DashboardHost, OnlyLoopbackNamesWithTheServersPort) {
  EXPECT_TRUE(host_allowed("127.0.0.1:8421", 8421));
  EXPECT_TRUE(host_allowed("localhost:8421", 8421));
  EXPECT_TRUE(host_allowed("LocalHost:8421", 8421));
  EXPECT_FALSE(host_allowed("evil.example:8421", 8421)); // a rebound name
  EXPECT_FALSE(host_allowed("127.0.0.1.evil.example:8421", 8421));
  EXPECT_FALSE(host_allowed("localhost.evil.example:8421", 8421));
  EXPECT_FALSE(host_allowed("127.0.0.1:8422", 8421));
  EXPECT_FALSE(host_allowed("127.0.0.1:84210", 8421));
  EXPECT_FALSE(host_allowed("127.0.0.1:421", 8421));
  EXPECT_FALSE(host_allowed("127.0.0.1", 8421)); // the port is part of the check
  EXPECT_FALSE(host_allowed(":8421", 8421));
  EXPECT_FALSE(host_allowed("", 8421));
  EXPECT_FALSE(host_allowed("0.0.0.0:8421", 8421));
  EXPECT_FALSE(host_allowed("[::1]:8421", 8421)); // the server is not bound to ::1
  EXPECT_FALSE(host_allowed("127.0.0.2:8421", 8421));
  EXPECT_FALSE(host_allowed("127.0.0.1:8421 ", 8421));
}

TEST(DashboardCookie, FindsTheNamedCookie) {
  const auto name = token_cookie_name(8421);
  EXPECT_EQ(name, "rootguard_token_8421");
  EXPECT_EQ(cookie_value("rootguard_token_8421=abc", name), "abc");
  EXPECT_EQ(cookie_value("a=1; rootguard_token_8421=abc; b=2", name), "abc");
  EXPECT_EQ(cookie_value("a=1;rootguard_token_8421=abc", name), "abc");
  EXPECT_EQ(cookie_value("rootguard_token_8422=abc", name), std::nullopt); // another dashboard's
  EXPECT_EQ(cookie_value("x_rootguard_token_8421=abc", name), std::nullopt);
  EXPECT_EQ(cookie_value("rootguard_token_84210=abc", name), std::nullopt);
  EXPECT_EQ(cookie_value("", name), std::nullopt);
  EXPECT_EQ(cookie_value("rootguard_token_8421", name), std::nullopt);
  EXPECT_EQ(cookie_value("rootguard_token_8421=", name), "");
}

TEST(DashboardHeaders, StrictPolicyOnEveryResponse) {
  std::map<std::string, std::string> headers(security_headers().begin(), security_headers().end());
  EXPECT_EQ(
      headers["Content-Security-Policy"],
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
      "frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
  EXPECT_EQ(headers["X-Content-Type-Options"], "nosniff");
  EXPECT_EQ(headers["Referrer-Policy"], "no-referrer");
  EXPECT_EQ(headers["Cache-Control"], "no-store");
}

TEST(DashboardHeaders, TokenCookieIsHttpOnlyAndStrict) {
  const auto cookie = token_cookie("abc", 8421);
  EXPECT_THAT(cookie, ::testing::StartsWith("rootguard_token_8421=abc;"));
  EXPECT_THAT(cookie, HasSubstr("; HttpOnly"));
  EXPECT_THAT(cookie, HasSubstr("; SameSite=Strict"));
  EXPECT_THAT(cookie, HasSubstr("; Path=/"));
  EXPECT_THAT(cookie, ::testing::Not(HasSubstr("Expires")));
}

} // namespace
} // namespace rg::dashboard

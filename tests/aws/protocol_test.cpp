// The wire protocols without a network: requests built as botocore builds them (the committed botocore
// vectors), XML and JSON answers turned into the JSON the AWS CLI prints, pages merged as it merges them.
#include "aws/client.hpp"
#include "aws/request_builder.hpp"
#include "aws/service_model.hpp"
#include "aws/timestamp.hpp"
#include "aws/uri.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const rg::aws::ServiceModel& service(std::string_view name) {
  const auto* found = rg::aws::find_service(name);
  EXPECT_NE(found, nullptr) << name;
  return *found;
}

json parse(std::string_view service_name, std::string_view operation, const std::string& body) {
  const auto& model = service(service_name);
  const auto result = rg::aws::parse_output(model, *model.operation(operation), body);
  EXPECT_TRUE(result.has_value());
  return result.value_or(json());
}

TEST(Protocol, RequestsAreBuiltAsBotocoreBuildsThem) {
  std::ifstream in(fs::path(RG_SOURCE_DIR) / "tests" / "data" / "botocore-sigv4-vectors.json");
  const json document = json::parse(in);
  for (const auto& vector : document.at("vectors")) {
    SCOPED_TRACE(vector.at("name").get<std::string>());
    const auto& model = service(vector.at("botocore_service").get<std::string>());
    const std::string operation = vector.at("operation");
    const std::string url = vector.at("url");
    const size_t path_start = url.find('/', url.find("://") + 3);
    rg::aws::Endpoint endpoint{url.substr(0, path_start), vector.at("region")};
    const auto built =
        rg::aws::build_request(model, operation, *model.operation(operation), vector.at("params"), endpoint);
    const std::string ours = built.request.query.empty()
                                 ? built.scheme_and_host + built.request.path
                                 : built.scheme_and_host + built.request.path + "?" + built.request.query;
    EXPECT_EQ(ours, url);
    EXPECT_EQ(built.request.method, vector.at("method").get<std::string>());
    const std::string body = vector.at("body");
    if (model.protocol == rg::aws::Protocol::kQuery || model.protocol == rg::aws::Protocol::kEc2) {
      // Parameter order is the caller's dict order in botocore; servers read them as a set.
      auto ours_pairs = rg::aws::parse_query(built.request.body);
      auto theirs = rg::aws::parse_query(body);
      std::sort(ours_pairs.begin(), ours_pairs.end());
      std::sort(theirs.begin(), theirs.end());
      EXPECT_EQ(ours_pairs, theirs);
    } else if (!body.empty()) {
      EXPECT_EQ(json::parse(built.request.body), json::parse(body));
    } else {
      EXPECT_EQ(built.request.body, "");
    }
  }
}

TEST(Protocol, QueryXmlMapsListsNumbersAndTimestamps) {
  const json summary = parse("iam", "GetAccountSummary",
                             R"(<GetAccountSummaryResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
  <GetAccountSummaryResult><SummaryMap>
    <entry><key>AccountMFAEnabled</key><value>1</value></entry>
    <entry><key>AccountAccessKeysPresent</key><value>0</value></entry>
  </SummaryMap></GetAccountSummaryResult>
  <ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></GetAccountSummaryResponse>)");
  EXPECT_EQ(summary,
            json::parse(R"({"SummaryMap": {"AccountMFAEnabled": 1, "AccountAccessKeysPresent": 0}})"));

  const json devices = parse("iam", "ListMFADevices", R"(<ListMFADevicesResponse><ListMFADevicesResult>
  <IsTruncated>false</IsTruncated><MFADevices>
    <member><UserName>alice</UserName><SerialNumber>arn:aws:iam::111122223333:mfa/alice</SerialNumber>
      <EnableDate>2026-11-28T09:00:00.5Z</EnableDate></member>
  </MFADevices></ListMFADevicesResult></ListMFADevicesResponse>)");
  EXPECT_EQ(devices, json::parse(R"({"IsTruncated": false, "MFADevices": [{"UserName": "alice",
    "SerialNumber": "arn:aws:iam::111122223333:mfa/alice", "EnableDate": "2026-11-28T09:00:00.500000+00:00"}]})"));

  const json empty =
      parse("iam", "ListMFADevices",
            "<ListMFADevicesResponse><ListMFADevicesResult><MFADevices/><IsTruncated>false</IsTruncated>"
            "</ListMFADevicesResult></ListMFADevicesResponse>");
  EXPECT_EQ(empty, json::parse(R"({"IsTruncated": false, "MFADevices": []})"));
}

TEST(Protocol, QuerySerialisesListsAndScalars) {
  const auto& model = service("cloudwatch");
  rg::aws::Endpoint endpoint{"https://monitoring.eu-west-1.amazonaws.com", "eu-west-1"};
  const auto built = rg::aws::build_request(
      model, "DescribeAlarms", *model.operation("DescribeAlarms"),
      json::parse(R"({"AlarmNames": ["a b", "c"], "MaxRecords": 10, "AlarmTypes": []})"), endpoint);
  EXPECT_EQ(
      built.request.body,
      "Action=DescribeAlarms&Version=2010-08-01&AlarmNames.member.1=a%20b&AlarmNames.member.2=c&AlarmTypes=&"
      "MaxRecords=10");
}

TEST(Protocol, JsonAnswersUseModelNamesAndCliTimestamps) {
  EXPECT_EQ(parse("guardduty", "ListDetectors", R"({"detectorIds": ["d1"], "nextToken": null})"),
            json::parse(R"({"DetectorIds": ["d1"]})"));
  const json trails = parse("cloudtrail", "LookupEvents",
                            R"({"Events": [{"EventId": "e", "EventTime": 1764320400.25, "Unmodelled": 1}]})");
  EXPECT_EQ(
      trails,
      json::parse(R"({"Events": [{"EventId": "e", "EventTime": "2025-11-28T09:00:00.250000+00:00"}]})"));
}

TEST(Protocol, ErrorsFromEachProtocol) {
  rg::aws::HttpResponse xml{403,
                            {},
                            "<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code>"
                            "<Message>no</Message></Error><RequestId>abc</RequestId></ErrorResponse>"};
  const auto query = rg::aws::parse_error(rg::aws::Protocol::kQuery, xml);
  EXPECT_EQ(query.code, "AccessDenied");
  EXPECT_EQ(query.message, "no");
  EXPECT_EQ(query.request_id, "abc");
  rg::aws::HttpResponse body{
      400,
      {},
      R"({"__type": "com.amazonaws.organizations#AWSOrganizationsNotInUseException", "Message": "m"})"};
  EXPECT_EQ(rg::aws::parse_error(rg::aws::Protocol::kJson, body).code, "AWSOrganizationsNotInUseException");
  rg::aws::HttpResponse header{
      400, {{"x-amzn-errortype", "BadRequestException:http://internal/"}}, R"({"message": "m"})"};
  EXPECT_EQ(rg::aws::parse_error(rg::aws::Protocol::kRestJson, header).code, "BadRequestException");
  rg::aws::HttpResponse html{502, {}, "<html>bad gateway"};
  EXPECT_EQ(rg::aws::parse_error(rg::aws::Protocol::kQuery, html).code, "HTTP 502");
}

TEST(Protocol, PagesMergeAsTheCliMergesThem) {
  const auto& model = service("cloudwatch");
  const json& paginator = model.operation("DescribeAlarms")->at("paginator");
  const json merged = rg::aws::merge_pages(
      paginator, {json::parse(R"({"MetricAlarms": [1], "CompositeAlarms": [], "NextToken": "t"})"),
                  json::parse(R"({"MetricAlarms": [2, 3], "CompositeAlarms": [4]})")});
  EXPECT_EQ(merged, json::parse(R"({"MetricAlarms": [1, 2, 3], "CompositeAlarms": [4]})"));
}

TEST(Protocol, TimestampsAsTheCliV2PrintsThem) {
  EXPECT_EQ(rg::aws::format_cli_timestamp(*rg::aws::parse_wire_timestamp("2026-11-28T10:00:00+01:00")),
            "2026-11-28T09:00:00+00:00");
  EXPECT_EQ(rg::aws::format_cli_timestamp(*rg::aws::parse_wire_timestamp(json(1764320400))),
            "2025-11-28T09:00:00+00:00");
  EXPECT_FALSE(rg::aws::parse_wire_timestamp("yesterday"));
}

// A fake transport answering pages by the token it is asked for.
class PagedTransport final : public rg::aws::HttpTransport {
public:
  rg::aws::HttpResult send(const rg::aws::HttpRequest& request) override {
    requests.push_back(request);
    const bool second = request.body.find("NextToken") != std::string::npos;
    std::string body =
        second ? R"({"Accounts": [{"Id": "2"}]})" : R"({"Accounts": [{"Id": "1"}], "NextToken": "p2"})";
    return {rg::aws::HttpResponse{200, {}, body}, std::nullopt};
  }
  std::vector<rg::aws::HttpRequest> requests;
};

TEST(Protocol, ClientFollowsTheTokenAndSigns) {
  auto transport = std::make_shared<PagedTransport>();
  rg::aws::Credentials creds;
  creds.access_key_id = "AKIDEXAMPLE";
  creds.secret_access_key = rg::aws::Secret("secret");
  rg::aws::ClientOptions options;
  options.region = "eu-west-1";
  options.env = rg::aws::fixed_environment({});
  rg::aws::AwsClient client(options, std::make_shared<rg::aws::StaticCredentialsProvider>(creds), transport,
                            std::make_shared<rg::aws::RetryStrategy>(rg::aws::RetryConfig{}));
  const auto result = client.call_all_pages("organizations", "ListAccounts");
  ASSERT_TRUE(result.ok()) << result.error->describe();
  EXPECT_EQ(*result.output, json::parse(R"({"Accounts": [{"Id": "1"}, {"Id": "2"}]})"));
  EXPECT_EQ(result.record.pages, 2);
  ASSERT_EQ(transport->requests.size(), 2U);
  EXPECT_EQ(transport->requests[0].url, "https://organizations.us-east-1.amazonaws.com/");
  bool signed_request = false;
  for (const auto& [name, value] : transport->requests[1].headers) {
    signed_request = signed_request || (name == "Authorization" &&
                                        value.find("/us-east-1/organizations/") != std::string::npos);
  }
  EXPECT_TRUE(signed_request);
  EXPECT_EQ(json::parse(transport->requests[1].body), json::parse(R"({"NextToken": "p2"})"));
}

} // namespace

namespace {

class NoCredentials final : public rg::aws::CredentialsProvider {
public:
  rg::Result<rg::aws::Credentials> credentials() override {
    rg::Problem problem;
    problem.message = "no AWS credentials found";
    return problem;
  }
};

TEST(Protocol, NoCredentialsSendsNothing) {
  auto transport = std::make_shared<PagedTransport>();
  rg::aws::ClientOptions options;
  options.region = "eu-west-1";
  options.env = rg::aws::fixed_environment({});
  rg::aws::AwsClient client(options, std::make_shared<NoCredentials>(), transport,
                            std::make_shared<rg::aws::RetryStrategy>(rg::aws::RetryConfig{}));
  const auto result = client.call("sts", "GetCallerIdentity");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error->code, "rootguard.NoCredentials");
  EXPECT_TRUE(transport->requests.empty());
  const auto unknown = client.call("iam", "DeleteUser");
  EXPECT_EQ(unknown.error->code, "rootguard.UnknownOperation")
      << "only the generated read-only subset exists";
}

} // namespace

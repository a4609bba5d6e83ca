#include "aws/client.hpp"

#include "aws/endpoints.hpp"
#include "aws/request_builder.hpp"
#include "aws/service_model.hpp"

#include <fmt/format.h>
#include <set>

namespace rg::aws {

namespace {

CallResult failure(CallRecord record, AwsError error) {
  record.http_status = error.http_status;
  record.error_code = error.code;
  CallResult out;
  out.error = std::move(error);
  out.record = std::move(record);
  return out;
}

} // namespace

AwsClient::AwsClient(ClientOptions options, std::shared_ptr<CredentialsProvider> credentials,
                     std::shared_ptr<HttpTransport> transport, std::shared_ptr<RetryStrategy> retry)
    : options_(std::move(options)), credentials_(std::move(credentials)), transport_(std::move(transport)),
      retry_(std::move(retry)) {
  if (!options_.clock) {
    options_.clock = [] {
      return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    };
  }
}

CallResult AwsClient::call(std::string_view service_name, std::string_view operation_name,
                           const nlohmann::json& input, const std::optional<std::string>& region) {
  const auto started = std::chrono::steady_clock::now();
  CallRecord record;
  record.service = service_name;
  record.operation = operation_name;
  record.region = region.value_or(options_.region);
  record.pages = 1;
  const ServiceModel* service = find_service(service_name);
  const nlohmann::json* operation = service == nullptr ? nullptr : service->operation(operation_name);
  if (operation == nullptr) {
    return failure(record, AwsError{0, "rootguard.UnknownOperation",
                                    fmt::format("{} {} is not in rootguard's service models", service_name,
                                                operation_name),
                                    ""});
  }
  if (record.region.empty()) {
    return failure(record, AwsError{0, "rootguard.NoRegion",
                                    "no region: set --region, AWS_REGION or a region in the profile", ""});
  }
  const Endpoint endpoint = resolve_endpoint(service->endpoint_prefix, service->service_id, record.region,
                                             options_.env, options_.endpoints);
  const UnsignedRequest unsigned_request =
      build_request(*service, operation_name, *operation, input, endpoint);
  // Credentials first: without them nothing is sent (an unsigned request would only be refused).
  if (auto first = credentials_->credentials(); !first) {
    record.duration =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
    return failure(record, AwsError{0, "rootguard.NoCredentials", first.error().message, ""});
  }
  std::optional<Problem> credentials_problem;
  const PrepareRequest prepare = [&]() {
    if (options_.rate_limiter) {
      // Scoped by region: AWS counts per account and region, and a client calls one account (clients
      // of different accounts should each get their own limiter).
      options_.rate_limiter->acquire(service_name, operation_name, record.region, options_.sleep);
    }
    SignableRequest request = unsigned_request.request;
    SigningParams params;
    params.region = endpoint.signing_region;
    params.service = service->signing_name;
    params.time = options_.clock();
    auto creds = credentials_->credentials();
    if (creds) {
      if (!creds->access_key_id.empty()) { // empty: an unsigned call (AssumeRoleWithWebIdentity)
        sign_request(request, params, *creds);
      }
    } else {
      credentials_problem = creds.error();
    }
    HttpRequest http;
    http.method = request.method;
    http.url = request.query.empty()
                   ? fmt::format("{}{}", unsigned_request.scheme_and_host, request.path)
                   : fmt::format("{}{}?{}", unsigned_request.scheme_and_host, request.path, request.query);
    http.headers = std::move(request.headers);
    http.headers.emplace_back("User-Agent", options_.user_agent);
    http.body = std::move(request.body);
    http.connect_timeout = options_.connect_timeout;
    http.total_timeout = options_.call_timeout;
    return http;
  };
  const auto protocol = service->protocol;
  const SendResult sent = send_with_retries(
      *transport_, *retry_, prepare,
      [&](const HttpResponse& response) { return parse_error(protocol, response).code; }, options_.sleep);
  record.attempts = sent.attempts;
  record.throttled = sent.throttled;
  record.duration =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
  if (credentials_problem) {
    return failure(record, AwsError{0, "rootguard.NoCredentials", credentials_problem->message, ""});
  }
  if (sent.result.error) {
    return failure(record,
                   AwsError{0, fmt::format("rootguard.Transport.{}", to_string(sent.result.error->kind)),
                            sent.result.error->message, ""});
  }
  const HttpResponse& response = *sent.result.response;
  record.http_status = response.status;
  if (response.status >= 300) {
    return failure(record, parse_error(protocol, response));
  }
  auto output = parse_output(*service, *operation, response.body);
  if (!output) {
    return failure(record, AwsError{response.status, "rootguard.UnparseableAnswer",
                                    fmt::format("the {} answer could not be parsed", operation_name), ""});
  }
  CallResult out;
  out.output = std::move(output);
  out.record = std::move(record);
  return out;
}

CallResult AwsClient::call_all_pages(std::string_view service_name, std::string_view operation_name,
                                     nlohmann::json input, const std::optional<std::string>& region) {
  const ServiceModel* service = find_service(service_name);
  const nlohmann::json* operation = service == nullptr ? nullptr : service->operation(operation_name);
  if (operation == nullptr || !operation->contains("paginator")) {
    return call(service_name, operation_name, input, region);
  }
  const nlohmann::json& paginator = operation->at("paginator");
  const auto& input_tokens = paginator.at("input_token");
  const auto& output_tokens = paginator.at("output_token");
  std::vector<nlohmann::json> pages;
  std::set<std::string> seen;
  CallRecord total;
  for (;;) {
    CallResult page = call(service_name, operation_name, input, region);
    total.service = page.record.service;
    total.operation = page.record.operation;
    total.region = page.record.region;
    total.http_status = page.record.http_status;
    total.attempts += page.record.attempts;
    total.throttled += page.record.throttled;
    total.duration += page.record.duration;
    total.pages = static_cast<int>(pages.size()) + 1;
    if (!page.ok()) {
      // As the CLI: a failed page fails the whole call (a partial list would read as complete).
      page.record = total;
      page.record.error_code = page.error->code;
      return page;
    }
    pages.push_back(std::move(*page.output));
    const nlohmann::json& last = pages.back();
    if (paginator.contains("more_results")) {
      const auto more = last.find(paginator.at("more_results").get<std::string>());
      if (more == last.end() || !more->is_boolean() || !more->get<bool>()) {
        break;
      }
    }
    bool any_token = false;
    std::string token_key;
    for (size_t i = 0; i < output_tokens.size() && i < input_tokens.size(); ++i) {
      const auto token = last.find(output_tokens[i].get<std::string>());
      if (token != last.end() && !token->is_null() &&
          !(token->is_string() && token->get<std::string>().empty())) {
        any_token = true;
        input[input_tokens[i].get<std::string>()] = *token;
        token_key += token->dump();
      } else {
        input.erase(input_tokens[i].get<std::string>());
      }
    }
    if (!any_token) {
      break;
    }
    if (!seen.insert(token_key).second || static_cast<int>(pages.size()) >= options_.max_pages) {
      CallResult out;
      out.error = AwsError{total.http_status, "rootguard.PaginationLoop",
                           fmt::format("{} returned the same next token twice or more than {} pages",
                                       operation_name, options_.max_pages),
                           ""};
      out.record = total;
      out.record.error_code = out.error->code;
      return out;
    }
  }
  CallResult out;
  out.output = merge_pages(paginator, pages);
  out.record = total;
  return out;
}

nlohmann::json merge_pages(const nlohmann::json& paginator, const std::vector<nlohmann::json>& pages) {
  nlohmann::json merged = nlohmann::json::object();
  for (const auto& page : pages) {
    for (const auto& key_json : paginator.at("result_key")) {
      const std::string key = key_json;
      const auto value = page.find(key);
      if (value == page.end() || value->is_null()) {
        continue;
      }
      const auto existing = merged.find(key);
      if (existing == merged.end()) {
        merged[key] = *value;
      } else if (existing->is_array() && value->is_array()) {
        existing->insert(existing->end(), value->begin(), value->end());
      } else if (existing->is_number() && value->is_number()) {
        *existing = existing->get<double>() + value->get<double>();
      } else if (existing->is_string() && value->is_string()) {
        *existing = existing->get<std::string>() + value->get<std::string>();
      }
    }
  }
  if (!pages.empty() && paginator.contains("non_aggregate_keys")) {
    for (const auto& key_json : paginator.at("non_aggregate_keys")) {
      const std::string key = key_json;
      if (const auto value = pages.front().find(key); value != pages.front().end()) {
        merged[key] = *value;
      }
    }
  }
  return merged;
}

} // namespace rg::aws

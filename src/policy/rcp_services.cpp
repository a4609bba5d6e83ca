#include "policy/rcp_services.hpp"

#include "policy/wildcard.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>

namespace rg::policy {
namespace {

// As of AWS's page in late 2026: S3, STS, KMS, SQS and Secrets Manager since RCPs began (November
// 2024), ECR and OpenSearch Serverless (June 2025), Cognito user pools and CloudWatch Logs (January
// 2026), DynamoDB (February 2026).
constexpr std::array<std::string_view, 10> kActionServices{
    "s3", "sts", "kms", "sqs", "secretsmanager", "cognito-idp", "logs", "dynamodb", "ecr", "aoss"};

// The ARN service parts of their resources; sts:AssumeRole acts on IAM roles (arn:...:iam::...:role/...).
constexpr std::array<std::string_view, 9> kArnServices{
    "s3", "kms", "sqs", "secretsmanager", "cognito-idp", "logs", "dynamodb", "ecr", "aoss"};

bool service_pattern_reaches(std::string_view pattern) {
  return std::any_of(kActionServices.begin(), kActionServices.end(),
                     [&](std::string_view service) { return wildcard_match(pattern, service, true); });
}

} // namespace

std::span<const std::string_view> rcp_action_services() {
  return kActionServices;
}

std::string rcp_services_text() {
  return fmt::format("{}", fmt::join(kActionServices, ", "));
}

bool action_reaches_rcp_service(std::string_view action) {
  const auto colon = action.find(':');
  if (colon == std::string_view::npos) {
    return action == "*" || action.empty() || service_pattern_reaches(action);
  }
  return service_pattern_reaches(action.substr(0, colon));
}

bool resource_reaches_rcp_service(std::string_view resource) {
  if (resource.find(':') == std::string_view::npos) {
    return true; // "*", or not an ARN (the validator says so)
  }
  // arn:partition:service:region:account:resource
  size_t start = 0;
  std::array<std::string_view, 6> parts{};
  for (size_t part = 0; part < 5; ++part) {
    const auto colon = resource.find(':', start);
    if (colon == std::string_view::npos) {
      return true; // malformed: leave it to the validator
    }
    parts[part] = resource.substr(start, colon - start);
    start = colon + 1;
  }
  parts[5] = resource.substr(start);
  const auto service = parts[2];
  if (std::any_of(kArnServices.begin(), kArnServices.end(),
                  [&](std::string_view s) { return wildcard_match(service, s, true); })) {
    return true;
  }
  // IAM roles are what sts:AssumeRole acts on; other IAM resources (users, policies) are IAM's own.
  const auto resource_part = parts[5];
  return wildcard_match(service, "iam", true) &&
         (resource_part.starts_with("role/") || resource_part.starts_with("*") ||
          wildcard_match(resource_part, "role/x", true));
}

Document rcp_effective_document(const Document& document, std::vector<std::string>& ignored) {
  Document out = document;
  out.statements.clear();
  for (const auto& statement : document.statements) {
    if (statement.effect != Effect::kDeny || !statement.action || statement.action->negated) {
      out.statements.push_back(statement);
      continue;
    }
    Statement narrowed = statement;
    narrowed.action->values.clear();
    narrowed.action->value_paths.clear();
    for (size_t i = 0; i < statement.action->values.size(); ++i) {
      const auto& value = statement.action->values[i];
      const auto& path = i < statement.action->value_paths.size() ? statement.action->value_paths[i]
                                                                  : statement.action->path;
      const auto colon = value.find(':');
      const std::string service = colon == std::string::npos ? value : value.substr(0, colon);
      const std::string rest = colon == std::string::npos ? "*" : value.substr(colon + 1);
      const bool literal = service.find_first_of("*?") == std::string::npos;
      bool kept = false;
      for (const auto supported : kActionServices) {
        if (literal ? service.size() == supported.size() && wildcard_match(service, supported, true)
                    : wildcard_match(service, supported, true)) {
          narrowed.action->values.push_back(literal ? value : fmt::format("{}:{}", supported, rest));
          narrowed.action->value_paths.push_back(path);
          kept = true;
        }
      }
      if (!kept) {
        ignored.push_back(fmt::format("{}: {}", statement.label(), value));
      }
    }
    if (!narrowed.action->values.empty()) {
      out.statements.push_back(std::move(narrowed));
    }
  }
  return out;
}

} // namespace rg::policy

#include "policy/remediation.hpp"

#include <array>

namespace rg::policy {
namespace {

constexpr std::array kGenerated{
    GeneratedPolicy{"deny-root-user", PolicyType::kScp, kRootDenyScp},
};

} // namespace

std::span<const GeneratedPolicy> generated_policies() {
  return kGenerated;
}

std::string_view terraform_heredoc(std::string_view terraform) {
  const auto open = terraform.find("<<-EOT\n");
  if (open == std::string_view::npos) {
    return {};
  }
  const auto start = open + 7;
  const auto close = terraform.find("EOT\n", start);
  if (close == std::string_view::npos) {
    return {};
  }
  auto body = terraform.substr(start, close - start);
  while (!body.empty() && (body.back() == ' ' || body.back() == '\n')) {
    body.remove_suffix(1);
  }
  return body;
}

} // namespace rg::policy

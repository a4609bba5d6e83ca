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

std::vector<std::string_view> embedded_documents(std::string_view text) {
  std::vector<std::string_view> documents;
  struct Marker {
    std::string_view open;
    std::string_view close;
  };
  for (const Marker marker : {Marker{"<<'EOF'\n", "\nEOF"}, Marker{"<<-EOT\n", "EOT\n"}}) {
    size_t pos = 0;
    while ((pos = text.find(marker.open, pos)) != std::string_view::npos) {
      const size_t start = pos + marker.open.size();
      const size_t end = text.find(marker.close, start);
      if (end == std::string_view::npos) {
        break;
      }
      auto body = text.substr(start, end - start);
      while (!body.empty() && (body.back() == ' ' || body.back() == '\n')) {
        body.remove_suffix(1); // the indentation before a Terraform closing marker
      }
      documents.push_back(body);
      pos = end + marker.close.size();
    }
  }
  return documents;
}

} // namespace rg::policy

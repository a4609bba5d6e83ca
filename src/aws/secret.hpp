#pragma once
// A secret (secret access key, session token, web identity token) that cannot be printed by accident:
// fmt and ostream show a fixed mask, and only reveal() gives the text, so every use is greppable.
#include <fmt/format.h>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>

namespace rg::aws {

class Secret {
public:
  Secret() = default;
  explicit Secret(std::string value) : value_(std::move(value)) {}

  const std::string& reveal() const { return value_; }
  bool empty() const { return value_.empty(); }
  bool operator==(const Secret&) const = default;

private:
  std::string value_;
};

inline constexpr std::string_view kRedacted = "<redacted>";

inline std::ostream& operator<<(std::ostream& out, const Secret& /*secret*/) {
  return out << kRedacted;
}

} // namespace rg::aws

template <> struct fmt::formatter<rg::aws::Secret> : fmt::formatter<std::string_view> {
  template <typename Context> auto format(const rg::aws::Secret& /*secret*/, Context& context) const {
    return fmt::formatter<std::string_view>::format(rg::aws::kRedacted, context);
  }
};

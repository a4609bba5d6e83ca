#include "policy/variables.hpp"

#include "util/strings.hpp"

namespace rg::policy {

bool has_variables(std::string_view text) {
  return text.find("${") != std::string_view::npos;
}

std::optional<std::string> substitute_variables(std::string_view text, const RequestContext& context) {
  std::string out;
  size_t pos = 0;
  while (pos < text.size()) {
    const auto open = text.find("${", pos);
    if (open == std::string_view::npos) {
      break;
    }
    const auto close = text.find('}', open + 2);
    if (close == std::string_view::npos) {
      break;
    }
    out.append(text.substr(pos, open - pos));
    const auto body = trim(text.substr(open + 2, close - open - 2));
    pos = close + 1;
    if (body == "*" || body == "?" || body == "$") {
      // A literal wildcard character. The matcher has no escape syntax, so a literal * or ? cannot be
      // expressed exactly; keeping the character errs toward matching, which is conservative for
      // "does this deny apply" only when it is a Deny. Rare enough in practice to accept.
      out += body;
      continue;
    }
    std::string_view name = body;
    std::optional<std::string> fallback;
    if (const auto comma = body.find(','); comma != std::string_view::npos) {
      name = trim(body.substr(0, comma));
      auto def = trim(body.substr(comma + 1));
      if (def.size() >= 2 && def.front() == '\'' && def.back() == '\'') {
        fallback = std::string(def.substr(1, def.size() - 2));
      }
    }
    const auto* values = context.find(name);
    if (values != nullptr && values->size() == 1) {
      out += values->front();
    } else if (fallback) {
      out += *fallback;
    } else {
      return std::nullopt;
    }
  }
  out.append(text.substr(pos));
  return out;
}

} // namespace rg::policy

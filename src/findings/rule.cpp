#include "findings/rule.hpp"

namespace rg {

CisReferences expand_cis(const CisItems& items) {
  CisReferences out;
  const auto add = [&](std::string_view version, std::string_view item) {
    if (!item.empty()) {
      out.rows[out.count++] = {version, item};
    }
  };
  add("1.2.0", items.v1_2);
  for (const std::string_view version : {"1.4.0", "1.5.0", "2.0.0", "3.0.0", "4.0.0"}) {
    add(version, items.v1_4_to_v4_0);
  }
  add("5.0.0", items.v5_0);
  add("6.0.0", items.v6_0);
  add("7.0.0", items.v7_0);
  return out;
}

} // namespace rg

#include "snapshot/json_document.hpp"
#include "snapshot/readers.hpp"
#include "snapshot/snapshot_layout.hpp"

#include <fmt/format.h>

namespace rg::snapshot {

Result<model::VirtualMfaDevices> read_list_virtual_mfa_devices(const Location& account) {
  const std::string name = path_below_scope(File::kListVirtualMfaDevices);
  auto doc = load_json(account.path(name), account.name(name));
  if (!doc) {
    return doc.error();
  }
  auto list = require_member(*doc, doc->root, "$", "VirtualMFADevices", nlohmann::json::value_t::array);
  if (!list) {
    return list.error();
  }
  model::VirtualMfaDevices result;
  result.source = doc->file;
  size_t index = 0;
  for (const auto& item : **list) {
    const std::string path = fmt::format("$.VirtualMFADevices[{}]", index++);
    auto serial = require_string(*doc, item, path, "SerialNumber");
    if (!serial) {
      return serial.error();
    }
    model::VirtualMfaDevice device{*serial, std::nullopt};
    if (item.contains("User") && !item.at("User").is_null()) {
      auto arn = optional_string(*doc, item.at("User"), path + ".User", "Arn");
      if (!arn) {
        return arn.error();
      }
      device.user_arn = *arn;
    }
    result.devices.push_back(std::move(device));
  }
  return result;
}

} // namespace rg::snapshot

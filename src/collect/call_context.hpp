#pragma once
// What the collection steps of one account share: its client (its credentials), the writer, the
// account id that names its folder, and the answers of the account's calls kept alive while a step
// walks them. One per account and thread; internal to src/collect/.
#include "aws/client.hpp"
#include "collect/snapshot_writer.hpp"

#include <deque>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace rg::collect {

struct CallContext {
  aws::AwsClient& client;
  SnapshotWriter& writer;
  std::string account;
  std::function<void(std::string_view)> progress; // may be empty

  void say(std::string_view line) const {
    if (progress) {
      progress(line);
    }
  }

  // One call, all pages, written at `relative` (under accounts/<id>/ unless it starts with '/').
  // Returns the output (alive as long as this context) or nullptr when the call failed (logged).
  const nlohmann::json* call(std::string_view service, std::string_view operation,
                             const nlohmann::json& input, const std::optional<std::string>& region,
                             const std::optional<std::string>& relative);

  std::deque<aws::CallResult> results; // a deque: pointers into it stay valid as it grows
};

} // namespace rg::collect

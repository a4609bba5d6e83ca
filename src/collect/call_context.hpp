#pragma once
// What the collection steps of one account share: its client (its credentials), the writer, the
// account id that names its folder, and the answers of the account's calls kept alive while a step
// walks them. One per account and thread; internal to src/collect/.
// Calls that fill a snapshot file name the layout row (snapshot/snapshot_layout.hpp): the service, the
// operation and the path all come from that one table, which the loader and the docs page also read.
#include "aws/client.hpp"
#include "collect/snapshot_writer.hpp"
#include "snapshot/snapshot_layout.hpp"

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

  // The row's operation, all pages, written at the row's path for this account (and `region`, `item`).
  // Returns the output (alive as long as this context) or nullptr when the call failed (logged) or was
  // not made because `item` (a name from an AWS answer) cannot be a file name (logged as skipped).
  const nlohmann::json* collect(snapshot::File file, const nlohmann::json& input,
                                const std::optional<std::string>& region = std::nullopt,
                                std::string_view item = {});

  // A call whose answer only steers the collection (ListTopics, ListFindings): logged, not written.
  const nlohmann::json* ask(std::string_view service, std::string_view operation, const nlohmann::json& input,
                            const std::optional<std::string>& region = std::nullopt);

  // Where the row's file goes for this account (and `region`, `item`); nullopt, logged as skipped,
  // when a part is not a safe file name.
  std::optional<std::string> path_of(snapshot::File file,
                                     const std::optional<std::string>& region = std::nullopt,
                                     std::string_view item = {});

  std::deque<aws::CallResult> results; // a deque: pointers into it stay valid as it grows
};

} // namespace rg::collect

#include "trail/evidence_pool.hpp"

#include <cstring>
#include <limits>
#include <stdexcept>
#include <string>

namespace rg::trail {

EvidencePool::EvidencePool() {
  entries_.emplace_back();
}

std::string_view EvidencePool::append(std::string_view text) {
  if (text.empty()) {
    return {};
  }
  bytes_ += text.size();
  if (text.size() > kChunkBytes / 4) {
    // A large value (a 60 MB errorMessage) gets a block of its own: the open chunk keeps its free room.
    chunks_.push_back(
        std::make_unique_for_overwrite<char[]>(text.size())); // NOLINT(modernize-avoid-c-arrays): see chunks_
    std::memcpy(chunks_.back().get(), text.data(), text.size());
    return {chunks_.back().get(), text.size()};
  }
  if (text.size() > kChunkBytes - open_used_) {
    chunks_.push_back(
        std::make_unique_for_overwrite<char[]>(kChunkBytes)); // NOLINT(modernize-avoid-c-arrays): see chunks_
    open_ = chunks_.back().get();
    open_used_ = 0;
  }
  char* at = open_ + open_used_;
  std::memcpy(at, text.data(), text.size());
  open_used_ += text.size();
  return {at, text.size()};
}

EvidencePool::Handle EvidencePool::store(std::string_view text) {
  if (text.empty()) {
    return 0;
  }
  if (entries_.size() >= std::numeric_limits<Handle>::max()) {
    throw std::length_error("more than 4 billion evidence values in one trail scan");
  }
  entries_.push_back(append(text));
  return static_cast<Handle>(entries_.size() - 1);
}

EvidencePool::Handle EvidencePool::intern(std::string_view text) {
  if (text.empty()) {
    return 0;
  }
  if (const auto found = interned_.find(text); found != interned_.end()) {
    return found->second;
  }
  const Handle handle = store(text);
  interned_.emplace(entries_[handle], handle);
  return handle;
}

std::uint32_t EvidencePool::intern_ids(std::span<const std::string_view> ids) {
  std::string key;
  for (const std::string_view id : ids) {
    key.append(id);
    key.push_back('\n'); // ids are catalog identifiers: never a newline
  }
  if (const auto found = id_list_index_.find(key); found != id_list_index_.end()) {
    return found->second;
  }
  id_lists_.emplace_back(ids.begin(), ids.end());
  id_list_keys_.push_back(std::make_unique<std::string>(std::move(key)));
  const auto index = static_cast<std::uint32_t>(id_lists_.size() - 1);
  id_list_index_.emplace(*id_list_keys_.back(), index);
  return index;
}

} // namespace rg::trail

#pragma once
// Where the evidence of matched events lives: text stored once per distinct value and referred to by a
// 4-byte handle. A million matched root events repeat a handful of accounts, regions, user agents, IPs
// and file names; copying each into its own std::string cost ~1.4 KB per event (issue 10, decision 0015).
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace rg::trail {

class EvidencePool {
public:
  using Handle = std::uint32_t; // 0 is the empty text

  EvidencePool();

  // Values that repeat (account, region, event name, user agent, ...): one copy per distinct value.
  Handle intern(std::string_view text);
  // Values that are nearly always unique (event id, event time): appended without an index entry, which
  // would cost more than the text.
  Handle store(std::string_view text);
  std::string_view text(Handle handle) const { return entries_[handle]; }

  // Lists of detection ids (static catalog strings), sorted: one copy per distinct list.
  std::uint32_t intern_ids(std::span<const std::string_view> ids);
  std::span<const std::string_view> ids(std::uint32_t index) const { return id_lists_[index]; }

  // Text bytes held (for tests and the memory bound).
  std::size_t bytes() const { return bytes_; }

private:
  std::string_view append(std::string_view text);

  static constexpr std::size_t kChunkBytes = std::size_t{1} << 20;
  // Raw text storage, never moved once written, so the views handed out stay valid when the pool itself
  // is moved (a std::array has a fixed size; a std::string's buffer may move with it).
  std::vector<std::unique_ptr<char[]>> chunks_; // NOLINT(modernize-avoid-c-arrays): see above
  char* open_ = nullptr;                        // the chunk small values are appended to
  std::size_t open_used_ = kChunkBytes;         // no open chunk yet
  std::size_t bytes_ = 0;
  std::vector<std::string_view> entries_; // handle -> text
  std::unordered_map<std::string_view, Handle> interned_;
  std::vector<std::vector<std::string_view>> id_lists_;
  std::unordered_map<std::string_view, std::uint32_t> id_list_index_; // key: the ids joined by '\n'
  std::vector<std::unique_ptr<std::string>> id_list_keys_;            // owns the keys above
};

} // namespace rg::trail

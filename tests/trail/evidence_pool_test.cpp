// The evidence pool: repeated values stored once, unique ones appended, views stable across growth and
// moves (the scan moves each worker's pool into the result).
#include "trail/evidence_pool.hpp"

#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace rg::trail {
namespace {

TEST(EvidencePool, RepeatedValuesAreStoredOnce) {
  EvidencePool pool;
  const auto a = pool.intern("aws-cli/2.22.0 Python/3.12");
  const auto b = pool.intern("aws-cli/2.22.0 Python/3.12");
  const auto c = pool.intern("Mozilla/5.0");
  EXPECT_EQ(a, b);
  EXPECT_NE(a, c);
  EXPECT_EQ(pool.text(a), "aws-cli/2.22.0 Python/3.12");
  EXPECT_EQ(pool.bytes(), std::string("aws-cli/2.22.0 Python/3.12Mozilla/5.0").size());
}

TEST(EvidencePool, EmptyTextIsHandleZeroAndCostsNothing) {
  EvidencePool pool;
  EXPECT_EQ(pool.intern(""), 0U);
  EXPECT_EQ(pool.store(""), 0U);
  EXPECT_EQ(pool.text(0), "");
  EXPECT_EQ(pool.bytes(), 0U);
}

TEST(EvidencePool, StoredValuesAreNotDeduplicatedButReadBack) {
  EvidencePool pool;
  const auto a = pool.store("e-1");
  const auto b = pool.store("e-1");
  EXPECT_NE(a, b);
  EXPECT_EQ(pool.text(a), "e-1");
  EXPECT_EQ(pool.text(b), "e-1");
}

TEST(EvidencePool, ViewsSurviveManyChunksLargeValuesAndAMove) {
  EvidencePool pool;
  std::vector<EvidencePool::Handle> handles;
  std::vector<std::string> values;
  for (int i = 0; i < 200'000; ++i) { // ~3 MiB: several 1 MiB chunks
    values.push_back("event-" + std::to_string(i));
    handles.push_back(pool.store(values.back()));
  }
  const std::string huge(3u << 20, 'x'); // larger than a chunk: a block of its own
  const auto huge_handle = pool.intern(huge);
  const auto after = pool.store("after-the-huge-one");
  const std::string_view first = pool.text(handles.front());
  EvidencePool moved = std::move(pool);
  for (std::size_t i = 0; i < handles.size(); i += 997) {
    EXPECT_EQ(moved.text(handles[i]), values[i]);
  }
  EXPECT_EQ(moved.text(huge_handle), huge);
  EXPECT_EQ(moved.text(after), "after-the-huge-one");
  EXPECT_EQ(first.data(), moved.text(handles.front()).data()); // same bytes, not a copy
}

TEST(EvidencePool, DetectionListsAreInternedAsLists) {
  EvidencePool pool;
  const std::vector<std::string_view> one{"root-activity-cis", "root-console-signin-success"};
  const std::vector<std::string_view> same{"root-activity-cis", "root-console-signin-success"};
  const std::vector<std::string_view> other{"root-activity-cis"};
  const auto a = pool.intern_ids(one);
  EXPECT_EQ(pool.intern_ids(same), a);
  const auto b = pool.intern_ids(other);
  EXPECT_NE(a, b);
  ASSERT_EQ(pool.ids(a).size(), 2U);
  EXPECT_EQ(pool.ids(a)[1], "root-console-signin-success");
  EXPECT_EQ(pool.ids(b).size(), 1U);
  EXPECT_TRUE(pool.ids(pool.intern_ids({})).empty());
}

} // namespace
} // namespace rg::trail

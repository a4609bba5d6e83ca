// The byte budget that bounds a scan's objects in memory: a taker waits while the others hold too much,
// goes on when they give back, and one object larger than the whole budget still goes when nothing is held.
#include "trail/s3/memory_budget.hpp"

#include <atomic>
#include <chrono>
#include <gtest/gtest.h>
#include <thread>

namespace rg::trail::s3 {
namespace {

using namespace std::chrono_literals;

TEST(MemoryBudget, ATakerWaitsUntilEnoughIsGivenBack) {
  MemoryBudget budget(100);
  budget.acquire(60);
  std::atomic<bool> taken{false};
  std::jthread second([&] {
    budget.acquire(60);
    taken = true;
  });
  std::this_thread::sleep_for(50ms);
  EXPECT_FALSE(taken); // 60 + 60 would pass 100
  EXPECT_EQ(budget.held(), 60U);
  budget.release(60);
  second.join();
  EXPECT_TRUE(taken);
  EXPECT_EQ(budget.held(), 60U);
}

TEST(MemoryBudget, AnObjectLargerThanTheBudgetGoesAlone) {
  MemoryBudget budget(100);
  budget.acquire(10);
  std::atomic<bool> taken{false};
  std::jthread large([&] {
    budget.acquire(500);
    taken = true;
  });
  std::this_thread::sleep_for(50ms);
  EXPECT_FALSE(taken);
  budget.release(10);
  large.join();
  EXPECT_TRUE(taken); // nothing else held: it goes, and the budget holds it alone
  EXPECT_EQ(budget.held(), 500U);
  budget.release(500);
  EXPECT_EQ(budget.held(), 0U);
}

TEST(MemoryBudget, ManyTakersNeverHoldMoreThanTheLimit) {
  MemoryBudget budget(1000);
  std::atomic<std::uint64_t> peak{0};
  {
    std::vector<std::jthread> takers;
    for (int t = 0; t < 8; ++t) {
      takers.emplace_back([&] {
        for (int i = 0; i < 200; ++i) {
          budget.acquire(300);
          const std::uint64_t now = budget.held();
          std::uint64_t seen = peak.load();
          while (now > seen && !peak.compare_exchange_weak(seen, now)) {
          }
          budget.release(300);
        }
      });
    }
  }
  EXPECT_LE(peak.load(), 1000U);
  EXPECT_GE(peak.load(), 300U);
  EXPECT_EQ(budget.held(), 0U);
}

} // namespace
} // namespace rg::trail::s3

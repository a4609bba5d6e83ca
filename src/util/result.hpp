#pragma once
// Result<T>: a value or a located Problem. Same member names as std::expected (absent from GCC 12)
// so the switch later is mechanical.
#include "util/problem.hpp"

#include <cstdlib>
#include <string>
#include <utility>
#include <variant>

namespace rg {

template <typename T> class [[nodiscard]] Result {
public:
  Result(T value) : state_(std::in_place_index<0>, std::move(value)) {} // NOLINT: implicit by design
  Result(Problem problem)
      : state_(std::in_place_index<1>, std::move(problem)) {} // NOLINT: implicit by design

  bool has_value() const { return state_.index() == 0; }
  explicit operator bool() const { return has_value(); }

  T& value() & { return std::get<0>(state_); }
  const T& value() const& { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }
  const Problem& error() const { return std::get<1>(state_); }
  Problem& error() { return std::get<1>(state_); }

  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

private:
  std::variant<T, Problem> state_;
};

} // namespace rg

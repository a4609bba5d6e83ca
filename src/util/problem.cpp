#include "util/problem.hpp"

namespace rg {

std::string Problem::describe() const {
  std::string text;
  if (!file.empty()) {
    text += file;
    text += ": ";
  }
  if (!where.empty()) {
    text += where;
    text += ": ";
  }
  text += message;
  return text;
}

const char* to_string(ProblemKind kind) {
  switch (kind) {
  case ProblemKind::kAbsent:
    return "absent";
  case ProblemKind::kUnreadable:
    return "unreadable";
  case ProblemKind::kInvalid:
    return "invalid";
  case ProblemKind::kUsage:
    return "usage";
  }
  return "unknown";
}

} // namespace rg

#pragma once
// A Problem is bad user data or an expected failure, located precisely enough for a user to find it.
#include <string>

namespace rg {

enum class ProblemKind {
  kAbsent,     // file not collected: controls that need it report UNKNOWN
  kUnreadable, // present but cannot be read or parsed
  kInvalid,    // parsed, but a value has the wrong type or shape
  kUsage,      // the user asked for something impossible
};

struct Problem {
  ProblemKind kind = ProblemKind::kUnreadable;
  std::string file; // path as the user would type it; may be empty for non-file problems
  std::string
      where; // position inside the file: "line 3, column 7", "row 4", "$.SummaryMap.AccountMFAEnabled"
  std::string message; // what is wrong, in plain English

  std::string describe() const; // "file: where: message"
};

const char* to_string(ProblemKind kind);

} // namespace rg

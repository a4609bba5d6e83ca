#pragma once
// The mutelist's wildcards: `*` matches any run of characters (none, and '/' or ':' included: an ARN
// has no path segments worth honouring here), `?` exactly one character (one UTF-8 code point).
// Everything else matches itself, case-sensitively, as AWS ids and ARNs do.
#include <string_view>

namespace rg::mutelist {

// Linear in text size times the number of `*`s at worst (no backtracking blow-up).
bool glob_match(std::string_view pattern, std::string_view text);

} // namespace rg::mutelist

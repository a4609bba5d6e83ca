#pragma once
// Escaping and trimming shared by the text-based formatters (HTML, CSV, ASFF limits).
#include "findings/rule.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace rg::report {

// & < > " ' as entities: safe in element content and in quoted attributes.
std::string html_escape(std::string_view text);

// At most `max_bytes` bytes, cut on a UTF-8 character boundary, with "..." when cut (services reject
// over-long fields, and half a multi-byte character is invalid UTF-8).
std::string truncate_utf8(std::string_view text, size_t max_bytes);

// "CIS AWS Foundations Benchmark v1.4.0/1.7", ... then "Security Hub IAM.4": every framework row of a rule.
std::vector<std::string> related_requirements(const RuleMetadata& rule);

} // namespace rg::report

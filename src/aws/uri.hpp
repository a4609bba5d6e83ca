#pragma once
// Percent-encoding as SigV4 and the AWS wire protocols define it (RFC 3986 unreserved characters
// only), decoding, and the path normalisation SigV4 applies for every service except S3.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rg::aws {

// Encodes every byte except A-Z a-z 0-9 - . _ ~ (and '/' when keep_slash), upper-case hex.
std::string uri_encode(std::string_view text, bool keep_slash = false);

// Decodes %XX (a malformed escape is kept as it is); '+' stays '+' (AWS never form-decodes it).
std::string uri_decode(std::string_view text);

// RFC 3986 dot-segment removal plus empty-segment collapse ("//a//" -> "/a/"), as SigV4 wants.
std::string normalize_path(std::string_view path);

// "a=1&b&c=" -> {("a","1"), ("b",""), ("c","")}, decoded.
std::vector<std::pair<std::string, std::string>> parse_query(std::string_view query);

// Encodes and joins pairs in the order given: the form body of query-protocol requests.
std::string build_query(const std::vector<std::pair<std::string, std::string>>& pairs);

} // namespace rg::aws

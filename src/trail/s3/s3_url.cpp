#include "trail/s3/s3_url.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace rg::trail::s3 {

bool is_s3_url(std::string_view text) {
  return text.starts_with("s3://");
}

std::optional<S3Url> parse_s3_url(std::string_view text) {
  if (!is_s3_url(text)) {
    return std::nullopt;
  }
  text.remove_prefix(5);
  const std::size_t slash = text.find('/');
  S3Url url;
  url.bucket = std::string(text.substr(0, slash));
  const bool bucket_ok = url.bucket.size() >= 3 && url.bucket.size() <= 63 &&
                         std::all_of(url.bucket.begin(), url.bucket.end(), [](char c) {
                           return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
                         });
  if (!bucket_ok) {
    return std::nullopt;
  }
  if (slash != std::string_view::npos) {
    std::string_view prefix = text.substr(slash + 1);
    while (prefix.starts_with('/')) {
      prefix.remove_prefix(1);
    }
    url.prefix = std::string(prefix);
    if (!url.prefix.empty() && !url.prefix.ends_with('/')) {
      url.prefix += '/';
    }
  }
  return url;
}

std::string object_url(std::string_view bucket, std::string_view key) {
  return fmt::format("s3://{}/{}", bucket, key);
}

} // namespace rg::trail::s3

#pragma once
// s3://BUCKET[/PREFIX] as the AWS CLI writes it: the bucket, and the key prefix a trail scan reads under.
#include <optional>
#include <string>
#include <string_view>

namespace rg::trail::s3 {

struct S3Url {
  std::string bucket;
  std::string prefix; // "" or ending in '/': a prefix names a folder, never part of a key
};

bool is_s3_url(std::string_view text);

// nullopt when `text` is not s3://BUCKET[/PREFIX] with a bucket name S3 accepts (3-63 of a-z 0-9 . -).
std::optional<S3Url> parse_s3_url(std::string_view text);

// "s3://bucket/key": how an object is named in the report, as the AWS CLI names it.
std::string object_url(std::string_view bucket, std::string_view key);

} // namespace rg::trail::s3

#include "pipeline/trail_part.hpp"

#include "detections/catalog.hpp"
#include "detections/detection.hpp"
#include "util/fatal_error.hpp"
#include "util/files.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <fmt/format.h>
#include <map>
#include <string>

namespace rg::pipeline {
namespace {

using nlohmann::json;
using trail::StoredEvent;

// The text fields of a stored event, by the name the part gives them: one list for writing and reading.
struct EventField {
  const char* name;
  StoredEvent::Handle StoredEvent::*handle;
  bool unique; // stored rather than interned (EvidencePool::store)
};
constexpr std::array<EventField, 20> kEventFields{{
    {"event_id", &StoredEvent::event_id, true},
    {"account_id", &StoredEvent::account_id, false},
    {"event_time", &StoredEvent::event_time, false},
    {"event_name", &StoredEvent::event_name, false},
    {"event_source", &StoredEvent::event_source, false},
    {"event_type", &StoredEvent::event_type, false},
    {"source_ip", &StoredEvent::source_ip, false},
    {"user_agent", &StoredEvent::user_agent, false},
    {"region", &StoredEvent::region, false},
    {"user_type", &StoredEvent::user_type, false},
    {"user_arn", &StoredEvent::user_arn, false},
    {"invoked_by", &StoredEvent::invoked_by, false},
    {"error_code", &StoredEvent::error_code, false},
    {"error_message", &StoredEvent::error_message, false},
    {"console_login", &StoredEvent::console_login, false},
    {"mfa_used", &StoredEvent::mfa_used, false},
    {"mfa_authenticated", &StoredEvent::mfa_authenticated, false},
    {"task_policy_arn", &StoredEvent::task_policy_arn, false},
    {"target_principal", &StoredEvent::target_principal, false},
    {"file", &StoredEvent::file, false},
}};

// A part carries the scan's text byte for byte, and JSON strings hold only UTF-8: a text that is not
// (a damaged file's bytes quoted in a problem, say) goes as {"hex": ...} so the merge gives it back as read.
bool is_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto byte = static_cast<unsigned char>(text[i]);
    std::size_t length = 0;
    std::uint32_t code = 0;
    if (byte < 0x80) {
      ++i;
      continue;
    }
    if ((byte & 0xE0U) == 0xC0U) {
      length = 2;
      code = byte & 0x1FU;
    } else if ((byte & 0xF0U) == 0xE0U) {
      length = 3;
      code = byte & 0x0FU;
    } else if ((byte & 0xF8U) == 0xF0U) {
      length = 4;
      code = byte & 0x07U;
    } else {
      return false;
    }
    if (i + length > text.size()) {
      return false;
    }
    for (std::size_t k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0U) != 0x80U) {
        return false;
      }
      code = (code << 6U) | (next & 0x3FU);
    }
    constexpr std::array<std::uint32_t, 5> kShortest{0, 0, 0x80, 0x800, 0x10000};
    if (code < kShortest[length] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
      return false;
    }
    i += length;
  }
  return true;
}

json text_json(std::string_view text) {
  if (is_utf8(text)) {
    return std::string(text);
  }
  std::string hex;
  hex.reserve(text.size() * 2);
  for (const char c : text) {
    hex += fmt::format("{:02x}", static_cast<unsigned char>(c));
  }
  return json{{"hex", std::move(hex)}};
}

json problem_json(const Problem& problem) {
  return {{"kind", static_cast<int>(problem.kind)},
          {"file", text_json(problem.file)},
          {"where", text_json(problem.where)},
          {"message", text_json(problem.message)}};
}

// Everything that shapes the report besides the files read: the merge takes only parts that agree on all
// of it. (--threads does not shape it; --mutelist is the merge's own option; --verify-digests is refused.)
json run_json(const report::TrailRunInfo& run, std::optional<std::uint64_t> max_inflated_bytes) {
  json paths = json::array();
  for (const auto& path : run.paths) {
    paths.push_back(text_json(path));
  }
  json out{{"tool_version", run.tool_version},
           {"paths", std::move(paths)},
           {"accounts", run.accounts},
           {"regions", run.regions}};
  out["since"] = run.since ? json(format_iso8601(*run.since)) : json(nullptr);
  out["until"] = run.until ? json(format_iso8601(*run.until)) : json(nullptr);
  out["max_inflated_bytes"] = max_inflated_bytes ? json(*max_inflated_bytes) : json(nullptr);
  return out;
}

// The first member of the run in which two parts differ, named as the option a person gave.
std::string differing_option(const json& a, const json& b) {
  static constexpr std::array<std::pair<const char*, const char*>, 7> kNames{
      {{"tool_version", "rootguard version"},
       {"paths", "the paths read"},
       {"accounts", "--accounts"},
       {"regions", "--regions"},
       {"since", "--since"},
       {"until", "--until"},
       {"max_inflated_bytes", "--max-inflated-mib"}}};
  for (const auto& [member, name] : kNames) {
    if (a.value(member, json()) != b.value(member, json())) {
      return name;
    }
  }
  return "the run";
}

// Reads a part, naming the file and the JSON place of whatever is wrong.
class PartReader {
public:
  explicit PartReader(std::string file) : file_(std::move(file)) {}

  [[noreturn]] void fail(const std::string& where, const std::string& what) const {
    throw FatalError(ExitCode::kError, fmt::format("merge: {}: {}: {}", file_, where, what));
  }
  const json& member(const json& object, const std::string& where, const char* name) const {
    if (!object.is_object()) {
      fail(where, "not a JSON object");
    }
    const auto found = object.find(name);
    if (found == object.end()) {
      fail(where, fmt::format("no \"{}\"", name));
    }
    return *found;
  }
  // A string, or {"hex": ...} for a text that is not UTF-8 (text_json).
  std::string text(const json& value, const std::string& where) const {
    if (value.is_string()) {
      return value.get<std::string>();
    }
    const auto hex = value.is_object() && value.size() == 1 ? value.find("hex") : value.end();
    if (hex == value.end() || !hex->is_string() || hex->get_ref<const std::string&>().size() % 2 != 0) {
      fail(where, "not a string");
    }
    const auto& digits = hex->get_ref<const std::string&>();
    std::string out;
    for (std::size_t i = 0; i < digits.size(); i += 2) {
      unsigned byte = 0;
      const auto [end, error] = std::from_chars(digits.data() + i, digits.data() + i + 2, byte, 16);
      if (error != std::errc{} || end != digits.data() + i + 2) {
        fail(where, "not a string");
      }
      out += static_cast<char>(byte);
    }
    return out;
  }
  std::uint64_t count(const json& value, const std::string& where) const {
    if (!value.is_number_unsigned()) {
      fail(where, "not a count (a whole number, 0 or more)");
    }
    return value.get<std::uint64_t>();
  }
  std::int64_t integer(const json& value, const std::string& where) const {
    if (!value.is_number_integer()) {
      fail(where, "not a whole number");
    }
    return value.get<std::int64_t>();
  }
  bool flag(const json& value, const std::string& where) const {
    if (!value.is_boolean()) {
      fail(where, "not true or false");
    }
    return value.get<bool>();
  }
  const json& array(const json& value, const std::string& where) const {
    if (!value.is_array()) {
      fail(where, "not a JSON array");
    }
    return value;
  }
  std::uint64_t count_of(const json& object, const std::string& where, const char* name) const {
    return count(member(object, where, name), where + "." + name);
  }
  std::string text_of(const json& object, const std::string& where, const char* name) const {
    return text(member(object, where, name), where + "." + name);
  }

  Problem problem(const json& value, const std::string& where) const {
    Problem out;
    const auto kind = integer(member(value, where, "kind"), where + ".kind");
    if (kind < 0 || kind > static_cast<int>(ProblemKind::kUsage)) {
      fail(where + ".kind", fmt::format("unknown problem kind {}", kind));
    }
    out.kind = static_cast<ProblemKind>(kind);
    out.file = text_of(value, where, "file");
    out.where = text_of(value, where, "where");
    out.message = text_of(value, where, "message");
    return out;
  }

  std::vector<Problem> problems(const json& value, const std::string& where) const {
    std::vector<Problem> out;
    std::size_t i = 0;
    for (const json& item : array(value, where)) {
      out.push_back(problem(item, fmt::format("{}[{}]", where, i++)));
    }
    return out;
  }

  StoredEvent event(const json& value, const std::string& where, trail::EvidencePool& pool) const {
    StoredEvent out;
    for (const EventField& field : kEventFields) {
      const std::string text = text_of(value, where, field.name);
      out.*field.handle = field.unique ? pool.store(text) : pool.intern(text);
    }
    out.time = TimePoint{std::chrono::seconds{integer(member(value, where, "time"), where + ".time")}};
    out.time_known = flag(member(value, where, "time_known"), where + ".time_known");
    out.assumed_root = flag(member(value, where, "assumed_root"), where + ".assumed_root");
    // Detection ids point at the catalog's own strings, as a scan's do: an id the catalog does not know is
    // a part from another version, or an edited one.
    std::vector<std::string_view> ids;
    const std::string list = where + ".detections";
    std::size_t i = 0;
    for (const json& id : array(member(value, where, "detections"), list)) {
      const std::string place = fmt::format("{}[{}]", list, i++);
      const auto* detection = detections::find_detection(text(id, place));
      if (detection == nullptr) {
        fail(place, fmt::format("unknown detection \"{}\"", id.get<std::string>()));
      }
      ids.push_back(detection->metadata.id);
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    out.detections = pool.intern_ids(ids);
    return out;
  }

  const std::string& file() const { return file_; }

private:
  std::string file_;
};

struct ParsedPart {
  std::string file;
  std::size_t index = 0;
  std::size_t count = 0;
  json run;
  trail::DiscoveryResult discovered;
  trail::WorkerResult worker;
  std::vector<std::pair<std::string, std::size_t>> problem_paths; // (file, position) of worker.problems
  std::optional<trail::S3ReadCounts> s3;
};

ParsedPart read_part(const std::filesystem::path& path) {
  const PartReader in(path.string());
  auto content = read_file(path, std::size_t{4} << 30);
  if (!content) {
    throw FatalError(ExitCode::kError, fmt::format("merge: {}", content.error().describe()));
  }
  json doc;
  try {
    doc = json::parse(*content);
  } catch (const json::parse_error& error) {
    in.fail(fmt::format("byte {}", error.byte), "not JSON (a part written by trail --part-output)");
  }
  ParsedPart part;
  part.file = path.string();
  const auto version = in.integer(in.member(doc, "$", "rootguard_trail_part"), "$.rootguard_trail_part");
  if (version != kTrailPartVersion) {
    in.fail("$.rootguard_trail_part",
            fmt::format("part version {}; this rootguard merges version {}", version, kTrailPartVersion));
  }
  const json& shard = in.member(doc, "$", "shard");
  part.index = in.count_of(shard, "$.shard", "index");
  part.count = in.count_of(shard, "$.shard", "count");
  if (part.count == 0 || part.index >= part.count) {
    in.fail("$.shard", fmt::format("shard {}/{} is not I/N with 0 <= I < N", part.index, part.count));
  }
  part.run = in.member(doc, "$", "run");
  if (!part.run.is_object()) {
    in.fail("$.run", "not a JSON object");
  }

  const json& scan = in.member(doc, "$", "scan");
  const json& discovery = in.member(scan, "$.scan", "discovery");
  const std::string d = "$.scan.discovery";
  part.discovered.skipped_digest = in.count_of(discovery, d, "skipped_digest");
  part.discovered.skipped_insight = in.count_of(discovery, d, "skipped_insight");
  part.discovered.skipped_other = in.count_of(discovery, d, "skipped_other");
  part.discovered.pruned = in.count_of(discovery, d, "pruned");
  part.discovered.problems = in.problems(in.member(discovery, d, "problems"), d + ".problems");

  trail::WorkerResult& worker = part.worker;
  worker.files = in.count_of(scan, "$.scan", "files");
  worker.events = in.count_of(scan, "$.scan", "events");
  worker.candidates = in.count_of(scan, "$.scan", "candidates");
  worker.damaged = in.count_of(scan, "$.scan", "damaged");
  worker.files_failed = in.count_of(scan, "$.scan", "files_failed");
  worker.unknown_time = in.count_of(scan, "$.scan", "unknown_time");
  worker.bytes_read = in.count_of(scan, "$.scan", "bytes_read");
  worker.bytes_inflated = in.count_of(scan, "$.scan", "bytes_inflated");
  std::size_t p = 0;
  for (const json& item : in.array(in.member(scan, "$.scan", "problems"), "$.scan.problems")) {
    const std::string place = fmt::format("$.scan.problems[{}]", p++);
    const auto index = in.count_of(item, place, "index");
    worker.problems.emplace_back(index, in.problem(item, place));
  }
  worker.time_problems = in.problems(in.member(scan, "$.scan", "time_problems"), "$.scan.time_problems");
  std::size_t i = 0;
  for (const json& event : in.array(in.member(scan, "$.scan", "matched"), "$.scan.matched")) {
    worker.matched.push_back(in.event(event, fmt::format("$.scan.matched[{}]", i++), worker.pool));
  }

  const auto s3 = doc.find("s3");
  if (s3 != doc.end() && !s3->is_null()) {
    trail::S3ReadCounts counts;
    counts.bucket = in.text_of(*s3, "$.s3", "bucket");
    counts.region = in.text_of(*s3, "$.s3", "region");
    counts.list_requests = in.count_of(*s3, "$.s3", "list_requests");
    counts.objects_listed = in.count_of(*s3, "$.s3", "objects_listed");
    counts.objects_fetched = in.count_of(*s3, "$.s3", "objects_fetched");
    counts.objects_failed = in.count_of(*s3, "$.s3", "objects_failed");
    counts.get_attempts = in.count_of(*s3, "$.s3", "get_attempts");
    counts.throttled = in.count_of(*s3, "$.s3", "throttled");
    counts.bytes_fetched = in.count_of(*s3, "$.s3", "bytes_fetched");
    part.s3 = std::move(counts);
  }
  return part;
}

std::optional<TimePoint> run_time(const ParsedPart& part, const char* name) {
  const json& value = part.run.at(name);
  if (value.is_null()) {
    return std::nullopt;
  }
  auto time = value.is_string() ? parse_iso8601(value.get<std::string>()) : std::nullopt;
  if (!time) {
    PartReader(part.file).fail(fmt::format("$.run.{}", name), "not an ISO 8601 time or null");
  }
  return time;
}

std::vector<std::string> run_list(const ParsedPart& part, const char* name) {
  const PartReader in(part.file);
  const std::string where = fmt::format("$.run.{}", name);
  std::vector<std::string> out;
  std::size_t i = 0;
  for (const json& item : in.array(in.member(part.run, "$.run", name), where)) {
    out.push_back(in.text(item, fmt::format("{}[{}]", where, i++)));
  }
  return out;
}

report::TrailRunInfo run_info(const ParsedPart& part) {
  const PartReader in(part.file);
  report::TrailRunInfo run;
  run.tool_version = in.text_of(part.run, "$.run", "tool_version");
  run.paths = run_list(part, "paths");
  run.accounts = run_list(part, "accounts");
  run.regions = run_list(part, "regions");
  in.member(part.run, "$.run", "since");
  in.member(part.run, "$.run", "until");
  run.since = run_time(part, "since");
  run.until = run_time(part, "until");
  return run;
}

} // namespace

json trail_part_pieces(const trail::DiscoveryResult& discovered,
                       const std::vector<trail::WorkerResult>& workers) {
  json problems = json::array();
  for (const Problem& problem : discovered.problems) {
    problems.push_back(problem_json(problem));
  }
  json out{{"discovery",
            {{"skipped_digest", discovered.skipped_digest},
             {"skipped_insight", discovered.skipped_insight},
             {"skipped_other", discovered.skipped_other},
             {"pruned", discovered.pruned},
             {"problems", std::move(problems)}}}};
  std::uint64_t files = 0;
  std::uint64_t events = 0;
  std::uint64_t candidates = 0;
  std::uint64_t damaged = 0;
  std::uint64_t files_failed = 0;
  std::uint64_t unknown_time = 0;
  std::uint64_t bytes_read = 0;
  std::uint64_t bytes_inflated = 0;
  // A file's problems keep their order; the merge puts files in path order, as the scan does by index.
  std::vector<std::pair<std::size_t, const Problem*>> file_problems;
  json time_problems = json::array();
  json matched = json::array();
  for (const trail::WorkerResult& worker : workers) {
    files += worker.files;
    events += worker.events;
    candidates += worker.candidates;
    damaged += worker.damaged;
    files_failed += worker.files_failed;
    unknown_time += worker.unknown_time;
    bytes_read += worker.bytes_read;
    bytes_inflated += worker.bytes_inflated;
    for (const auto& [index, problem] : worker.problems) {
      file_problems.emplace_back(index, &problem);
    }
    for (const Problem& problem : worker.time_problems) {
      time_problems.push_back(problem_json(problem));
    }
    for (const StoredEvent& event : worker.matched) {
      json item;
      for (const EventField& field : kEventFields) {
        item[field.name] = text_json(worker.pool.text(event.*field.handle));
      }
      item["time"] = event.time.time_since_epoch().count();
      item["time_known"] = event.time_known;
      item["assumed_root"] = event.assumed_root;
      json ids = json::array();
      for (const auto id : worker.pool.ids(event.detections)) {
        ids.push_back(id);
      }
      item["detections"] = std::move(ids);
      matched.push_back(std::move(item));
    }
  }
  // Each problem with its file's index among all the files listed (the same in every shard): the merge
  // orders every shard's problems by it, as an unsharded run orders its workers'.
  std::stable_sort(file_problems.begin(), file_problems.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  json listed = json::array();
  for (const auto& [index, problem] : file_problems) {
    json item = problem_json(*problem);
    item["index"] = index;
    listed.push_back(std::move(item));
  }
  out["files"] = files;
  out["events"] = events;
  out["candidates"] = candidates;
  out["damaged"] = damaged;
  out["files_failed"] = files_failed;
  out["unknown_time"] = unknown_time;
  out["bytes_read"] = bytes_read;
  out["bytes_inflated"] = bytes_inflated;
  out["problems"] = std::move(listed);
  out["time_problems"] = std::move(time_problems);
  out["matched"] = std::move(matched);
  return out;
}

void write_trail_part(const std::filesystem::path& path, const report::TrailRunInfo& run,
                      std::optional<std::uint64_t> max_inflated_bytes, const trail::ShardSpec& shard,
                      const json& pieces, const std::optional<trail::S3ReadCounts>& s3) {
  json doc{{"rootguard_trail_part", kTrailPartVersion},
           {"shard", {{"index", shard.index}, {"count", shard.count}}},
           {"run", run_json(run, max_inflated_bytes)},
           {"scan", pieces}};
  if (s3) {
    doc["s3"] = {{"bucket", text_json(s3->bucket)},        {"region", text_json(s3->region)},
                 {"list_requests", s3->list_requests},     {"objects_listed", s3->objects_listed},
                 {"objects_fetched", s3->objects_fetched}, {"objects_failed", s3->objects_failed},
                 {"get_attempts", s3->get_attempts},       {"throttled", s3->throttled},
                 {"bytes_fetched", s3->bytes_fetched}};
  }
  OutputFile file(path);
  file.write(doc.dump());
  file.write("\n");
  file.commit();
}

report::TrailReport merge_trail_parts(const std::vector<std::filesystem::path>& paths,
                                      const std::string& tool_version) {
  if (paths.empty()) {
    throw FatalError(ExitCode::kUsage, "merge: give the part files of every shard");
  }
  // A part that cannot be read is an input error (1); a set of parts that is not one run's N shards is a
  // wrong command line (2): decision 0024.
  std::vector<ParsedPart> parts;
  for (const auto& path : paths) {
    parts.push_back(read_part(path));
    const ParsedPart& part = parts.back();
    const PartReader in(part.file);
    const std::string written_by = in.text_of(part.run, "$.run", "tool_version");
    if (written_by != tool_version) {
      in.fail("$.run.tool_version", fmt::format("written by rootguard {}; this is rootguard {} (run every "
                                                "shard and the merge with one version)",
                                                written_by, tool_version));
    }
  }
  const std::size_t count = parts.front().count;
  std::map<std::size_t, ParsedPart*> by_index;
  for (ParsedPart& part : parts) {
    if (part.count != count) {
      throw FatalError(ExitCode::kUsage,
                       fmt::format("merge: {} is shard {}/{}, but {} is one of {} shards", part.file,
                                   part.index, part.count, parts.front().file, count));
    }
    const auto [at, fresh] = by_index.emplace(part.index, &part);
    if (!fresh) {
      throw FatalError(ExitCode::kUsage, fmt::format("merge: shard {}/{} is given twice: {} and {}",
                                                     part.index, count, at->second->file, part.file));
    }
    if (part.run != parts.front().run) {
      throw FatalError(ExitCode::kUsage,
                       fmt::format("merge: {} comes from another run than {} ({} differs)", part.file,
                                   parts.front().file, differing_option(part.run, parts.front().run)));
    }
  }
  for (std::size_t index = 0; index < count; ++index) {
    if (!by_index.contains(index)) {
      throw FatalError(ExitCode::kUsage, fmt::format("merge: shard {}/{} is missing ({} of {} parts given)",
                                                     index, count, by_index.size(), count));
    }
  }
  const ParsedPart& first = *by_index.at(0);
  report::TrailReport report;
  report.run = run_info(first);
  // Every shard listed the same files; the first one's listing counts stand for the run's.
  trail::DiscoveryResult discovered = first.discovered;
  std::vector<trail::WorkerResult> workers;
  std::optional<trail::S3ReadCounts> s3;
  for (std::size_t index = 0; index < count; ++index) {
    ParsedPart& part = *by_index.at(index);
    if (part.s3.has_value() != first.s3.has_value() || (part.s3 && part.s3->bucket != first.s3->bucket)) {
      throw FatalError(ExitCode::kUsage, fmt::format("merge: {} comes from another run than {} ({} differs)",
                                                     part.file, first.file, "the paths read"));
    }
    if (part.s3) {
      if (!s3) {
        s3 = part.s3; // listing counts and region from the first shard: every shard listed the same keys
      } else {
        s3->objects_fetched += part.s3->objects_fetched;
        s3->objects_failed += part.s3->objects_failed;
        s3->get_attempts += part.s3->get_attempts;
        s3->throttled += part.s3->throttled;
        s3->bytes_fetched += part.s3->bytes_fetched;
      }
    }
    workers.push_back(std::move(part.worker));
  }
  report.result = trail::assemble_result(std::move(discovered), workers);
  report.result.summary.s3 = std::move(s3);
  return report;
}

} // namespace rg::pipeline

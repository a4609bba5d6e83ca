#include "aws/request_builder.hpp"

#include "aws/json_depth.hpp"
#include "aws/shape_json.hpp"
#include "aws/uri.hpp"

#include <fmt/format.h>
#include <pugixml.hpp>

namespace rg::aws {

namespace {

struct SplitUrl {
  std::string scheme_and_host;
  std::string host;      // authority: host[:port], as the Host header carries it
  std::string base_path; // "" or "/prefix" from a configured endpoint URL
};

SplitUrl split_url(const std::string& url) {
  SplitUrl out;
  const size_t scheme_end = url.find("://");
  const size_t host_start = scheme_end == std::string::npos ? 0 : scheme_end + 3;
  const size_t path_start = url.find('/', host_start);
  out.scheme_and_host = url.substr(0, path_start);
  out.host =
      url.substr(host_start, path_start == std::string::npos ? std::string::npos : path_start - host_start);
  // A default port is not part of the signed host (botocore drops it too).
  if (url.starts_with("https://") && out.host.ends_with(":443")) {
    out.host.resize(out.host.size() - 4);
  } else if (url.starts_with("http://") && out.host.ends_with(":80")) {
    out.host.resize(out.host.size() - 3);
  }
  if (path_start != std::string::npos) {
    out.base_path = url.substr(path_start);
  }
  return out;
}

const nlohmann::json& input_shape(const ServiceModel& service, const nlohmann::json& operation) {
  static const nlohmann::json kNone = nlohmann::json::object();
  const auto found = operation.find("input");
  return found == operation.end() ? kNone : service.shape(found->get<std::string>());
}

void build_query(const ServiceModel& service, std::string_view name, const nlohmann::json& operation,
                 const nlohmann::json& input, SignableRequest& request) {
  std::vector<std::pair<std::string, std::string>> pairs = {{"Action", std::string(name)},
                                                            {"Version", service.api_version}};
  serialize_query(service, input_shape(service, operation), input, "", pairs);
  request.method = "POST";
  request.body = rg::aws::build_query(pairs);
  request.headers.emplace_back("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
}

void build_json(const ServiceModel& service, std::string_view name, const nlohmann::json& operation,
                const nlohmann::json& input, SignableRequest& request) {
  request.method = "POST";
  request.headers.emplace_back("X-Amz-Target", fmt::format("{}.{}", service.target_prefix, name));
  request.headers.emplace_back("Content-Type",
                               fmt::format("application/x-amz-json-{}", service.json_version));
  const nlohmann::json body = cli_to_wire_json(service, input_shape(service, operation), input);
  request.body = body.empty() ? "{}" : body.dump();
}

void build_rest_json(const ServiceModel& service, const nlohmann::json& operation,
                     const nlohmann::json& input, SignableRequest& request) {
  request.method = operation.at("method");
  std::string uri = operation.at("requestUri");
  std::string query;
  if (const size_t question = uri.find('?'); question != std::string::npos) {
    query = uri.substr(question + 1);
    uri.erase(question);
  }
  const auto& shape = input_shape(service, operation);
  const auto& members = members_of(shape);
  nlohmann::json body_input = nlohmann::json::object();
  std::vector<std::pair<std::string, std::string>> query_pairs;
  bool has_body_members = false;
  for (const auto& [name, ref] : members.items()) {
    has_body_members = has_body_members || !ref.contains("location");
  }
  for (const auto& [name, value] : input.items()) {
    const auto ref = members.find(name);
    if (ref == members.end() || !ref->contains("location")) {
      body_input[name] = value;
      continue;
    }
    const std::string location = ref->at("location");
    const std::string wire = ref->value("locationName", name);
    const auto& target = service.shape(ref->at("shape").get<std::string>());
    if (location == "uri") {
      const std::string greedy = fmt::format("{{{}+}}", wire);
      const std::string label = fmt::format("{{{}}}", wire);
      if (const size_t at = uri.find(greedy); at != std::string::npos) {
        uri.replace(at, greedy.size(), uri_encode(scalar_text(target, value), true));
      } else if (const size_t at2 = uri.find(label); at2 != std::string::npos) {
        uri.replace(at2, label.size(), uri_encode(scalar_text(target, value)));
      }
    } else if (location == "querystring") {
      if (value.is_array()) {
        for (const auto& item : value) {
          query_pairs.emplace_back(wire, scalar_text(nlohmann::json::object(), item));
        }
      } else if (value.is_object()) {
        for (const auto& [key, item] : value.items()) {
          query_pairs.emplace_back(key, scalar_text(nlohmann::json::object(), item));
        }
      } else {
        query_pairs.emplace_back(wire, scalar_text(target, value));
      }
    } else if (location == "header") {
      request.headers.emplace_back(wire, scalar_text(target, value));
    }
  }
  request.path = uri;
  const std::string extra = rg::aws::build_query(query_pairs);
  request.query = query.empty() ? extra : (extra.empty() ? query : fmt::format("{}&{}", query, extra));
  if (has_body_members) {
    const nlohmann::json body = cli_to_wire_json(service, shape, body_input);
    request.body = body.empty() ? "{}" : body.dump();
    request.headers.emplace_back("Content-Type", "application/json");
  }
}

} // namespace

UnsignedRequest build_request(const ServiceModel& service, std::string_view operation_name,
                              const nlohmann::json& operation, const nlohmann::json& input,
                              const Endpoint& endpoint) {
  const SplitUrl url = split_url(endpoint.url);
  UnsignedRequest out;
  out.scheme_and_host = url.scheme_and_host;
  out.request.host = url.host;
  switch (service.protocol) {
  case Protocol::kQuery:
  case Protocol::kEc2:
    build_query(service, operation_name, operation, input, out.request);
    break;
  case Protocol::kJson:
    build_json(service, operation_name, operation, input, out.request);
    break;
  case Protocol::kRestJson:
    build_rest_json(service, operation, input, out.request);
    break;
  }
  std::string path = out.request.path.empty() ? "/" : out.request.path;
  if (!url.base_path.empty() && url.base_path != "/") {
    path = fmt::format("{}{}",
                       url.base_path.ends_with('/') ? url.base_path.substr(0, url.base_path.size() - 1)
                                                    : url.base_path,
                       path);
  }
  out.request.path = path;
  return out;
}

std::optional<nlohmann::json> parse_output(const ServiceModel& service, const nlohmann::json& operation,
                                           const std::string& body) {
  const auto output = operation.find("output");
  if (output == operation.end()) {
    return nlohmann::json::object();
  }
  const auto& shape = service.shape(output->get<std::string>());
  if (service.protocol == Protocol::kQuery || service.protocol == Protocol::kEc2) {
    pugi::xml_document document;
    if (!document.load_buffer(body.data(), body.size())) {
      return std::nullopt;
    }
    pugi::xml_node node = document.document_element();
    if (const auto wrapper = operation.find("resultWrapper"); wrapper != operation.end()) {
      node = node.child(wrapper->get<std::string>().c_str());
      if (!node) {
        return nlohmann::json::object();
      }
    }
    return xml_to_cli(service, shape, node);
  }
  if (body.empty()) {
    return nlohmann::json::object();
  }
  if (!json_depth_within(body)) {
    return std::nullopt;
  }
  const auto parsed = nlohmann::json::parse(body, nullptr, false);
  if (parsed.is_discarded()) {
    return std::nullopt;
  }
  return wire_json_to_cli(service, shape, parsed);
}

} // namespace rg::aws

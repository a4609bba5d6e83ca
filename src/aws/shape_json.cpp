#include "aws/shape_json.hpp"

#include "aws/timestamp.hpp"

#include <fmt/format.h>
#include <pugixml.hpp>

namespace rg::aws {

namespace {

const std::string& type_of(const nlohmann::json& shape) {
  static const std::string kString = "string";
  const auto found = shape.find("type");
  return found == shape.end() ? kString : found->get_ref<const std::string&>();
}

std::string wire_name(const std::string& member, const nlohmann::json& ref) {
  return ref.value("locationName", member);
}

// EC2's query dialect names an input member by its queryName, else its locationName capitalised.
std::string ec2_query_name(const std::string& member, const nlohmann::json& ref) {
  if (const auto query_name = ref.find("queryName"); query_name != ref.end()) {
    return query_name->get<std::string>();
  }
  std::string name = ref.value("locationName", member);
  if (!name.empty() && name[0] >= 'a' && name[0] <= 'z') {
    name[0] = static_cast<char>(name[0] - 'a' + 'A');
  }
  return name;
}

bool flattened(const nlohmann::json& ref, const nlohmann::json& shape) {
  return ref.value("flattened", false) || shape.value("flattened", false);
}

nlohmann::json timestamp_out(const nlohmann::json& wire) {
  if (const auto instant = parse_wire_timestamp(wire)) {
    return format_cli_timestamp(*instant);
  }
  return wire; // not a timestamp we understand: keep what the service sent rather than lose it
}

nlohmann::json xml_scalar(const nlohmann::json& shape, const pugi::xml_node& node) {
  const std::string text = node.child_value();
  const std::string& type = type_of(shape);
  if (type == "integer" || type == "long") {
    try {
      return std::stoll(text);
    } catch (const std::exception&) {
      return text;
    }
  }
  if (type == "float" || type == "double") {
    try {
      return std::stod(text);
    } catch (const std::exception&) {
      return text;
    }
  }
  if (type == "boolean") {
    return text == "true";
  }
  if (type == "timestamp") {
    return timestamp_out(text);
  }
  return text; // string, blob (base64 as sent), enum
}

} // namespace

const nlohmann::json& members_of(const nlohmann::json& shape) {
  static const nlohmann::json kNone = nlohmann::json::object();
  const auto found = shape.find("members");
  return found == shape.end() ? kNone : *found;
}

nlohmann::json wire_json_to_cli(const ServiceModel& service, const nlohmann::json& shape,
                                const nlohmann::json& value) {
  const std::string& type = type_of(shape);
  if (type == "structure" && value.is_object()) {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& [member, ref] : members_of(shape).items()) {
      if (ref.contains("location")) {
        continue; // a header, URI label or status code: not in the body
      }
      const auto found = value.find(wire_name(member, ref));
      if (found != value.end() && !found->is_null()) {
        out[member] = wire_json_to_cli(service, service.shape(ref.at("shape").get<std::string>()), *found);
      }
    }
    return out;
  }
  if (type == "list" && value.is_array()) {
    nlohmann::json out = nlohmann::json::array();
    const auto& member = service.shape(shape.at("member").at("shape").get<std::string>());
    for (const auto& item : value) {
      out.push_back(wire_json_to_cli(service, member, item));
    }
    return out;
  }
  if (type == "map" && value.is_object()) {
    nlohmann::json out = nlohmann::json::object();
    const auto& element = service.shape(shape.at("value").at("shape").get<std::string>());
    for (const auto& [key, item] : value.items()) {
      out[key] = wire_json_to_cli(service, element, item);
    }
    return out;
  }
  if (type == "timestamp") {
    return timestamp_out(value);
  }
  return value;
}

nlohmann::json cli_to_wire_json(const ServiceModel& service, const nlohmann::json& shape,
                                const nlohmann::json& value) {
  const std::string& type = type_of(shape);
  if (type == "structure" && value.is_object()) {
    nlohmann::json out = nlohmann::json::object();
    const auto& members = members_of(shape);
    for (const auto& [name, item] : value.items()) {
      const auto ref = members.find(name);
      if (ref == members.end()) {
        out[name] = item; // not modelled: passed as given
      } else if (!ref->contains("location")) {
        out[wire_name(name, *ref)] =
            cli_to_wire_json(service, service.shape(ref->at("shape").get<std::string>()), item);
      }
    }
    return out;
  }
  if (type == "list" && value.is_array()) {
    nlohmann::json out = nlohmann::json::array();
    const auto& member = service.shape(shape.at("member").at("shape").get<std::string>());
    for (const auto& item : value) {
      out.push_back(cli_to_wire_json(service, member, item));
    }
    return out;
  }
  if (type == "map" && value.is_object()) {
    nlohmann::json out = nlohmann::json::object();
    const auto& element = service.shape(shape.at("value").at("shape").get<std::string>());
    for (const auto& [key, item] : value.items()) {
      out[key] = cli_to_wire_json(service, element, item);
    }
    return out;
  }
  if (type == "timestamp") {
    if (const auto instant = parse_wire_timestamp(value)) {
      if (shape.value("timestampFormat", "") == "iso8601") {
        return format_cli_timestamp(*instant);
      }
      return epoch_seconds(*instant);
    }
  }
  return value;
}

nlohmann::json xml_to_cli(const ServiceModel& service, const nlohmann::json& shape,
                          const pugi::xml_node& node) {
  const std::string& type = type_of(shape);
  if (type == "structure") {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& [member, ref] : members_of(shape).items()) {
      const auto& target = service.shape(ref.at("shape").get<std::string>());
      const std::string name = wire_name(member, ref);
      if (type_of(target) == "list" && flattened(ref, target)) {
        // Flattened: the items are repeated elements of the structure itself.
        const std::string item_name = target.at("member").value("locationName", name);
        const auto& item_shape = service.shape(target.at("member").at("shape").get<std::string>());
        nlohmann::json items = nlohmann::json::array();
        for (const auto& child : node.children(item_name.c_str())) {
          items.push_back(xml_to_cli(service, item_shape, child));
        }
        if (!items.empty()) {
          out[member] = std::move(items);
        }
        continue;
      }
      if (type_of(target) == "map" && flattened(ref, target)) {
        nlohmann::json map = nlohmann::json::object();
        const std::string key_name = target.at("key").value("locationName", "key");
        const std::string value_name = target.at("value").value("locationName", "value");
        const auto& value_shape = service.shape(target.at("value").at("shape").get<std::string>());
        for (const auto& entry : node.children(name.c_str())) {
          map[entry.child(key_name.c_str()).child_value()] =
              xml_to_cli(service, value_shape, entry.child(value_name.c_str()));
        }
        if (!map.empty()) {
          out[member] = std::move(map);
        }
        continue;
      }
      const pugi::xml_node child = node.child(name.c_str());
      if (!child.empty()) {
        out[member] = xml_to_cli(service, target, child);
      }
    }
    return out;
  }
  if (type == "list") {
    const std::string item_name = shape.at("member").value("locationName", "member");
    const auto& item_shape = service.shape(shape.at("member").at("shape").get<std::string>());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& child : node.children(item_name.c_str())) {
      items.push_back(xml_to_cli(service, item_shape, child));
    }
    return items;
  }
  if (type == "map") {
    const std::string key_name = shape.at("key").value("locationName", "key");
    const std::string value_name = shape.at("value").value("locationName", "value");
    const auto& value_shape = service.shape(shape.at("value").at("shape").get<std::string>());
    nlohmann::json map = nlohmann::json::object();
    for (const auto& entry : node.children("entry")) {
      map[entry.child(key_name.c_str()).child_value()] =
          xml_to_cli(service, value_shape, entry.child(value_name.c_str()));
    }
    return map;
  }
  return xml_scalar(shape, node);
}

std::string scalar_text(const nlohmann::json& shape, const nlohmann::json& value) {
  if (type_of(shape) == "timestamp") {
    if (const auto instant = parse_wire_timestamp(value)) {
      return format_wire_timestamp(*instant);
    }
  }
  if (value.is_string()) {
    return value.get<std::string>();
  }
  if (value.is_boolean()) {
    return value.get<bool>() ? "true" : "false";
  }
  return value.dump();
}

void serialize_query(const ServiceModel& service, const nlohmann::json& shape, const nlohmann::json& value,
                     const std::string& prefix, std::vector<std::pair<std::string, std::string>>& out) {
  const std::string& type = type_of(shape);
  const auto join = [&](std::string_view name) {
    return prefix.empty() ? std::string(name) : fmt::format("{}.{}", prefix, name);
  };
  // An object for a shape-less input (an operation without input) is a structure without members.
  if ((type == "structure" || !shape.contains("type")) && value.is_object()) {
    const auto& members = members_of(shape);
    for (const auto& [name, item] : value.items()) {
      const auto ref = members.find(name);
      if (ref == members.end()) {
        out.emplace_back(join(name), scalar_text(nlohmann::json::object(), item));
        continue;
      }
      const auto& target = service.shape(ref->at("shape").get<std::string>());
      const bool ec2 = service.protocol == Protocol::kEc2;
      std::string key = join(ec2 ? ec2_query_name(name, *ref) : wire_name(name, *ref));
      // EC2 flattens every list (Filter.1.Name), whatever the model says, and sends an empty one not at all.
      if (type_of(target) == "list" && (ec2 || flattened(*ref, target))) {
        const auto& item_shape = service.shape(target.at("member").at("shape").get<std::string>());
        if (!ec2 && target.at("member").contains("locationName")) {
          key = join(target.at("member").at("locationName").get<std::string>());
        }
        int index = 1;
        for (const auto& element : item) {
          serialize_query(service, item_shape, element, fmt::format("{}.{}", key, index++), out);
        }
        continue;
      }
      serialize_query(service, target, item, key, out);
    }
    return;
  }
  if (type == "list" && value.is_array()) {
    if (value.empty()) {
      out.emplace_back(prefix, ""); // botocore sends an empty list as "Name="
      return;
    }
    const std::string item_name = shape.at("member").value("locationName", "member");
    const auto& item_shape = service.shape(shape.at("member").at("shape").get<std::string>());
    int index = 1;
    for (const auto& element : value) {
      serialize_query(service, item_shape, element, fmt::format("{}.{}.{}", prefix, item_name, index++), out);
    }
    return;
  }
  if (type == "map" && value.is_object()) {
    const std::string key_name = shape.at("key").value("locationName", "key");
    const std::string value_name = shape.at("value").value("locationName", "value");
    const auto& value_shape = service.shape(shape.at("value").at("shape").get<std::string>());
    int index = 1;
    for (const auto& [key, element] : value.items()) {
      const std::string entry = fmt::format("{}.entry.{}", prefix, index++);
      out.emplace_back(fmt::format("{}.{}", entry, key_name), key);
      serialize_query(service, value_shape, element, fmt::format("{}.{}", entry, value_name), out);
    }
    return;
  }
  out.emplace_back(prefix, scalar_text(shape, value));
}

} // namespace rg::aws

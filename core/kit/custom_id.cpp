#include "kit/custom_id.hpp"

#include <array>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace shoal::kit {
namespace {

bool plain_byte(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
         c == '_' || c == '~';
}

std::string percent_encode(const std::string& text) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (plain_byte(c)) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

std::optional<std::string> percent_decode(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out += text[i];
      continue;
    }
    if (i + 2 >= text.size()) return std::nullopt;
    const int high = hex_value(text[i + 1]), low = hex_value(text[i + 2]);
    if (high < 0 || low < 0) return std::nullopt;
    out += static_cast<char>(high * 16 + low);
    i += 2;
  }
  return out;
}

std::vector<std::string> split(const std::string& text) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    const auto slash = text.find('/', start);
    parts.push_back(text.substr(start, slash == std::string::npos ? std::string::npos : slash - start));
    if (slash == std::string::npos) return parts;
    start = slash + 1;
  }
}

std::optional<std::size_t> whole_number(const std::string& text) {
  if (text.empty() || text.size() > 9) return std::nullopt;
  std::size_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<std::size_t>(c - '0');
  }
  return value;
}

using NamedSet = std::pair<const char*, const std::vector<std::string>*>;

std::array<NamedSet, 2> paper_sets() {
  return {NamedSet{"animals", &animal_concepts()}, NamedSet{"politicians", &politician_concepts()}};
}

std::optional<std::size_t> place_in(const std::vector<std::string>* names, const std::string& name) {
  for (std::size_t i = 0; i < names->size(); ++i) {
    if ((*names)[i] == name) return i;
  }
  return std::nullopt;
}

}  // namespace

std::string temperature_label(double temperature) {
  char text[32];
  std::snprintf(text, sizeof text, "%.15g", temperature);
  std::string label = text;
  if (label.find_first_of(".e") == std::string::npos) label += ".0";
  return label;
}

std::string encode_custom_id(const RequestKey& key) {
  std::string id = std::string(to_string(key.task)) + "/" + to_string(key.condition) + "/" +
                   percent_encode(key.temperature) + "/" + std::to_string(key.individual) + "/" +
                   std::to_string(key.presentation) + "/";
  if (key.task == Task::Color) return id + percent_encode(key.word);
  for (const auto& [set, names] : paper_sets()) {
    const auto target = place_in(names, key.target), first = place_in(names, key.choice1),
               second = place_in(names, key.choice2);
    if (target && first && second) {
      return id + set + "/" + std::to_string(*target) + "/" + std::to_string(*first) + "/" + std::to_string(*second);
    }
  }
  return id + "list/" + percent_encode(key.target) + "/" + percent_encode(key.choice1) + "/" +
         percent_encode(key.choice2);
}

std::optional<RequestKey> decode_custom_id(const std::string& id) {
  const auto parts = split(id);
  RequestKey key;
  if (parts.size() == 6 && parts[0] == "color") {
    key.task = Task::Color;
  } else if (parts.size() == 9 && parts[0] == "concept") {
    key.task = Task::Concept;
  } else {
    return std::nullopt;
  }
  const auto condition = condition_from_string(parts[1]);
  const auto temperature = percent_decode(parts[2]);
  const auto individual = whole_number(parts[3]);
  if (!condition || !temperature || temperature->empty() || !individual) return std::nullopt;
  if (parts[4] != "1" && parts[4] != "2") return std::nullopt;
  key.condition = *condition;
  key.temperature = *temperature;
  key.individual = *individual;
  key.presentation = parts[4][0] - '0';
  const std::vector<std::string>* set = nullptr;
  for (const auto& [name, names] : paper_sets()) {
    if (key.task == Task::Concept && parts[5] == name) set = names;
  }
  if (key.task == Task::Concept && !set && parts[5] != "list") return std::nullopt;
  std::vector<std::string> names;
  for (std::size_t i = key.task == Task::Color ? 5 : 6; i < parts.size(); ++i) {
    if (set) {
      if (parts[i].size() != 1 || parts[i][0] < '0' || parts[i][0] > '9') return std::nullopt;
      names.push_back((*set)[static_cast<std::size_t>(parts[i][0] - '0')]);
      continue;
    }
    auto name = percent_decode(parts[i]);
    if (!name || name->empty()) return std::nullopt;
    names.push_back(std::move(*name));
  }
  if (key.task == Task::Color) {
    key.word = names[0];
  } else {
    key.target = names[0];
    key.choice1 = names[1];
    key.choice2 = names[2];
  }
  return key;
}

}  // namespace shoal::kit

#include "page_files.hpp"

#include <emscripten/bind.h>

#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <string>

#include "io/sha256.hpp"

namespace shoal::wasm {

using emscripten::val;

bool present(const val& v) { return !v.isUndefined() && !v.isNull(); }

std::string string_field(const val& object, const char* name) {
  const val v = object[name];
  return v.isString() ? v.as<std::string>() : std::string();
}

TextInput read_bytes(const val& file) {
  TextInput input;
  input.name = file["name"].as<std::string>();
  const val bytes = file["bytes"];
  input.content.resize(bytes["length"].as<std::size_t>());
  val(emscripten::typed_memory_view(input.content.size(), reinterpret_cast<unsigned char*>(input.content.data())))
      .call<void>("set", bytes);
  // The page's fingerprint of the whole file, taken as it read it.
  const val size = file["size"];
  if (!size.isNumber() || size.as<double>() == static_cast<double>(input.content.size())) {
    input.sha256 = string_field(file, "sha256");
  }
  return input;
}

std::string fingerprint(const val& file) {
  std::string given = string_field(file, "sha256");
  if (!given.empty()) return given;
  const val bytes = file["bytes"];
  const std::size_t length = bytes["length"].as<std::size_t>();
  constexpr std::size_t kPiece = std::size_t{1} << 20;
  std::string piece;
  Sha256 hash;
  for (std::size_t at = 0; at < length; at += kPiece) {
    piece.resize(std::min(kPiece, length - at));
    val(emscripten::typed_memory_view(piece.size(), reinterpret_cast<unsigned char*>(piece.data())))
        .call<void>("set", bytes.call<val>("subarray", static_cast<double>(at), static_cast<double>(at + piece.size())));
    hash.add(piece);
  }
  return hash.hex();
}

void check_whole(const val& file, const TextInput& input) {
  const val size = file["size"];
  if (!size.isNumber() || size.as<double>() == static_cast<double>(input.content.size())) return;
  throw std::invalid_argument(input.name + " is " + std::to_string(static_cast<std::uint64_t>(size.as<double>())) +
                              " bytes, but " + std::to_string(input.content.size()) +
                              " of them were given: it cannot be analysed in part");
}

InputSettings read_settings(const val& file) {
  InputSettings settings;
  const val s = file["settings"];
  if (!present(s)) return settings;
  const std::string format = string_field(s, "format");
  if (!format.empty()) settings.format = format;
  const val columns = s["columns"];
  if (present(columns)) {
    const val roles = val::global("Object").call<val>("keys", columns);
    for (unsigned i = 0; i < roles["length"].as<unsigned>(); ++i) {
      const std::string role = roles[i].as<std::string>();
      const std::string column = string_field(columns, role.c_str());
      if (!column.empty()) settings.columns[role] = column;
    }
  }
  const val labels = s["labels"];
  if (present(labels)) {
    settings.labels.name = string_field(labels, "name");
    settings.labels.model = string_field(labels, "model");
    settings.labels.prompt = string_field(labels, "prompt");
    settings.labels.temperature = string_field(labels, "temperature");
    settings.labels.family = string_field(labels, "family");
    const val aligned = labels["aligned"];
    if (aligned.isTrue() || aligned.isFalse()) settings.labels.aligned = aligned.isTrue();
    const val human = labels["human"];
    if (human.isTrue() || human.isFalse()) settings.labels.human = human.isTrue();
  }
  return settings;
}

std::vector<AnalysisFileInput> analysis_inputs(const val& files) {
  std::vector<AnalysisFileInput> inputs;
  for (unsigned i = 0; i < files["length"].as<unsigned>(); ++i) {
    const val file = files[i];
    const std::string name = file["name"].as<std::string>();
    const std::string sha256 = fingerprint(file);
    const InputSettings settings = read_settings(file);
    if (settings.format == kWordNormsRole) {
      inputs.push_back(word_norms_input(name, sha256));
    } else {
      inputs.push_back({name, kResponsesRole, sha256, settings});
    }
  }
  return inputs;
}

}  // namespace shoal::wasm

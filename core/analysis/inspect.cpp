#include "analysis/inspect.hpp"

#include <type_traits>

#include "color/word_norms.hpp"
#include "io/columns.hpp"
#include "io/csv.hpp"
#include "io/table_reader.hpp"
#include "io/input_error.hpp"
#include "report/report_json.hpp"

namespace shoal {
namespace {

constexpr std::size_t kPreviewRows = 6;

nlohmann::json error_json(const InputError& e) {
  return {{"file", e.file()}, {"row", e.row()}, {"column", e.column()}, {"message", e.what()}};
}

template <typename Dataset>
void describe_populations(const Dataset& dataset, nlohmann::json& out) {
  nlohmann::json populations = nlohmann::json::array();
  for (const auto& p : dataset.populations) populations.push_back(to_json(p.label));
  if constexpr (std::is_same_v<Dataset, ConceptDataset>) {
    for (const auto& p : dataset.released) populations.push_back(to_json(p.label));
  }
  out["populations"] = populations;
  out["issues"] = report_envelope("", nlohmann::json::object(), {}, dataset.issues)["input_issues"];
}

nlohmann::json color_roles(ColorFormat format) {
  switch (format) {
    case ColorFormat::HumanLong: return {"individual", "word", "block", "r", "g", "b"};
    case ColorFormat::PlainLong: return {"population", "individual", "word", "block", "colour", "r", "g", "b"};
    default:
      return {"individual", "word", "hex1", "hex2", "reply1", "reply2", "model", "prompt", "temperature", "family",
              "aligned"};
  }
}

nlohmann::json concept_roles(ConceptFormat format) {
  if (format == ConceptFormat::ReleasedChains) return nlohmann::json::array();  // fixed column names
  if (format == ConceptFormat::RawLlm) {
    return {"individual", "concept", "choice1", "choice2", "reply1", "reply2", "model", "prompt", "temperature",
            "family", "aligned"};
  }
  if (format == ConceptFormat::Generic) {
    return {"population", "individual", "concept", "question", "answer", "options", "model", "prompt", "temperature",
            "family", "aligned"};
  }
  return {"concept", "individual", "question", "choice", "population", "model", "prompt", "temperature", "family",
          "aligned"};
}

// Fills in what one task's loader makes of the input.
template <typename Options, typename Detect, typename Load, typename Roles>
void inspect_as(const char* task, const TextInput& input, const CsvTable& table, const Options& options,
                Detect detect, Load load, Roles roles, nlohmann::json& out) {
  const auto columns = detect(table, options);
  out["task"] = task;
  out["format"] = to_string(columns.format);
  out["roles"] = columns.roles;
  out["format_roles"] = roles(columns.format);
  // The inspection shows no fingerprint of its input, so the loader is given
  // a stand-in to keep rather than made to hash the text (natively, a third
  // of the time of inspecting the paper's 256 KB samples).
  TextInput unhashed{input.name, input.content, "not taken by an inspection"};
  describe_populations(load(std::vector<TextInput>{std::move(unhashed)}, std::vector<Options>{options}), out);
}

void inspect_color(const TextInput& input, const CsvTable& table, const ColorInputOptions& options,
                   nlohmann::json& out) {
  inspect_as("color", input, table, options, detect_color_columns, load_color_inputs, color_roles, out);
}

void inspect_concept(const TextInput& input, const CsvTable& table, const ConceptInputOptions& options,
                     nlohmann::json& out) {
  inspect_as("concept", input, table, options, detect_concept_columns, load_concept_inputs, concept_roles, out);
}

// Word norms are not analysed but drawn against the colour results, so the
// whole (small) table goes back parsed.
void inspect_word_norms(const CsvTable& table, nlohmann::json& out) {
  const WordNorms norms = read_word_norms(table);
  out["task"] = "word-norms";
  out["format"] = "word-norms";
  nlohmann::json ratings = nlohmann::json::array();
  for (const auto& row : norms.ratings) {
    nlohmann::json values = nlohmann::json::array();
    for (double v : row) values.push_back(number_or_null(v));
    ratings.push_back(std::move(values));
  }
  out["word_norms"] = {{"scales", norms.scales}, {"words", norms.words}, {"ratings", std::move(ratings)}};
}

template <typename Detect>
bool fits(Detect detect) {
  try {
    detect();
    return true;
  } catch (const InputError&) {
    return false;
  }
}

nlohmann::json inspect_whole(const TextInput& input, const InputSettings& settings) {
  nlohmann::json out = {{"name", input.name}, {"bytes", input.content.size()}, {"task", nullptr},
                        {"format", nullptr},  {"error", nullptr}};
  try {
    const CsvTable table = read_table(input);
    out["delimiter"] = std::string(1, table.delimiter);
    out["header"] = table.header;
    out["rows"] = table.row_count();
    nlohmann::json preview = nlohmann::json::array();
    for (std::size_t r = 0; r < table.row_count() && r < kPreviewRows; ++r) preview.push_back(table.row(r));
    out["preview"] = preview;

    const auto color = color_input_options(settings);
    const auto concept = concept_input_options(settings);
    if (color && color->format != ColorFormat::Auto) {
      inspect_color(input, table, *color, out);
    } else if (concept && concept->format != ConceptFormat::Auto) {
      inspect_concept(input, table, *concept, out);
    } else if (fits([&] { detect_concept_columns(table, *concept); })) {
      inspect_concept(input, table, *concept, out);
    } else if (fits([&] { detect_color_columns(table, *color); })) {
      inspect_color(input, table, *color, out);
    } else if (looks_like_word_norms(table)) {
      inspect_word_norms(table, out);
    } else {
      throw InputError(input.name, 1, "",
                       "not recognised as word-colour or similarity-judgement data (columns present: " +
                           column_list(table) + "); choose the format and the columns");
    }
  } catch (const InputError& e) {
    out["error"] = error_json(e);
  }
  return out;
}

}  // namespace

std::optional<nlohmann::json> inspect_head(const TextInput& head, std::size_t input_bytes,
                                           const InputSettings& settings) {
  const auto last_line_end = head.content.rfind('\n');
  if (last_line_end == std::string::npos) return std::nullopt;
  nlohmann::json out = inspect_whole(TextInput{head.name, head.content.substr(0, last_line_end + 1)}, settings);
  if (!out["error"].is_null()) return std::nullopt;
  out["bytes"] = input_bytes;
  out["sampled_bytes"] = last_line_end + 1;
  out["issues"] = nlohmann::json::array();
  return out;
}

nlohmann::json inspect_input(const TextInput& input, const InputSettings& settings, std::size_t sample_bytes) {
  if (sample_bytes == 0 || input.content.size() <= sample_bytes) return inspect_whole(input, settings);
  auto sampled = inspect_head(TextInput{input.name, input.content.substr(0, sample_bytes)}, input.content.size(), settings);
  return sampled ? *std::move(sampled) : inspect_whole(input, settings);
}

}  // namespace shoal

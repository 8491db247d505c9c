#pragma once
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/input_settings.hpp"
#include "analysis/run_settings.hpp"
#include "analysis/settings.hpp"

namespace shoal {

// One analysis, complete enough to run again: which analysis, every setting
// of it as text, each input by name, role and SHA-256 with the settings it
// is read with, and the Shoal version that defined it. The page's analysis
// files and share links, the command `shoal run` and the "analysis_file" of
// every report are this one definition (docs/analysis.schema.json).
constexpr int kAnalysisFileLayout = 1;

// What an input is to the analysis: the answers analysed, or, for the colour
// analysis, the words' ratings beside them (--word-norms).
inline constexpr const char* kResponsesRole = "responses";
inline constexpr const char* kWordNormsRole = "word-norms";

struct AnalysisFileInput {
  std::string name;     // the file name, without directories
  std::string role = kResponsesRole;
  std::string sha256;   // lower-case hex of the bytes
  InputSettings settings;
};

// The words' ratings as an input: read as ratings whatever settings the
// file was given, so they are always written {"format": "word-norms"}.
AnalysisFileInput word_norms_input(std::string name, std::string sha256);

struct AnalysisFile {
  Analysis analysis = Analysis::Color;
  // Every setting of the analysis (settings_of), by registry name, as text.
  OptionValues settings;
  std::vector<AnalysisFileInput> inputs;
  std::string version;  // the Shoal version that wrote the file
};

// The definition of a run: the settings given are completed with the
// registry's defaults, so that a file states every value and does not
// change meaning when a default does; settings of other analyses are left
// out. `inputs` is kept in its order, which is the analysis' order.
AnalysisFile define_analysis(Analysis analysis, const OptionValues& given, std::vector<AnalysisFileInput> inputs);

// The analysis an analysis file's "analysis" names: color, concept or values.
Analysis analysis_from_name(const std::string& name);

// {"shoal_analysis": 1, "version", "analysis", "settings": {name: text},
//  "inputs": [{"name", "role", "sha256", "format", "columns", "labels"}]}.
nlohmann::json analysis_file_json(const AnalysisFile& file);

// An analysis file, or a report holding one as its "analysis_file", read
// back; `source` names the file in messages. Throws InputError naming the
// source and the field at fault for anything malformed or unknown.
AnalysisFile read_analysis_file(const std::string& source, const nlohmann::json& json);
AnalysisFile read_analysis_file(const std::string& source, std::string_view text);

// Throws InputError naming `path` (where the input was found), the input's
// recorded name and both hashes when `content` is not the file the analysis
// used.
void check_input_content(const AnalysisFileInput& expected, const std::string& path, std::string_view content);

}  // namespace shoal

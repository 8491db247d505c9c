#include "analysis/analysis_file.hpp"

#include <set>

#include "io/input_error.hpp"
#include "io/sha256.hpp"
#include "report/report_json.hpp"

namespace shoal {
namespace {

const std::set<std::string> kFileFields = {"shoal_analysis", "version", "analysis", "settings", "inputs"};
const std::set<std::string> kInputFields = {"name", "role", "sha256", "format", "columns", "labels"};
const std::set<std::string> kLabelText = {"name", "model", "prompt", "temperature", "family"};

// Reading throws InputError about the analysis file as a whole (row 0),
// naming the field: the file is JSON, not a table.
struct Reader {
  const std::string& source;

  [[noreturn]] void fail(const std::string& problem) const { throw InputError(source, 0, "", problem); }

  const nlohmann::json& field(const nlohmann::json& object, const std::string& name, const std::string& where) const {
    const auto found = object.find(name);
    if (found == object.end()) fail(where + " has no \"" + name + "\"");
    return *found;
  }

  std::string text(const nlohmann::json& value, const std::string& what) const {
    if (!value.is_string()) fail(what + " is not text");
    return value.get<std::string>();
  }

  void only(const nlohmann::json& object, const std::set<std::string>& known, const std::string& where) const {
    if (!object.is_object()) fail(where + " is not an object");
    for (const auto& item : object.items()) {
      if (known.count(item.key()) == 0) fail(where + " has an unknown field " + quote_text(item.key()));
    }
  }

  LabelOverride labels(const nlohmann::json& value, const std::string& where) const {
    LabelOverride labels;
    if (!value.is_object()) fail(where + " is not an object");
    for (const auto& [key, v] : value.items()) {
      if (kLabelText.count(key) != 0) {
        const std::string t = text(v, where + "." + key);
        if (key == "name") labels.name = t;
        if (key == "model") labels.model = t;
        if (key == "prompt") labels.prompt = t;
        if (key == "temperature") labels.temperature = t;
        if (key == "family") labels.family = t;
      } else if (key == "aligned" || key == "human") {
        if (!v.is_boolean()) fail(where + "." + key + " is not true or false");
        (key == "aligned" ? labels.aligned : labels.human) = v.get<bool>();
      } else {
        fail(where + " has an unknown field " + quote_text(key));
      }
    }
    return labels;
  }

  AnalysisFileInput input(const nlohmann::json& value, std::size_t index, Analysis analysis) const {
    const std::string where = "input " + std::to_string(index + 1);
    only(value, kInputFields, where);
    AnalysisFileInput in;
    in.name = text(field(value, "name", where), where + ".name");
    if (in.name.empty() || in.name.find_first_of("/\\") != std::string::npos || in.name == "." || in.name == "..") {
      fail(where + ".name " + quote_text(in.name) + " is not a file name (no directories)");
    }
    in.role = text(field(value, "role", where), where + ".role");
    if (in.role != kResponsesRole && !(in.role == kWordNormsRole && analysis == Analysis::Color)) {
      fail(where + ".role " + quote_text(in.role) + " is not a role of the " + to_string(analysis) +
           " analysis (responses" + (analysis == Analysis::Color ? " or word-norms)" : ")"));
    }
    in.sha256 = text(field(value, "sha256", where), where + ".sha256");
    if (in.sha256.size() != 64 || in.sha256.find_first_not_of("0123456789abcdef") != std::string::npos) {
      fail(where + ".sha256 is not 64 lower-case hex digits");
    }
    if (value.contains("format")) in.settings.format = text(value["format"], where + ".format");
    if (value.contains("columns")) {
      const auto& columns = value["columns"];
      if (!columns.is_object()) fail(where + ".columns is not an object");
      for (const auto& [role, column] : columns.items()) {
        in.settings.columns[role] = text(column, where + ".columns." + role);
      }
    }
    if (value.contains("labels")) in.settings.labels = labels(value["labels"], where + ".labels");
    return in.role == kWordNormsRole ? word_norms_input(in.name, in.sha256) : in;
  }
};

nlohmann::json input_json(const AnalysisFileInput& in) {
  nlohmann::json columns = nlohmann::json::object();
  for (const auto& [role, column] : in.settings.columns) columns[role] = column;
  return {{"name", in.name},
          {"role", in.role},
          {"sha256", in.sha256},
          {"format", in.settings.format},
          {"columns", std::move(columns)},
          {"labels", to_json(in.settings.labels)}};
}

}  // namespace

AnalysisFileInput word_norms_input(std::string name, std::string sha256) {
  AnalysisFileInput in{std::move(name), kWordNormsRole, std::move(sha256), {}};
  in.settings.format = kWordNormsRole;
  return in;
}

AnalysisFile define_analysis(Analysis analysis, const OptionValues& given, std::vector<AnalysisFileInput> inputs) {
  AnalysisFile file;
  file.analysis = analysis;
  for (const Setting* s : settings_of(analysis)) {
    const auto found = given.find(s->name);
    file.settings[s->name] = found != given.end() ? found->second : s->fallback;
  }
  file.inputs = std::move(inputs);
  file.version = tool_version();
  return file;
}

Analysis analysis_from_name(const std::string& name) {
  for (Analysis a : {Analysis::Color, Analysis::Concept, Analysis::Values}) {
    if (name == to_string(a)) return a;
  }
  throw std::invalid_argument("unknown analysis " + quote_text(name) + " (expected color, concept or values)");
}

nlohmann::json analysis_file_json(const AnalysisFile& file) {
  nlohmann::json settings = nlohmann::json::object();
  for (const auto& [name, value] : file.settings) settings[name] = value;
  nlohmann::json inputs = nlohmann::json::array();
  for (const auto& in : file.inputs) inputs.push_back(input_json(in));
  return {{"shoal_analysis", kAnalysisFileLayout},
          {"version", file.version},
          {"analysis", to_string(file.analysis)},
          {"settings", std::move(settings)},
          {"inputs", std::move(inputs)}};
}

AnalysisFile read_analysis_file(const std::string& source, const nlohmann::json& json) {
  const Reader r{source};
  if (!json.is_object()) r.fail("this is neither an analysis file nor a report (not a JSON object)");
  // A report carries its analysis file; anything else must be one.
  if (json.contains("analysis_file")) return read_analysis_file(source, json["analysis_file"]);
  if (!json.contains("shoal_analysis")) {
    r.fail(json.contains("schema_version")
               ? "this report holds no \"analysis_file\" (it was written by a version of Shoal before they did)"
               : "this is neither an analysis file (no \"shoal_analysis\") nor a report");
  }
  r.only(json, kFileFields, "the analysis file");
  if (json["shoal_analysis"] != kAnalysisFileLayout) {
    r.fail("the analysis file's layout " + json["shoal_analysis"].dump() + " is not one this version reads (" +
           std::to_string(kAnalysisFileLayout) + ")");
  }
  AnalysisFile file;
  file.version = r.text(r.field(json, "version", "the analysis file"), "version");
  try {
    file.analysis = analysis_from_name(r.text(r.field(json, "analysis", "the analysis file"), "analysis"));
  } catch (const std::invalid_argument& e) {
    r.fail(e.what());
  }
  const auto& settings = r.field(json, "settings", "the analysis file");
  if (!settings.is_object()) r.fail("settings is not an object");
  OptionValues given;
  for (const auto& [name, value] : settings.items()) {
    try {
      setting_of(file.analysis, name);
    } catch (const std::out_of_range&) {
      r.fail("settings has " + quote_text(name) + ", which is not a setting of the " + to_string(file.analysis) +
             " analysis");
    }
    given[name] = r.text(value, "setting " + name);
  }
  const auto& inputs = r.field(json, "inputs", "the analysis file");
  if (!inputs.is_array() || inputs.empty()) r.fail("inputs is not a list of at least one input");
  std::set<std::string> names;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    file.inputs.push_back(r.input(inputs[i], i, file.analysis));
    if (!names.insert(file.inputs.back().name).second) {
      r.fail("input " + std::to_string(i + 1) + " is named " + quote_text(file.inputs.back().name) +
             " like an input before it: inputs are found by name");
    }
  }
  // A setting missing (a file written by hand) takes the default, as on the
  // command line; the version read stays the one recorded.
  const std::string version = file.version;
  file = define_analysis(file.analysis, given, std::move(file.inputs));
  file.version = version;
  return file;
}

AnalysisFile read_analysis_file(const std::string& source, std::string_view text) {
  nlohmann::json json;
  try {
    json = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    throw InputError(source, 0, "", std::string("this is not JSON: ") + e.what());
  }
  return read_analysis_file(source, json);
}

void check_input_content(const AnalysisFileInput& expected, const std::string& path, std::string_view content) {
  const std::string actual = sha256_hex(content);
  if (actual == expected.sha256) return;
  throw InputError(path, 0, "",
                   "this is not the file the analysis used as " + quote_text(expected.name) + ": its SHA-256 is " +
                       actual + ", the analysis file records " + expected.sha256);
}

}  // namespace shoal

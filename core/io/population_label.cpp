#include "io/population_label.hpp"

namespace shoal {

std::string file_stem(std::string_view file_name) {
  std::string stem(file_name);
  for (const char* ext : {".gz", ".csv", ".tsv", ".txt"}) {
    const std::string e(ext);
    if (stem.size() > e.size() && stem.compare(stem.size() - e.size(), e.size(), e) == 0) {
      stem.resize(stem.size() - e.size());
    }
  }
  return stem;
}

bool parse_paper_file_name(std::string_view file_name, PopulationLabel& label) {
  const std::string stem = file_stem(file_name);
  const auto prompt_at = stem.find("-prompt=");
  const auto temp_at = stem.find("-temp=", prompt_at == std::string::npos ? 0 : prompt_at);
  if (prompt_at == std::string::npos || prompt_at == 0 || temp_at == std::string::npos) return false;
  label.model = stem.substr(0, prompt_at);
  label.prompt = stem.substr(prompt_at + 8, temp_at - (prompt_at + 8));
  label.temperature = stem.substr(temp_at + 6);
  return !label.prompt.empty() && !label.temperature.empty();
}

std::string compose_population_name(const PopulationLabel& label) {
  std::string name = label.model;
  auto append = [&name](const std::string& key, const std::string& value) {
    if (value.empty()) return;
    if (!name.empty()) name += ' ';
    name += key + "=" + value;
  };
  append("prompt", label.prompt);
  append("temp", label.temperature);
  return name;
}

void apply_override(const LabelOverride& override_, PopulationLabel& label) {
  if (override_.human) label.human = *override_.human;
  const bool relabel = !override_.model.empty() || !override_.prompt.empty() || !override_.temperature.empty();
  if (!override_.model.empty()) label.model = override_.model;
  if (!override_.prompt.empty()) label.prompt = override_.prompt;
  if (!override_.temperature.empty()) label.temperature = override_.temperature;
  if (!override_.name.empty()) {
    label.name = override_.name;
  } else if (relabel) {
    label.name = compose_population_name(label);
  }
}

}  // namespace shoal

#include "io/population_label.hpp"

#include "io/csv.hpp"
#include "io/input_error.hpp"

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
  // The paper's repository names its clustering inputs MODEL-prompt=P-temp=T-forCRP.csv.
  const std::string paper_suffix = "-forCRP";
  if (label.temperature.size() > paper_suffix.size() &&
      label.temperature.compare(label.temperature.size() - paper_suffix.size(), paper_suffix.size(), paper_suffix) == 0) {
    label.temperature.resize(label.temperature.size() - paper_suffix.size());
  }
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

std::string readable_model(std::string_view model) {
  static const std::pair<const char*, const char*> spelling[] = {
      {"openchat", "Openchat"},
      {"starling", "Starling"},
      {"mistral-instruct", "Mistral-Instruct"},
      {"zephyr-mistral", "Zephyr-Mistral"},
      {"gemma-instruct", "Gemma-Instruct"},
      {"zephyr-gemma", "Zephyr-Gemma"},
      {"llama2", "Llama"},
      {"llama2-chat", "Llama-Chat"},
      {"tulu", "Tulu"},
      {"tulu-dpo", "Tulu-DPO"},
  };
  const std::string key = normalise_name(model);
  for (const auto& [slug, shown] : spelling) {
    if (key == slug) return shown;
  }
  return std::string(model);
}

std::string readable_prompt(std::string_view prompt) {
  return normalise_name(prompt) == "identity" ? std::string("persona") : std::string(prompt);
}

std::string readable_label(const PopulationLabel& label) {
  if (label.name_given) return label.name;
  if (label.name == kReleasedHumanChainsName) return "Humans (released chains)";
  if (label.human) return is_human_name(label.name) ? std::string("Humans") : "Humans (" + label.name + ")";
  std::string shown;
  for (const std::string& part : {readable_model(label.model), readable_prompt(label.prompt), label.temperature}) {
    if (part.empty()) continue;
    if (!shown.empty()) shown += " · ";
    shown += part;
  }
  return shown.empty() ? label.name : shown;
}

bool is_human_name(std::string_view name) {
  const std::string lowered = normalise_name(name);
  return lowered == "human" || lowered == "humans" || lowered == "people";
}

std::optional<ModelFamily> known_model_family(std::string_view model) {
  struct Entry {
    const char* model;
    const char* family;
    bool aligned;
  };
  static const Entry table[] = {
      {"openchat", "openchat_starling", false},     {"starling", "openchat_starling", true},
      {"mistral-instruct", "mistral", false},       {"zephyr-mistral", "mistral", true},
      {"gemma-instruct", "gemma", false},           {"zephyr-gemma", "gemma", true},
      {"llama2", "llama", false},                   {"llama2-chat", "llama", true},
      {"tulu", "llama", false},                     {"tulu-dpo", "llama", true},
  };
  const std::string name = normalise_name(model);
  for (const auto& e : table) {
    if (name == e.model) return ModelFamily{e.family, e.aligned};
  }
  return std::nullopt;
}

void apply_override(const LabelOverride& override_, PopulationLabel& label) {
  if (override_.human) label.human = *override_.human;
  const bool relabel = !override_.model.empty() || !override_.prompt.empty() || !override_.temperature.empty();
  if (!override_.model.empty()) label.model = override_.model;
  if (!override_.prompt.empty()) label.prompt = override_.prompt;
  if (!override_.temperature.empty()) label.temperature = override_.temperature;
  if (const auto known = known_model_family(label.model); known && !label.human) {
    if (label.family.empty()) label.family = known->family;
    if (!label.aligned) label.aligned = known->aligned;
  }
  if (!override_.family.empty()) label.family = override_.family;
  if (override_.aligned) label.aligned = *override_.aligned;
  if (!override_.name.empty()) {
    label.name = override_.name;
    label.name_given = true;
  } else if (relabel) {
    label.name = compose_population_name(label);
  }
}

void check_same_label(const PopulationLabel& first, const LabelSource& first_at, const PopulationLabel& now,
                      const std::string& file, std::size_t row) {
  auto conflict = [&](const char* what, const std::string& a, const std::string& b) {
    throw InputError(file, row, "",
                     "population " + quote_text(now.name) + " is given " + what + " " + quote_text(b) +
                         " here but " + quote_text(a) + " in " + first_at.file + ", row " +
                         std::to_string(first_at.row) + "; one population has one family and alignment");
  };
  if (first.aligned && now.aligned && *first.aligned != *now.aligned) {
    conflict("aligned", *first.aligned ? "yes" : "no", *now.aligned ? "yes" : "no");
  }
  if (!first.family.empty() && !now.family.empty() && first.family != now.family) {
    conflict("family", first.family, now.family);
  }
}

}  // namespace shoal

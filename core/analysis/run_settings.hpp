#pragma once
#include <cstddef>
#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "color/diversity.hpp"
#include "concept/diversity.hpp"
#include "io/columns.hpp"
#include "kit/prompts.hpp"
#include "values/analysis.hpp"

namespace shoal {

// A setting out of its range or not of its kind. The command line, the
// browser module and the page all check settings here, so each gets the
// same limits and the same words.
class OptionError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

// Settings by their command-line name without the dashes ("jsd-samples"),
// each as the text the user gave; a name not present takes its default from
// the registry (analysis/settings.hpp).
using OptionValues = std::map<std::string, std::string>;

// What the validators make of the settings; every field is set from the
// registry, given or by default.
struct ColorRunSettings {
  ColorOptions options;
  std::size_t bootstrap = 0;
};

struct ConceptRunSettings {
  ConceptOptions options;
  std::size_t bootstrap = 0;
};

struct ValuesRunSettings {
  ValuesOptions options;
  std::size_t bootstrap = 0;
};

// Throw OptionError for an unknown name, a value out of range, a number
// that is not written as a plain decimal, or a choice not offered.
ColorRunSettings color_run_settings(const OptionValues& values);
ConceptRunSettings concept_run_settings(const OptionValues& values);
ValuesRunSettings values_run_settings(const OptionValues& values);

// The experiment kit's request settings, by the names of `shoal prompts`:
// task, model, condition, persona-as, individuals, temperature, seed,
// wording and concepts (the last two only for the concept task). The word
// list and the persona file are read apart, as files.
kit::PromptOptions prompt_settings(const OptionValues& values);

// The ranges and defaults of the numeric settings of the page's analysis
// form, read from the registry (analysis/settings.hpp):
// {"seed": {"min": 0, "max": ..., "default": 1, "whole": true}, ...}.
nlohmann::json option_limits();
// The same for the kit's request form: individuals, temperature and seed.
nlohmann::json prompt_option_limits();

// Column overrides may only name roles the task reads.
void check_column_roles(const ColumnOverrides& columns, const std::vector<std::string>& roles);
const std::vector<std::string>& color_roles();
const std::vector<std::string>& concept_roles();
const std::vector<std::string>& values_roles();

}  // namespace shoal

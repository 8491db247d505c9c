#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace shoal {

// The analyses and the kit's request form, as a set of bits: a setting
// shared by several (seed, bootstrap, pairs) is defined once for all.
enum class Analysis : unsigned { Color = 1, Concept = 2, Values = 4, Prompts = 8 };

const char* to_string(Analysis analysis);

enum class SettingKind {
  Whole,    // a whole number in plain decimal, from min to max
  Number,   // a decimal number from min to max
  Choice,   // one of `choices`
  List,     // whole numbers from min to max separated by commas
  Flag,     // on or off: "true" or "false" as text, given bare on the command line
  Text,     // any text
};

const char* to_string(SettingKind kind);

// One setting: everything the command line, the validator, the browser
// module and the page know of it. Nothing else writes its default.
struct Setting {
  std::string name;       // the command-line name without the dashes
  unsigned analyses = 0;  // bits of Analysis
  SettingKind kind = SettingKind::Text;
  // The default as the text the validator reads; empty text for a text
  // setting that may stay empty.
  std::string fallback;
  double min = 0, max = 0;            // Whole, Number and List (each entry)
  std::vector<std::string> choices;   // Choice
  std::string what;        // a few words for messages: "seed (the random seed) must be ..."
  std::string value_name;  // the placeholder in --help: N, RULE, FILE
  // Help text; "{units}" stands for what the command resamples (words,
  // concepts, items).
  std::string help;
  // Where the page's analysis form starts elsewhere on purpose, its start
  // and the reason, said in the help of both.
  std::string page_default;
  std::string why;
  bool on_page = false;    // a field of the page's analysis form
  // May be given several times on the command line: the values are joined
  // by ';', as the text setting reads them.
  bool repeatable = false;

  bool applies_to(Analysis analysis) const { return (analyses & static_cast<unsigned>(analysis)) != 0; }
  // The value the page's form starts from.
  const std::string& page_start() const { return page_default.empty() ? fallback : page_default; }
};

// Every setting, in the order --help lists them.
const std::vector<Setting>& settings_registry();

// The settings of one analysis, in the registry's order.
std::vector<const Setting*> settings_of(Analysis analysis);

// The setting `name` of `analysis`; throws std::out_of_range when it has none.
const Setting& setting_of(Analysis analysis, std::string_view name);

// "all or paper", "none, identity, random or nonsense".
std::string choice_list(const std::vector<std::string>& choices);

// The registry for the page: [{name, analyses: ["color", ...], kind,
// default, min, max, choices, help, page_default, why, on_page}, ...].
nlohmann::json settings_json();

}  // namespace shoal

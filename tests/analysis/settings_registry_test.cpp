// The settings registry is the one definition of every setting: its
// defaults must be accepted by the validators, the options structs must
// start where it says, and every command's --help must list every setting.
#include <doctest/doctest.h>

#include <cstdlib>
#include <iostream>
#include <sstream>
#include <string>

#include "analysis/run_settings.hpp"
#include "analysis/settings.hpp"
#include "cli/commands.hpp"
#include "cli/help.hpp"

using namespace shoal;

namespace {

void check_by_validator(Analysis analysis, const OptionValues& values) {
  switch (analysis) {
    case Analysis::Color: color_run_settings(values); break;
    case Analysis::Concept: concept_run_settings(values); break;
    case Analysis::Values: values_run_settings(values); break;
    case Analysis::Prompts: {
      OptionValues with_model = values;
      with_model.emplace("model", "m");
      with_model.emplace("task", "concept");
      prompt_settings(with_model);
      break;
    }
  }
}

constexpr Analysis kAnalyses[] = {Analysis::Color, Analysis::Concept, Analysis::Values, Analysis::Prompts};

std::string squeezed(const std::string& text) {
  std::istringstream words(text);
  std::string word, out;
  while (words >> word) out += (out.empty() ? "" : " ") + word;
  return out;
}

std::string help_of(int (*run)(const std::vector<std::string>&)) {
  std::ostringstream captured;
  auto* old = std::cout.rdbuf(captured.rdbuf());
  const int status = run({"--help"});
  std::cout.rdbuf(old);
  CHECK(status == 0);
  return captured.str();
}

}  // namespace

TEST_CASE("settings registry: every entry has help, a kind's limits, and a default within them") {
  for (const Setting& s : settings_registry()) {
    CAPTURE(s.name);
    CHECK_FALSE(s.help.empty());
    CHECK(s.analyses != 0);
    CHECK(s.page_default.empty() == s.why.empty());   // a page default says why
    switch (s.kind) {
      case SettingKind::Whole:
      case SettingKind::Number:
        CHECK(s.min <= s.max);
        CHECK_FALSE(s.what.empty());
        if (!s.fallback.empty()) {   // the kit's temperature: empty leaves it to the model
          const double v = std::strtod(s.fallback.c_str(), nullptr);
          CHECK(v >= s.min);
          CHECK(v <= s.max);
        }
        break;
      case SettingKind::List:
        CHECK(s.min <= s.max);
        break;
      case SettingKind::Choice:
        REQUIRE_FALSE(s.choices.empty());
        CHECK(s.fallback == s.choices.front());
        break;
      case SettingKind::Flag:
        CHECK(s.fallback == "false");
        break;
      case SettingKind::Text:
        break;
    }
    // The default, and the page's start, given as text, pass the validator
    // of each analysis the setting belongs to.
    for (Analysis a : kAnalyses) {
      if (!s.applies_to(a)) continue;
      const std::string analysis = to_string(a);
      CAPTURE(analysis);
      // An empty text (the kit's model) is not a default but a value the user must give.
      if (s.page_start().empty()) continue;
      CHECK_NOTHROW(check_by_validator(a, {{s.name, s.fallback}}));
      CHECK_NOTHROW(check_by_validator(a, {{s.name, s.page_start()}}));
    }
  }
}

TEST_CASE("settings registry: a name is defined once per analysis") {
  for (Analysis a : kAnalyses) {
    const auto list = settings_of(a);
    for (std::size_t i = 0; i < list.size(); ++i) {
      for (std::size_t j = i + 1; j < list.size(); ++j) CHECK(list[i]->name != list[j]->name);
    }
  }
}

TEST_CASE("settings registry: a choice's values are those the validator takes, and only those") {
  for (Analysis a : kAnalyses) {
    for (const Setting* s : settings_of(a)) {
      if (s->kind != SettingKind::Choice) continue;
      CAPTURE(s->name);
      for (const auto& c : s->choices) CHECK_NOTHROW(check_by_validator(a, {{s->name, c}}));
      CHECK_THROWS_WITH_AS(check_by_validator(a, {{s->name, "none-of-these"}}),
                           (s->name + " must be " + choice_list(s->choices) + ", got 'none-of-these'").c_str(),
                           OptionError);
    }
  }
}

// The options structs of the domains keep member initialisers (the domains
// know nothing of the registry); they must start where the registry says.
namespace {
template <typename Options, typename... Members>
void check_same_members(const Options& from_registry, const Options& initialised, Members... members) {
  std::size_t index = 0;
  const auto check = [&](auto member) {
    CAPTURE(index);
    CHECK(from_registry.*member == initialised.*member);
    ++index;
  };
  (check(members), ...);
}
}  // namespace

TEST_CASE("settings registry: the options structs start at the registry's defaults") {
  check_same_members(color_run_settings({}).options, ColorOptions{}, &ColorOptions::pairs, &ColorOptions::formula,
                     &ColorOptions::reference, &ColorOptions::seed, &ColorOptions::jsd, &ColorOptions::jsd_samples,
                     &ColorOptions::all_pairs_up_to, &ColorOptions::sampled_pairs);
  const auto concept = concept_run_settings({}).options;
  CHECK(concept.model.alpha == ConceptOptions{}.model.alpha);
  CHECK(concept.model.prior == ConceptOptions{}.model.prior);
  check_same_members(concept, ConceptOptions{}, &ConceptOptions::kernel, &ConceptOptions::iterations,
                     &ConceptOptions::burn_in, &ConceptOptions::chains, &ConceptOptions::subset_sizes,
                     &ConceptOptions::seed, &ConceptOptions::min_people, &ConceptOptions::keep_traces);
  check_same_members(values_run_settings({}).options, ValuesOptions{}, &ValuesOptions::pairs, &ValuesOptions::scale,
                     &ValuesOptions::unit, &ValuesOptions::seed);
  using kit::PromptOptions;
  check_same_members(prompt_settings({{"model", "m"}}), PromptOptions{}, &PromptOptions::task,
                     &PromptOptions::condition, &PromptOptions::individuals, &PromptOptions::temperature,
                     &PromptOptions::seed, &PromptOptions::persona_as, &PromptOptions::wording);
}

TEST_CASE("settings registry: each command's --help lists every setting of its analysis with its help") {
  struct Command {
    Analysis analysis;
    int (*run)(const std::vector<std::string>&);
    const char* units;
  };
  for (const Command& command : {Command{Analysis::Color, cli::run_color, "words"},
                                 Command{Analysis::Concept, cli::run_concept, "concepts"},
                                 Command{Analysis::Values, cli::run_values, "items"},
                                 Command{Analysis::Prompts, cli::run_prompts, ""}}) {
    const std::string help = squeezed(help_of(command.run));
    for (const Setting* s : settings_of(command.analysis)) {
      if (command.analysis == Analysis::Prompts && s->name == "task") continue;   // the command's argument
      CAPTURE(s->name);
      const std::string head = "--" + s->name + (s->kind == SettingKind::Flag ? "" : " " + s->value_name) + " ";
      CHECK(help.find(head + squeezed(cli::setting_help(*s, command.units))) != std::string::npos);
    }
  }
}

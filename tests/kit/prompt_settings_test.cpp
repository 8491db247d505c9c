// The kit's request settings pass the validator the analyses' settings pass:
// the command line and the browser module hand it the same texts.
#include <doctest/doctest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "analysis/run_settings.hpp"
#include "kit/prompts.hpp"

using namespace shoal;

namespace {

OptionValues with(OptionValues values) {
  values.emplace("model", "m");
  return values;
}

void refused(const OptionValues& values, const std::string& message) {
  CAPTURE(message);
  CHECK_THROWS_WITH_AS(prompt_settings(values), message.c_str(), OptionError);
}

}  // namespace

TEST_CASE("kit settings: defaults") {
  const auto o = prompt_settings({{"model", "my-model"}});
  CHECK(o.task == kit::Task::Color);
  CHECK(o.model == "my-model");
  CHECK(o.condition == kit::Condition::None);
  CHECK(o.persona_as == kit::PersonaPlacement::User);
  CHECK(o.individuals == 0);
  CHECK_FALSE(o.temperature.has_value());
  CHECK(o.seed == 42);
  CHECK(o.wording == kit::Wording::Paper);
  CHECK(o.concepts.empty());
  CHECK(o.words.empty());
  CHECK(o.contexts.empty());
}

TEST_CASE("kit settings: valid values, the limits included") {
  const auto o = prompt_settings({{"task", "concept"},
                                  {"model", " spaced model "},
                                  {"condition", "nonsense"},
                                  {"persona-as", "system"},
                                  {"individuals", "1000000"},
                                  {"temperature", "100"},
                                  {"seed", "4294967295"},
                                  {"wording", "corrected"},
                                  {"concepts", "politicians"}});
  CHECK(o.task == kit::Task::Concept);
  CHECK(o.model == " spaced model ");
  CHECK(o.condition == kit::Condition::Nonsense);
  CHECK(o.persona_as == kit::PersonaPlacement::System);
  CHECK(o.individuals == 1000000);
  CHECK(o.temperature == 100.0);
  CHECK(o.seed == 4294967295u);
  CHECK(o.wording == kit::Wording::Corrected);
  CHECK(o.concepts == kit::concept_list("politicians"));
  CHECK(o.concepts.size() == 10);

  CHECK(prompt_settings(with({{"task", "colour"}})).task == kit::Task::Color);
  CHECK(prompt_settings(with({{"individuals", "0"}, {"seed", "0"}})).seed == 0);
  CHECK(prompt_settings(with({{"temperature", "0"}})).temperature == 0.0);
  CHECK(prompt_settings(with({{"temperature", ".7"}})).temperature == 0.7);
  CHECK(prompt_settings(with({{"temperature", "1.5e0"}})).temperature == 1.5);
  // Empty is not given: the model's own, as on the page.
  CHECK_FALSE(prompt_settings(with({{"temperature", ""}})).temperature.has_value());
  CHECK(prompt_settings(with({{"task", "concept"}, {"concepts", "a dog, a cat ,a wolf"}})).concepts ==
        std::vector<std::string>{"a dog", "a cat", "a wolf"});
}

TEST_CASE("kit settings: each error, in the words both builds give") {
  refused({}, "model (the model every request goes to) is required");
  refused({{"model", " \t"}}, "model (the model every request goes to) is required");
  refused({{"model", "bad\xff"}}, "model must be UTF-8 text");
  refused(with({{"task", "colors"}}), "task must be color or concept, got 'colors'");
  refused(with({{"condition", "persona"}}), "condition must be none, identity, random or nonsense, got 'persona'");
  refused(with({{"persona-as", "assistant"}}), "persona-as must be user or system, got 'assistant'");
  const std::string individuals =
      "individuals (simulated individuals, 0 for the default) must be a whole number from 0 to 1000000, got ";
  refused(with({{"individuals", "1000001"}}), individuals + "'1000001'");
  refused(with({{"individuals", "-1"}}), individuals + "'-1'");
  refused(with({{"individuals", "2.5"}}), individuals + "'2.5'");
  refused(with({{"individuals", "4294967296"}}), individuals + "'4294967296'");
  refused(with({{"individuals", ""}}), individuals + "''");
  const std::string temperature = "temperature (the sampling temperature) must be a number from 0 to 100, got ";
  refused(with({{"temperature", "100.5"}}), temperature + "'100.5'");
  refused(with({{"temperature", "-0.1"}}), temperature + "'-0.1'");
  refused(with({{"temperature", "1e3"}}), temperature + "'1e3'");
  refused(with({{"temperature", "warm"}}), temperature + "'warm'");
  refused(with({{"temperature", "NaN"}}), temperature + "'NaN'");
  refused(with({{"temperature", "0x1"}}), temperature + "'0x1'");
  const std::string seed =
      "seed (the concept targets and generated personas) must be a whole number from 0 to 4294967295, got ";
  refused(with({{"seed", "4294967296"}}), seed + "'4294967296'");
  refused(with({{"seed", "+1"}}), seed + "'+1'");
  refused(with({{"task", "concept"}, {"wording", "plain"}}), "wording must be paper or corrected, got 'plain'");
  refused(with({{"wording", "paper"}}), "wording and concepts are settings of the concept task");
  refused(with({{"concepts", "animals"}}), "wording and concepts are settings of the concept task");
  refused(with({{"words", "w.txt"}}), "unknown setting 'words'");
}

TEST_CASE("kit settings: the form's limits are the validator's") {
  const auto limits = prompt_option_limits();
  CHECK(limits["individuals"] == nlohmann::json({{"min", 0}, {"max", 1000000}, {"default", 0}, {"whole", true}}));
  CHECK(limits["seed"] == nlohmann::json({{"min", 0}, {"max", 4294967295u}, {"default", 42}, {"whole", true}}));
  CHECK(limits["temperature"] == nlohmann::json({{"min", 0.0}, {"max", 100.0}, {"default", nullptr}, {"whole", false}}));
  CHECK(limits.size() == 3);
  // Each bound is accepted and the next value past it refused.
  for (const auto& [name, limit] : limits.items()) {
    CAPTURE(name);
    const auto bound = [&](const char* which) {
      return limit["whole"].get<bool>() ? std::to_string(limit[which].get<std::uint64_t>())
                                        : std::to_string(limit[which].get<std::int64_t>());
    };
    CHECK_NOTHROW(prompt_settings(with({{name, bound("min")}})));
    CHECK_NOTHROW(prompt_settings(with({{name, bound("max")}})));
    const std::string past = limit["whole"].get<bool>() ? std::to_string(limit["max"].get<std::uint64_t>() + 1)
                                                        : "100.001";
    CHECK_THROWS_AS(prompt_settings(with({{name, past}})), OptionError);
  }
}

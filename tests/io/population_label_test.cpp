#include <doctest/doctest.h>

#include "io/population_label.hpp"

using namespace shoal;

TEST_CASE("labels: paper-style file names") {
  PopulationLabel label;
  REQUIRE(parse_paper_file_name("zephyr-gemma-prompt=identity-temp=1.5.csv", label));
  CHECK(label.model == "zephyr-gemma");
  CHECK(label.prompt == "identity");
  CHECK(label.temperature == "1.5");
  CHECK(compose_population_name(label) == "zephyr-gemma prompt=identity temp=1.5");
  PopulationLabel repository;
  REQUIRE(parse_paper_file_name("tulu-dpo-prompt=none-temp=default-forCRP.csv", repository));
  CHECK(repository.model == "tulu-dpo");
  CHECK(repository.prompt == "none");
  CHECK(repository.temperature == "default");
  PopulationLabel other;
  CHECK_FALSE(parse_paper_file_name("colorref.csv", other));
}

TEST_CASE("labels: the paper's model families, and the user's word over them") {
  CHECK(known_model_family("Tulu-DPO")->family == "llama");
  CHECK(known_model_family("tulu-dpo")->aligned);
  CHECK_FALSE(known_model_family("llama2")->aligned);
  CHECK(known_model_family("starling")->family == "openchat_starling");
  CHECK_FALSE(known_model_family("gpt-x").has_value());

  PopulationLabel label;
  label.model = "gemma-instruct";
  label.name = "gemma-instruct";
  apply_override(LabelOverride{}, label);
  CHECK(label.family == "gemma");
  CHECK(label.aligned == false);

  LabelOverride mine;
  mine.model = "my-model-dpo";
  mine.family = "mine";
  mine.aligned = true;
  mine.temperature = "0.7";
  apply_override(mine, label);
  CHECK(label.family == "mine");
  CHECK(label.aligned == true);
  CHECK(label.name == "my-model-dpo temp=0.7");

  PopulationLabel human;
  human.name = "people";
  human.human = is_human_name(human.name);
  CHECK(human.human);
  apply_override(LabelOverride{}, human);
  CHECK(human.family.empty());
  CHECK_FALSE(human.aligned.has_value());
}

TEST_CASE("labels: what a reader sees, in the spelling of the paper's figures") {
  CHECK(readable_model("openchat") == "Openchat");
  CHECK(readable_model("starling") == "Starling");
  CHECK(readable_model("mistral-instruct") == "Mistral-Instruct");
  CHECK(readable_model("zephyr-mistral") == "Zephyr-Mistral");
  CHECK(readable_model("gemma-instruct") == "Gemma-Instruct");
  CHECK(readable_model("Zephyr-Gemma") == "Zephyr-Gemma");
  CHECK(readable_model("llama2") == "Llama");
  CHECK(readable_model("llama2-chat") == "Llama-Chat");
  CHECK(readable_model("tulu") == "Tulu");
  CHECK(readable_model("TULU-DPO") == "Tulu-DPO");
  CHECK(readable_model("my-model_v2") == "my-model_v2");
  CHECK(readable_model("").empty());
  CHECK(readable_prompt("identity") == "persona");
  CHECK(readable_prompt("nonsense") == "nonsense");

  PopulationLabel llm;
  REQUIRE(parse_paper_file_name("gemma-instruct-prompt=identity-temp=default.csv", llm));
  llm.name = compose_population_name(llm);
  apply_override(LabelOverride{}, llm);
  CHECK(llm.name == "gemma-instruct prompt=identity temp=default");
  CHECK(readable_label(llm) == "Gemma-Instruct · persona · default");

  PopulationLabel hot;
  REQUIRE(parse_paper_file_name("llama2-chat-prompt=none-temp=1.5.csv", hot));
  hot.name = compose_population_name(hot);
  CHECK(readable_label(hot) == "Llama-Chat · none · 1.5");

  // Missing parts are left out; an unknown model keeps its own name.
  PopulationLabel bare;
  bare.model = "my-model";
  bare.temperature = "0.7";
  bare.name = compose_population_name(bare);
  CHECK(readable_label(bare) == "my-model · 0.7");

  // A population named by a population column has no parts: its name.
  PopulationLabel grouped;
  grouped.name = "group A";
  CHECK(readable_label(grouped) == "group A");

  PopulationLabel human;
  human.name = "human";
  human.human = true;
  CHECK(readable_label(human) == "Humans");
  human.name = "People";
  CHECK(readable_label(human) == "Humans");
  PopulationLabel pilot;
  pilot.name = "pilot";
  pilot.model = "pilot";
  LabelOverride mark_human;
  mark_human.human = true;
  apply_override(mark_human, pilot);
  CHECK(readable_label(pilot) == "Humans (pilot)");
  PopulationLabel released;
  released.name = kReleasedHumanChainsName;
  released.human = true;
  CHECK(readable_label(released) == "Humans (released chains)");

  // The user's name is the label as given, also for humans.
  LabelOverride named;
  named.name = "my gemma run";
  apply_override(named, llm);
  CHECK(llm.name == "my gemma run");
  CHECK(readable_label(llm) == "my gemma run");
  apply_override(named, human);
  CHECK(readable_label(human) == "my gemma run");
  // A relabelled model renames the population but is no name given.
  LabelOverride remodel;
  remodel.model = "zephyr-gemma";
  apply_override(remodel, hot);
  CHECK(hot.name == "zephyr-gemma prompt=none temp=1.5");
  CHECK(readable_label(hot) == "Zephyr-Gemma · none · 1.5");
}

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

#include <doctest/doctest.h>

#include <cstdio>
#include <string>

#include "report/color_report.hpp"
#include "stats/rng.hpp"

using namespace shoal;

namespace {

// Humans and four LLM populations of two families, 6 individuals answering
// 8 words twice with random colours: enough for the alignment model (the
// manipulation model has nothing to compare).
ColorDataset synthetic_colours() {
  Rng rng(11);
  const auto colour = [&rng] {
    char text[8];
    std::snprintf(text, sizeof text, "#%06x", static_cast<unsigned>(rng.below(1u << 24)));
    return std::string(text);
  };
  std::string humans = "population,individual,word,block,colour\n";
  std::string models = "model_name,temperature,word,subject_num,prompt,hex1,hex2\n";
  for (int i = 0; i < 6; ++i) {
    for (int w = 0; w < 8; ++w) {
      for (int b = 1; b <= 2; ++b) {
        humans += "human," + std::to_string(i) + ",word" + std::to_string(w) + ',' + std::to_string(b) + ',' + colour() + '\n';
      }
      for (const char* model : {"llama2", "llama2-chat", "mistral-instruct", "zephyr-mistral"}) {
        models += std::string(model) + ",default,word" + std::to_string(w) + ',' + std::to_string(i) + ",none," +
                  colour() + ',' + colour() + '\n';
      }
    }
  }
  return load_color_inputs({TextInput{"humans.csv", humans}, TextInput{"models.csv", models}}, {ColorInputOptions{}});
}

}  // namespace

TEST_CASE("colour report: comparisons with and without the bootstrap") {
  const ColorDataset dataset = synthetic_colours();
  ColorOptions options;
  options.jsd_samples = 200;
  const ColorAnalysis analysis = analyse_color(dataset, options);
  REQUIRE(analysis.populations.size() == 5);

  const auto report = [&](std::size_t draws) {
    return color_report(dataset, {}, analysis, compare_color(analysis, {draws, options.seed}));
  };
  const auto with = report(kDefaultBootstrapDraws);
  const auto& c = with["comparisons"];
  CHECK(c["unit"] == "word");
  CHECK(c["bootstrap"]["draws"] == kDefaultBootstrapDraws);
  CHECK(c["human_baseline"].size() == 1);
  CHECK(c["human_baseline"][0]["units"] == 8);
  CHECK(c["human_baseline"][0]["bootstrap_ci95"].size() == 2);
  CHECK(c["conditions"].size() == 4);
  CHECK(c["models"][0]["name"] == "alignment");
  CHECK(c["models"][0]["status"] == "fitted");
  CHECK(c["models"][0]["reml"]["observations"] == 32);
  CHECK(c["models"][1]["status"] == "skipped");
  // The same report twice: seeded.
  CHECK(report(kDefaultBootstrapDraws).dump() == with.dump());

  const auto without = report(0);
  CHECK(without["comparisons"]["bootstrap"]["draws"] == 0);
  CHECK(without["comparisons"]["human_baseline"][0]["bootstrap_ci95"].is_null());
  CHECK(without["comparisons"]["models"] == c["models"]);
}

#include <doctest/doctest.h>

#include <string>

#include "report/color_report.hpp"
#include "report/manuscript_fixtures.hpp"

using namespace shoal;

TEST_CASE("colour report: comparisons with and without the bootstrap") {
  const ColorDataset dataset = testing::two_family_colours(11);
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

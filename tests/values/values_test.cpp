#include <doctest/doctest.h>

#include <cmath>
#include <cstdlib>
#include <sstream>
#include <string>

#include "analysis/run_settings.hpp"
#include "compare/comparison.hpp"
#include "report/comparison_report.hpp"
#include "report/values_report.hpp"
#include "stats/rng.hpp"
#include "values/analysis.hpp"

using namespace shoal;

namespace {

ValuesDataset load(const std::string& csv) {
  return load_values_inputs({TextInput{"answers.csv", csv}}, {ValuesInputOptions{}});
}

ValuesAnalysis analyse_text(const std::string& csv, ValueScale scale = ValueScale::Raw,
                            PairRule rule = PairRule::All) {
  ValuesOptions options;
  options.scale = scale;
  options.pairs = rule;
  return analyse_values(load(csv), options);
}

// Three individuals answering one item: (1, 2), (4, 4), (10, 7).
const char* const kThree =
    "population,individual,item,block,value\n"
    "p,1,q,1,1\np,1,q,2,2\np,2,q,1,4\np,2,q,2,4\np,3,q,1,10\np,3,q,2,7\n";

std::string error_of(const std::string& csv) {
  try {
    load(csv);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

// Answers with an individual offset (sd `between`) and per-answer noise (sd
// `within`) in each of `dimensions` components, around a per-item truth.
std::string planted(int individuals, int items, int dimensions, double between, double within, std::uint64_t seed) {
  Rng rng(seed);
  std::ostringstream csv;
  csv.precision(17);
  csv << "population,individual,item,block";
  for (int k = 1; k <= dimensions; ++k) csv << (dimensions == 1 ? ",value" : ",value_" + std::to_string(k));
  csv << "\n";
  for (int i = 0; i < individuals; ++i) {
    for (int q = 0; q < items; ++q) {
      std::vector<double> own(dimensions);
      for (auto& v : own) v = 100.0 * q + between * rng.normal();
      for (int b = 1; b <= 2; ++b) {
        csv << "planted," << i << ",item" << q << "," << b;
        for (double v : own) csv << "," << v + within * rng.normal();
        csv << "\n";
      }
    }
  }
  return csv.str();
}

// E|X| for X ~ N(0, I_d): the mean of a chi distribution with d degrees.
double chi_mean(int d) { return std::sqrt(2.0) * std::exp(std::lgamma((d + 1) / 2.0) - std::lgamma(d / 2.0)); }

}  // namespace

TEST_CASE("values: internal and population distance of three individuals, by hand") {
  const auto all = analyse_text(kThree);
  const auto& item = all.populations.at(0).items.at(0);
  // Internal: |1-2|, |4-4|, |10-7|.
  CHECK(item.internal_distance.mean == doctest::Approx(4.0 / 3.0));
  // Population, block 1 of i against block 2 of j ≠ i: |1-4| |1-7| |4-2| |4-7| |10-2| |10-4|.
  CHECK(item.population_distance.n == 6);
  CHECK(item.population_distance.mean == doctest::Approx(28.0 / 6.0));
  CHECK(item.dist_from_diagonal == doctest::Approx((28.0 / 6.0 - 4.0 / 3.0) / std::sqrt(2.0)));
  // The paper's pairs: i < j only.
  const auto paper = analyse_text(kThree, ValueScale::Raw, PairRule::Paper);
  CHECK(paper.populations.at(0).items.at(0).population_distance.mean == doctest::Approx(4.0));
}

TEST_CASE("values: pooled-SD scale divides by the SD of every answer to the item") {
  const auto raw = analyse_text(kThree);
  const auto scaled = analyse_text(kThree, ValueScale::PooledSd);
  // Answers 1 2 4 4 10 7: mean 14/3, sample variance (Σx² - 6·mean²)/5.
  const double sd = std::sqrt((186.0 - 6.0 * (28.0 / 6.0) * (28.0 / 6.0)) / 5.0);
  const auto& item = scaled.populations.at(0).items.at(0);
  REQUIRE(item.scale.size() == 1);
  CHECK(item.scale[0] == doctest::Approx(sd));
  CHECK(item.internal_distance.mean == doctest::Approx(4.0 / 3.0 / sd));
  CHECK(item.dist_from_diagonal ==
        doctest::Approx(raw.populations.at(0).items.at(0).dist_from_diagonal / sd));
  CHECK(distance_unit(scaled.options) == "pooled SD");
}

TEST_CASE("values: vectors use the Euclidean distance") {
  const auto analysis = analyse_text(
      "population,individual,item,block,value_1,value_2\n"
      "p,a,q,1,0,0\np,a,q,2,3,4\np,b,q,1,6,8\np,b,q,2,6,8\n");
  const auto& item = analysis.populations.at(0).items.at(0);
  CHECK(analysis.dimensions == 2);
  CHECK(item.internal_distance.mean == doctest::Approx(2.5));                 // 5 and 0
  CHECK(item.population_distance.mean == doctest::Approx((10.0 + 5.0) / 2));  // (0,0)-(6,8), (6,8)-(3,4)
}

TEST_CASE("values: planted within- and between-individual SDs give the expected distance from the diagonal") {
  // Internal distance is |e₁ - e₂| ~ √2·w·χ_d, population distance
  // √2·√(b² + w²)·χ_d, so the distance from the diagonal is
  // E[χ_d]·(√(b² + w²) - w).
  struct Case {
    int dimensions;
    double between, within;
  };
  for (const Case c : {Case{1, 1.0, 0.5}, Case{1, 1.5, 1.0}, Case{3, 2.0, 1.0}}) {
    const auto analysis = analyse_text(planted(200, 15, c.dimensions, c.between, c.within, 17));
    const double expected =
        chi_mean(c.dimensions) * (std::sqrt(c.between * c.between + c.within * c.within) - c.within);
    const auto& summary = analysis.populations.at(0).summary;
    CAPTURE(c.dimensions);
    CAPTURE(expected);
    if (std::getenv("SHOAL_TEST_VERBOSE")) {
      MESSAGE("d " << c.dimensions << ", b " << c.between << ", w " << c.within << ": expected " << expected
                   << ", measured " << summary.dist_from_diagonal.mean);
    }
    CHECK(summary.items_analysed == 15);
    CHECK(std::fabs(summary.dist_from_diagonal.mean - expected) <= 0.1 * expected);
    CHECK(summary.internal.mean == doctest::Approx(std::sqrt(2.0) * c.within * chi_mean(c.dimensions)).epsilon(0.1));
  }
}

TEST_CASE("values: missing answers are counted and leave the individual incomplete") {
  const auto dataset = load(
      "population,individual,item,block,value\n"
      "p,1,q,1,1\np,1,q,2,NA\np,2,q,1,4\np,2,q,2,4\np,3,q,1,10\np,3,q,2,7\n");
  REQUIRE(dataset.issues.size() == 1);
  CHECK(dataset.issues[0].kind == "missing_value");
  CHECK(dataset.issues[0].first_row == 3);
  const auto analysis = analyse_values(dataset, {});
  const auto& p = analysis.populations.at(0);
  CHECK(p.invalid_responses == 1);
  CHECK(p.items.at(0).individuals == 2);
  CHECK(p.items.at(0).incomplete == 1);
}

TEST_CASE("values: repeated answers are dropped and counted per file; every file lists its populations") {
  const std::string first =
      "population,individual,item,block,value\n"
      "p,1,q,1,1\np,1,q,2,NA\np,1,q,2,2\np,2,q,1,4\np,2,q,2,4\np,3,q,1,10\np,3,q,2,7\np,3,q,2,8\n";
  const std::string second = "population,individual,item,block,value\nh,1,q,1,1\nh,2,q,1,2\np,1,q,1,5\n";
  const auto dataset =
      load_values_inputs({TextInput{"a.csv", first}, TextInput{"b.csv", second}}, {ValuesInputOptions{}});
  REQUIRE(dataset.issues.size() == 3);
  CHECK(dataset.issues[0].kind == "missing_value");
  CHECK(dataset.issues[0].first_row == 3);
  CHECK(dataset.issues[0].count == 1);
  CHECK(dataset.issues[1].kind == "duplicate_answer");
  CHECK(dataset.issues[1].first_file == "a.csv");
  CHECK(dataset.issues[1].first_row == 4);
  CHECK(dataset.issues[1].count == 2);
  CHECK(dataset.issues[2].kind == "duplicate_answer");
  CHECK(dataset.issues[2].first_file == "b.csv");
  CHECK(dataset.issues[2].first_row == 4);
  REQUIRE(dataset.populations.size() == 2);
  CHECK(dataset.populations[0].responses.size() == 6);   // the first of each repeated answer kept
  CHECK_FALSE(dataset.populations[0].responses[1].value.has_value());
  CHECK(dataset.inputs[0].populations == std::vector<std::string>{"p"});
  CHECK(dataset.inputs[1].populations == std::vector<std::string>{"h", "p"});
}

TEST_CASE("values: one population has one family and alignment") {
  CHECK(error_of("population,individual,item,block,value,model_name,aligned\n"
                 "m,1,q,1,1,m,yes\nm,1,q,2,1,m,yes\nm,2,q,1,2,m,no\n") ==
        "answers.csv, row 4: population 'm' is given aligned 'no' here but 'yes' in answers.csv, row 2; one "
        "population has one family and alignment");
}

TEST_CASE("values: bad input names the file, row and column") {
  CHECK(error_of("population,individual,item,block,value\np,1,q,1,abc\n") ==
        "answers.csv, row 2, column 'value': expected a number (e.g. 12, -0.5, 3e4), found 'abc'");
  CHECK(error_of("population,individual,item,block,value\np,1,q,3,1\n") ==
        "answers.csv, row 2, column 'block': expected block 1 or 2, found '3'");
  CHECK(error_of("population,individual,item,block,value_1,value_3\np,1,q,1,1,2\n").find(
            "value_2 is missing") != std::string::npos);
  CHECK(error_of("population,individual,item,block,value_1,value_2\np,1,q,1,1,\n").find(
            "row 2, column 'value_2': this component of the answer is empty") != std::string::npos);
  CHECK(error_of("population,individual,item,block,answer\np,1,q,1,1\n").find("expected a column 'value'") !=
        std::string::npos);
  const std::string one_individual = "population,individual,item,block,value\np,1,q,1,1\np,1,q,2,2\n";
  CHECK_THROWS_WITH_AS(analyse_values(load(one_individual), {}),
                       doctest::Contains("the item 'q' was answered by only one individual"), InputError);
  CHECK_THROWS_WITH_AS(load_values_inputs({TextInput{"a.csv", kThree},
                                           TextInput{"b.csv", "population,individual,item,block,value_1,value_2\n"
                                                              "p,1,q,1,1,1\n"}},
                                          {ValuesInputOptions{}}),
                       doctest::Contains("b.csv, row 1"), InputError);
}

TEST_CASE("values: settings pass the analyses' one validator") {
  const auto defaults = values_run_settings({});
  CHECK(defaults.options.pairs == PairRule::All);
  CHECK(defaults.options.scale == ValueScale::PooledSd);
  CHECK(defaults.options.seed == 1);
  CHECK(defaults.bootstrap == 2000);
  const auto given =
      values_run_settings({{"pairs", "paper"}, {"scale", "raw"}, {"unit", "people"}, {"seed", "9007199254740991"},
                           {"bootstrap", "0"}});
  CHECK(given.options.pairs == PairRule::Paper);
  CHECK(given.options.scale == ValueScale::Raw);
  CHECK(given.options.unit == "people");
  CHECK(given.options.seed == 9007199254740991ULL);
  CHECK(given.bootstrap == 0);
  CHECK_THROWS_WITH_AS(values_run_settings({{"scale", "log"}}), "scale must be pooled-sd or raw, got 'log'", OptionError);
  CHECK_THROWS_WITH_AS(values_run_settings({{"pairs", "some"}}), "pairs must be all or paper, got 'some'", OptionError);
  CHECK_THROWS_WITH_AS(values_run_settings({{"bootstrap", "10000001"}}),
                       "bootstrap (bootstrap resamples) must be a whole number from 0 to 10000000, got '10000001'",
                       OptionError);
  CHECK_THROWS_WITH_AS(values_run_settings({{"seed", "-1"}}), doctest::Contains("got '-1'"), OptionError);
  CHECK_THROWS_WITH_AS(values_run_settings({{"delta-e", "cie76"}}), "unknown setting 'delta-e'", OptionError);
}

TEST_CASE("values: the report carries the population fields and the comparisons of items") {
  std::string csv = "population,individual,item,block,value,model_name,family,aligned\n";
  Rng rng(3);
  const char* const models[][3] = {{"a-base", "a", "no"}, {"a-chat", "a", "yes"}, {"b-base", "b", "no"},
                                   {"b-chat", "b", "yes"}};
  for (const auto& m : models) {
    const double between = m[2][0] == 'y' ? 0.1 : 1.0;
    for (int i = 0; i < 6; ++i) {
      for (int q = 0; q < 4; ++q) {
        const double own = between * rng.normal();
        for (int b = 1; b <= 2; ++b) {
          csv += std::string(m[0]) + "," + std::to_string(i) + ",q" + std::to_string(q) + "," + std::to_string(b) +
                 "," + std::to_string(own + 0.2 * rng.normal()) + "," + m[0] + "," + m[1] + "," + m[2] + "\n";
        }
      }
    }
  }
  const auto dataset = load(csv);
  ValuesOptions options;
  options.scale = ValueScale::Raw;
  options.unit = "people";
  const auto analysis = analyse_values(dataset, options);
  const auto comparisons = compare_values(analysis, {200, 1});
  const auto report = values_report(dataset, {ValuesInputOptions{}}, analysis, comparison_json(comparisons));
  CHECK(report["analysis"] == "values");
  CHECK(report["parameters"]["unit"] == "people");
  CHECK(report["parameters"]["scale"] == "raw");
  REQUIRE(report["populations"].size() == 4);
  const auto& p = report["populations"][1];
  CHECK(p["name"] == "a-chat");
  CHECK(p["family"] == "a");
  CHECK(p["aligned"] == true);
  CHECK(p["items_analysed"] == 4);
  CHECK(p["items"][0]["item"] == "q0");
  CHECK(p["dist_from_diagonal"]["mean"].get<double>() ==
        doctest::Approx(analysis.populations[1].summary.dist_from_diagonal.mean));
  CHECK(report["comparisons"]["unit"] == "item");
  const auto& alignment = report["comparisons"]["models"][0];
  CHECK(alignment["name"] == "alignment");
  REQUIRE(alignment["status"] == "fitted");
  // The aligned models were built less diverse.
  CHECK(alignment["reml"]["fixed"][1]["estimate"].get<double>() < 0.0);
}

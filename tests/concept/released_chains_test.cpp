// Clustering chains run elsewhere (the paper's released human chains) read
// as a precomputed human population.
#include <doctest/doctest.h>

#include <map>
#include <stdexcept>
#include <string>

#include "concept/diversity.hpp"
#include "concept/responses.hpp"
#include "io/input_error.hpp"
#include "report/concept_report.hpp"
#include "support.hpp"

using namespace shoal;

namespace {

ConceptDataset load(const std::string& csv) {
  return load_concept_inputs({TextInput{"chains.csv", csv}}, {ConceptInputOptions{}});
}

InputError error_for(const std::string& csv) {
  try {
    load(csv);
  } catch (const InputError& e) {
    return e;
  }
  FAIL("expected an InputError");
  return InputError("", 0, "", "");
}

const char* kHeader = "Concept,Iteration,S_Chao1,NumberOfPeople,NumberOfTrials,Prior,Tables,Alpha,Posterior,Chain,ProbabilityOfSameTable\n";

}  // namespace

TEST_CASE("released chains: summarised by hand-computable rules") {
  // Two chains of four iterations for one concept; with burn-in 2 the
  // recorded iterations are 2 and 3 of each chain.
  const std::string csv = std::string(kHeader) +
                          "finch,0,5,10,36,Simplicity,4,0.16,-90,1,0.10\n"
                          "finch,1,5,10,36,Simplicity,3,0.16,-80,1,0.20\n"
                          "finch,2,5,10,36,Simplicity,3,0.16,-85,1,0.30\n"
                          "finch,3,5,10,36,Simplicity,2,0.16,-88,1,0.40\n"
                          "finch,3,5,10,36,Simplicity,2,0.16,-70,2,0.60\n"   // rows in any order
                          "finch,0,5,10,36,Simplicity,4,0.16,-95,2,0.30\n"
                          "finch,1,5,10,36,Simplicity,3,0.16,-90,2,0.40\n"
                          "finch,2,5,10,36,Simplicity,3,0.16,-75,2,0.50\n";
  const ConceptDataset dataset = load(csv);
  CHECK(dataset.populations.empty());
  REQUIRE(dataset.released.size() == 1);
  CHECK(dataset.inputs.at(0).format == "released-chains");
  ConceptOptions options;
  options.iterations = 4;
  options.burn_in = 2;
  CHECK(plan_chain_tasks(dataset, options).empty());
  const ConceptAnalysis analysis = analyse_concepts(dataset, options);
  REQUIRE(analysis.populations.size() == 1);
  const auto& p = analysis.populations[0];
  CHECK(p.label.human);
  CHECK(p.label.name == "human (released chains)");
  const auto& s = p.concepts.at(0).subsets.at(0);
  CHECK(s.people == 10);
  REQUIRE(s.chains.size() == 2);
  CHECK(s.chains[0].last.iteration == 3);
  CHECK(s.chains[0].last.p_same_table == doctest::Approx(0.40));
  CHECK(s.chains[1].last.p_same_table == doctest::Approx(0.60));
  CHECK(s.chains[0].map.log_posterior == doctest::Approx(-80));
  CHECK(s.chains[1].map.log_posterior == doctest::Approx(-70));
  // Recorded draws 0.3, 0.4, 0.5, 0.6: mean 0.45; P(multiple) 0.55.
  CHECK(s.p_same_table.draws == 4);
  CHECK(s.p_same_table.mean == doctest::Approx(0.45));
  CHECK(s.p_multiple_concepts.mean == doctest::Approx(0.55));
  // The paper's number with several chains: the mean of each chain's last
  // value, 1 − 0.4 and 1 − 0.6.
  CHECK(s.last_p_multiple_concepts == doctest::Approx(0.50));
  CHECK(p.mean_last_p_multiple_concepts == doctest::Approx(0.50));
  // Two draws per chain are too few to split and diagnose: the cell fails
  // as undiagnosable rather than passing.
  CHECK(std::isnan(s.convergence.p_same_table.r_hat));
  CHECK(s.convergence.verdict == CellVerdict::Failed);

  const auto report = concept_report(dataset, {ConceptInputOptions{}}, analysis, compare_concepts(analysis, {0, analysis.options.seed}));
  CHECK(report["populations"][0]["human"] == true);
  CHECK(report["populations"][0]["concepts"][0]["category"] == "animals");
  CHECK(report["populations"][0]["concepts"][0]["clustered_ids"].empty());
  CHECK(report["comparisons"]["human_baseline"][0]["population"] == "human (released chains)");
}

TEST_CASE("released chains: judged by the min-people rule, as a population clustered here") {
  const std::string csv = std::string(kHeader) +
                          "finch,0,5,10,36,Simplicity,4,0.16,-90,1,0.10\n"
                          "finch,1,5,10,36,Simplicity,3,0.16,-80,1,0.20\n"
                          "Obama,0,5,12,36,Simplicity,4,0.16,-90,1,0.30\n"
                          "Obama,1,5,12,36,Simplicity,3,0.16,-80,1,0.40\n";
  const ConceptDataset dataset = load(csv);
  ConceptOptions options;
  options.iterations = 2;
  options.burn_in = 1;
  options.min_people = 11;
  const ConceptAnalysis analysis = analyse_concepts(dataset, options);
  const auto& p = analysis.populations.at(0);
  CHECK(p.concepts.at(0).below_min_people);          // 10 people
  CHECK_FALSE(p.concepts.at(1).below_min_people);    // 12 people
  CHECK(p.concepts_clustered == 2);
  CHECK(p.mean_last_p_multiple_concepts == doctest::Approx(0.60));   // Obama alone
  const auto report = concept_report(dataset, {ConceptInputOptions{}}, analysis, compare_concepts(analysis, {0, analysis.options.seed}));
  CHECK(report["parameters"]["min_people"] == 11);
  CHECK(report["populations"][0]["concepts"][0]["below_min_people"] == true);
  CHECK(report["comparisons"]["left_out"] ==
        nlohmann::json::parse(R"j([{"population": "human (released chains)", "concept": "finch", "people": 10}])j"));
  CHECK(report["comparisons"]["human_baseline"][0]["units"] == 1);
}

TEST_CASE("released chains: the paper's human chains give its baselines, 0.559 and 0.783") {
  const ConceptDataset dataset =
      load_concept_inputs({test::shared_input("paper-data/concept-task/human/crp-chains.csv")}, {ConceptInputOptions{}});
  const ConceptAnalysis analysis = analyse_concepts(dataset, ConceptOptions{});
  REQUIRE(analysis.populations.size() == 1);
  CHECK(analysis.populations[0].concepts.size() == 20);
  // The paper's baseline: per category, the mean over concepts and chains of
  // P(multiple concepts) at the final iteration (499).
  std::map<std::string, std::pair<double, int>> sums;
  const auto report = concept_report(dataset, {ConceptInputOptions{}}, analysis, compare_concepts(analysis, {0, analysis.options.seed}));
  for (const auto& c : report["populations"][0]["concepts"]) {
    for (const auto& chain : c["subsets"][0]["chains"]) {
      CHECK(chain["last"]["iteration"] == 499);
      auto& [sum, n] = sums[c["category"].get<std::string>()];
      sum += chain["last"]["p_multiple_concepts"].get<double>();
      ++n;
    }
  }
  CHECK(sums["animals"].second == 30);
  CHECK(sums["politicians"].second == 30);
  CHECK(sums["animals"].first / 30 == doctest::Approx(0.559).epsilon(0.0005 / 0.559));
  CHECK(sums["politicians"].first / 30 == doctest::Approx(0.783).epsilon(0.0005 / 0.783));
}

TEST_CASE("released chains: bad cells are named by row and column") {
  auto e = error_for(std::string(kHeader) + "finch,0,5,10,36,Simplicity,4,0.16,-90,1,0.1\nfinch,1,5,10,36,Simplicity,3,0.16,-80,1,high\n");
  CHECK(e.row() == 3);
  CHECK(e.column() == "ProbabilityOfSameTable");
  e = error_for(std::string(kHeader) + "finch,0,5,10,36,Simplicity,4,0.16,-90,1,1.5\n");
  CHECK(std::string(e.what()).find("between 0 and 1") != std::string::npos);
  e = error_for(std::string(kHeader) + "finch,0,5,10,36,Simplicity,4,0.16,-90,1,0.1\nfinch,0,5,10,36,Simplicity,4,0.16,-90,1,0.2\n");
  CHECK(e.row() == 3);
  CHECK(std::string(e.what()).find("appears twice") != std::string::npos);
  e = error_for(std::string(kHeader) + "finch,0,5,10,36,Simplicity,4,0.16,-90,1,0.1\nfinch,1,5,12,36,Simplicity,4,0.16,-90,1,0.2\n");
  CHECK(e.column() == "NumberOfPeople");
  e = error_for("Concept,Iteration,Chain,ProbabilityOfSameTable\nfinch,0,1,0.5\n");
  CHECK(std::string(e.what()).find("NumberOfPeople") != std::string::npos);
}

// One rule for every concept's numbers: a released chain keeps draws after
// the burn-in, as a chain run here does, or the analysis stops and says which.
// An undefined posterior mean never drops out of the population's means unseen.
TEST_CASE("released chains: a burn-in that leaves a chain no iterations stops the analysis, naming the chain") {
  const std::string csv = std::string(kHeader) +
                          "finch,0,5,10,36,Simplicity,4,0.16,-90,1,0.10\n"
                          "finch,1,5,10,36,Simplicity,3,0.16,-80,1,0.20\n"
                          "Obama,0,5,12,36,Simplicity,4,0.16,-90,1,0.30\n"
                          "Obama,1,5,12,36,Simplicity,3,0.16,-80,1,0.40\n"
                          "Obama,2,5,12,36,Simplicity,3,0.16,-80,1,0.50\n"
                          "Obama,3,5,12,36,Simplicity,3,0.16,-80,1,0.60\n";
  const ConceptDataset dataset = load(csv);
  ConceptOptions options;
  options.iterations = 3;
  options.burn_in = 2;
  options.min_people = 1;
  std::string message;
  try {
    analyse_concepts(dataset, options);
  } catch (const std::invalid_argument& e) {
    message = e.what();
  }
  CHECK(message == "the burn-in (2) leaves no iterations of chain 1 of 'finch' in chains.csv, whose last is 1: "
                   "set a burn-in at most that");
  // A burn-in the chains allow: every concept counts in the means.
  options.burn_in = 1;
  const ConceptAnalysis analysis = analyse_concepts(dataset, options);   // held: p refers into it
  const auto& p = analysis.populations.at(0);
  CHECK(p.mean_p_multiple_concepts == doctest::Approx((0.8 + 0.5) / 2));
  CHECK(p.mean_last_p_multiple_concepts == doctest::Approx((0.8 + 0.4) / 2));
}

TEST_CASE("released chains: chains of one concept that keep unequal numbers of draws are named") {
  const std::string csv = std::string(kHeader) +
                          "Obama,0,5,12,36,Simplicity,4,0.16,-90,1,0.30\n"
                          "Obama,1,5,12,36,Simplicity,3,0.16,-80,1,0.40\n"
                          "Obama,2,5,12,36,Simplicity,3,0.16,-80,1,0.50\n"
                          "Obama,0,5,12,36,Simplicity,4,0.16,-90,2,0.30\n"
                          "Obama,1,5,12,36,Simplicity,3,0.16,-80,2,0.40\n";
  ConceptOptions options;
  options.iterations = 2;
  options.burn_in = 0;
  std::string message;
  try {
    analyse_concepts(load(csv), options);
  } catch (const std::invalid_argument& e) {
    message = e.what();
  }
  CHECK(message == "from the burn-in (0) on, chain 2 of 'Obama' in chains.csv has 2 iterations and chain 1 of 'Obama' "
                   "in chains.csv has 3: R-hat and the effective sample size need chains of equal length");
}

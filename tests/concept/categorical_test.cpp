#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "concept/chi_square.hpp"
#include "concept/crp.hpp"
#include "concept/diversity.hpp"
#include "concept/responses.hpp"

using namespace shoal;

namespace {

AnswerMatrix matrix(std::vector<std::vector<int>> people, std::vector<std::uint32_t> options) {
  AnswerMatrix m;
  m.people = people.size();
  m.questions = people.at(0).size();
  m.options = std::move(options);
  for (const auto& person : people) {
    for (int answer : person) m.values.push_back(static_cast<std::uint8_t>(answer));
  }
  return m;
}

// The Dirichlet–multinomial marginal as a Pólya urn, person by person: the
// next person at a table of m chooses option j with probability
// (c_j + α) / (m + kα). An independent route to the closed form.
double urn_log_likelihood(const AnswerMatrix& answers, const Partition& seating, double alpha) {
  double total = 0.0;
  for (const auto& table : seating) {
    for (std::size_t q = 0; q < answers.questions; ++q) {
      const double k = answers.options_of(q);
      std::map<int, double> counts;
      double seated = 0.0;
      for (std::size_t person : table) {
        const int answer = answers.at(person, q);
        total += std::log((counts[answer] + alpha) / (seated + k * alpha));
        counts[answer] += 1.0;
        seated += 1.0;
      }
    }
  }
  return total;
}

// log of the CRP(1) prior: Σ log Γ(n_t) − log Γ(N + 1).
double crp_log_prior(const Partition& seating) {
  double total = 0.0, people = 0.0;
  for (const auto& table : seating) {
    total += std::lgamma(static_cast<double>(table.size()));
    people += static_cast<double>(table.size());
  }
  return total - std::lgamma(people + 1.0);
}

// Every seating of n people (set partitions, restricted growth strings).
std::vector<Partition> all_seatings(std::size_t n) {
  std::vector<Partition> result;
  std::vector<std::size_t> label(n, 0);
  while (true) {
    std::size_t tables = 0;
    for (std::size_t l : label) tables = std::max(tables, l + 1);
    Partition seating(tables);
    for (std::size_t i = 0; i < n; ++i) seating[label[i]].push_back(i);
    result.push_back(seating);
    // Next restricted growth string.
    std::size_t i = n;
    while (i-- > 1) {
      std::size_t top = 0;
      for (std::size_t j = 0; j < i; ++j) top = std::max(top, label[j]);
      if (label[i] <= top) {
        ++label[i];
        std::fill(label.begin() + static_cast<long>(i) + 1, label.end(), 0);
        break;
      }
    }
    if (i == 0) return result;
  }
}

}  // namespace

TEST_CASE("dirichlet-multinomial: one table of three people, k = 3, by hand") {
  // Answers 0, 0, 2 to one question with three options, α = 0.5:
  // (α/3α)·((1+α)/(1+3α))·(α/(2+3α)) = (1/3)·(1.5/2.5)·(0.5/3.5) = 1/35.
  const AnswerMatrix answers = matrix({{0}, {0}, {2}}, {3});
  CrpModel model;
  model.alpha = 0.5;
  model.prior = PartitionPrior::Uniform;
  CHECK(log_joint(answers, {{0, 1, 2}}, model) == doctest::Approx(std::log(1.0 / 35.0)).epsilon(1e-13));
  // Two tables: {0, 1} gives (1/3)(1.5/2.5) = 1/5, {2} gives 1/3.
  CHECK(log_joint(answers, {{0, 1}, {2}}, model) == doctest::Approx(std::log(1.0 / 15.0)).epsilon(1e-13));
}

TEST_CASE("dirichlet-multinomial: log joint for k = 3 and 4 equals the urn computed by hand") {
  // Mixed option counts: questions with 3, 4, 2 and 4 options.
  const AnswerMatrix answers = matrix({{0, 3, 1, 2}, {2, 3, 0, 2}, {0, 1, 1, 0}, {1, 3, 1, 2}, {0, 0, 0, 3}},
                                      {3, 4, 2, 4});
  for (double alpha : {0.16, 1.0, 2.5}) {
    for (auto prior : {PartitionPrior::Simplicity, PartitionPrior::Uniform}) {
      const CrpModel model{alpha, prior};
      for (const Partition& seating : all_seatings(answers.people)) {
        const double expected =
            urn_log_likelihood(answers, seating, alpha) + (prior == PartitionPrior::Simplicity ? crp_log_prior(seating) : 0.0);
        CHECK(log_joint(answers, seating, model) == doctest::Approx(expected).epsilon(1e-12));
        Restaurant restaurant(answers, model);
        restaurant.set_seating(seating);
        CHECK(restaurant.log_posterior() == doctest::Approx(expected).epsilon(1e-12));
      }
      // The sampler's conditional for person 2 equals the enumeration.
      const Partition others = {{0, 4}, {1}, {3}};
      const auto exact = exact_seating_probabilities(answers, 2, others, model);
      Restaurant restaurant(answers, model);
      restaurant.set_seating({{0, 4}, {1}, {3}, {2}});
      const auto sampled = restaurant.seating_probabilities(2);
      REQUIRE(sampled.size() == exact.size());
      for (std::size_t k = 0; k < exact.size(); ++k) CHECK(sampled[k] == doctest::Approx(exact[k]).epsilon(1e-12));
    }
  }
}

TEST_CASE("dirichlet-multinomial: with two options it is the Beta-Bernoulli model, bit for bit") {
  const AnswerMatrix implicit = matrix({{0, 1, 1}, {1, 1, 0}, {0, 0, 1}, {1, 1, 1}}, {});
  AnswerMatrix declared = implicit;
  declared.options = {2, 2, 2};
  const CrpModel model{0.16, PartitionPrior::Simplicity};
  for (const Partition& seating : all_seatings(4)) {
    // Beta–Bernoulli: Σ_q log B(ones + α, zeros + α) − log B(α, α).
    double expected = crp_log_prior(seating);
    for (const auto& table : seating) {
      for (std::size_t q = 0; q < 3; ++q) {
        double ones = 0.0;
        for (std::size_t person : table) ones += implicit.at(person, q);
        const double zeros = static_cast<double>(table.size()) - ones;
        expected += std::lgamma(ones + 0.16) + std::lgamma(zeros + 0.16) - std::lgamma(ones + zeros + 0.32) -
                    (2.0 * std::lgamma(0.16) - std::lgamma(0.32));
      }
    }
    CHECK(log_joint(declared, seating, model) == log_joint(implicit, seating, model));
    CHECK(log_joint(declared, seating, model) == doctest::Approx(expected).epsilon(1e-12));
  }
}

// As for two options (crp_reference_test): independent chains' final states
// are draws from the posterior; their number of tables must fit the
// enumerated posterior by a G-test at the 0.001 level.
namespace {

using Step = void (*)(Restaurant&, Rng&);

void check_kernel_against_enumeration(const char* kernel, int steps, Step step) {
  struct Case {
    const char* name;
    AnswerMatrix answers;
    CrpModel model;
  };
  const Case cases[] = {
      {"k=3", matrix({{0, 2, 1}, {0, 2, 1}, {1, 0, 2}, {1, 0, 2}, {2, 1, 0}, {0, 2, 2}}, {3, 3, 3}), {0.3, PartitionPrior::Simplicity}},
      {"k=4", matrix({{3, 0, 1, 2}, {3, 0, 1, 2}, {0, 3, 2, 1}, {1, 3, 2, 1}, {0, 0, 0, 0}, {3, 1, 1, 2}}, {4, 4, 4, 4}),
       {0.5, PartitionPrior::Simplicity}},
      {"k=4 uniform", matrix({{3, 0}, {2, 0}, {3, 1}, {0, 1}, {1, 3}}, {4, 4}), {1.0, PartitionPrior::Uniform}},
      // Questions with 2, 3 and 4 options: three normaliser groups at once.
      {"k=2,3,4", matrix({{1, 2, 3}, {1, 2, 3}, {0, 0, 1}, {0, 1, 1}, {1, 2, 0}, {0, 0, 3}}, {2, 3, 4}),
       {0.4, PartitionPrior::Simplicity}},
  };
  for (const auto& c : cases) {
    const std::size_t n = c.answers.people;
    std::vector<double> probabilities(n, 0.0), observed(n, 0.0);
    double expected_same = 0.0;
    {
      std::vector<double> log_weights;
      const auto seatings = all_seatings(n);
      for (const auto& s : seatings) log_weights.push_back(log_joint(c.answers, s, c.model));
      const double top = *std::max_element(log_weights.begin(), log_weights.end());
      double total = 0.0;
      for (double& w : log_weights) total += (w = std::exp(w - top));
      for (std::size_t i = 0; i < seatings.size(); ++i) {
        const double p = log_weights[i] / total;
        probabilities[seatings[i].size() - 1] += p;
        double same = 0.0;
        for (const auto& table : seatings[i]) same += std::pow(static_cast<double>(table.size()) / n, 2.0);
        expected_same += p * same;
      }
    }
    double sum = 0.0, sum_squares = 0.0;
    constexpr std::size_t kChains = 3000;
    for (std::size_t chain = 0; chain < kChains; ++chain) {
      Rng rng(derive_seed(derive_seed(derive_seed(424242, kernel), c.name), chain));
      Restaurant restaurant(c.answers, c.model);
      for (int s = 0; s < steps; ++s) step(restaurant, rng);
      observed[restaurant.tables() - 1] += 1.0;
      sum += restaurant.p_same_table();
      sum_squares += restaurant.p_same_table() * restaurant.p_same_table();
    }
    std::size_t df = 0;
    const double p_value = test::g_test_p_value(observed, probabilities, &df);
    const double mean = sum / kChains;
    const double se = std::sqrt((sum_squares - kChains * mean * mean) / (kChains - 1.0) / kChains);
    INFO(std::string(kernel) << ", " << std::string(c.name) << ": G-test p = " << p_value << " (df " << df << "), mean P(same table) " << mean << " vs "
                << expected_same);
    if (std::getenv("SHOAL_TEST_VERBOSE")) MESSAGE(std::string(kernel) << ", " << std::string(c.name) << ": G-test p = " << p_value << " (df " << df << "), mean " << mean << " vs " << expected_same);
    CHECK(df >= 1);
    CHECK(p_value > 0.001);
    CHECK(std::fabs(mean - expected_same) < 3.29 * se);
  }
}

}  // namespace

TEST_CASE("dirichlet-multinomial: the Gibbs sampler draws from the enumerated posterior for k = 3 and 4 (G-test)") {
  check_kernel_against_enumeration("gibbs", 30, [](Restaurant& r, Rng& rng) { r.iterate(rng, SamplerKernel::Gibbs); });
}

TEST_CASE("dirichlet-multinomial: Gibbs sweeps with split-merge moves draw from the enumerated posterior for k = 3 and 4") {
  // A proposal after every sweep, so that the moves act in every chain.
  check_kernel_against_enumeration("gibbs+split-merge", 30, [](Restaurant& r, Rng& rng) {
    r.sweep(rng);
    r.split_merge(rng);
  });
}

// The moves alone are irreducible (any seating splits down to singletons
// and merges up), so a chain of them must reach the posterior by itself; a
// wrong predictive or acceptance ratio for k > 2 would show here, where no
// Gibbs sweep masks it.
TEST_CASE("dirichlet-multinomial: split-merge moves alone draw from the enumerated posterior for k = 3 and 4") {
  check_kernel_against_enumeration("split-merge moves alone", 150, [](Restaurant& r, Rng& rng) { r.split_merge(rng); });
}

TEST_CASE("dirichlet-multinomial: planted 4-option concepts are recovered (P(same table) within 0.03 at 100 people)") {
  // Three latent concepts with weights .5 .3 .2; each holds, per question, a
  // favourite option chosen with probability .8 (the other three .2/3 each).
  Rng rng(99);
  constexpr std::size_t kPeople = 100, kQuestions = 24;
  const double weights[] = {0.5, 0.3, 0.2};
  std::vector<std::vector<int>> favourite(3, std::vector<int>(kQuestions));
  for (auto& concept_favourites : favourite) {
    for (auto& f : concept_favourites) f = static_cast<int>(rng.below(4));
  }
  std::vector<std::vector<int>> people;
  std::vector<double> sizes(3, 0.0);
  for (std::size_t i = 0; i < kPeople; ++i) {
    const double u = rng.uniform();
    const std::size_t concept_index = u < weights[0] ? 0 : u < weights[0] + weights[1] ? 1 : 2;
    sizes[concept_index] += 1.0;
    std::vector<int> answers;
    for (std::size_t q = 0; q < kQuestions; ++q) {
      const int other = static_cast<int>(rng.below(3));
      const int f = favourite[concept_index][q];
      answers.push_back(rng.uniform() < 0.8 ? f : (other >= f ? other + 1 : other));
    }
    people.push_back(answers);
  }
  double planted = 0.0;
  for (double s : sizes) planted += (s / kPeople) * (s / kPeople);
  const AnswerMatrix answers = matrix(people, std::vector<std::uint32_t>(kQuestions, 4));
  Rng chain_rng(5);
  const ChainResult chain = run_chain(answers, {0.16, PartitionPrior::Simplicity}, {300, 100}, chain_rng);
  double mean = 0.0;
  for (const auto& r : chain.recorded) mean += r.p_same_table;
  mean /= static_cast<double>(chain.recorded.size());
  INFO("planted P(same table) " << planted << ", posterior mean " << mean);
  if (std::getenv("SHOAL_TEST_VERBOSE")) MESSAGE("planted P(same table) " << planted << ", posterior mean " << mean);
  CHECK(std::fabs(mean - planted) <= 0.03);
}

TEST_CASE("generic format: options declared, seen, and what an unchosen option changes") {
  const std::string header = "population,individual,target,question,answer,options\n";
  std::string declared = header, seen = "population,individual,target,question,answer\n";
  const char* answers[] = {"agree", "agree", "disagree", "neutral"};
  for (int i = 0; i < 4; ++i) {
    declared += std::string("people,") + std::to_string(i) + ",tea,is good," + answers[i] +
                ",strongly disagree|disagree|neutral|agree|strongly agree\n";
    seen += std::string("people,") + std::to_string(i) + ",tea,is good," + answers[i] + "\n";
  }
  const auto d = load_concept_inputs({TextInput{"declared.csv", declared}}, {ConceptInputOptions{}});
  const auto s = load_concept_inputs({TextInput{"seen.csv", seen}}, {ConceptInputOptions{}});
  const auto& dr = d.populations.at(0).concepts.at(0);
  const auto& sr = s.populations.at(0).concepts.at(0);
  CHECK(dr.options.at(0) == std::vector<std::string>{"strongly disagree", "disagree", "neutral", "agree", "strongly agree"});
  CHECK(sr.options.at(0) == std::vector<std::string>{"agree", "disagree", "neutral"});   // seen, sorted
  CHECK(dr.complete.at(2).answers == std::vector<std::uint8_t>{1});
  CHECK(dr.option_counts.at(0) == std::vector<std::size_t>{0, 1, 1, 2, 0});
  // Five options rather than three: a new table's predictive α/5α < α/3α.
  const AnswerMatrix five = answer_matrix(dr, 4), three = answer_matrix(sr, 4);
  CHECK(five.options == std::vector<std::uint32_t>{5});
  const CrpModel model;
  CHECK(log_joint(five, {{0}, {1}, {2}, {3}}, model) < log_joint(three, {{0}, {1}, {2}, {3}}, model));

  const auto error_of = [](const std::string& csv) {
    try {
      load_concept_inputs({TextInput{"bad.csv", csv}}, {ConceptInputOptions{}});
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  CHECK(error_of(header + "p,1,tea,q,maybe,yes|no\np,2,tea,q,yes,yes|no\n") ==
        "bad.csv, row 2, column 'answer': expected one of the options of question 'q' (yes|no), found 'maybe'");
  CHECK(error_of(header + "p,1,tea,q,yes,yes|no\np,2,tea,q,yes,yes|no|maybe\n").find(
            "row 3, column 'options': question 'q' has options 'yes|no|maybe' here but 'yes|no' in bad.csv, row 2") !=
        std::string::npos);
  CHECK(error_of(header + "p,1,tea,q,yes,yes|yes\np,2,tea,q,yes,\n").find("expected distinct, non-empty options") !=
        std::string::npos);
  // An empty answer is counted, not dropped silently.
  const auto empty = load_concept_inputs({TextInput{"e.csv", header + "p,1,tea,q,,yes|no\np,2,tea,q,yes,yes|no\n"}},
                                         {ConceptInputOptions{}});
  CHECK(empty.populations.at(0).concepts.at(0).invalid_replies == 1);
  CHECK(empty.issues.at(0).kind == "invalid_reply");
}

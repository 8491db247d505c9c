// Timing of the Gibbs sampler: one iteration on 87 individuals × 36
// questions, and the whole replication of the paper's clustering (every
// file × concept × subset size × 500 iterations, one chain, one core).

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "concept/crp.hpp"
#include "concept/diversity.hpp"
#include "concept/responses.hpp"
#include "io/text_input.hpp"

using namespace shoal;

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Seconds per iteration of one chain after a short warm-up, and the mean
// number of tables it had.
void time_iterations(const char* what, const AnswerMatrix& answers, std::size_t iterations) {
  const CrpModel model;
  Rng rng(1);
  Restaurant restaurant(answers, model);
  for (int i = 0; i < 20; ++i) restaurant.sweep(rng);
  double tables = 0.0;
  const auto start = std::chrono::steady_clock::now();
  for (std::size_t i = 0; i < iterations; ++i) {
    restaurant.sweep(rng);
    tables += static_cast<double>(restaurant.tables());
  }
  const double per_iteration = seconds_since(start) / static_cast<double>(iterations);
  std::printf("%-60s %8.2f µs per iteration (%zu people × %zu questions, %.1f tables on average)\n", what,
              per_iteration * 1e6, answers.people, answers.questions, tables / static_cast<double>(iterations));
}

}  // namespace

int main(int argc, char** argv) {
  const std::filesystem::path shared = argc > 1 ? argv[1] : SHOAL_SHARED_DIR;
  const auto folder = shared / "paper-data" / "concept-task" / "llm-responses";
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) files.push_back(entry.path());
  std::sort(files.begin(), files.end());

  // 87 × 36 from real data: the concept with at least 87 complete
  // individuals whose clustering has the most tables (the slowest kind).
  {
    AnswerMatrix busiest;
    std::string label;
    double most_tables = -1.0;
    for (const auto& file : files) {
      const auto dataset = load_concept_inputs({read_text_input(file.string())}, {ConceptInputOptions{}});
      for (const auto& concept : dataset.populations[0].concepts) {
        if (concept.complete.size() < 87) continue;
        const AnswerMatrix answers = answer_matrix(concept, 87);
        Rng rng(1);
        Restaurant restaurant(answers, CrpModel{});
        for (int i = 0; i < 30; ++i) restaurant.sweep(rng);
        if (static_cast<double>(restaurant.tables()) > most_tables) {
          most_tables = static_cast<double>(restaurant.tables());
          busiest = answers;
          label = file.filename().string() + " / " + concept.concept;
        }
      }
    }
    if (most_tables >= 0) time_iterations(("real: " + label).c_str(), busiest, 2000);
    // Worst case: 87 people answering at random, so they hardly share tables.
    AnswerMatrix random{87, 36, {}};
    Rng rng(42);
    for (std::size_t k = 0; k < 87 * 36; ++k) random.values.push_back(static_cast<std::uint8_t>(rng.below(2)));
    time_iterations("synthetic: 87 individuals answering at random", random, 2000);
  }

  // The whole replication, loading included.
  const auto start = std::chrono::steady_clock::now();
  std::size_t subsets = 0, reseatings = 0;
  const ConceptOptions options;
  for (const auto& file : files) {
    const auto dataset = load_concept_inputs({read_text_input(file.string())}, {ConceptInputOptions{}});
    const auto analysis = analyse_concepts(dataset, options);
    for (const auto& concept : analysis.populations[0].concepts) {
      for (const auto& subset : concept.subsets) {
        ++subsets;
        reseatings += subset.people * options.iterations;
      }
    }
  }
  const double total = seconds_since(start);
  std::printf("whole replication: %zu files, %zu (concept, subset) chains × %zu iterations, %zu reseatings: %.2f s "
              "on one core\n",
              files.size(), subsets, options.iterations, reseatings, total);
  return 0;
}

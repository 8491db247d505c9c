// Replicates the paper's clustering of every LLM population, with the
// paper's Gibbs kernel and with the default split-merge kernel, and checks
// that the paper's iteration-499 P(same table) lies inside Shoal's central
// 95% posterior interval for the same file, concept and subset size. Exits 1
// when fewer than 90% of the paper's results do with Gibbs, or fewer with
// split-merge than with Gibbs. Where the paper's final
// seating is known without the sampler (everyone at one table), its log
// posterior must equal Shoal's for the same people to 1e-9: a check of the
// input handling (which individuals, aligned how) and of the likelihood.

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "concept/diversity.hpp"
#include "concept/responses.hpp"
#include "io/csv.hpp"
#include "io/text_input.hpp"

using namespace shoal;

namespace {

struct Case {
  std::string population;
  std::string concept;
  std::size_t people = 0;
  std::size_t paper_tables = 0;
  double paper_log_posterior = 0.0;
  double paper = 0.0;
  double low = 0.0, high = 0.0, mean = 0.0;
  double map_log_posterior = 0.0;   // the best seating Shoal's chains visited
  bool found = false;
  double miss() const {
    if (!found) return 1.0;
    return paper < low ? low - paper : (paper > high ? paper - high : 0.0);
  }
};

// Paper rows keyed by (model, prompt, temperature).
using PaperRows = std::map<std::tuple<std::string, std::string, std::string>, std::vector<Case>>;

PaperRows read_paper_results(const std::filesystem::path& folder) {
  PaperRows rows;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    const TextInput input = read_text_input(entry.path().string());
    // llama2.csv holds only a header: the paper has no result for it.
    if (input.content.find('\n') + 1 >= input.content.size()) continue;
    const CsvTable table = parse_csv(input.content, input.name);
    const std::size_t concept = table.require_column("Concept"), people = table.require_column("NumberOfPeople"),
                      same = table.require_column("ProbabilityOfSameTable"), model = table.require_column("model_name"),
                      prompt = table.require_column("prompt"), temperature = table.require_column("temperature"),
                      tables = table.require_column("Tables"), posterior = table.require_column("Posterior");
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
      Case c;
      c.concept = table.cell(r, concept);
      c.people = std::stoul(table.cell(r, people));
      c.paper = std::stod(table.cell(r, same));
      c.paper_tables = std::stoul(table.cell(r, tables));
      c.paper_log_posterior = std::stod(table.cell(r, posterior));
      rows[{table.cell(r, model), table.cell(r, prompt), table.cell(r, temperature)}].push_back(c);
    }
  }
  return rows;
}

struct Agreement {
  std::vector<Case> cases;
  std::size_t subsets_run = 0, one_table_checked = 0, one_table_mismatches = 0;
  double seconds = 0.0;
  double rate = 0.0;
  std::size_t misses = 0, stuck_paper_misses = 0;
};

// The paper's printed P(same table) carries float noise (0.8496000000000001).
constexpr double kPrintNoise = 1e-9;

Agreement agreement(const std::vector<std::filesystem::path>& files, const PaperRows& paper, SamplerKernel kernel) {
  const auto start = std::chrono::steady_clock::now();
  ConceptOptions options;   // the paper's settings: α 0.16, simplicity, 500 iterations, one chain
  options.kernel = kernel;
  Agreement result;
  for (const auto& file : files) {
    const ConceptDataset dataset = load_concept_inputs({read_text_input(file.string())}, {ConceptInputOptions{}});
    const ConceptAnalysis analysis = analyse_concepts(dataset, options);
    const auto& population = analysis.populations.at(0);
    std::map<std::pair<std::string, std::size_t>, const SubsetResult*> ours;
    for (const auto& concept : population.concepts) {
      for (const auto& subset : concept.subsets) {
        ours[{concept.concept, subset.people}] = &subset;
        ++result.subsets_run;
      }
    }
    auto it = paper.find({population.label.model, population.label.prompt, population.label.temperature});
    if (it == paper.end()) continue;
    for (Case c : it->second) {
      c.population = population.label.name;
      const auto found = ours.find({c.concept, c.people});
      if (c.paper_tables == 1) {
        for (const auto& responses : dataset.populations[0].concepts) {
          if (responses.concept != c.concept || responses.complete.size() < c.people) continue;
          const AnswerMatrix answers = answer_matrix(responses, c.people);
          Partition everyone(1);
          for (std::size_t i = 0; i < c.people; ++i) everyone[0].push_back(i);
          const double ours_one_table = log_joint(answers, everyone, options.model);
          ++result.one_table_checked;
          if (std::fabs(ours_one_table - c.paper_log_posterior) > 1e-9 * std::max(1.0, std::fabs(ours_one_table))) {
            ++result.one_table_mismatches;
            std::printf("one-table log posterior differs: %s | %s | %zu: paper %.12g, Shoal %.12g\n",
                        c.population.c_str(), c.concept.c_str(), c.people, c.paper_log_posterior, ours_one_table);
          }
        }
      }
      if (found != ours.end()) {
        c.found = true;
        c.low = found->second->p_same_table.low;
        c.high = found->second->p_same_table.high;
        c.mean = found->second->p_same_table.mean;
        c.map_log_posterior = found->second->map_log_posterior;
      }
      result.cases.push_back(c);
    }
  }
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::size_t inside = 0, missing = 0;
  for (const auto& c : result.cases) {
    inside += c.found && c.miss() <= kPrintNoise;
    missing += !c.found;
  }
  result.rate = result.cases.empty() ? 0.0 : static_cast<double>(inside) / static_cast<double>(result.cases.size());
  std::printf("%s kernel: %zu of %zu paper results (%.2f%%) inside Shoal's central 95%% interval of P(same table); "
              "%zu without a matching subset; %zu subsets clustered in %.1f s\n",
              to_string(kernel), inside, result.cases.size(), 100.0 * result.rate, missing, result.subsets_run,
              result.seconds);
  std::vector<Case> worst = result.cases;
  std::sort(worst.begin(), worst.end(), [](const Case& a, const Case& b) { return a.miss() > b.miss(); });
  std::printf("worst cases (population | concept | people | paper | Shoal mean [2.5%%, 97.5%%] | log posterior of "
              "the paper's final seating − Shoal's best):\n");
  for (std::size_t k = 0; k < std::min<std::size_t>(8, worst.size()) && worst[k].miss() > kPrintNoise; ++k) {
    const auto& c = worst[k];
    std::printf("  %s | %s | %zu | %.4f | %s | %.1f\n", c.population.c_str(), c.concept.c_str(), c.people, c.paper,
                c.found ? (std::to_string(c.mean) + " [" + std::to_string(c.low) + ", " + std::to_string(c.high) + "]").c_str()
                        : "no such subset",
                c.paper_log_posterior - c.map_log_posterior);
  }
  // A miss where the paper's final seating is far less probable than a
  // seating Shoal found: the paper's chain had not reached the posterior.
  for (const auto& c : result.cases) {
    if (c.found && c.miss() <= kPrintNoise) continue;
    ++result.misses;
    result.stuck_paper_misses += c.found && c.paper_log_posterior < c.map_log_posterior - 10.0;
  }
  std::printf("of the %zu misses, %zu have the paper's final seating more than 10 nats (a factor e^10) below Shoal's "
              "best seating\n", result.misses, result.stuck_paper_misses);
  std::printf("one-table seatings: %zu paper log posteriors checked, %zu differ from Shoal's by more than 1e-9\n",
              result.one_table_checked, result.one_table_mismatches);
  return result;
}

}  // namespace

int main(int argc, char** argv) {
  const std::filesystem::path shared = argc > 1 ? argv[1] : SHOAL_SHARED_DIR;
  const auto task = shared / "paper-data" / "concept-task";
  const PaperRows paper = read_paper_results(task / "paper-crp-results");
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(task / "llm-responses")) files.push_back(entry.path());
  std::sort(files.begin(), files.end());

  const Agreement gibbs = agreement(files, paper, SamplerKernel::Gibbs);
  const Agreement split_merge = agreement(files, paper, SamplerKernel::SplitMerge);
  const bool one_table_ok = gibbs.one_table_mismatches == 0 && gibbs.one_table_checked > 0;
  // The paper's values are single draws of chains that were sometimes stuck
  // far from the posterior's mass, and a kernel that leaves such a state
  // misses them where a stuck Gibbs chain of Shoal's may, by chance, not.
  // So the default kernel must agree with the paper at least as often as
  // Gibbs apart from the misses explained by the paper's seating being far
  // below one Shoal found, and in at least 90% of all results.
  const std::size_t gibbs_unexplained = gibbs.misses - gibbs.stuck_paper_misses;
  const std::size_t split_merge_unexplained = split_merge.misses - split_merge.stuck_paper_misses;
  std::printf("misses not explained by a stuck paper chain: gibbs %zu, split-merge %zu\n", gibbs_unexplained,
              split_merge_unexplained);
  const bool ok = gibbs.rate >= 0.9 && split_merge.rate >= 0.9 && split_merge_unexplained <= gibbs_unexplained &&
                  one_table_ok;
  return ok ? 0 : 1;
}

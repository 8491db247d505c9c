#include <cstdio>

#include "cli/analysis_command.hpp"
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "concept/convergence_summary.hpp"
#include "concept/diversity.hpp"
#include "concept/responses.hpp"
#include "report/comparison_report.hpp"
#include "report/concept_report.hpp"

namespace shoal::cli {
namespace {

struct ConceptCommand {
  using InputOptions = ConceptInputOptions;

  static const AnalysisCommandText& text() {
    static const AnalysisCommandText text{
        Analysis::Concept, R"(Usage: shoal concept FILE... [options]

Conceptual diversity from similarity judgements: for every population and
target concept, individuals are clustered by a Chinese restaurant process
mixture (Beta-Bernoulli answers, θ ~ Beta(alpha, alpha) per question and
table) sampled by Gibbs sampling with split-merge moves. Reported per concept and subset size: the
last iteration (as in the paper), the posterior mean and central 95%
interval of P(same table) and P(multiple concepts) = 1 - P(same table), the
number of tables, the Chao1-corrected number of concepts, the
highest-posterior (MAP) seating, and reliability: agreement of an
individual with itself over the two presentations of a question (raw
format) and agreement between individuals. Convergence, as the field
judges it (Vehtari et al. 2021; Stan, ArviZ, R's posterior): for P(same
table), the number of tables and the log posterior, the rank-normalised
split R-hat, bulk- and tail-ESS and the Monte Carlo standard error of the
mean. A cell (concept x subset) passes when, for P(same table) and the
number of tables, R-hat < 1.01 and both ESS >= 400. With 2 chains or more
the run goes on until each cell passes: a failing cell's chains are
continued, the same chains with the same random streams, to twice their
length at a time, up to --max-iterations; its first fifth (--burn-in /
--iterations) is left out. With one chain the diagnostics are computed on
the chain's halves but the cell is not judged.
Populations are then compared ("comparisons" in the report): per population
the mean P(multiple concepts) over concepts (posterior mean at each
concept's largest subset, and the paper's last-iteration value; concepts
clustered on fewer than --min-people people are left out), overall and per
category, with bootstrap intervals, humans as the baseline, and linear
mixed models (REML and ML) of the per-concept value:
  p_multiple ~ aligned + (1 | family)               alignment, per family
  p_multiple ~ temperature + prompt + (1 | model)   the manipulations
each fitted when the populations allow it, else skipped with the reason.

Inputs (CSV; comma, semicolon or tab separated; format detected per file):
  analysis   Concept, ID, Question ("choice1 choice2"), ChoiceNumber (0: the
             first-named choice, 1: the second); one row per answer
  raw-llm    subject_num, target, choice1, choice2 and two replies
             (generation1, generation2): each reply is matched to the choice
             it names (whole words, case-insensitive, choice1 first); a reply
             naming neither is invalid and its question is left out
  generic    population, individual, target, question, answer (any text),
             optionally options ("a|b|c"): any categorical questionnaire.
             A question's options are those declared, else the answers seen
             for it in any input; declare them, since an option nobody chose
             still changes the likelihood. An empty answer is invalid.
  released-chains
             Concept, Chain, Iteration, NumberOfPeople, Tables,
             ProbabilityOfSameTable (S_Chao1, Posterior): clustering chains
             run elsewhere, as the paper released its human study; read as a
             human population, summarised from --burn-in on, not re-run
  Populations come from population or model_name/prompt/temperature columns,
  or a file name MODEL-prompt=P-temp=T.csv, else the file name. The first
  answer per individual, question and concept is used; individuals who did
  not answer every question of their concept are counted and left out.

)",
        "concepts",
        "auto, analysis, raw-llm, generic or released-chains",
        "also write DIR/concept-subsets.csv, DIR/concept-reliability.csv, DIR/concept-map-seating.csv, "
        "DIR/concept-diversity.csv, DIR/concept-rarefaction.csv, DIR/concept-partition.csv, DIR/concept-shared.csv and (with --traces) "
        "DIR/concept-traces.csv",
        &concept_roles()};
    return text;
  }
  static std::optional<InputOptions> input_options(const InputSettings& s) { return concept_input_options(s); }
  static ConceptRunSettings check(const OptionValues& values) { return concept_run_settings(values); }

  ConceptDataset dataset;
  ConceptAnalysis analysis;
  ComparisonResult comparisons;

  void analyse(std::vector<TextInput> inputs, const CompanionFiles&, const std::vector<InputOptions>& input_options,
               const ConceptRunSettings& settings, const TaskRunner& run_tasks) {
    dataset = load_concept_inputs(std::move(inputs), input_options);
    analysis = analyse_concepts(dataset, settings.options, {}, run_tasks);
    comparisons = compare_concepts(analysis, {settings.bootstrap, settings.options.seed});
  }

  void write_report(std::ostream& out, const std::vector<InputOptions>& input_options,
                    const nlohmann::json& analysis_file) const {
    write_concept_report(out, dataset, input_options, analysis, comparisons, analysis_file);
  }

  nlohmann::json manuscript(const std::vector<InputOptions>& input_options) const {
    return concept_manuscript(dataset, input_options, analysis, comparisons);
  }

  std::vector<std::pair<std::string, std::string>> tables() const {
    std::vector<std::pair<std::string, std::string>> tables = {
        {"concept-subsets.csv", concept_subsets_csv(analysis)},
        {"concept-reliability.csv", concept_reliability_csv(analysis)},
        {"concept-map-seating.csv", concept_map_seating_csv(dataset, analysis)},
        {"concept-diversity.csv", concept_diversity_csv(analysis)},
        {"concept-rarefaction.csv", concept_rarefaction_csv(analysis)},
        {"concept-partition.csv", concept_partition_csv(dataset, analysis)},
        {"concept-shared.csv", concept_shared_csv(analysis)}};
    if (analysis.options.keep_traces) tables.emplace_back("concept-traces.csv", concept_traces_csv(analysis));
    return tables;
  }

  void print_summary() const {
    std::size_t clustered = 0;
    for (const auto& p : analysis.populations) {
      clustered += p.concepts_clustered;
      say(formatted("%-40s %2zu concepts clustered  mean P(multiple concepts) %.4f (last iteration %.4f)\n",
                   p.label.name.c_str(), p.concepts_clustered, p.mean_p_multiple_concepts,
                   p.mean_last_p_multiple_concepts));
    }
    if (analysis.options.min_people > 1) {
      say(formatted("%zu of %zu concepts (population x concept at its largest subset) left out of the means and "
                   "comparisons: fewer than %zu people (--min-people %zu; 1 keeps them)\n",
                   comparisons.left_out.size(), clustered, analysis.options.min_people, analysis.options.min_people));
    }
    const ConvergenceSummary convergence = summarise_convergence(analysis);
    const std::string line = convergence_summary_line(convergence);
    if (!line.empty()) say(formatted("convergence: %s\n", line.c_str()));
    for (const auto& cell : convergence.failed) {
      std::string failed;
      for (const auto& f : cell.failed) failed += (failed.empty() ? "" : "; ") + f;
      say(formatted("  %s / %s / %zu people, %zu iterations: %s\n", cell.population.c_str(),
                   cell.concept.c_str(), cell.people, cell.iterations, failed.c_str()));
    }
    print_input_issues(dataset.issues);
    say(comparison_summary(comparisons));
  }
};

}  // namespace

int run_concept(const std::vector<std::string>& args) { return run_analysis_command<ConceptCommand>(args); }

int execute_concept_run(PreparedRun run, const RunOutputs& outputs) {
  return execute_run<ConceptCommand>(std::move(run), outputs);
}

}  // namespace shoal::cli

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <stdexcept>

#include "cli/arguments.hpp"
#include "cli/commands.hpp"
#include "cli/input_arguments.hpp"
#include "cli/output.hpp"
#include "concept/concept_report.hpp"
#include "concept/convergence_summary.hpp"
#include "concept/diversity.hpp"
#include "concept/responses.hpp"

namespace shoal::cli {

const char* const kConceptHelp = R"(Usage: shoal concept FILE... [options]

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

Options:
  --out FILE           write the JSON report here (default: standard output)
  --alpha A            Dirichlet(A, ..., A) prior of each question at a
                       table, Beta(A, A) for two options (default 0.16, the
                       paper's)
  --prior P            simplicity (default; CRP with concentration 1) or
                       uniform (every seating equally likely)
  --kernel K           split-merge (default: each Gibbs sweep followed by
                       split-merge proposals that move whole tables) or
                       gibbs (the paper's sampler alone, to replicate it:
                       the same seed gives the same numbers as before the
                       split-merge kernel existed)
  --iterations N       iterations (sweeps) per chain (default 500)
  --burn-in N          first iterations left out of the posterior summaries
                       (default 100; must be below --iterations); a chain
                       continued past --iterations leaves out the same share
  --max-iterations N   with 2 chains or more, the most iterations a cell's
                       chains run to converge (default 4000, or --iterations
                       when larger); equal to --iterations: a fixed run
  --chains N           independent chains per concept and subset (default 1,
                       as in the paper; R-hat is reported from 2: use 4 to
                       check that the answer does not depend on the seed)
  --subsets LIST       subset sizes, comma-separated (default 25,50,75,100):
                       each concept is clustered on its first N complete
                       individuals for every N the data allow, and on all of
                       them when there are fewer than the next N
  --seed N             random seed of the sampler and the bootstrap (default
                       1); the same seed gives the same report
  --bootstrap N        resamples of the concepts of each population for the
                       95% intervals of the comparisons (default 2000; 0: none)
  --min-people N       the least people a concept needs at its largest subset
                       to count in the comparisons (default 10): one with
                       fewer is clustered and reported, marked
                       below_min_people, but left out of the population
                       means, the bootstrap, the human baseline and the mixed
                       models (P(multiple concepts) of one person is 0 by
                       construction); 0 or 1 keeps every concept, as the
                       paper did
  --traces             include every recorded iteration in the report
  --tables DIR         also write DIR/concept-subsets.csv,
                       DIR/concept-reliability.csv, DIR/concept-map-seating.csv
                       and (with --traces) DIR/concept-traces.csv
  --format FORMAT      auto (default), analysis, raw-llm, generic or
                       released-chains
  --column ROLE=NAME   use column NAME for ROLE (repeatable); roles: concept,
                       individual, question, choice, choice1, choice2, reply1,
                       reply2, population, model, prompt, temperature, family,
                       aligned
  --population NAME    name every input's population NAME
  --quiet              no summary on standard error
  --help               this text

Exit status: 0 success, 1 bad input (the message names file, row and
column), 2 bad usage.
)";

namespace {

void print_summary(const ConceptDataset& dataset, const ConceptAnalysis& analysis, const ComparisonResult& comparisons) {
  std::size_t clustered = 0;
  for (const auto& p : analysis.populations) {
    clustered += p.concepts_clustered;
    std::fprintf(stderr, "%-40s %2zu concepts clustered  mean P(multiple concepts) %.4f (last iteration %.4f)\n",
                 p.label.name.c_str(), p.concepts_clustered, p.mean_p_multiple_concepts,
                 p.mean_last_p_multiple_concepts);
  }
  if (analysis.options.min_people > 1) {
    std::fprintf(stderr,
                 "%zu of %zu concepts (population x concept at its largest subset) left out of the means and "
                 "comparisons: fewer than %zu people (--min-people %zu; 1 keeps them)\n",
                 comparisons.left_out.size(), clustered, analysis.options.min_people, analysis.options.min_people);
  }
  const ConvergenceSummary convergence = summarise_convergence(analysis);
  const std::string line = convergence_summary_line(convergence);
  if (!line.empty()) std::fprintf(stderr, "convergence: %s\n", line.c_str());
  for (const auto& cell : convergence.failed) {
    std::string failed;
    for (const auto& f : cell.failed) failed += (failed.empty() ? "" : "; ") + f;
    std::fprintf(stderr, "  %s / %s / %zu people, %zu iterations: %s\n", cell.population.c_str(), cell.concept.c_str(),
                 cell.people, cell.iterations, failed.c_str());
  }
  print_input_issues(dataset.issues);
}

}  // namespace

int run_concept(const std::vector<std::string>& args) {
  const Arguments a(args,
                    {"out", "alpha", "prior", "kernel", "iterations", "burn-in", "chains", "subsets", "seed", "tables",
                     "format", "column", "population", "bootstrap", "min-people", "max-iterations"},
                    {"traces", "quiet", "help"});
  if (a.flag("help")) {
    std::cout << kConceptHelp;
    return 0;
  }
  const auto input_options =
      input_options_from<ConceptInputOptions>(a, concept_format_from_string, "auto, analysis, raw-llm, generic or released-chains",
                                              concept_roles());

  const ConceptRunSettings settings =
      run_settings(a,
                   {"alpha", "prior", "kernel", "iterations", "burn-in", "chains", "subsets", "seed", "bootstrap",
                    "min-people", "max-iterations"},
                   concept_run_settings);
  ConceptOptions options = settings.options;
  options.keep_traces = a.flag("traces");
  const std::size_t bootstrap = settings.bootstrap;
  check_tables_directory(a);

  const ConceptDataset dataset = load_concept_inputs(read_inputs(a.positional()), {input_options});
  const ConceptAnalysis analysis = analyse_concepts(dataset, options);
  const ComparisonResult comparisons = compare_concepts(analysis, {bootstrap, options.seed});
  write_report(a.value("out", "-"),
               [&](std::ostream& out) { write_concept_report(out, dataset, {input_options}, analysis, comparisons); });
  if (a.has("tables")) {
    const std::string dir = a.value("tables", ".");
    write_output(dir + "/concept-subsets.csv", concept_subsets_csv(analysis));
    write_output(dir + "/concept-reliability.csv", concept_reliability_csv(analysis));
    write_output(dir + "/concept-map-seating.csv", concept_map_seating_csv(dataset, analysis));
    if (options.keep_traces) write_output(dir + "/concept-traces.csv", concept_traces_csv(analysis));
  }
  if (!a.flag("quiet")) {
    print_summary(dataset, analysis, comparisons);
    std::fputs(comparison_summary(comparisons).c_str(), stderr);
  }
  return 0;
}

}  // namespace shoal::cli

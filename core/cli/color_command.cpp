#include <cstdio>
#include <iostream>

#include "cli/arguments.hpp"
#include "cli/commands.hpp"
#include "cli/input_arguments.hpp"
#include "cli/output.hpp"
#include "color/color_report.hpp"
#include "color/diversity.hpp"
#include "color/responses.hpp"
#include "color/word_rating_fit.hpp"
#include "io/table_reader.hpp"

namespace shoal::cli {

const char* const kColorHelp = R"(Usage: shoal color FILE... [options]

Word-colour diversity: for every population and word, internal ΔE (one
individual's two answers) against population ΔE (answers of two different
individuals), the distance from the line of unity, per-population means with
95% intervals, the regression of internal on population ΔE, Gaussian fits
and the Jensen-Shannon divergence from the reference (human) population.
Populations are then compared ("comparisons" in the report): per population
the mean distance with a bootstrap interval, humans as the baseline, and
linear mixed models (REML and ML) of the per-word distance:
  distance ~ aligned + (1 | family)               alignment, per model family
  distance ~ temperature + prompt + (1 | model)   the manipulations
each fitted when the populations allow it, else skipped with the reason.

Inputs (CSV; comma, semicolon or tab separated; format detected per file):
  human-long   participantID, word, response_r, response_g, response_b,
               condition (block1_... / block2_...), e.g. a jsPsych export
  llm-wide     subject_num, word, hex1, hex2 and/or generation1, generation2;
               population from model_name/prompt/temperature columns or a
               file name MODEL-prompt=P-temp=T.csv
  plain-long   population, individual, word, block (1|2), colour (#rrggbb or
               r,g,b) or r, g, b columns

Options:
  --out FILE           write the JSON report here (default: standard output)
  --tables DIR         also write DIR/color-words.csv and
                       DIR/color-populations.csv
  --format FORMAT      auto (default), human-long, llm-wide or plain-long
  --column ROLE=NAME   use column NAME for ROLE (repeatable); roles:
                       individual, word, block, r, g, b, colour, reply1,
                       reply2, hex1, hex2, population, model, prompt,
                       temperature, family, aligned
  --population NAME    name every input's population NAME
  --pairs RULE         all (default): population ΔE over all ordered pairs
                       of different individuals; paper: only i < j in
                       ascending id order, as in the paper's code
  --delta-e FORMULA    cie76 (default, the paper's) or ciede2000
  --reference NAME     population to compare Gaussians against (default: the
                       human population, when there is exactly one)
  --seed N             seed of the Monte Carlo divergence and the bootstrap
                       (default 1)
  --jsd ESTIMATOR      bits (default): the Jensen-Shannon divergence from the
                       reference, base 2, in [0, 1]; paper: the number the
                       paper's code plotted (a JS distance, natural log, of
                       unnormalised density weights over pooled draws), in
                       [0, 0.833]; both seeded
  --jsd-samples N      Monte Carlo draws per Gaussian (default 20000; the
                       paper drew 10000)
  --bootstrap N        resamples of the words of each population for the 95%
                       intervals of the comparisons (default 2000; 0: none)
  --word-norms FILE    ratings of the words on numeric scales (a word column
                       and a column per scale, e.g. concreteness): each
                       population gets, per scale, the least-squares line of
                       internal ΔE on the rating with Pearson's r
                       ("word_rating_fits"; no line below 3 words)
  --quiet              no summary on standard error
  --help               this text

Exit status: 0 success, 1 bad input (the message names file, row and
column), 2 bad usage.
)";

namespace {

void print_summary(const ColorDataset& dataset, const ColorAnalysis& analysis) {
  for (const auto& p : analysis.populations) {
    std::fprintf(stderr, "%-40s %4zu individuals %4zu words  distance from diagonal %.4f [%.4f, %.4f]  valid %zu/%zu\n",
                 p.label.name.c_str(), p.individuals, p.words_analysed, p.dist_from_diagonal.mean,
                 p.dist_from_diagonal.low, p.dist_from_diagonal.high, p.valid_responses,
                 p.valid_responses + p.invalid_responses);
  }
  print_input_issues(dataset.issues);
}

}  // namespace

int run_color(const std::vector<std::string>& args) {
  const Arguments a(args,
                    {"out", "tables", "format", "column", "population", "pairs", "delta-e", "reference", "seed",
                     "jsd", "jsd-samples", "bootstrap", "word-norms"},
                    {"quiet", "help"});
  if (a.flag("help")) {
    std::cout << kColorHelp;
    return 0;
  }
  const auto input_options = input_options_from<ColorInputOptions>(
      a, color_format_from_string, "auto, human-long, llm-wide or plain-long", color_roles());

  const ColorRunSettings settings =
      run_settings(a, {"pairs", "delta-e", "reference", "seed", "jsd", "jsd-samples", "bootstrap"}, color_run_settings);
  const ColorOptions& options = settings.options;
  const std::size_t bootstrap = settings.bootstrap;
  check_tables_directory(a);

  const ColorDataset dataset = load_color_inputs(read_inputs(a.positional()), {input_options});
  ColorAnalysis analysis;
  try {
    analysis = analyse_color(dataset, options);
  } catch (const std::invalid_argument& e) {
    throw UsageError(e.what());
  }
  const ComparisonResult comparisons = compare_color(analysis, {bootstrap, options.seed});
  WordRatingFits word_ratings;
  if (a.has("word-norms")) {
    const auto norms = read_inputs({a.value("word-norms", "")});
    word_ratings = word_rating_fits(analysis, read_word_norms(read_table(norms.front())));
  }
  write_report(a.value("out", "-"), [&](std::ostream& out) {
    write_color_report(out, dataset, {input_options}, analysis, comparisons, word_ratings);
  });
  if (a.has("tables")) {
    const std::string dir = a.value("tables", ".");
    write_output(dir + "/color-words.csv", color_words_csv(analysis));
    write_output(dir + "/color-populations.csv", color_populations_csv(analysis));
  }
  if (!a.flag("quiet")) {
    print_summary(dataset, analysis);
    std::fputs(comparison_summary(comparisons).c_str(), stderr);
  }
  return 0;
}

}  // namespace shoal::cli

#include <cstdio>

#include "cli/analysis_command.hpp"
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "color/diversity.hpp"
#include "color/responses.hpp"
#include "color/word_rating_fit.hpp"
#include "io/table_reader.hpp"
#include "report/color_report.hpp"
#include "report/comparison_report.hpp"

namespace shoal::cli {
namespace {

struct ColorCommand {
  using InputOptions = ColorInputOptions;

  static const AnalysisCommandText& text() {
    static const AnalysisCommandText text{Analysis::Color, R"(Usage: shoal color FILE... [options]

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

)",
                                          "words",
                                          "auto, human-long, llm-wide or plain-long",
                                          "also write DIR/color-words.csv and DIR/color-populations.csv",
                                          &color_roles(),
                                          {{"word-norms", "FILE",
                                            "ratings of the words on numeric scales (a word column and a column "
                                            "per scale, e.g. concreteness): each population gets, per scale, the "
                                            "least-squares line of internal ΔE on the rating with Pearson's r "
                                            "(\"word_rating_fits\"; no line below 3 words)"}}};
    return text;
  }
  static std::optional<InputOptions> input_options(const InputSettings& s) { return color_input_options(s); }
  static ColorRunSettings check(const OptionValues& values) { return color_run_settings(values); }

  ColorDataset dataset;
  ColorAnalysis analysis;
  ComparisonResult comparisons;
  WordRatingFits word_ratings;

  void analyse(std::vector<TextInput> inputs, const CompanionFiles& companions, const std::vector<InputOptions>& input_options,
               const ColorRunSettings& settings, const TaskRunner& run_tasks) {
    dataset = load_color_inputs(std::move(inputs), input_options);
    try {
      analysis = analyse_color(dataset, settings.options, {}, run_tasks);
    } catch (const std::invalid_argument& e) {
      throw UsageError(e.what());
    }
    comparisons = compare_color(analysis, {settings.bootstrap, settings.options.seed});
    const auto norms = companions.find("word-norms");
    if (norms != companions.end()) word_ratings = word_rating_fits(analysis, read_word_norms(read_table(norms->second)));
  }

  void write_report(std::ostream& out, const std::vector<InputOptions>& input_options,
                    const nlohmann::json& analysis_file) const {
    write_color_report(out, dataset, input_options, analysis, comparisons, word_ratings, analysis_file);
  }

  nlohmann::json manuscript(const std::vector<InputOptions>& input_options) const {
    return color_manuscript(dataset, input_options, analysis, comparisons);
  }

  std::vector<std::pair<std::string, std::string>> tables() const {
    return {{"color-words.csv", color_words_csv(analysis)}, {"color-populations.csv", color_populations_csv(analysis)}};
  }

  void print_summary() const {
    for (const auto& p : analysis.populations) {
      say(formatted("%-40s %4zu individuals %4zu words  distance from diagonal %.4f [%.4f, %.4f]  valid %zu/%zu\n",
                   p.label.name.c_str(), p.individuals, p.words_analysed, p.dist_from_diagonal.mean,
                   p.dist_from_diagonal.low, p.dist_from_diagonal.high, p.valid_responses,
                   p.valid_responses + p.invalid_responses));
    }
    print_input_issues(dataset.issues);
    say(comparison_summary(comparisons));
  }
};

}  // namespace

int run_color(const std::vector<std::string>& args) { return run_analysis_command<ColorCommand>(args); }

int execute_color_run(PreparedRun run, const RunOutputs& outputs) {
  return execute_run<ColorCommand>(std::move(run), outputs);
}

}  // namespace shoal::cli

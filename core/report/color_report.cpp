#include "report/color_report.hpp"

#include <cmath>
#include <ostream>

#include "io/csv_writer.hpp"
#include "report/comparison_report.hpp"
#include "report/json_writer.hpp"
#include "report/manuscript/manuscript.hpp"
#include "report/report_json.hpp"

namespace shoal {
namespace {

nlohmann::json gaussian_json(const std::optional<LabGaussian>& g) {
  if (!g) return nullptr;
  nlohmann::json covariance = nlohmann::json::array();
  for (int i = 0; i < 3; ++i) {
    covariance.push_back({g->covariance(i, 0), g->covariance(i, 1), g->covariance(i, 2)});
  }
  return {{"n", g->n}, {"mean", {g->mean[0], g->mean[1], g->mean[2]}}, {"covariance", covariance}};
}

nlohmann::json jsd_json(const std::optional<JsdEstimate>& jsd) {
  if (!jsd) return nullptr;
  return {{"estimator", to_string(jsd->estimator)},
          {"value", jsd->value},
          {"mc_error", number_or_null(jsd->mc_error)},
          {"samples", jsd->samples}};
}

nlohmann::json sampled_pairs_json(const std::optional<SampledPairs>& s) {
  if (!s) return nullptr;
  return {{"pairs", s->pairs},
          {"population_delta_e_mean_mc_error", number_or_null(s->mean_mc_error)},
          {"population_delta_e_sd_mc_error", number_or_null(s->sd_mc_error)},
          {"dist_from_diagonal_mc_error", number_or_null(s->mean_mc_error / std::sqrt(2.0))}};
}

nlohmann::json sampled_words_json(const std::optional<SampledWords>& s) {
  if (!s) return nullptr;
  return {{"words", s->words},
          {"population_delta_e_mc_error", number_or_null(s->population_delta_e_mc_error)},
          {"dist_from_diagonal_mc_error", number_or_null(s->dist_from_diagonal_mc_error)}};
}

std::size_t words_sampled(const ColorAnalysis& analysis) {
  std::size_t words = 0;
  for (const auto& p : analysis.populations) words += p.sampled_words ? p.sampled_words->words : 0;
  return words;
}

double valid_percent(const PopulationDiversity& p) {
  const double total = static_cast<double>(p.valid_responses + p.invalid_responses);
  return total == 0.0 ? 0.0 : 100.0 * static_cast<double>(p.valid_responses) / total;
}

nlohmann::json word_json(const WordDiversity& w) {
  return {{"word", w.word},
          {"individuals", w.individuals},
          {"incomplete", w.incomplete},
          {"internal_delta_e", to_json(w.internal_delta_e)},
          {"population_delta_e", to_json(w.population_delta_e)},
          {"dist_from_diagonal", number_or_null(w.dist_from_diagonal)},
          {"sampled_pairs", sampled_pairs_json(w.sampled_pairs)},
          {"block1_gaussian", gaussian_json(w.block1_gaussian)},
          {"jsd_to_reference", jsd_json(w.jsd_to_reference)}};
}

nlohmann::json word_rating_fits_json(const std::vector<WordRatingFit>& fits) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& f : fits) {
    out.push_back({{"scale", f.scale},
                   {"n", f.n},
                   {"r", number_or_null(f.r)},
                   {"slope", number_or_null(f.slope)},
                   {"intercept", number_or_null(f.intercept)}});
  }
  return out;
}

// The words, one entry each, are most of a report: they are written one at
// a time. `fits` is null without word ratings.
void write_population(JsonWriter& out, const PopulationDiversity& p, bool has_reference,
                      const std::vector<WordRatingFit>* fits) {
  nlohmann::json head = to_json(p.label);
  head["individuals"] = p.individuals;
  head["responses"] = {{"valid", p.valid_responses}, {"invalid", p.invalid_responses}, {"valid_percent", valid_percent(p)}};
  head["words_analysed"] = p.words_analysed;
  head["dist_from_diagonal"] = to_json(p.dist_from_diagonal);
  head["internal_delta_e"] = to_json(p.internal_delta_e);
  head["population_delta_e"] = to_json(p.population_delta_e);
  head["regression_internal_on_population"] = to_json(p.internal_on_population);
  head["sampled_words"] = sampled_words_json(p.sampled_words);
  head["jsd_to_reference"] = has_reference && p.jsd_to_reference.n > 0 ? to_json(p.jsd_to_reference) : nlohmann::json(nullptr);
  if (fits) head["word_rating_fits"] = word_rating_fits_json(*fits);
  write_object(out, head, {{"words", [&](JsonWriter& w) {
                              w.begin_array();
                              for (const auto& word : p.words) w.value(word_json(word));
                              w.end();
                            }}});
}

}  // namespace

void write_color_report(std::ostream& out, const ColorDataset& dataset,
                        const std::vector<ColorInputOptions>& input_options, const ColorAnalysis& analysis,
                        const ComparisonResult& comparisons, const WordRatingFits& word_ratings,
                        const nlohmann::json& analysis_file) {
  JsonWriter writer(out);
  write_color_report(writer, dataset, input_options, analysis, comparisons, word_ratings, analysis_file);
  out << "\n";
}

std::string color_report_text(const ColorDataset& dataset, const std::vector<ColorInputOptions>& input_options,
                              const ColorAnalysis& analysis, const ComparisonResult& comparisons,
                              const WordRatingFits& word_ratings, const nlohmann::json& analysis_file) {
  return written_text(
      [&](JsonWriter& writer) { write_color_report(writer, dataset, input_options, analysis, comparisons, word_ratings, analysis_file); });
}


namespace {

// Everything of the report but its populations, which are written one at a
// time.
nlohmann::json color_report_head(const ColorDataset& dataset, const std::vector<ColorInputOptions>& input_options,
                                 const ColorAnalysis& analysis, const ComparisonResult& comparisons,
                                 const nlohmann::json& analysis_file) {
  const auto& o = analysis.options;
  nlohmann::json parameters = {{"input_options", input_options_json(dataset.inputs.size(), input_options)},
                               {"pairs", to_string(o.pairs)},
                               {"delta_e", to_string(o.formula)},
                               {"reference", analysis.reference_population},
                               {"seed", o.seed},
                               {"jsd", to_string(o.jsd)},
                               {"jsd_samples", o.jsd_samples},
                               {"all_pairs_up_to", o.all_pairs_up_to},
                               {"sampled_pairs", o.sampled_pairs},
                               {"words_with_sampled_pairs", words_sampled(analysis)}};
  nlohmann::json report = report_envelope("color", std::move(parameters), dataset.inputs, dataset.issues, analysis_file);
  report["comparisons"] = comparison_json(comparisons);
  report["manuscript"] = manuscript_json(report);
  return report;
}

}  // namespace

nlohmann::json color_manuscript(const ColorDataset& dataset, const std::vector<ColorInputOptions>& input_options,
                                const ColorAnalysis& analysis, const ComparisonResult& comparisons) {
  return color_report_head(dataset, input_options, analysis, comparisons, nullptr)["manuscript"];
}

void write_color_report(JsonWriter& out, const ColorDataset& dataset,
                        const std::vector<ColorInputOptions>& input_options, const ColorAnalysis& analysis,
                        const ComparisonResult& comparisons, const WordRatingFits& word_ratings,
                        const nlohmann::json& analysis_file) {
  const nlohmann::json report = color_report_head(dataset, input_options, analysis, comparisons, analysis_file);
  const bool has_reference = !analysis.reference_population.empty();
  write_object(out, report, {{"populations", [&](JsonWriter& w) {
                                w.begin_array();
                                for (std::size_t i = 0; i < analysis.populations.size(); ++i) {
                                  write_population(w, analysis.populations[i], has_reference,
                                                   i < word_ratings.size() ? &word_ratings[i] : nullptr);
                                }
                                w.end();
                              }}});
}


nlohmann::json color_report(const ColorDataset& dataset, const std::vector<ColorInputOptions>& input_options,
                            const ColorAnalysis& analysis, const ComparisonResult& comparisons) {
  return nlohmann::json::parse(color_report_text(dataset, input_options, analysis, comparisons));
}

std::string color_words_csv(const ColorAnalysis& analysis) {
  CsvWriter csv;
  csv.row({"population", "word", "individuals", "incomplete", "internal_mean", "internal_sd", "population_mean",
           "population_sd", "population_pairs", "sampled_pairs", "population_mean_mc_error", "dist_from_diagonal",
           "jsd", "jsd_mc_error"});
  for (const auto& p : analysis.populations) {
    for (const auto& w : p.words) {
      csv.row({p.label.name, w.word, std::to_string(w.individuals), std::to_string(w.incomplete),
               CsvWriter::number(w.internal_delta_e.mean), CsvWriter::number(w.internal_delta_e.sd),
               CsvWriter::number(w.population_delta_e.mean), CsvWriter::number(w.population_delta_e.sd),
               std::to_string(w.population_delta_e.n),
               w.sampled_pairs ? std::to_string(w.sampled_pairs->pairs) : "",
               w.sampled_pairs ? CsvWriter::number(w.sampled_pairs->mean_mc_error) : "",
               CsvWriter::number(w.dist_from_diagonal),
               w.jsd_to_reference ? CsvWriter::number(w.jsd_to_reference->value) : "",
               w.jsd_to_reference ? CsvWriter::number(w.jsd_to_reference->mc_error) : ""});
    }
  }
  return csv.text();
}

std::string color_populations_csv(const ColorAnalysis& analysis) {
  CsvWriter csv;
  csv.row({"population", "label", "human", "model", "model_label", "prompt", "temperature", "family", "aligned", "individuals", "valid_responses",
           "invalid_responses", "valid_percent", "words_analysed", "mean_dist_from_diagonal", "ci95_low",
           "ci95_high", "slope", "intercept", "r_squared", "mean_jsd"});
  for (const auto& p : analysis.populations) {
    csv.row({p.label.name, readable_label(p.label), p.label.human ? "true" : "false", p.label.model,
             readable_model(p.label.model), p.label.prompt, p.label.temperature,
             p.label.family, p.label.aligned ? (*p.label.aligned ? "true" : "false") : "",
             std::to_string(p.individuals), std::to_string(p.valid_responses),
             std::to_string(p.invalid_responses), CsvWriter::number(valid_percent(p)),
             std::to_string(p.words_analysed), CsvWriter::number(p.dist_from_diagonal.mean),
             CsvWriter::number(p.dist_from_diagonal.low), CsvWriter::number(p.dist_from_diagonal.high),
             CsvWriter::number(p.internal_on_population.slope),
             CsvWriter::number(p.internal_on_population.intercept),
             CsvWriter::number(p.internal_on_population.r_squared),
             p.jsd_to_reference.n > 0 ? CsvWriter::number(p.jsd_to_reference.mean) : ""});
  }
  return csv.text();
}

}  // namespace shoal

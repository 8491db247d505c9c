#include "report/concept_report.hpp"

#include <cmath>
#include <ostream>

#include "concept/categories.hpp"
#include "io/csv_writer.hpp"
#include "report/comparison_report.hpp"
#include "concept/convergence_summary.hpp"
#include "report/json_writer.hpp"
#include "report/manuscript/manuscript.hpp"
#include "report/report_json.hpp"

namespace shoal {
namespace {

nlohmann::json summary_json(const PosteriorSummary& s) {
  return {{"draws", s.draws}, {"mean", number_or_null(s.mean)}, {"ci95", {number_or_null(s.low), number_or_null(s.high)}}};
}

nlohmann::json text_or_null(const std::string& text) { return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text); }

// Shares, similarities and curves to 4 decimals: more says nothing about
// draws numbering in the hundreds or thousands, and keeps the report small.
nlohmann::json rounded(double value) { return number_or_null(std::round(value * 1e4) / 1e4); }

nlohmann::json diversity_json(const CellDiversity& d) {
  return {{"q0", summary_json(d.q0)},
          {"q1", summary_json(d.q1)},
          {"q2", summary_json(d.q2)},
          {"coverage", summary_json(d.coverage)},
          {"missing", text_or_null(d.missing)}};
}

nlohmann::json curve_json(const std::vector<CurvePoint>& curve) {
  nlohmann::json columns = nlohmann::json::object();
  for (const char* name : {"people", "richness", "richness_low", "richness_high", "q2", "q2_low", "q2_high", "coverage"}) {
    columns[name] = nlohmann::json::array();
  }
  // To 4 decimals, the coverage as its mean alone: a curve is read by eye,
  // and there are 21 points per concept.
  for (const auto& point : curve) {
    columns["people"].push_back(point.people);
    for (const auto& [name, summary] : {std::pair<const char*, const CurveSummary*>{"richness", &point.richness},
                                        {"q2", &point.q2}}) {
      columns[name].push_back(rounded(summary->mean));
      columns[std::string(name) + "_low"].push_back(rounded(summary->low));
      columns[std::string(name) + "_high"].push_back(rounded(summary->high));
    }
    columns["coverage"].push_back(rounded(point.coverage));
  }
  return columns;
}

// The questions shown per concept, most distinguishing first.
constexpr std::size_t kDistinctionsShown = 5;

// `names`: the population's concept names, for held_concepts.
nlohmann::json which_concepts_json(const WhichConcepts& w, const ConceptResponses& responses,
                                   const std::vector<std::string>& names) {
  // One string of whole percents: as an array the report would give each
  // of the n(n − 1)/2 numbers a line of its own (14 MB on the paper's data).
  std::string similarity;
  for (std::uint8_t percent : w.similarity_percent) {
    if (!similarity.empty()) similarity += ' ';
    similarity += std::to_string(percent);
  }
  const std::vector<HeldConcept> held_list = held_concepts(responses, w.partition, names);
  nlohmann::json blocks = nlohmann::json::array();
  const std::size_t count = held_list.size();
  for (std::size_t k = 0; k < count; ++k) {
    nlohmann::json row = nlohmann::json::array();
    for (std::size_t l = 0; l < count; ++l) row.push_back(rounded(w.block_similarity[k * count + l]));
    blocks.push_back(std::move(row));
  }
  nlohmann::json person = nlohmann::json::array();
  for (double v : w.person_similarity) person.push_back(rounded(v));
  nlohmann::json concepts = nlohmann::json::array();
  for (std::size_t k = 0; k < count; ++k) {
    const HeldConcept& held = held_list[k];
    nlohmann::json shares = nlohmann::json::array();
    for (const auto& question : held.option_shares) {
      nlohmann::json row = nlohmann::json::array();
      for (double share : question) row.push_back(rounded(share));
      shares.push_back(std::move(row));
    }
    nlohmann::json distinctions = nlohmann::json::array();
    for (std::size_t i = 0; i < std::min(kDistinctionsShown, held.distinctions.size()); ++i) {
      const QuestionDistinction& d = held.distinctions[i];
      distinctions.push_back({{"question", responses.questions[d.question]},
                              {"option", responses.options[d.question][d.option]},
                              {"share", rounded(d.share)},
                              {"distance", rounded(d.distance)}});
    }
    concepts.push_back({{"number", k + 1},
                        {"people", held.people},
                        {"sentence", held.sentence},
                        {"distinguishing", std::move(distinctions)},
                        {"option_shares", std::move(shares)}});
  }
  nlohmann::json partition = nlohmann::json::array();
  for (std::size_t label : w.partition) partition.push_back(label + 1);
  return {{"loss", to_string(w.loss)},
          {"draws", w.draws},
          {"expected_loss", number_or_null(w.expected_loss)},
          {"partition", std::move(partition)},
          {"similarity_percent", std::move(similarity)},
          {"block_similarity", std::move(blocks)},
          {"person_similarity", std::move(person)},
          {"concepts", std::move(concepts)}};
}

nlohmann::json profile_json(const ConceptResult& c, const ConceptResponses* responses,
                            const std::vector<std::string>& names) {
  return {{"people", c.subsets.empty() ? 0 : c.subsets.back().people},
          {"missing", text_or_null(c.profile_missing)},
          {"curve", curve_json(c.curve)},
          {"which_concepts",
           c.which && responses ? which_concepts_json(*c.which, *responses, names) : nlohmann::json(nullptr)}};
}

nlohmann::json at_effort_json(const PopulationAtEqualEffort& p) {
  return {{"population", p.population},
          {"people", p.people},
          {"at_common_people", {{"q0", summary_json(p.size_q0)}, {"q2", summary_json(p.size_q2)}}},
          {"at_common_coverage",
           {{"people", summary_json(p.coverage_people)},
            {"q0", summary_json(p.coverage_q0)},
            {"q2", summary_json(p.coverage_q2)},
            {"draws_short_of_coverage", p.draws_short_of_coverage}}}};
}

nlohmann::json diversity_comparisons_json(const std::vector<ConceptDiversityComparison>& comparisons) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& c : comparisons) {
    nlohmann::json populations = nlohmann::json::array();
    for (const auto& p : c.populations) populations.push_back(at_effort_json(p));
    out.push_back({{"concept", c.concept},
                   {"common_people", c.common_people},
                   {"common_coverage", number_or_null(c.common_coverage)},
                   {"populations", std::move(populations)}});
  }
  return out;
}

nlohmann::json record_json(const IterationRecord& r) {
  return {{"iteration", r.iteration},
          {"tables", r.tables},
          {"p_same_table", number_or_null(r.p_same_table)},
          {"p_multiple_concepts", number_or_null(1.0 - r.p_same_table)},
          {"richness_chao1", number_or_null(r.richness)},
          {"log_posterior", number_or_null(r.log_posterior)}};
}

nlohmann::json trace_json(const std::vector<IterationRecord>& trace) {
  nlohmann::json columns = {{"iteration", nlohmann::json::array()},
                            {"tables", nlohmann::json::array()},
                            {"p_same_table", nlohmann::json::array()},
                            {"richness_chao1", nlohmann::json::array()},
                            {"log_posterior", nlohmann::json::array()}};
  for (const auto& r : trace) {
    columns["iteration"].push_back(r.iteration);
    columns["tables"].push_back(r.tables);
    columns["p_same_table"].push_back(number_or_null(r.p_same_table));
    columns["richness_chao1"].push_back(number_or_null(r.richness));
    columns["log_posterior"].push_back(number_or_null(r.log_posterior));
  }
  return columns;
}

std::string joined(const std::vector<std::string>& parts, const char* separator) {
  std::string out;
  for (const auto& part : parts) out += (out.empty() ? "" : separator) + part;
  return out;
}

nlohmann::json diagnostics_json(const ConvergenceDiagnostics& d) {
  return {{"r_hat", number_or_null(d.r_hat)},
          {"ess_bulk", number_or_null(d.ess_bulk)},
          {"ess_tail", number_or_null(d.ess_tail)},
          {"mcse_mean", number_or_null(d.mcse_mean)}};
}

nlohmann::json convergence_json(const CellConvergence& c) {
  nlohmann::json j = {{"verdict", to_string(c.verdict)},
                      {"failed", c.failed},
                      {"undefined", c.undefined},
                      {"iterations", c.iterations},
                      {"burn_in", c.burn_in},
                      {"p_same_table", diagnostics_json(c.p_same_table)},
                      {"tables", diagnostics_json(c.tables)},
                      {"log_posterior", diagnostics_json(c.log_posterior)}};
  // Only where it ran, so that a cell continued plainly reads as before.
  if (c.tempering.from_iteration > 0) {
    nlohmann::json acceptance = nlohmann::json::array();
    for (double a : c.tempering.exchange_acceptance) acceptance.push_back(number_or_null(a));
    j["tempering"] = {{"from_iteration", c.tempering.from_iteration},
                      {"ladder", c.tempering.ladder},
                      {"exchange_acceptance", acceptance}};
  }
  return j;
}

nlohmann::json shared_concepts_json(const std::vector<SharedConcept>& shared) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& s : shared) {
    out.push_back({{"population_a", s.population_a},
                   {"population_b", s.population_b},
                   {"concept", s.concept},
                   {"people_a", s.people_a},
                   {"people_b", s.people_b},
                   {"p_cross_same", summary_json(s.p_cross_same)},
                   {"p_same_a", summary_json(s.p_same_a)},
                   {"p_same_b", summary_json(s.p_same_b)},
                   {"convergence", convergence_json(s.convergence)}});
  }
  return out;
}

nlohmann::json summary_json(const ConvergenceSummary& s) {
  nlohmann::json failed = nlohmann::json::array();
  for (const auto& cell : s.failed) {
    failed.push_back({{"population", cell.population},
                      {"concept", cell.concept},
                      {"people", cell.people},
                      {"iterations", cell.iterations},
                      {"failed", cell.failed}});
  }
  return {{"cells", s.cells},
          {"varying", s.varying},
          {"passed", s.passed},
          {"single_chain", s.single_chain},
          {"line", convergence_summary_line(s)},
          {"failed", std::move(failed)}};
}

nlohmann::json subset_json(const SubsetResult& s, bool traces) {
  nlohmann::json chains = nlohmann::json::array();
  for (const auto& c : s.chains) {
    // A decimal string: JavaScript numbers cannot hold every 64-bit seed.
    nlohmann::json chain = {
        {"seed", std::to_string(c.seed)}, {"last", record_json(c.last)}, {"map", record_json(c.map)}};
    if (traces) chain["trace"] = trace_json(c.trace);
    chains.push_back(std::move(chain));
  }
  const CellConvergence& cv = s.convergence;
  return {{"people", s.people},
          {"last_iteration", record_json(s.chains.front().last)},
          {"last_p_multiple_concepts", number_or_null(s.last_p_multiple_concepts)},
          {"p_same_table", summary_json(s.p_same_table)},
          {"p_multiple_concepts", summary_json(s.p_multiple_concepts)},
          {"tables", summary_json(s.tables)},
          {"richness_chao1", summary_json(s.richness)},
          {"r_hat", {{"p_same_table", number_or_null(cv.p_same_table.r_hat)}, {"tables", number_or_null(cv.tables.r_hat)}}},
          {"ess", {{"p_same_table", number_or_null(cv.p_same_table.ess_bulk)}, {"tables", number_or_null(cv.tables.ess_bulk)}}},
          {"convergence", convergence_json(cv)},
          {"map", {{"log_posterior", number_or_null(s.map_log_posterior)}, {"seating", s.map_seating}}},
          {"chains", std::move(chains)},
          {"diversity", diversity_json(s.diversity)}};
}

// `responses` is null for a population read from released chains.
nlohmann::json concept_json(const ConceptResult& c, const ConceptResponses* responses,
                            const std::vector<std::string>& names, bool traces) {
  nlohmann::json questions = nlohmann::json::array();
  const std::vector<QuestionAgreement> per_question =
      responses ? question_agreement(*responses) : std::vector<QuestionAgreement>{};
  for (const auto& q : per_question) {
    questions.push_back({{"question", q.question},
                         {"answers", q.answers},
                         {"mean_choice", number_or_null(q.mean_choice)},
                         {"pairwise_agreement", number_or_null(q.pairwise_agreement)}});
  }
  nlohmann::json subsets = nlohmann::json::array();
  for (const auto& s : c.subsets) subsets.push_back(subset_json(s, traces));
  nlohmann::json ids = nlohmann::json::array();
  const std::size_t clustered = c.subsets.empty() || !responses ? 0 : c.subsets.back().people;
  for (std::size_t i = 0; i < clustered; ++i) ids.push_back(responses->complete[i].id);
  return {{"concept", c.concept},
          {"category", concept_category(c.concept)},
          {"questions", c.questions},
          {"complete_individuals", c.complete_individuals},
          {"incomplete_individuals", c.incomplete_individuals},
          {"invalid_replies", c.invalid_replies},
          {"reliability",
           {{"within_individual", {{"pairs", c.repeated_pairs}, {"agreement", number_or_null(c.within_agreement)}}},
            {"between_individuals",
             {{"mean_choice", number_or_null(c.mean_choice)},
              {"pairwise_agreement", number_or_null(c.between_agreement)},
              {"questions", std::move(questions)}}},
            {"paper_intersubject", number_or_null(c.paper_intersubject)}}},
          {"clustered_ids", std::move(ids)},
          {"below_min_people", c.below_min_people},
          {"subsets", std::move(subsets)},
          {"profile", profile_json(c, responses, names)}};
}

// The population's answer counts summed over its concepts (an individual
// counts once per concept), so that figures and notes read one number.
nlohmann::json concept_totals_json(const ConceptPopulationResult& p) {
  std::size_t complete = 0, incomplete = 0, invalid = 0;
  for (const auto& c : p.concepts) {
    complete += c.complete_individuals;
    incomplete += c.incomplete_individuals;
    invalid += c.invalid_replies;
  }
  return {{"complete_individuals", complete}, {"incomplete_individuals", incomplete}, {"invalid_replies", invalid}};
}

const ConceptResponses* responses_of(const ConceptDataset& dataset, std::size_t population, std::size_t concept) {
  return population < dataset.populations.size() ? &dataset.populations[population].concepts[concept] : nullptr;
}

}  // namespace

void write_concept_report(std::ostream& out, const ConceptDataset& dataset,
                          const std::vector<ConceptInputOptions>& input_options, const ConceptAnalysis& analysis,
                          const ComparisonResult& comparisons, const nlohmann::json& analysis_file) {
  JsonWriter writer(out);
  write_concept_report(writer, dataset, input_options, analysis, comparisons, analysis_file);
  out << "\n";
}

std::string concept_report_text(const ConceptDataset& dataset, const std::vector<ConceptInputOptions>& input_options,
                                const ConceptAnalysis& analysis, const ComparisonResult& comparisons,
                                const nlohmann::json& analysis_file) {
  return written_text(
      [&](JsonWriter& writer) { write_concept_report(writer, dataset, input_options, analysis, comparisons, analysis_file); });
}


namespace {

// Everything of the report but its populations, which are written one at a
// time.
nlohmann::json concept_report_head(const ConceptDataset& dataset, const std::vector<ConceptInputOptions>& input_options,
                                   const ConceptAnalysis& analysis, const ComparisonResult& comparisons,
                                   const nlohmann::json& analysis_file) {
  const auto& o = analysis.options;
  nlohmann::json parameters = {{"input_options", input_options_json(dataset.inputs.size(), input_options)},
                               {"alpha", o.model.alpha},
                               {"prior", to_string(o.model.prior)},
                               {"kernel", to_string(o.kernel)},
                               {"iterations", o.iterations},
                               {"max_iterations", max_chain_iterations(o)},
                               {"burn_in", o.burn_in},
                               {"chains", o.chains},
                               {"subset_sizes", o.subset_sizes},
                               {"seed", o.seed},
                               {"min_people", o.min_people},
                               {"traces", o.keep_traces},
                               {"extrapolate_to", o.extrapolate_to},
                               {"partition_loss", to_string(o.partition_loss)},
                               {"pair", o.pairs}};
  nlohmann::json report = report_envelope("concept", std::move(parameters), dataset.inputs, dataset.issues, analysis_file);
  report["comparisons"] = comparison_json(comparisons);
  report["convergence"] = summary_json(summarise_convergence(analysis));
  report["diversity_comparisons"] = diversity_comparisons_json(analysis.diversity_comparisons);
  report["shared_concepts"] = shared_concepts_json(analysis.shared);
  report["manuscript"] = manuscript_json(report);
  return report;
}

}  // namespace

nlohmann::json concept_manuscript(const ConceptDataset& dataset, const std::vector<ConceptInputOptions>& input_options,
                                  const ConceptAnalysis& analysis, const ComparisonResult& comparisons) {
  return concept_report_head(dataset, input_options, analysis, comparisons, nullptr)["manuscript"];
}

std::string concept_entry_text(const ConceptResult& concept, const ConceptResponses* responses,
                               const std::vector<std::string>& names, bool traces) {
  return concept_json(concept, responses, names, traces).dump(1);
}

void write_concept_report(JsonWriter& out, const ConceptDataset& dataset,
                          const std::vector<ConceptInputOptions>& input_options, const ConceptAnalysis& analysis,
                          const ComparisonResult& comparisons, const nlohmann::json& analysis_file,
                          const std::vector<std::string>* rendered) {
  const auto& o = analysis.options;
  const nlohmann::json report = concept_report_head(dataset, input_options, analysis, comparisons, analysis_file);
  // The concepts, one entry each, are most of a report: they are written one
  // at a time.
  // The index of each population's first concept among the dataset's (as
  // concept_tasks counts them), for the concepts rendered ahead.
  std::vector<std::size_t> first_concept;
  for (std::size_t p = 0, k = 0; p < analysis.populations.size(); ++p) {
    first_concept.push_back(k);
    k += analysis.populations[p].concepts.size();
  }
  const auto write_population = [&](JsonWriter& w, std::size_t p) {
    const auto& pr = analysis.populations[p];
    nlohmann::json head = to_json(pr.label);
    head["concepts_clustered"] = pr.concepts_clustered;
    head["mean_p_multiple_concepts"] = number_or_null(pr.mean_p_multiple_concepts);
    head["mean_last_p_multiple_concepts"] = number_or_null(pr.mean_last_p_multiple_concepts);
    head["within_individual_agreement"] = {{"pairs", pr.repeated_pairs}, {"agreement", number_or_null(pr.within_agreement)}};
    head["concept_totals"] = concept_totals_json(pr);
    // The population's concept names, once (describe_answer reads them).
    std::vector<std::string> names;
    if (p < dataset.populations.size()) {
      names.reserve(dataset.populations[p].concepts.size());
      for (const auto& concept : dataset.populations[p].concepts) names.push_back(concept.concept);
    }
    write_object(w, head, {{"concepts", [&](JsonWriter& cw) {
                              cw.begin_array();
                              for (std::size_t c = 0; c < pr.concepts.size(); ++c) {
                                const std::size_t k = first_concept[p] + c;
                                if (p < dataset.populations.size() && rendered && k < rendered->size() &&
                                    !(*rendered)[k].empty()) {
                                  cw.dumped((*rendered)[k]);
                                } else {
                                  cw.value(concept_json(pr.concepts[c], responses_of(dataset, p, c), names, o.keep_traces));
                                }
                              }
                              cw.end();
                            }}});
  };
  write_object(out, report, {{"populations", [&](JsonWriter& w) {
                                w.begin_array();
                                for (std::size_t p = 0; p < analysis.populations.size(); ++p) write_population(w, p);
                                w.end();
                              }}});
}


nlohmann::json concept_report(const ConceptDataset& dataset, const std::vector<ConceptInputOptions>& input_options,
                              const ConceptAnalysis& analysis, const ComparisonResult& comparisons) {
  return nlohmann::json::parse(concept_report_text(dataset, input_options, analysis, comparisons));
}

std::string concept_subsets_csv(const ConceptAnalysis& analysis) {
  CsvWriter csv;
  csv.row({"population", "concept", "people", "chains", "draws", "last_tables", "last_p_same_table",
           "last_richness_chao1", "last_log_posterior", "p_same_table_mean", "p_same_table_low", "p_same_table_high",
           "p_multiple_concepts_mean", "p_multiple_concepts_low", "p_multiple_concepts_high", "tables_mean",
           "richness_chao1_mean", "r_hat_p_same_table", "map_log_posterior", "last_p_multiple_concepts", "verdict",
           "iterations", "burn_in", "ess_bulk_p_same_table", "ess_tail_p_same_table", "mcse_p_same_table",
           "r_hat_tables", "ess_bulk_tables", "ess_tail_tables", "mcse_tables", "failed", "below_min_people"});
  for (const auto& p : analysis.populations) {
    for (const auto& c : p.concepts) {
      for (const auto& s : c.subsets) {
        const auto& last = s.chains.front().last;
        const CellConvergence& cv = s.convergence;
        csv.row({p.label.name, c.concept, std::to_string(s.people), std::to_string(s.chains.size()),
                 std::to_string(s.p_same_table.draws), std::to_string(last.tables), CsvWriter::number(last.p_same_table),
                 CsvWriter::number(last.richness), CsvWriter::number(last.log_posterior),
                 CsvWriter::number(s.p_same_table.mean), CsvWriter::number(s.p_same_table.low),
                 CsvWriter::number(s.p_same_table.high), CsvWriter::number(s.p_multiple_concepts.mean),
                 CsvWriter::number(s.p_multiple_concepts.low), CsvWriter::number(s.p_multiple_concepts.high),
                 CsvWriter::number(s.tables.mean), CsvWriter::number(s.richness.mean),
                 CsvWriter::number(cv.p_same_table.r_hat), CsvWriter::number(s.map_log_posterior),
                 CsvWriter::number(s.last_p_multiple_concepts),
                 to_string(cv.verdict), std::to_string(cv.iterations), std::to_string(cv.burn_in),
                 CsvWriter::number(cv.p_same_table.ess_bulk), CsvWriter::number(cv.p_same_table.ess_tail),
                 CsvWriter::number(cv.p_same_table.mcse_mean), CsvWriter::number(cv.tables.r_hat),
                 CsvWriter::number(cv.tables.ess_bulk), CsvWriter::number(cv.tables.ess_tail),
                 CsvWriter::number(cv.tables.mcse_mean), joined(cv.failed, "; "), c.below_min_people ? "true" : "false"});
      }
    }
  }
  return csv.text();
}

std::string concept_reliability_csv(const ConceptAnalysis& analysis) {
  CsvWriter csv;
  csv.row({"population", "concept", "questions", "complete_individuals", "incomplete_individuals", "invalid_replies",
           "repeated_pairs", "within_agreement", "mean_choice", "between_pairwise_agreement",
           "paper_intersubject"});
  for (const auto& p : analysis.populations) {
    for (const auto& c : p.concepts) {
      csv.row({p.label.name, c.concept, std::to_string(c.questions), std::to_string(c.complete_individuals),
               std::to_string(c.incomplete_individuals), std::to_string(c.invalid_replies),
               std::to_string(c.repeated_pairs), CsvWriter::number(c.within_agreement),
               CsvWriter::number(c.mean_choice), CsvWriter::number(c.between_agreement),
               CsvWriter::number(c.paper_intersubject)});
    }
  }
  return csv.text();
}

std::string concept_map_seating_csv(const ConceptDataset& dataset, const ConceptAnalysis& analysis) {
  CsvWriter csv;
  csv.row({"population", "concept", "people", "id", "table"});
  for (std::size_t p = 0; p < analysis.populations.size(); ++p) {
    const auto& pr = analysis.populations[p];
    for (std::size_t c = 0; c < pr.concepts.size(); ++c) {
      const auto* responses = responses_of(dataset, p, c);
      if (!responses) continue;  // released chains carry no seating
      for (const auto& s : pr.concepts[c].subsets) {
        for (std::size_t i = 0; i < s.map_seating.size(); ++i) {
          csv.row({pr.label.name, pr.concepts[c].concept, std::to_string(s.people), responses->complete[i].id,
                   std::to_string(s.map_seating[i])});
        }
      }
    }
  }
  return csv.text();
}

std::string concept_traces_csv(const ConceptAnalysis& analysis) {
  CsvWriter csv;
  csv.row({"population", "concept", "people", "chain", "iteration", "tables", "p_same_table", "richness_chao1",
           "log_posterior"});
  for (const auto& p : analysis.populations) {
    for (const auto& c : p.concepts) {
      for (const auto& s : c.subsets) {
        for (std::size_t k = 0; k < s.chains.size(); ++k) {
          for (const auto& r : s.chains[k].trace) {
            csv.row({p.label.name, c.concept, std::to_string(s.people), std::to_string(k + 1),
                     std::to_string(r.iteration), std::to_string(r.tables), CsvWriter::number(r.p_same_table),
                     CsvWriter::number(r.richness), CsvWriter::number(r.log_posterior)});
          }
        }
      }
    }
  }
  return csv.text();
}

std::string concept_shared_csv(const ConceptAnalysis& analysis) {
  CsvWriter csv;
  csv.row({"population_a", "population_b", "concept", "people_a", "people_b", "p_cross_same_mean", "p_cross_same_low",
           "p_cross_same_high", "p_same_a", "p_same_b"});
  for (const auto& s : analysis.shared) {
    csv.row({s.population_a, s.population_b, s.concept, std::to_string(s.people_a), std::to_string(s.people_b),
             CsvWriter::number(s.p_cross_same.mean), CsvWriter::number(s.p_cross_same.low),
             CsvWriter::number(s.p_cross_same.high), CsvWriter::number(s.p_same_a.mean),
             CsvWriter::number(s.p_same_b.mean)});
  }
  return csv.text();
}

std::string concept_diversity_csv(const ConceptAnalysis& analysis) {
  CsvWriter csv;
  csv.row({"population", "concept", "people", "measure", "mean", "low", "high"});
  for (const auto& p : analysis.populations) {
    for (const auto& c : p.concepts) {
      for (const auto& s : c.subsets) {
        const CellDiversity& d = s.diversity;
        for (const auto& [measure, summary] : {std::pair<const char*, const PosteriorSummary*>{"q0", &d.q0},
                                               {"q1", &d.q1},
                                               {"q2", &d.q2},
                                               {"coverage", &d.coverage}}) {
          if (summary->draws == 0) continue;   // released chains: q1 and coverage unknown
          csv.row({p.label.name, c.concept, std::to_string(s.people), measure, CsvWriter::number(summary->mean),
                   CsvWriter::number(summary->low), CsvWriter::number(summary->high)});
        }
      }
    }
  }
  return csv.text();
}

std::string concept_rarefaction_csv(const ConceptAnalysis& analysis) {
  CsvWriter csv;
  csv.row({"population", "concept", "people", "at_people", "richness", "q2", "coverage"});
  for (const auto& p : analysis.populations) {
    for (const auto& c : p.concepts) {
      for (const auto& point : c.curve) {
        csv.row({p.label.name, c.concept, std::to_string(c.subsets.back().people), std::to_string(point.people),
                 CsvWriter::number(point.richness.mean), CsvWriter::number(point.q2.mean),
                 CsvWriter::number(point.coverage)});
      }
    }
  }
  return csv.text();
}

std::string concept_partition_csv(const ConceptDataset& dataset, const ConceptAnalysis& analysis) {
  CsvWriter csv;
  csv.row({"population", "concept", "people", "individual", "concept_number"});
  for (std::size_t p = 0; p < analysis.populations.size(); ++p) {
    const auto& pr = analysis.populations[p];
    for (std::size_t c = 0; c < pr.concepts.size(); ++c) {
      const auto* responses = responses_of(dataset, p, c);
      const auto& which = pr.concepts[c].which;
      if (!responses || !which) continue;
      for (std::size_t i = 0; i < which->partition.size(); ++i) {
        csv.row({pr.label.name, pr.concepts[c].concept, std::to_string(which->partition.size()),
                 responses->complete[i].id, std::to_string(which->partition[i] + 1)});
      }
    }
  }
  return csv.text();
}

}  // namespace shoal

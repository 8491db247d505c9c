#include "report/concept_report.hpp"

#include <ostream>

#include "concept/categories.hpp"
#include "io/csv_writer.hpp"
#include "report/comparison_report.hpp"
#include "concept/convergence_summary.hpp"
#include "report/json_writer.hpp"
#include "report/report_json.hpp"

namespace shoal {
namespace {

nlohmann::json summary_json(const PosteriorSummary& s) {
  return {{"draws", s.draws}, {"mean", number_or_null(s.mean)}, {"ci95", {number_or_null(s.low), number_or_null(s.high)}}};
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
          {"chains", std::move(chains)}};
}

// `responses` is null for a population read from released chains.
nlohmann::json concept_json(const ConceptResult& c, const ConceptResponses* responses, bool traces) {
  nlohmann::json questions = nlohmann::json::array();
  for (const auto& q : c.per_question) {
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
          {"subsets", std::move(subsets)}};
}

const ConceptResponses* responses_of(const ConceptDataset& dataset, std::size_t population, std::size_t concept) {
  return population < dataset.populations.size() ? &dataset.populations[population].concepts[concept] : nullptr;
}

}  // namespace

void write_concept_report(std::ostream& out, const ConceptDataset& dataset,
                          const std::vector<ConceptInputOptions>& input_options, const ConceptAnalysis& analysis,
                          const ComparisonResult& comparisons) {
  JsonWriter writer(out);
  write_concept_report(writer, dataset, input_options, analysis, comparisons);
  out << "\n";
}

std::string concept_report_text(const ConceptDataset& dataset, const std::vector<ConceptInputOptions>& input_options,
                                const ConceptAnalysis& analysis, const ComparisonResult& comparisons) {
  return written_text([&](JsonWriter& writer) { write_concept_report(writer, dataset, input_options, analysis, comparisons); });
}


void write_concept_report(JsonWriter& out, const ConceptDataset& dataset,
                          const std::vector<ConceptInputOptions>& input_options, const ConceptAnalysis& analysis,
                          const ComparisonResult& comparisons) {
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
                               {"traces", o.keep_traces}};
  nlohmann::json report = report_envelope("concept", std::move(parameters), dataset.inputs, dataset.issues);
  report["comparisons"] = comparison_json(comparisons);
  report["convergence"] = summary_json(summarise_convergence(analysis));
  // The concepts, one entry each, are most of a report: they are written one
  // at a time.
  const auto write_population = [&](JsonWriter& w, std::size_t p) {
    const auto& pr = analysis.populations[p];
    nlohmann::json head = to_json(pr.label);
    head["concepts_clustered"] = pr.concepts_clustered;
    head["mean_p_multiple_concepts"] = number_or_null(pr.mean_p_multiple_concepts);
    head["mean_last_p_multiple_concepts"] = number_or_null(pr.mean_last_p_multiple_concepts);
    head["within_individual_agreement"] = {{"pairs", pr.repeated_pairs}, {"agreement", number_or_null(pr.within_agreement)}};
    write_object(w, head, {{"concepts", [&](JsonWriter& cw) {
                              cw.begin_array();
                              for (std::size_t c = 0; c < pr.concepts.size(); ++c) {
                                cw.value(concept_json(pr.concepts[c], responses_of(dataset, p, c), o.keep_traces));
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

}  // namespace shoal

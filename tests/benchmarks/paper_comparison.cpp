// Shoal's mean P(multiple concepts) per model and condition on the paper's
// 48 concept-task files, beside the paper's own numbers (iteration 499 of
// its single chain, each concept at its largest NumberOfPeople, averaged
// over concepts), per-family means, and the mixed models fitted to Shoal's
// and to the paper's per-concept values. Run by hand:
//   build/native/tests/paper_comparison [SHARED_DIR]

#include <array>
#include <cstdio>
#include <limits>
#include <map>
#include <tuple>

#include "compare/comparison.hpp"
#include "io/csv.hpp"
#include "paper_concepts.hpp"

using namespace shoal;

namespace {

// A cell as a std::string, for std::sto* and map keys.
std::string text(const shoal::CsvTable& table, std::size_t record, std::size_t column) {
  return std::string(table.cell(record, column));
}


using Condition = std::tuple<std::string, std::string, std::string>;   // model, prompt, temperature

struct PaperValue {
  std::size_t people = 0;
  double p_multiple = 0.0;
};

// Per condition and concept, the row with the largest NumberOfPeople.
std::map<Condition, std::map<std::string, PaperValue>> read_paper(const std::filesystem::path& folder) {
  std::map<Condition, std::map<std::string, PaperValue>> out;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    const TextInput input = read_text_input(entry.path().string());
    if (input.content.find('\n') + 1 >= input.content.size()) continue;   // header only
    const CsvTable table = parse_csv(input.content, input.name);
    const std::size_t concept = table.require_column("Concept"), people = table.require_column("NumberOfPeople"),
                      same = table.require_column("ProbabilityOfSameTable"), model = table.require_column("model_name"),
                      prompt = table.require_column("prompt"), temperature = table.require_column("temperature"),
                      iteration = table.require_column("Iteration");
    for (std::size_t r = 0; r < table.row_count(); ++r) {
      if (table.cell(r, iteration) != "499") continue;
      PaperValue v{std::stoul(text(table, r, people)), 1.0 - std::stod(text(table, r, same))};
      auto& slot = out[{text(table, r, model), text(table, r, prompt), text(table, r, temperature)}][text(table, r, concept)];
      if (v.people > slot.people) slot = v;
    }
  }
  return out;
}

void print_models(const char* title, const ComparisonResult& result) {
  std::printf("\n%s\n", title);
  for (const auto& m : result.models) {
    std::printf("  %s\n", m.formula.c_str());
    if (!m.fitted) {
      std::printf("    skipped: %s\n", m.reason.c_str());
      continue;
    }
    std::printf("    %zu populations, %zu observations, groups:", m.populations, m.reml.observations);
    for (const auto& g : m.groups) std::printf(" %s", g.c_str());
    std::printf("\n");
    for (const MixedModelFit* fit : {&m.reml, &m.ml}) {
      std::printf("    %-4s group var %.5f  residual var %.5f  logLik %.3f%s\n", to_string(fit->method),
                  fit->group_variance, fit->residual_variance, fit->log_likelihood,
                  fit->boundary ? "  (group variance at 0)" : "");
      for (const auto& e : fit->fixed) {
        std::printf("         %-20s %9.4f  SE %.4f  z %7.2f  p %.3g\n", e.term.c_str(), e.estimate, e.se, e.z, e.p);
      }
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  const std::filesystem::path shared = argc > 1 ? argv[1] : SHOAL_SHARED_DIR;
  const auto paper = read_paper(paper::concept_task(shared) / "paper-crp-results");
  const ConceptAnalysis analysis = paper::analyse_paper_concepts(shared);
  const ComparisonResult shoal = compare_concepts(analysis, {kDefaultBootstrapDraws, 1});

  std::printf("Mean P(multiple concepts) over concepts, each at its largest subset.\n"
              "Shoal: posterior mean over iterations 100-499 [bootstrap 95%% over concepts] and the last\n"
              "iteration; paper: its iteration 499. n: concepts averaged.\n\n");
  std::printf("%-17s %-18s %-5s %-9s %-7s | %-26s %6s %3s | %6s %3s\n", "model", "family", "align", "prompt", "temp",
              "Shoal posterior [95%]", "last", "n", "paper", "n");
  ComparisonInput paper_input;
  paper_input.unit = "concept";
  paper_input.metrics = {"paper_p_multiple_concepts"};
  // family → aligned → {Shoal posterior, Shoal last, paper} sums and counts
  std::map<std::string, std::map<bool, std::array<double, 4>>> family_means;
  for (std::size_t index : shoal.conditions) {
    const auto& p = shoal.populations[index];
    const auto& l = p.label;
    const auto& posterior = p.summaries.at("p_multiple_concepts").at("all");
    const auto& last = p.summaries.at("last_p_multiple_concepts").at("all");
    const auto found = paper.find({l.model, l.prompt, l.temperature});
    double paper_mean = std::numeric_limits<double>::quiet_NaN();
    std::size_t paper_n = 0;
    if (found != paper.end()) {
      PopulationMetrics pm;
      pm.label = l;
      pm.values.resize(1);
      double total = 0.0;
      for (const auto& [concept, v] : found->second) {
        total += v.p_multiple;
        pm.units.push_back(concept);
        pm.values[0].push_back(v.p_multiple);
      }
      paper_n = found->second.size();
      paper_mean = total / static_cast<double>(paper_n);
      paper_input.populations.push_back(std::move(pm));
    }
    char interval[64];
    std::snprintf(interval, sizeof interval, "%.3f [%.3f, %.3f]", posterior.interval.mean, posterior.bootstrap_low,
                  posterior.bootstrap_high);
    std::printf("%-17s %-18s %-5s %-9s %-7s | %-26s %6.3f %3zu | %6.3f %3zu\n", l.model.c_str(), l.family.c_str(),
                l.aligned ? (*l.aligned ? "yes" : "no") : "?", l.prompt.c_str(), l.temperature.c_str(), interval,
                last.interval.mean, posterior.interval.n, paper_mean, paper_n);
    if (l.aligned && posterior.interval.n > 0) {
      auto& sums = family_means[l.family][*l.aligned];
      sums[0] += posterior.interval.mean;
      sums[1] += last.interval.mean;
      if (paper_n > 0) {
        sums[2] += paper_mean;
        sums[3] += 1.0;
      }
    }
  }
  // Conditions counted for Shoal (every population with concepts).
  std::map<std::string, std::map<bool, std::size_t>> shoal_counts;
  for (std::size_t index : shoal.conditions) {
    const auto& p = shoal.populations[index];
    if (p.label.aligned && p.summaries.at("p_multiple_concepts").at("all").interval.n > 0) {
      ++shoal_counts[p.label.family][*p.label.aligned];
    }
  }
  std::printf("\nPer family, mean over conditions: not aligned -> aligned\n");
  std::printf("%-18s | %-17s | %-17s | %-17s\n", "family", "Shoal posterior", "Shoal last", "paper");
  for (const auto& [family, by_alignment] : family_means) {
    const auto value = [&](bool aligned, int k) {
      const auto it = by_alignment.find(aligned);
      if (it == by_alignment.end()) return std::numeric_limits<double>::quiet_NaN();
      const double n = k == 2 ? it->second[3] : static_cast<double>(shoal_counts[family][aligned]);
      return n > 0 ? it->second[k] / n : std::numeric_limits<double>::quiet_NaN();
    };
    std::printf("%-18s | %6.3f -> %6.3f | %6.3f -> %6.3f | %6.3f -> %6.3f\n", family.c_str(), value(false, 0),
                value(true, 0), value(false, 1), value(true, 1), value(false, 2), value(true, 2));
  }

  print_models("Mixed models on Shoal's per-concept values (humans not included):", shoal);
  print_models("The same models on the paper's per-concept values:", compare_populations(paper_input, {0, 1}));
  return 0;
}

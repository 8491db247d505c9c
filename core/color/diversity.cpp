#include "color/diversity.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <set>
#include <stdexcept>

namespace shoal {
namespace {

struct Answers {
  const ColorResponse* block[2] = {nullptr, nullptr};
};

struct IdLess {
  bool operator()(const std::string& x, const std::string& y) const { return id_less(x, y); }
};

// One word's answers per individual, individuals in ascending id order.
using AnswersById = std::map<std::string, Answers, IdLess>;

std::optional<double> as_number(const std::string& text) {
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

Lab lab_of(const ColorResponse& r) { return srgb_to_lab(*r.colour); }

// Mean and sd of ΔE between block-1 answers of i and block-2 answers of j
// over the pairs the rule selects.
MeanInterval population_delta_e(const std::vector<Lab>& first, const std::vector<Lab>& second, PairRule rule,
                                DeltaEFormula formula) {
  RunningMoments moments;
  const std::size_t n = first.size();
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = rule == PairRule::Paper ? i + 1 : 0; j < n; ++j) {
      if (j != i) moments.add(delta_e(first[i], second[j], formula));
    }
  }
  return moments.interval();
}

WordDiversity analyse_word(const std::string& word, const AnswersById& by_individual, const ColorOptions& options) {
  WordDiversity out;
  out.word = word;
  std::vector<Lab> first, second, block1_answers;
  RunningMoments internal;
  for (const auto& [id, answers] : by_individual) {
    const ColorResponse* a = answers.block[0];
    const ColorResponse* b = answers.block[1];
    if (a && a->colour) block1_answers.push_back(lab_of(*a));
    if (!(a && b && a->colour && b->colour)) {
      ++out.incomplete;
      continue;
    }
    first.push_back(lab_of(*a));
    second.push_back(lab_of(*b));
    internal.add(delta_e(first.back(), second.back(), options.formula));
  }
  out.individuals = first.size();
  out.internal_delta_e = internal.interval();
  out.population_delta_e = population_delta_e(first, second, options.pairs, options.formula);
  out.dist_from_diagonal =
      std::fabs(out.internal_delta_e.mean - out.population_delta_e.mean) / std::sqrt(2.0);
  out.block1_gaussian = fit_lab_gaussian(block1_answers);
  return out;
}

// Counts pair comparisons, the work of the analysis, for progress reports.
class PairMeter {
 public:
  PairMeter(const std::function<void(double)>& progress, double total) : progress_(progress), total_(total) {}
  void done(std::size_t individuals) {
    done_ += static_cast<double>(individuals) * static_cast<double>(individuals);
    if (progress_ && total_ > 0.0) progress_(std::min(1.0, done_ / total_));
  }

 private:
  const std::function<void(double)>& progress_;
  double total_;
  double done_ = 0.0;
};

PopulationDiversity analyse_population(const ColorPopulation& population, const ColorDataset& dataset,
                                       const ColorOptions& options, PairMeter& meter) {
  PopulationDiversity out;
  out.label = population.label;
  std::map<std::string, AnswersById> by_word;
  std::set<std::string> individuals;
  for (const auto& r : population.responses) {
    by_word[r.word][r.individual].block[r.block - 1] = &r;
    individuals.insert(r.individual);
    ++(r.colour ? out.valid_responses : out.invalid_responses);
  }
  out.individuals = individuals.size();

  std::vector<double> internal_means, population_means, distances;
  for (const auto& [word, by_individual] : by_word) {
    if (by_individual.size() < 2) {
      const auto& answers = by_individual.begin()->second;
      const ColorResponse* r = answers.block[0] ? answers.block[0] : answers.block[1];
      const auto& input = dataset.inputs[r->input];
      const auto column = input.columns.find("word");
      throw InputError(input.name, r->row, column == input.columns.end() ? "word" : column->second,
                       "the word " + quote_text(word) + " was answered by only one individual of population " +
                           quote_text(population.label.name) +
                           "; population variability needs at least two (remove the word or add individuals)");
    }
    WordDiversity w = analyse_word(word, by_individual, options);
    meter.done(by_individual.size());
    if (w.individuals >= 2) {
      internal_means.push_back(w.internal_delta_e.mean);
      population_means.push_back(w.population_delta_e.mean);
      distances.push_back(w.dist_from_diagonal);
    }
    out.words.push_back(std::move(w));
  }
  out.words_analysed = distances.size();
  out.dist_from_diagonal = mean_interval(distances);
  out.internal_delta_e = mean_interval(internal_means);
  out.population_delta_e = mean_interval(population_means);
  out.internal_on_population = fit_line(population_means, internal_means);
  return out;
}

std::string choose_reference(const ColorDataset& dataset, const ColorOptions& options) {
  if (!options.reference.empty()) {
    for (const auto& p : dataset.populations) {
      if (p.label.name == options.reference) return p.label.name;
    }
    std::string names;
    for (const auto& p : dataset.populations) names += (names.empty() ? "" : ", ") + p.label.name;
    throw std::invalid_argument("reference population '" + options.reference +
                                "' is not among the populations read (" + names + ")");
  }
  std::string human;
  for (const auto& p : dataset.populations) {
    if (p.label.human) {
      if (!human.empty()) return "";  // ambiguous: the user must choose
      human = p.label.name;
    }
  }
  return human;
}

void add_divergences(ColorAnalysis& analysis) {
  const PopulationDiversity* reference = nullptr;
  for (const auto& p : analysis.populations) {
    if (p.label.name == analysis.reference_population) reference = &p;
  }
  if (!reference) return;
  std::map<std::string, const LabGaussian*> reference_fits;
  for (const auto& w : reference->words) {
    if (w.block1_gaussian) reference_fits[w.word] = &*w.block1_gaussian;
  }
  for (auto& p : analysis.populations) {
    if (&p == reference) continue;
    std::vector<double> values;
    for (auto& w : p.words) {
      const auto it = reference_fits.find(w.word);
      if (!w.block1_gaussian || it == reference_fits.end()) continue;
      Rng rng(derive_seed(derive_seed(analysis.options.seed, p.label.name), w.word));
      w.jsd_to_reference =
          estimate_jsd(analysis.options.jsd, *w.block1_gaussian, *it->second, analysis.options.jsd_samples, rng);
      values.push_back(w.jsd_to_reference->value);
    }
    p.jsd_to_reference = mean_interval(values);
  }
}

}  // namespace

bool id_less(const std::string& x, const std::string& y) {
  const auto nx = as_number(x), ny = as_number(y);
  if (nx && ny) return *nx < *ny || (*nx == *ny && x < y);
  if (nx || ny) return nx.has_value();
  return x < y;
}

const char* to_string(PairRule rule) { return rule == PairRule::All ? "all" : "paper"; }

std::optional<PairRule> pair_rule_from_string(const std::string& text) {
  if (text == "all") return PairRule::All;
  if (text == "paper") return PairRule::Paper;
  return std::nullopt;
}

const char* to_string(DeltaEFormula formula) {
  return formula == DeltaEFormula::Cie76 ? "cie76" : "ciede2000";
}

std::optional<DeltaEFormula> delta_e_formula_from_string(const std::string& text) {
  if (text == "cie76") return DeltaEFormula::Cie76;
  if (text == "ciede2000") return DeltaEFormula::Ciede2000;
  return std::nullopt;
}

ColorAnalysis analyse_color(const ColorDataset& dataset, const ColorOptions& options,
                            const std::function<void(double)>& progress) {
  ColorAnalysis analysis;
  analysis.options = options;
  analysis.reference_population = choose_reference(dataset, options);
  // The work, for progress: per word about (answers / 2)² comparisons.
  double total = 0.0;
  for (const auto& population : dataset.populations) {
    std::map<std::string, double> answers;
    for (const auto& r : population.responses) answers[r.word] += 0.5;
    for (const auto& [word, n] : answers) total += n * n;
  }
  PairMeter meter(progress, total);
  for (const auto& population : dataset.populations) {
    analysis.populations.push_back(analyse_population(population, dataset, options, meter));
  }
  add_divergences(analysis);
  return analysis;
}

}  // namespace shoal

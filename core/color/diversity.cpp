#include "color/diversity.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <map>
#include <numeric>
#include <tuple>
#include <utility>
#include <stdexcept>

namespace shoal {
namespace {

struct Answers {
  const ColorResponse* block[2] = {nullptr, nullptr};
};

// The rank of each name in `less` order.
template <typename Less>
std::vector<std::uint32_t> ranks(const std::vector<std::string>& names, Less less) {
  std::vector<std::uint32_t> order(names.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return less(names[a], names[b]); });
  std::vector<std::uint32_t> rank(names.size());
  for (std::size_t k = 0; k < order.size(); ++k) rank[order[k]] = static_cast<std::uint32_t>(k);
  return rank;
}

Lab lab_of(const ColorResponse& r) { return srgb_to_lab(*r.colour); }

// `by_individual`: one word's answers per individual, individuals in
// ascending id order.
WordDiversity analyse_word(const std::string& word, const std::vector<Answers>& by_individual,
                           const ColorOptions& options) {
  WordDiversity out;
  out.word = word;
  std::vector<Lab> first, second, block1_answers;
  for (const auto& answers : by_individual) {
    const ColorResponse* a = answers.block[0];
    const ColorResponse* b = answers.block[1];
    if (a && a->colour) block1_answers.push_back(lab_of(*a));
    if (!(a && b && a->colour && b->colour)) {
      ++out.incomplete;
      continue;
    }
    first.push_back(lab_of(*a));
    second.push_back(lab_of(*b));
  }
  const ItemVariability v = item_variability(
      first, second, options.pairs, [&](const Lab& x, const Lab& y) { return delta_e(x, y, options.formula); });
  out.individuals = v.individuals;
  out.internal_delta_e = v.internal;
  out.population_delta_e = v.population;
  out.dist_from_diagonal = v.dist_from_diagonal;
  out.block1_gaussian = fit_lab_gaussian(block1_answers);
  return out;
}

PopulationDiversity analyse_population(const ColorPopulation& population, const ColorDataset& dataset,
                                       const ColorOptions& options, PairMeter& meter, const TaskRunner& run_tasks) {
  PopulationDiversity out;
  out.label = population.label;
  for (const auto& r : population.responses) ++(r.colour ? out.valid_responses : out.invalid_responses);
  out.individuals = population.individuals.size();

  // Answers ordered by word (byte order, as reports list words), then by
  // individual (id order), then block: an index of four bytes per answer,
  // where maps keyed by name cost several times the input.
  const auto& responses = population.responses;
  const auto word_rank = ranks(population.words, std::less<std::string>());
  const auto id_rank = ranks(population.individuals, id_less);
  std::vector<std::uint32_t> order(responses.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    const ColorResponse &x = responses[a], &y = responses[b];
    return std::make_tuple(word_rank[x.word], id_rank[x.individual], x.block) <
           std::make_tuple(word_rank[y.word], id_rank[y.individual], y.block);
  });

  // Each word's answers are a run of `order`: the runs first, a word
  // answered by one individual refused before any work, then the words
  // analysed as tasks of `run_tasks`, each into its own slot.
  std::vector<std::size_t> word_starts;
  for (std::size_t k = 0; k < order.size(); ++k) {
    if (k == 0 || responses[order[k]].word != responses[order[k - 1]].word) word_starts.push_back(k);
  }
  word_starts.push_back(order.size());
  const auto answers_of_word = [&](std::size_t w) {
    std::vector<Answers> by_individual;
    for (std::size_t k = word_starts[w], last = UINT32_MAX; k < word_starts[w + 1]; ++k) {
      const ColorResponse& r = responses[order[k]];
      if (r.individual != last) by_individual.emplace_back();
      last = r.individual;
      by_individual.back().block[r.block - 1] = &r;
    }
    return by_individual;
  };
  const std::size_t words = word_starts.size() - 1;
  for (std::size_t w = 0; w < words; ++w) {
    const std::vector<Answers> by_individual = answers_of_word(w);
    if (by_individual.size() >= 2) continue;
    const auto& answers = by_individual.front();
    const ColorResponse* r = answers.block[0] ? answers.block[0] : answers.block[1];
    const auto& input = dataset.inputs[r->input];
    const auto column = input.columns.find("word");
    throw InputError(input.name, r->row, column == input.columns.end() ? "word" : column->second,
                     "the word " + quote_text(population.words[r->word]) +
                         " was answered by only one individual of population " + quote_text(population.label.name) +
                         "; population variability needs at least two (remove the word or add individuals)");
  }
  out.words.resize(words);
  run_tasks("words", words, [&](std::size_t w) {
    const std::vector<Answers> by_individual = answers_of_word(w);
    out.words[w] = analyse_word(population.words[responses[order[word_starts[w]]].word], by_individual, options);
    meter.done(by_individual.size());
  });
  VariabilitySummariser summariser;
  for (const auto& w : out.words) {
    summariser.add({w.individuals, w.internal_delta_e, w.population_delta_e, w.dist_from_diagonal});
  }
  const VariabilitySummary summary = summariser.summary();
  out.words_analysed = summary.items_analysed;
  out.dist_from_diagonal = summary.dist_from_diagonal;
  out.internal_delta_e = summary.internal;
  out.population_delta_e = summary.population;
  out.internal_on_population = summary.internal_on_population;
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

void add_divergences(ColorAnalysis& analysis, const TaskRunner& run_tasks) {
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
    // Each word's estimate draws from its own stream: a task of its own.
    std::vector<std::pair<WordDiversity*, const LabGaussian*>> pairs;
    for (auto& w : p.words) {
      const auto it = reference_fits.find(w.word);
      if (w.block1_gaussian && it != reference_fits.end()) pairs.emplace_back(&w, it->second);
    }
    run_tasks("divergences", pairs.size(), [&](std::size_t k) {
      WordDiversity& w = *pairs[k].first;
      Rng rng(derive_seed(derive_seed(analysis.options.seed, p.label.name), w.word));
      w.jsd_to_reference =
          estimate_jsd(analysis.options.jsd, *w.block1_gaussian, *pairs[k].second, analysis.options.jsd_samples, rng);
    });
    std::vector<double> values;
    for (const auto& [w, fit] : pairs) values.push_back(w->jsd_to_reference->value);
    p.jsd_to_reference = mean_interval(values);
  }
}

}  // namespace

const char* to_string(DeltaEFormula formula) {
  return formula == DeltaEFormula::Cie76 ? "cie76" : "ciede2000";
}

std::optional<DeltaEFormula> delta_e_formula_from_string(const std::string& text) {
  if (text == "cie76") return DeltaEFormula::Cie76;
  if (text == "ciede2000") return DeltaEFormula::Ciede2000;
  return std::nullopt;
}

ColorAnalysis analyse_color(const ColorDataset& dataset, const ColorOptions& options,
                            const std::function<void(double)>& progress, const TaskRunner& run_tasks) {
  ColorAnalysis analysis;
  analysis.options = options;
  analysis.reference_population = choose_reference(dataset, options);
  // The work, for progress: per word about (answers / 2)² comparisons.
  double total = 0.0;
  for (const auto& population : dataset.populations) {
    std::vector<double> answers(population.words.size(), 0.0);
    for (const auto& r : population.responses) answers[r.word] += 0.5;
    for (double n : answers) total += n * n;
  }
  PairMeter meter(progress, total);
  for (const auto& population : dataset.populations) {
    analysis.populations.push_back(analyse_population(population, dataset, options, meter, run_tasks));
  }
  add_divergences(analysis, run_tasks);
  return analysis;
}

}  // namespace shoal

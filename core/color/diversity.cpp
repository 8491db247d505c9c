#include "color/diversity.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <map>
#include <numeric>
#include <optional>
#include <tuple>
#include <utility>
#include <stdexcept>

#include "color/lab_pairs.hpp"

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

// Everything of a word but its population ΔE; returns its pairs' distances.
// `by_individual`: the word's answers per individual, individuals in
// ascending id order.
LabPairDistances prepare_word(const std::vector<Answers>& by_individual, const ColorOptions& options,
                              WordDiversity& out) {
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
  out.individuals = first.size();
  out.internal_delta_e =
      internal_distance(first, second, [&](const Lab& x, const Lab& y) { return delta_e(x, y, options.formula); });
  out.block1_gaussian = fit_lab_gaussian(block1_answers);
  return LabPairDistances(std::move(first), second, options.formula);
}

void finish_word(WordDiversity& w, const PopulationDistance& population) {
  const ItemVariability v = item_variability(w.individuals, w.internal_delta_e, population);
  w.population_delta_e = v.population;
  w.dist_from_diagonal = v.dist_from_diagonal;
  w.sampled_pairs = v.sampled_pairs;
}

PairSampling pair_sampling(const ColorOptions& options, const std::string& population, const std::string& word) {
  return {options.all_pairs_up_to, options.sampled_pairs,
          derive_seed(derive_seed(derive_seed(options.seed, population), word), "population pairs")};
}

// The answers whose words are analysed in one round: a large word's colours
// are held from its preparation until its pairs are done, and a round holds
// at most about this many (24 bytes each).
constexpr std::size_t kAnswersPerRound = std::size_t{1} << 21;

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
  // Rounds of words: first each word a task (its answers, internal ΔE,
  // Gaussian, and, when they are few, its pairs), then the pairs of the
  // round's large words in blocks, all one batch, each block into its own
  // slot, combined in order as the round ends.
  for (std::size_t begin = 0, end = 0; begin < words; begin = end) {
    for (std::size_t answers = 0; end < words && (end == begin || answers < kAnswersPerRound); ++end) {
      answers += word_starts[end + 1] - word_starts[end];
    }
    std::vector<std::optional<LabPairDistances>> distances(end - begin);
    std::vector<std::optional<PopulationPairs>> pairs(end - begin);
    run_tasks("words", end - begin, [&](std::size_t k) {
      const std::size_t w = begin + k;
      WordDiversity& word = out.words[w];
      word.word = population.words[responses[order[word_starts[w]]].word];
      LabPairDistances d = prepare_word(answers_of_word(w), options, word);
      PopulationPairs p(d.individuals(), options.pairs, pair_sampling(options, population.label.name, word.word));
      if (p.units() > 1) {
        distances[k].emplace(std::move(d));
        pairs[k].emplace(std::move(p));
        return;
      }
      for (std::size_t u = 0; u < p.units(); ++u) {
        p.run(u, d);
        meter.add(p.unit_pairs(u));
      }
      finish_word(word, p.result());
    });
    std::vector<std::pair<std::size_t, std::size_t>> blocks;   // (word in the round, unit)
    for (std::size_t k = 0; k < pairs.size(); ++k) {
      for (std::size_t u = 0; pairs[k] && u < pairs[k]->units(); ++u) blocks.emplace_back(k, u);
    }
    run_tasks("blocks of pairs", blocks.size(), [&](std::size_t b) {
      const auto [k, u] = blocks[b];
      pairs[k]->run(u, *distances[k]);
      meter.add(pairs[k]->unit_pairs(u));
    });
    for (std::size_t k = 0; k < pairs.size(); ++k) {
      if (pairs[k]) finish_word(out.words[begin + k], pairs[k]->result());
    }
  }
  VariabilitySummariser summariser;
  for (const auto& w : out.words) {
    summariser.add({w.individuals, w.internal_delta_e, w.population_delta_e, w.dist_from_diagonal, w.sampled_pairs});
  }
  const VariabilitySummary summary = summariser.summary();
  out.words_analysed = summary.items_analysed;
  out.dist_from_diagonal = summary.dist_from_diagonal;
  out.internal_delta_e = summary.internal;
  out.population_delta_e = summary.population;
  out.internal_on_population = summary.internal_on_population;
  double variance = 0.0;
  SampledWords sampled;
  for (const auto& w : out.words) {
    if (!w.sampled_pairs) continue;
    ++sampled.words;
    variance += w.sampled_pairs->mean_mc_error * w.sampled_pairs->mean_mc_error;
  }
  if (sampled.words > 0) {
    sampled.population_delta_e_mc_error = std::sqrt(variance) / static_cast<double>(out.words_analysed);
    sampled.dist_from_diagonal_mc_error = sampled.population_delta_e_mc_error / std::sqrt(2.0);
    out.sampled_words = sampled;
  }
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
  // The work, for progress: per word about n = answers / 2 individuals, so
  // n(n - 1) comparisons (half for paper pairs), or the pairs sampled.
  double total = 0.0;
  for (const auto& population : dataset.populations) {
    std::vector<double> answers(population.words.size(), 0.0);
    for (const auto& r : population.responses) answers[r.word] += 0.5;
    for (double n : answers) {
      const double all = std::max(0.0, n * (n - 1.0));
      const double pairs = options.pairs == PairRule::All ? all : all / 2.0;
      total += n > static_cast<double>(options.all_pairs_up_to) ? static_cast<double>(options.sampled_pairs) : pairs;
    }
  }
  PairMeter meter(progress, total);
  for (const auto& population : dataset.populations) {
    analysis.populations.push_back(analyse_population(population, dataset, options, meter, run_tasks));
  }
  add_divergences(analysis, run_tasks);
  return analysis;
}

}  // namespace shoal

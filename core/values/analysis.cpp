#include "values/analysis.hpp"

#include <cmath>
#include <map>
#include <set>

namespace shoal {
namespace {

using Point = std::vector<double>;

struct Answers {
  const ValueResponse* block[2] = {nullptr, nullptr};
};

struct IdLess {
  bool operator()(const std::string& x, const std::string& y) const { return id_less(x, y); }
};

using AnswersById = std::map<std::string, Answers, IdLess>;

double euclidean(const Point& x, const Point& y) {
  double sum = 0.0;
  for (std::size_t k = 0; k < x.size(); ++k) sum += (x[k] - y[k]) * (x[k] - y[k]);
  return std::sqrt(sum);
}

// Per item and component, the SD of every valid answer of every population in
// both blocks, so populations are compared on one scale. A component that
// never varies keeps its raw scale (all its distances are 0 anyway).
std::map<std::string, Point> pooled_scales(const ValuesDataset& dataset) {
  std::map<std::string, std::vector<RunningMoments>> moments;
  for (const auto& p : dataset.populations) {
    for (const auto& r : p.responses) {
      if (!r.value) continue;
      auto& m = moments[r.item];
      m.resize(r.value->size());
      for (std::size_t k = 0; k < r.value->size(); ++k) m[k].add((*r.value)[k]);
    }
  }
  std::map<std::string, Point> scales;
  for (const auto& [item, m] : moments) {
    for (const auto& component : m) {
      const double sd = component.count() >= 2 ? std::sqrt(component.sample_variance()) : 0.0;
      scales[item].push_back(sd > 0.0 && std::isfinite(sd) ? sd : 1.0);
    }
  }
  return scales;
}

Point scaled(const std::vector<double>& value, const Point& scale) {
  Point out(value.size());
  for (std::size_t k = 0; k < value.size(); ++k) out[k] = value[k] / scale[k];
  return out;
}

ItemValues analyse_item(const std::string& item, const AnswersById& by_individual, const Point& scale,
                        PairRule rule) {
  ItemValues out;
  out.item = item;
  out.scale = scale;
  std::vector<Point> first, second;
  for (const auto& [id, answers] : by_individual) {
    const ValueResponse* a = answers.block[0];
    const ValueResponse* b = answers.block[1];
    if (!(a && b && a->value && b->value)) {
      ++out.incomplete;
      continue;
    }
    first.push_back(scaled(*a->value, scale));
    second.push_back(scaled(*b->value, scale));
  }
  const ItemVariability v = item_variability(first, second, rule, euclidean);
  out.individuals = v.individuals;
  out.internal_distance = v.internal;
  out.population_distance = v.population;
  out.dist_from_diagonal = v.dist_from_diagonal;
  return out;
}

ValuesPopulationResult analyse_population(const ValuesPopulation& population, const ValuesDataset& dataset,
                                          const std::map<std::string, Point>& scales, const ValuesOptions& options,
                                          PairMeter& meter, const TaskRunner& run_tasks) {
  ValuesPopulationResult out;
  out.label = population.label;
  std::map<std::string, AnswersById> by_item;
  std::set<std::string> individuals;
  for (const auto& r : population.responses) {
    by_item[r.item][r.individual].block[r.block - 1] = &r;
    individuals.insert(r.individual);
    ++(r.value ? out.valid_responses : out.invalid_responses);
  }
  out.individuals = individuals.size();
  const Point unit_scale(dataset.dimensions, 1.0);
  std::vector<std::map<std::string, AnswersById>::const_iterator> items;
  for (auto it = by_item.cbegin(); it != by_item.cend(); ++it) {
    items.push_back(it);
    if (it->second.size() >= 2) continue;
    const auto& [item, by_individual] = *it;
    const auto& answers = by_individual.begin()->second;
    const ValueResponse* r = answers.block[0] ? answers.block[0] : answers.block[1];
    throw InputError(dataset.inputs[r->input].name, r->row, "item",
                     "the item '" + item + "' was answered by only one individual of population '" +
                         population.label.name +
                         "'; population variability needs at least two (remove the item or add individuals)");
  }
  // Every item a task of its own, into its own slot.
  out.items.resize(items.size());
  run_tasks("items", items.size(), [&](std::size_t i) {
    const auto& [item, by_individual] = *items[i];
    const auto scale = scales.find(item);
    out.items[i] = analyse_item(item, by_individual,
                                options.scale == ValueScale::PooledSd && scale != scales.end() ? scale->second
                                                                                               : unit_scale,
                                options.pairs);
    meter.done(by_individual.size());
  });
  VariabilitySummariser summariser;
  for (const auto& v : out.items) {
    summariser.add({v.individuals, v.internal_distance, v.population_distance, v.dist_from_diagonal, std::nullopt});
  }
  out.summary = summariser.summary();
  return out;
}

}  // namespace

const char* to_string(ValueScale scale) { return scale == ValueScale::PooledSd ? "pooled-sd" : "raw"; }

std::optional<ValueScale> value_scale_from_string(const std::string& text) {
  if (text == "pooled-sd") return ValueScale::PooledSd;
  if (text == "raw") return ValueScale::Raw;
  return std::nullopt;
}

std::string distance_unit(const ValuesOptions& options) {
  if (options.scale == ValueScale::PooledSd) return "pooled SD";
  return options.unit.empty() ? "value" : options.unit;
}

ValuesAnalysis analyse_values(const ValuesDataset& dataset, const ValuesOptions& options,
                              const std::function<void(double)>& progress, const TaskRunner& run_tasks) {
  ValuesAnalysis analysis;
  analysis.options = options;
  analysis.dimensions = dataset.dimensions;
  double total = 0.0;
  for (const auto& population : dataset.populations) {
    std::map<std::string, double> answers;
    for (const auto& r : population.responses) answers[r.item] += 0.5;
    for (const auto& [item, n] : answers) total += n * n;
  }
  PairMeter meter(progress, total);
  const auto scales = pooled_scales(dataset);
  for (const auto& population : dataset.populations) {
    analysis.populations.push_back(analyse_population(population, dataset, scales, options, meter, run_tasks));
  }
  return analysis;
}

}  // namespace shoal

#pragma once
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "io/input_summary.hpp"
#include "io/population_label.hpp"

namespace shoal {

// A kind of problem the builder counts, as the report names and describes
// it; a null kind is not counted.
struct AnswerIssue {
  const char* kind;
  const char* description;
};

// What a task calls a repeated answer, an answer with nothing usable in it,
// and an individual who answered an item in one block only.
struct AnswerIssues {
  AnswerIssue duplicate;
  AnswerIssue invalid;
  AnswerIssue single;
};

// Groups the answers of tasks where each individual answers each item twice
// (blocks 1 and 2) into populations by name, across inputs. `kItem` is the
// answer's item member, `kAnswer` its optional answer (empty: invalid).
template <typename Dataset, auto kItem, auto kAnswer>
class PopulationBuilder {
 public:
  using Population = typename decltype(Dataset::populations)::value_type;
  using Response = typename decltype(Population::responses)::value_type;

  PopulationBuilder(Dataset& dataset, const AnswerIssues& issues) : dataset_(dataset), issues_(issues) {}

  // The population a row's label names, after the user's override. A label
  // that gives a known population another family or alignment is an error
  // at `file`, `row`.
  Population& population(PopulationLabel label, const LabelOverride& override_, InputSummary& summary,
                         const std::string& file, std::size_t row) {
    apply_override(override_, label);
    const auto input = static_cast<std::size_t>(&summary - dataset_.inputs.data());
    if (listed_.insert({input, label.name}).second) summary.populations.push_back(label.name);
    const auto [it, added] = index_.emplace(label.name, dataset_.populations.size());
    if (!added) {
      check_same_label(dataset_.populations[it->second].label, sources_[it->second], label, file, row);
      return dataset_.populations[it->second];
    }
    dataset_.populations.emplace_back().label = label;
    sources_.push_back({file, row});
    return dataset_.populations.back();
  }

  void add(Population& population, Response response) { population.responses.push_back(std::move(response)); }

  // Once every input is read: drops repeated answers (the first is kept)
  // and counts them, answers with nothing usable, and individuals who
  // answered an item in one block only (such an answer takes no part in the
  // item's distances). Answers are sorted by index rather than hashed by
  // key: four bytes per answer, where a set of keys cost several times the
  // input.
  void finish() {
    struct Flag {
      std::size_t input, row;
      const AnswerIssue* issue;
    };
    std::vector<Flag> flags;
    for (auto& population : dataset_.populations) {
      auto& responses = population.responses;
      std::vector<std::uint32_t> order(responses.size());
      for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<std::uint32_t>(i);
      std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        const Response &x = responses[a], &y = responses[b];
        return std::tie(x.individual, x.*kItem, x.block) < std::tie(y.individual, y.*kItem, y.block);
      });
      std::vector<bool> repeated(responses.size(), false);
      for (std::size_t k = 0; k < order.size();) {
        // One (individual, item): its answers, by block, in file order.
        std::size_t end = k + 1;
        const Response& first = responses[order[k]];
        while (end < order.size() && responses[order[end]].individual == first.individual &&
               responses[order[end]].*kItem == first.*kItem) {
          ++end;
        }
        int blocks = 0;
        for (std::size_t j = k; j < end; ++j) {
          const Response& r = responses[order[j]];
          if (j > k && r.block == responses[order[j - 1]].block) {
            repeated[order[j]] = true;
            flags.push_back({r.input, r.row, &issues_.duplicate});
            continue;
          }
          blocks |= r.block;
          if (!(r.*kAnswer)) flags.push_back({r.input, r.row, &issues_.invalid});
        }
        if (blocks != 3) flags.push_back({first.input, first.row, &issues_.single});
        k = end;
      }
      std::size_t kept = 0;
      for (std::size_t i = 0; i < responses.size(); ++i) {
        if (repeated[i]) continue;
        if (kept != i) responses[kept] = std::move(responses[i]);
        ++kept;
      }
      responses.resize(kept);
    }
    // Counted in file order, so each kind's first place is the first in the files.
    std::stable_sort(flags.begin(), flags.end(),
                     [](const Flag& a, const Flag& b) { return a.input != b.input ? a.input < b.input : a.row < b.row; });
    for (const Flag& f : flags) {
      if (f.issue->kind) {
        count_issue(dataset_.issues, f.issue->kind, f.issue->description, dataset_.inputs[f.input].name, f.row);
      }
    }
  }

 private:
  Dataset& dataset_;
  AnswerIssues issues_;
  std::vector<LabelSource> sources_;
  std::unordered_map<std::string, std::size_t> index_;
  std::set<std::pair<std::size_t, std::string>> listed_;   // (input, population) already listed
};

}  // namespace shoal

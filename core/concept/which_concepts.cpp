#include "concept/which_concepts.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <stdexcept>

namespace shoal {
namespace {

std::string lowered(const std::string& text) {
  std::string out = text;
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool is_known(const std::string& name, const std::vector<std::string>& known_names) {
  const std::string key = lowered(name);
  return std::any_of(known_names.begin(), known_names.end(), [&](const std::string& k) { return lowered(k) == key; });
}

// The two names of a paper question's label "first second": at its only
// space, or else at the one space where a side is a known name; none when no
// space, or more than one, qualifies (a name with spaces makes the label
// ambiguous unless one side is known).
std::optional<std::pair<std::string, std::string>> split_pair_label(const std::string& label,
                                                                    const std::vector<std::string>& known_names) {
  const std::size_t space = label.find(' ');
  if (space != std::string::npos && space > 0 && space + 1 < label.size() &&
      label.find(' ', space + 1) == std::string::npos) {
    return std::make_pair(label.substr(0, space), label.substr(space + 1));
  }
  std::optional<std::pair<std::string, std::string>> found;
  for (std::size_t at = label.find(' '); at != std::string::npos; at = label.find(' ', at + 1)) {
    std::string first = label.substr(0, at), second = label.substr(at + 1);
    if (first.empty() || second.empty()) continue;
    if (!is_known(first, known_names) && !is_known(second, known_names)) continue;
    if (found) return std::nullopt;
    found.emplace(std::move(first), std::move(second));
  }
  return found;
}

bool is_paper_pair(const ConceptResponses& responses, std::size_t question) {
  const auto& options = responses.options[question];
  return options.size() == 2 && options[0] == "0" && options[1] == "1";
}

std::string percent(double share) {
  char text[16];
  std::snprintf(text, sizeof text, "%.0f%%", 100.0 * share);
  return text;
}

// Per concept of `partition` (canonical, `count` concepts), per question and
// option, how many of its members chose it.
std::vector<std::vector<std::vector<std::size_t>>> option_counts(const ConceptResponses& responses,
                                                                 const Clustering& partition, std::size_t count) {
  std::vector<std::vector<std::vector<std::size_t>>> counts(count);
  for (auto& concept : counts) {
    for (const auto& options : responses.options) concept.emplace_back(options.size(), 0);
  }
  for (std::size_t i = 0; i < partition.size(); ++i) {
    const auto& answers = responses.complete[i].answers;
    for (std::size_t q = 0; q < answers.size(); ++q) ++counts[partition[i]][q][answers[q]];
  }
  return counts;
}

std::vector<QuestionDistinction> rank_questions(const std::vector<std::vector<std::size_t>>& own,
                                                const std::vector<std::vector<std::size_t>>& everyone,
                                                std::size_t members, std::size_t people) {
  std::vector<QuestionDistinction> ranked;
  ranked.reserve(own.size());
  const std::size_t rest = people - members;
  for (std::size_t q = 0; q < own.size(); ++q) {
    QuestionDistinction d;
    d.question = q;
    double distance = 0.0;
    for (std::size_t o = 0; o < own[q].size(); ++o) {
      const double share = static_cast<double>(own[q][o]) / static_cast<double>(members);
      if (share > d.share) {
        d.share = share;
        d.option = o;
      }
      if (rest > 0) {
        const double other = static_cast<double>(everyone[q][o] - own[q][o]) / static_cast<double>(rest);
        distance += std::fabs(share - other);
      }
    }
    d.distance = distance / 2.0;
    ranked.push_back(d);
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const QuestionDistinction& a, const QuestionDistinction& b) {
    if (a.distance != b.distance) return a.distance > b.distance;
    return a.share > b.share;
  });
  return ranked;
}

// The partition relabelled so that concept 0 is the largest (ties: whose
// first member comes first).
Clustering numbered_by_size(const Clustering& canonical) {
  const std::size_t count = *std::max_element(canonical.begin(), canonical.end()) + 1;
  std::vector<std::size_t> sizes(count, 0);
  for (std::size_t label : canonical) ++sizes[label];
  std::vector<std::size_t> order(count);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return sizes[a] > sizes[b]; });
  std::vector<std::size_t> number(count);
  for (std::size_t k = 0; k < count; ++k) number[order[k]] = k;
  Clustering out(canonical.size());
  for (std::size_t i = 0; i < canonical.size(); ++i) out[i] = number[canonical[i]];
  return out;
}

constexpr std::size_t kSentenceQuestions = 3;

}  // namespace

const char* to_string(PartitionLoss loss) { return loss == PartitionLoss::Binder ? "binder" : "vi"; }

std::optional<PartitionLoss> partition_loss_from_string(const std::string& text) {
  if (text == "vi") return PartitionLoss::VariationOfInformation;
  if (text == "binder") return PartitionLoss::Binder;
  return std::nullopt;
}

std::string describe_answer(const ConceptResponses& responses, std::size_t question, std::size_t option,
                            const std::vector<std::string>& known_names) {
  const std::string& label = responses.questions[question];
  if (is_paper_pair(responses, question)) {
    if (const auto names = split_pair_label(label, known_names)) {
      const std::string& closer = option == 0 ? names->first : names->second;
      const std::string& farther = option == 0 ? names->second : names->first;
      return responses.concept + " is closer to " + closer + " than to " + farther;
    }
    return label + ": the " + (option == 0 ? "first" : "second");
  }
  return label + ": " + responses.options[question][option];
}

WhichConcepts which_concepts(const ConceptResponses& responses, std::size_t people,
                             const std::vector<Clustering>& seatings, const WhichConceptsOptions& options) {
  if (seatings.empty()) throw std::invalid_argument("which concepts a population holds needs at least one draw");
  return which_concepts(responses, people, distinct_partitions(seatings), options);
}

WhichConcepts which_concepts(const ConceptResponses& responses, std::size_t people, const DistinctPartitions& seatings,
                             const WhichConceptsOptions& options) {
  if (seatings.draws() == 0) throw std::invalid_argument("which concepts a population holds needs at least one draw");
  if (people == 0 || people > responses.complete.size()) {
    throw std::invalid_argument("which concepts: " + std::to_string(people) + " people asked for, " +
                                std::to_string(responses.complete.size()) + " complete");
  }
  if (seatings.individuals != people) {
    throw std::invalid_argument("which concepts: a draw seats " + std::to_string(seatings.individuals) +
                                " people, not " + std::to_string(people));
  }
  WhichConcepts w;
  w.loss = options.loss;
  w.draws = seatings.draws();
  const SimilarityMatrix similarity = posterior_similarity(seatings);
  const PartitionSearchOptions search{PartitionSearchOptions{}.runs, options.seed};
  const PointPartition point = options.loss == PartitionLoss::Binder ? minimise_expected_binder(similarity, search)
                                                                     : minimise_expected_vi(seatings, search);
  w.partition = numbered_by_size(point.labels);
  w.expected_loss = point.expected_loss;
  const std::size_t count = *std::max_element(w.partition.begin(), w.partition.end()) + 1;

  w.similarity_percent.reserve(people * (people - 1) / 2);
  for (std::size_t i = 0; i < people; ++i) {
    for (std::size_t j = i + 1; j < people; ++j) {
      w.similarity_percent.push_back(static_cast<std::uint8_t>(std::lround(100.0 * similarity.at(i, j))));
    }
  }

  // The similarity in blocks and per person.
  std::vector<double> block_total(count * count, 0.0), block_pairs(count * count, 0.0);
  std::vector<double> person_total(people, 0.0);
  std::vector<std::size_t> sizes(count, 0);
  for (std::size_t label : w.partition) ++sizes[label];
  for (std::size_t i = 0; i < people; ++i) {
    for (std::size_t j = 0; j < people; ++j) {
      if (i == j) continue;
      const std::size_t cell = w.partition[i] * count + w.partition[j];
      block_total[cell] += similarity.at(i, j);
      block_pairs[cell] += 1.0;
      if (w.partition[i] == w.partition[j]) person_total[i] += similarity.at(i, j);
    }
  }
  w.block_similarity.resize(count * count);
  for (std::size_t cell = 0; cell < count * count; ++cell) {
    w.block_similarity[cell] = block_pairs[cell] > 0.0 ? block_total[cell] / block_pairs[cell] : 1.0;
  }
  w.person_similarity.reserve(people);
  for (std::size_t i = 0; i < people; ++i) {
    const std::size_t others = sizes[w.partition[i]] - 1;
    w.person_similarity.push_back(others > 0 ? person_total[i] / static_cast<double>(others) : 1.0);
  }
  return w;
}

std::vector<HeldConcept> held_concepts(const ConceptResponses& responses, const Clustering& partition,
                                       const std::vector<std::string>& known_names) {
  std::vector<HeldConcept> held_list;
  if (partition.empty()) return held_list;
  const std::size_t people = partition.size();
  const std::size_t count = *std::max_element(partition.begin(), partition.end()) + 1;
  std::vector<std::size_t> sizes(count, 0);
  for (std::size_t label : partition) ++sizes[label];
  const auto counts = option_counts(responses, partition, count);
  std::vector<std::vector<std::size_t>> everyone;
  for (const auto& options_of : responses.options) everyone.emplace_back(options_of.size(), 0);
  for (const auto& concept : counts) {
    for (std::size_t q = 0; q < concept.size(); ++q) {
      for (std::size_t o = 0; o < concept[q].size(); ++o) everyone[q][o] += concept[q][o];
    }
  }
  held_list.reserve(count);
  for (std::size_t k = 0; k < count; ++k) {
    HeldConcept held;
    held.people = sizes[k];
    held.option_shares.reserve(counts[k].size());
    for (const auto& question : counts[k]) {
      std::vector<double> shares;
      shares.reserve(question.size());
      for (std::size_t c : question) shares.push_back(static_cast<double>(c) / static_cast<double>(sizes[k]));
      held.option_shares.push_back(std::move(shares));
    }
    held.distinctions = rank_questions(counts[k], everyone, sizes[k], people);
    std::string sentence = "Concept " + std::to_string(k + 1) + " (" + std::to_string(held.people) + " of " +
                           std::to_string(people) + " people)";
    const std::size_t shown = std::min(kSentenceQuestions, held.distinctions.size());
    for (std::size_t i = 0; i < shown; ++i) {
      const QuestionDistinction& d = held.distinctions[i];
      sentence += (i == 0 ? ": " : "; ") + describe_answer(responses, d.question, d.option, known_names) + " (" +
                  percent(d.share) + ")";
    }
    held.sentence = sentence + ".";
    held_list.push_back(std::move(held));
  }
  return held_list;
}

}  // namespace shoal

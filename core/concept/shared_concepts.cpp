#include "concept/shared_concepts.hpp"

#include <algorithm>
#include <stdexcept>

#include "io/population_label.hpp"

namespace shoal {
namespace {

std::string trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

std::size_t population_named(const std::vector<ConceptPopulation>& populations, const std::string& name) {
  for (std::size_t p = 0; p < populations.size(); ++p) {
    if (populations[p].label.name == name) return p;
  }
  // "human" or "humans" for the one human population, whatever its name.
  if (is_human_name(name)) {
    std::vector<std::size_t> humans;
    for (std::size_t p = 0; p < populations.size(); ++p) {
      if (populations[p].label.human) humans.push_back(p);
    }
    if (humans.size() == 1) return humans.front();
  }
  std::string known;
  for (const auto& p : populations) known += (known.empty() ? "" : ", ") + p.label.name;
  throw std::invalid_argument("pair: no population is named '" + name + "'" +
                              (known.empty() ? std::string(" (there are none)") : " (there are: " + known + ")"));
}

// Whether an aligned model's name is the non-aligned one's with a suffix.
bool named_after(const std::string& aligned, const std::string& base) {
  return aligned.size() > base.size() + 1 && aligned.compare(0, base.size(), base) == 0 && aligned[base.size()] == '-';
}

// The models as released: no prompt, their own temperature. Pooling every
// condition's pair would cost more than the rest of a run's concept
// profiles together (docs/method.md); other conditions are named.
bool base_condition(const PopulationLabel& label) {
  return (label.prompt.empty() || label.prompt == "none") &&
         (label.temperature.empty() || label.temperature == "default");
}

void family_pairs(const std::vector<ConceptPopulation>& populations, std::vector<PopulationPair>& pairs) {
  for (std::size_t a = 0; a < populations.size(); ++a) {
    const PopulationLabel& base = populations[a].label;
    if (base.human || base.family.empty() || base.aligned != false || !base_condition(base)) continue;
    std::vector<std::size_t> aligned, named;
    for (std::size_t b = 0; b < populations.size(); ++b) {
      const PopulationLabel& other = populations[b].label;
      if (other.human || other.family != base.family || other.aligned != true || !base_condition(other)) {
        continue;
      }
      aligned.push_back(b);
      if (named_after(other.model, base.model)) named.push_back(b);
    }
    for (std::size_t b : named.size() == 1 ? named : aligned) pairs.push_back({a, b});
  }
}

}  // namespace

PairRequest parse_pair_setting(const std::string& text) {
  PairRequest request;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find(';', start), text.size());
    const std::string entry = trimmed(text.substr(start, end - start));
    start = end + 1;
    if (entry.empty() || entry == "none") continue;
    if (entry == "families") {
      request.families = true;
      continue;
    }
    const std::size_t comma = entry.find(',');
    const std::string a = comma == std::string::npos ? "" : trimmed(entry.substr(0, comma));
    const std::string b = comma == std::string::npos ? "" : trimmed(entry.substr(comma + 1));
    if (a.empty() || b.empty() || b.find(',') != std::string::npos) {
      throw std::invalid_argument("pair '" + entry +
                                  "' must be two population names separated by a comma (A,B), families or none");
    }
    request.named.emplace_back(a, b);
  }
  return request;
}

std::vector<PopulationPair> resolve_population_pairs(const std::vector<ConceptPopulation>& populations,
                                                     const PairRequest& request) {
  std::vector<PopulationPair> pairs;
  if (request.families) family_pairs(populations, pairs);
  for (const auto& [a, b] : request.named) {
    const PopulationPair pair{population_named(populations, a), population_named(populations, b)};
    if (pair.a == pair.b) throw std::invalid_argument("pair '" + a + "," + b + "' names one population twice");
    pairs.push_back(pair);
  }
  std::vector<PopulationPair> unique;
  for (const auto& pair : pairs) {
    const bool seen = std::any_of(unique.begin(), unique.end(), [&](const PopulationPair& u) {
      return (u.a == pair.a && u.b == pair.b) || (u.a == pair.b && u.b == pair.a);
    });
    if (!seen) unique.push_back(pair);
  }
  return unique;
}

std::size_t matching_concept(const ConceptPopulation& b, const std::string& concept) {
  std::size_t c = 0;
  while (c < b.concepts.size() && b.concepts[c].concept != concept) ++c;
  return c;
}

std::size_t pooled_people(const ConceptResponses& a, const ConceptResponses& b,
                          const std::vector<std::size_t>& subset_sizes) {
  if (subset_sizes.empty()) return 0;
  const std::size_t people = std::min({*std::min_element(subset_sizes.begin(), subset_sizes.end()),
                                       a.complete.size(), b.complete.size()});
  return people >= 2 ? people : 0;
}

AnswerMatrix pooled_answer_matrix(const ConceptResponses& a, const ConceptResponses& b, std::size_t people) {
  const auto refuse = [&](const std::string& why) {
    return std::invalid_argument("'" + a.concept + "' cannot be pooled across two populations: " + why);
  };
  if (a.questions.size() != b.questions.size()) {
    throw refuse("one asks " + std::to_string(a.questions.size()) + " questions, the other " +
                 std::to_string(b.questions.size()));
  }
  // b's question answered as a's question q.
  std::vector<std::size_t> from_b;
  for (std::size_t q = 0; q < a.questions.size(); ++q) {
    const auto found = std::find(b.questions.begin(), b.questions.end(), a.questions[q]);
    if (found == b.questions.end()) throw refuse("the other does not ask '" + a.questions[q] + "'");
    const auto qb = static_cast<std::size_t>(found - b.questions.begin());
    if (a.options[q] != b.options[qb]) throw refuse("'" + a.questions[q] + "' has other options in each");
    from_b.push_back(qb);
  }
  if (people > a.complete.size() || people > b.complete.size()) throw refuse("too few complete individuals");
  AnswerMatrix matrix = answer_matrix(a, people);
  matrix.people = 2 * people;
  matrix.values.reserve(matrix.people * matrix.questions);
  for (std::size_t i = 0; i < people; ++i) {
    const auto& answers = b.complete[i].answers;
    for (std::size_t q = 0; q < a.questions.size(); ++q) matrix.values.push_back(answers[from_b[q]]);
  }
  return matrix;
}

}  // namespace shoal

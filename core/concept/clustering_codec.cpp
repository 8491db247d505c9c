#include "concept/clustering_codec.hpp"

#include <stdexcept>
#include <string>

namespace shoal {
namespace {

// Changes whenever the layout does, so a stale buffer is refused.
constexpr std::uint32_t kMagic = 0x53434933;   // "SCI3"

void put(std::vector<std::uint8_t>& out, std::size_t value) {
  if (value > 0xffffffffu) throw std::invalid_argument("a count too large to encode");
  for (int shift = 0; shift < 32; shift += 8) out.push_back(static_cast<std::uint8_t>(value >> shift));
}

void put(std::vector<std::uint8_t>& out, const std::string& text) {
  put(out, text.size());
  out.insert(out.end(), text.begin(), text.end());
}

class Reader {
 public:
  Reader(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}

  std::size_t count() {
    need(4);
    std::uint32_t value = 0;
    for (int shift = 0; shift < 32; shift += 8) value |= static_cast<std::uint32_t>(data_[at_++]) << shift;
    return value;
  }

  std::string text() {
    const std::size_t n = count();
    need(n);
    std::string out(reinterpret_cast<const char*>(data_ + at_), n);
    at_ += n;
    return out;
  }

  std::vector<std::uint8_t> bytes(std::size_t n) {
    need(n);
    std::vector<std::uint8_t> out(data_ + at_, data_ + at_ + n);
    at_ += n;
    return out;
  }

  bool done() const { return at_ == size_; }

 private:
  void need(std::size_t n) const {
    if (size_ - at_ < n) throw std::invalid_argument("clustering inputs end early");
  }

  const std::uint8_t* data_;
  std::size_t size_;
  std::size_t at_ = 0;
};

}  // namespace

std::vector<std::uint8_t> encode_clustering_inputs(const ConceptDataset& dataset) {
  std::vector<std::uint8_t> out;
  put(out, kMagic);
  put(out, dataset.populations.size());
  for (const auto& population : dataset.populations) {
    // The name, and what the pair setting's families read of the label.
    const PopulationLabel& label = population.label;
    put(out, label.name);
    for (const std::string* text : {&label.model, &label.prompt, &label.temperature, &label.family}) put(out, *text);
    put(out, label.human ? 1 : 0);
    put(out, label.aligned ? (*label.aligned ? 2 : 1) : 0);
    put(out, population.concepts.size());
    for (const auto& concept : population.concepts) {
      put(out, concept.concept);
      put(out, concept.questions.size());
      // Their labels: two populations' answers are pooled question by question.
      for (const auto& question : concept.questions) put(out, question);
      // Each question's options: their number sets the likelihood's
      // Dirichlet, so a five-option question must not come back as two.
      if (concept.options.size() != concept.questions.size()) {
        throw std::invalid_argument("a concept's options do not match its questions");
      }
      for (const auto& options : concept.options) {
        put(out, options.size());
        for (const auto& option : options) put(out, option);
      }
      put(out, concept.complete.size());
      for (const auto& individual : concept.complete) {
        if (individual.answers.size() != concept.questions.size()) {
          throw std::invalid_argument("an individual's answers do not match the questions");
        }
        out.insert(out.end(), individual.answers.begin(), individual.answers.end());
      }
    }
  }
  return out;
}

ConceptDataset decode_clustering_inputs(const std::uint8_t* data, std::size_t size) {
  Reader in(data, size);
  if (in.count() != kMagic) throw std::invalid_argument("not clustering inputs of this version");
  ConceptDataset dataset;
  dataset.populations.resize(in.count());
  for (auto& population : dataset.populations) {
    PopulationLabel& label = population.label;
    label.name = in.text();
    for (std::string* text : {&label.model, &label.prompt, &label.temperature, &label.family}) *text = in.text();
    label.human = in.count() == 1;
    const std::size_t aligned = in.count();
    if (aligned > 2) throw std::invalid_argument("clustering inputs are malformed");
    if (aligned > 0) label.aligned = aligned == 2;
    population.concepts.resize(in.count());
    for (auto& concept : population.concepts) {
      concept.concept = in.text();
      concept.questions.resize(in.count());
      for (auto& question : concept.questions) question = in.text();
      concept.options.resize(concept.questions.size());
      for (auto& options : concept.options) {
        std::vector<std::string> names(in.count());
        for (auto& option : names) option = in.text();
        options = std::move(names);
      }
      concept.complete.resize(in.count());
      for (auto& individual : concept.complete) {
        individual.answers = in.bytes(concept.questions.size());
        for (std::size_t q = 0; q < individual.answers.size(); ++q) {
          if (individual.answers[q] >= concept.options[q].size()) {
            throw std::invalid_argument("an answer names an option its question does not have");
          }
        }
      }
    }
  }
  if (!in.done()) throw std::invalid_argument("clustering inputs run on past their end");
  return dataset;
}

}  // namespace shoal

#include "concept/chain_task_key.hpp"

#include <cstdint>

#include "io/sha256.hpp"

namespace shoal {

namespace {

void append_number(std::string& out, std::uint64_t value) {
  for (int byte = 0; byte < 8; ++byte) out.push_back(static_cast<char>((value >> (8 * byte)) & 0xff));
}

// The answers of the first `people` complete individuals and the options of
// each question, as bytes.
std::string subset_bytes(const ConceptResponses& responses, std::size_t people) {
  const AnswerMatrix answers = answer_matrix(responses, people);
  std::string bytes;
  bytes.reserve(24 + 8 * answers.options.size() + answers.values.size());
  append_number(bytes, answers.people);
  append_number(bytes, answers.questions);
  append_number(bytes, answers.options.size());
  for (std::uint32_t k : answers.options) append_number(bytes, k);
  bytes.append(answers.values.begin(), answers.values.end());
  return bytes;
}

// The digest of a task's answers: a pooled cell's are both populations' in
// their order, their people being its people.
std::string answers_digest(const ConceptDataset& dataset, const ChainTask& task) {
  std::string bytes = subset_bytes(dataset.populations.at(task.population).concepts.at(task.concept), task.people);
  if (task.partner != ChainTask::kNoPartner) {
    bytes += "pooled with";
    bytes += subset_bytes(dataset.populations.at(task.partner).concepts.at(task.partner_concept), task.people);
  }
  return sha256_hex(bytes);
}

std::string task_key(const ChainTask& task, const std::string& subset_digest) {
  std::string bytes;
  append_number(bytes, task.seed);
  // A tempered chain is another chain from its tempering on; a task never
  // tempered keeps the key it had before tempering existed.
  if (task.tempered_from > 0) {
    bytes += "tempered from";
    append_number(bytes, task.tempered_from);
  }
  return sha256_hex(bytes + subset_digest);
}

}  // namespace

std::string chain_task_key(const ConceptDataset& dataset, const ChainTask& task) {
  return task_key(task, answers_digest(dataset, task));
}

std::vector<std::string> chain_task_keys(const ConceptDataset& dataset, const std::vector<ChainTask>& tasks) {
  std::vector<std::string> keys;
  keys.reserve(tasks.size());
  // Tasks come subset by subset of a concept, its chains together: each
  // subset's answers are hashed once.
  const ChainTask* previous = nullptr;
  std::string digest;
  for (const auto& task : tasks) {
    if (!previous || !same_cell(*previous, task)) digest = answers_digest(dataset, task);
    keys.push_back(task_key(task, digest));
    previous = &task;
  }
  return keys;
}

}  // namespace shoal

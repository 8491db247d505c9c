#include "concept/chain_task_key.hpp"

#include <cstdint>

#include "io/sha256.hpp"

namespace shoal {

namespace {

void append_number(std::string& out, std::uint64_t value) {
  for (int byte = 0; byte < 8; ++byte) out.push_back(static_cast<char>((value >> (8 * byte)) & 0xff));
}

}  // namespace

std::string chain_task_key(const ConceptDataset& dataset, const ChainTask& task) {
  const AnswerMatrix answers = answer_matrix(dataset.populations.at(task.population).concepts.at(task.concept), task.people);
  std::string bytes;
  bytes.reserve(32 + 4 * answers.options.size() + answers.values.size());
  append_number(bytes, task.seed);
  append_number(bytes, answers.people);
  append_number(bytes, answers.questions);
  append_number(bytes, answers.options.size());
  for (std::uint32_t k : answers.options) append_number(bytes, k);
  bytes.append(answers.values.begin(), answers.values.end());
  return sha256_hex(bytes);
}

}  // namespace shoal

#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "concept/responses.hpp"
#include "stats/partition.hpp"

namespace shoal {

// Which concepts a population holds for one target concept, from the
// recorded seatings of its chains at one subset: the posterior similarity
// matrix, a point partition that minimises a posterior expected loss against
// the draws (stats/partition.hpp), and what the members of each of its
// concepts answer.

enum class PartitionLoss { VariationOfInformation, Binder };
const char* to_string(PartitionLoss loss);
std::optional<PartitionLoss> partition_loss_from_string(const std::string& text);

// What set one concept of the point partition apart on one question: the
// option most of its members chose, their share choosing it, and the total
// variation distance between its members' answers and everyone else's,
// ½ Σ_o |share in the concept − share in the rest| (0: answered alike, 1: no
// option in common).
struct QuestionDistinction {
  std::size_t question = 0;
  std::size_t option = 0;
  double share = 0.0;
  double distance = 0.0;
};

struct HeldConcept {
  std::size_t people = 0;
  // Per question, per option: the share of its members choosing it.
  std::vector<std::vector<double>> option_shares;
  // Every question, most distinguishing first: by distance, then by the
  // members' agreement (share), then in question order. With one concept
  // there is no one else, and the questions are ranked by agreement alone.
  std::vector<QuestionDistinction> distinctions;
  // One sentence saying who they are and what they answer on the first
  // three questions, e.g. "Concept 1 (61 of 100 people): a penguin is
  // closer to a chicken than to a whale (95%); …".
  std::string sentence;
};

// The partition and how firmly the draws hold it: what takes the draws to
// compute. What each concept's members answer (held_concepts) follows from
// the partition and the answers alone, and is cheap: it is worked out where
// it is shown rather than held for every concept of every population.
struct WhichConcepts {
  PartitionLoss loss = PartitionLoss::VariationOfInformation;
  std::size_t draws = 0;
  // The posterior similarity of each two people i < j, in whole percents
  // (rounded half away from zero), row by row: (0,1), (0,2), ..., (1,2), ...
  // The report shows no more, and the matrix of doubles it comes from is n²
  // eight-byte numbers per concept.
  std::vector<std::uint8_t> similarity_percent;
  // Concept number of each clustered person (0 for concept 1), concepts
  // numbered by size, largest first (ties: whose first member comes first).
  Clustering partition;
  double expected_loss = 0.0;   // VI in bits, or Binder's count of pairs
  // Mean similarity within each concept and between each two, row-major
  // concepts × concepts (the diagonal over pairs of different members; 1 for a
  // concept of one): the heat map ordered by the partition, in blocks.
  std::vector<double> block_similarity;
  // Per person, the mean similarity to the other members of their concept
  // (1 alone): how firmly the draws put them there.
  std::vector<double> person_similarity;
};

struct WhichConceptsOptions {
  PartitionLoss loss = PartitionLoss::VariationOfInformation;
  std::uint64_t seed = 1;
};

// `seatings`: every counted draw, each the table of each of the first
// `people` complete individuals of `responses`. Throws std::invalid_argument
// without draws or for draws of another length.
WhichConcepts which_concepts(const ConceptResponses& responses, std::size_t people,
                             const std::vector<Clustering>& seatings, const WhichConceptsOptions& options);
// The same from the draws' distinct seatings (stats/partition.hpp).
WhichConcepts which_concepts(const ConceptResponses& responses, std::size_t people, const DistinctPartitions& seatings,
                             const WhichConceptsOptions& options);

// What the members of each concept of `partition` (numbered as in
// WhichConcepts, over the first partition.size() complete individuals of
// `responses`) answer, concept 1 first; `known_names` as for describe_answer.
std::vector<HeldConcept> held_concepts(const ConceptResponses& responses, const Clustering& partition,
                                       const std::vector<std::string>& known_names);

// The words a concept's sentence uses for one question and option: for the
// paper's pairs "TARGET is closer to A than to B" when the label splits into
// two names, at its only space or where one side is a concept of
// `known_names` (else the label and which of its names), for other questions
// "QUESTION: OPTION".
std::string describe_answer(const ConceptResponses& responses, std::size_t question, std::size_t option,
                            const std::vector<std::string>& known_names);

}  // namespace shoal

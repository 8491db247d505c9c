#pragma once
#include <cstddef>
#include <cstdint>
#include <map>
#include <vector>

namespace shoal {

// A partition of n individuals into blocks (a seating: tables): the label
// of each individual's block. Labels are arbitrary; only which individuals
// share one matters. Every function below throws std::invalid_argument,
// naming the problem, for an empty partition, partitions of different
// lengths or an ill-formed similarity matrix.
// (A seating as lists of people is concept/crp.hpp's Partition.)
using Clustering = std::vector<std::size_t>;

// The same partition with blocks labelled 0, 1, 2, … in order of first
// appearance, so equal partitions compare equal.
Clustering canonical_partition(const Clustering& labels);

// Posterior similarity matrix: for each pair of individuals the share of
// the draws that put them in one block; n × n, symmetric, ones on the
// diagonal, row-major.
struct SimilarityMatrix {
  std::size_t individuals = 0;
  std::vector<double> shares;
  double at(std::size_t i, std::size_t j) const { return shares[i * individuals + j]; }
};

// The draws as the distinct partitions among them: each once, canonical, in
// increasing order, with how often it was drawn, and which of them each draw
// is. Chains keep returning to the same few seatings (one table throughout,
// for many of the paper's model populations), and every quantity below that
// takes draws depends on each draw's partition alone: it is computed once per
// distinct partition and weighted by its count, in the same order and so to
// the same bits as over the draws one by one.
struct DistinctPartitions {
  // Not an aggregate, so that a braced list of draws names the overloads
  // taking draws below, not these.
  explicit DistinctPartitions() = default;
  std::size_t individuals = 0;
  std::vector<Clustering> partitions;
  std::vector<std::size_t> counts;
  std::vector<std::size_t> of_draw;   // per draw, its index in `partitions`
  std::size_t draws() const { return of_draw.size(); }
};

// Builds DistinctPartitions one draw at a time, so that the draws need not be
// held all at once. Throws std::invalid_argument for an empty draw or one of
// another length than the first.
class DistinctPartitionsTally {
 public:
  void add(const Clustering& draw);
  // Throws std::invalid_argument when no draw was added.
  DistinctPartitions finish() const;

 private:
  std::map<Clustering, std::size_t> seen_;   // canonical partition → order first seen
  std::vector<std::size_t> seen_of_draw_;
  Clustering last_draw_;                     // as given, to skip consecutive equal draws
};

DistinctPartitions distinct_partitions(const std::vector<Clustering>& draws);

// p_ij = (1/D) Σ_d 1(z_d(i) = z_d(j)) over the D draws.
SimilarityMatrix posterior_similarity(const std::vector<Clustering>& draws);
SimilarityMatrix posterior_similarity(const DistinctPartitions& draws);

// Binder's loss with equal unit costs (Binder 1978): the number of pairs
// i < j that one partition puts together and the other apart.
double binder_loss(const Clustering& a, const Clustering& b);

// Posterior expected Binder loss of a candidate c:
//   Σ_{i<j} [1(c_i = c_j)(1 − p_ij) + 1(c_i ≠ c_j) p_ij].
// The loss is linear in the pair indicators, so this is exactly the mean of
// binder_loss(c, z_d) over the draws that gave the matrix.
double expected_binder_loss(const SimilarityMatrix& similarity, const Clustering& candidate);

// Variation of information in bits (Meilă 2007):
//   VI(a, b) = H(a) + H(b) − 2 I(a, b)
//            = (1/n) Σ_i [log₂ |a_i| + log₂ |b_i| − 2 log₂ |a_i ∩ b_i|],
// |a_i| the size of i's block in a. 0 exactly when the partitions are equal.
double variation_of_information(const Clustering& a, const Clustering& b);

// Posterior expected VI of a candidate, taken exactly over the draws:
//   (1/D) Σ_d VI(c, z_d).
// Not Wade & Ghahramani's (2018) lower bound computed from the similarity
// matrix (Jensen's inequality moved inside the logarithm): with the draws at
// hand the exact expectation costs little more, and the bound can prefer a
// partition whose true expected loss is higher.
double expected_vi_loss(const std::vector<Clustering>& draws, const Clustering& candidate);

// Adjusted Rand index (Hubert & Arabie 1985): the Rand index corrected for
// chance under the hypergeometric model,
//   ARI = (Σ_kl C(n_kl, 2) − E) / (½ [Σ_k C(a_k, 2) + Σ_l C(b_l, 2)] − E),
//   E = Σ_k C(a_k, 2) Σ_l C(b_l, 2) / C(n, 2),
// n_kl the contingency table, a_k and b_l its margins. 1 for equal
// partitions, about 0 for unrelated ones. The denominator is 0 only when
// both partitions are one block, or both all singletons (then equal): 1.
double adjusted_rand_index(const Clustering& a, const Clustering& b);

// The search for a partition that minimises a posterior expected loss, in
// the manner of SALSO (Dahl, Johnson & Müller 2022): each run allocates the
// individuals one by one in a random order, each to the block (or a new
// one) that adds least to the loss of those already placed, then sweeps:
// takes each individual out and puts it where the loss is smallest (a new
// block included), until a whole sweep moves nobody. The best run is kept.
// For VI every other run starts its sweeps from a draw picked at random
// instead: VI has local minima no single move leaves (all singletons, when
// only a group of four moving together lowers the loss), which
// sequential allocation from nothing lands in and a draw usually avoids.
// The same seed gives the same partition on every platform.
struct PartitionSearchOptions {
  std::size_t runs = 32;
  std::uint64_t seed = 1;
};

struct PointPartition {
  Clustering labels;            // canonical
  double expected_loss = 0.0;  // as expected_binder_loss / expected_vi_loss
};

PointPartition minimise_expected_binder(const SimilarityMatrix& similarity,
                                        const PartitionSearchOptions& options = {});
PointPartition minimise_expected_vi(const std::vector<Clustering>& draws, const PartitionSearchOptions& options = {});
PointPartition minimise_expected_vi(const DistinctPartitions& draws, const PartitionSearchOptions& options = {});

}  // namespace shoal

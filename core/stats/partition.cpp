#include "stats/partition.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>
#include <set>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <utility>

#include "stats/portable_math.hpp"
#include "stats/rng.hpp"

namespace shoal {
namespace {

constexpr std::size_t kUnplaced = std::numeric_limits<std::size_t>::max();
// A move must lower the loss by more than rounding can explain; equal-loss
// moves are not taken, so the sweeps cannot cycle.
constexpr double kImprovement = 1e-9;

void require_individuals(const Clustering& p, const char* what) {
  if (p.empty()) throw std::invalid_argument(std::string(what) + " needs at least one individual");
}

void require_same_length(const Clustering& a, const Clustering& b, const char* what) {
  require_individuals(a, what);
  if (a.size() != b.size()) {
    throw std::invalid_argument(std::string(what) + " needs partitions of the same individuals (got " +
                                std::to_string(a.size()) + " and " + std::to_string(b.size()) + ")");
  }
}

void require_draws(const std::vector<Clustering>& draws, std::size_t individuals, const char* what) {
  if (draws.empty()) throw std::invalid_argument(std::string(what) + " needs at least one draw");
  for (std::size_t d = 0; d < draws.size(); ++d) {
    if (draws[d].size() != individuals) {
      throw std::invalid_argument(std::string(what) + ": draw " + std::to_string(d + 1) + " seats " +
                                  std::to_string(draws[d].size()) + " individuals, not " +
                                  std::to_string(individuals));
    }
  }
}

void require_similarity(const SimilarityMatrix& s, std::size_t individuals) {
  if (s.individuals == 0) throw std::invalid_argument("a similarity matrix needs at least one individual");
  if (s.shares.size() != s.individuals * s.individuals) {
    throw std::invalid_argument("a similarity matrix of " + std::to_string(s.individuals) + " individuals needs " +
                                std::to_string(s.individuals * s.individuals) + " shares (got " +
                                std::to_string(s.shares.size()) + ")");
  }
  if (individuals != s.individuals) {
    throw std::invalid_argument("the partition has " + std::to_string(individuals) +
                                " individuals but the similarity matrix " + std::to_string(s.individuals));
  }
  for (std::size_t i = 0; i < s.individuals; ++i) {
    for (std::size_t j = 0; j < s.individuals; ++j) {
      const double p = s.at(i, j);
      if (!(p >= 0.0 && p <= 1.0) || p != s.at(j, i)) {
        throw std::invalid_argument("a similarity matrix must be symmetric with shares in [0, 1] (individuals " +
                                    std::to_string(i + 1) + " and " + std::to_string(j + 1) + ")");
      }
    }
  }
}

// Block sizes of two partitions and the non-empty cells of their
// contingency table, from sorted label pairs (no n × n table, so thousands
// of individuals cost little).
struct Contingency {
  std::vector<std::size_t> first_blocks;
  std::vector<std::size_t> second_blocks;
  std::vector<std::size_t> cells;
};

Contingency contingency(const Clustering& a, const Clustering& b) {
  const Clustering ca = canonical_partition(a), cb = canonical_partition(b);
  Contingency t;
  t.first_blocks.assign(*std::max_element(ca.begin(), ca.end()) + 1, 0);
  t.second_blocks.assign(*std::max_element(cb.begin(), cb.end()) + 1, 0);
  std::vector<std::pair<std::size_t, std::size_t>> pairs(ca.size());
  for (std::size_t i = 0; i < ca.size(); ++i) {
    ++t.first_blocks[ca[i]];
    ++t.second_blocks[cb[i]];
    pairs[i] = {ca[i], cb[i]};
  }
  std::sort(pairs.begin(), pairs.end());
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    if (i == 0 || pairs[i] != pairs[i - 1]) t.cells.push_back(0);
    ++t.cells.back();
  }
  return t;
}

double pairs_within(const std::vector<std::size_t>& sizes) {
  double total = 0.0;
  for (std::size_t x : sizes) total += static_cast<double>(x) * static_cast<double>(x - 1) / 2.0;
  return total;
}

// c · log₂ c, with 0 · log 0 = 0.
double size_information(std::size_t c) {
  if (c < 2) return 0.0;
  const double x = static_cast<double>(c);
  return x * portable::log(x) / portable::log(2.0);
}

double sum_size_information(const std::vector<std::size_t>& sizes) {
  double total = 0.0;
  for (std::size_t x : sizes) total += size_information(x);
  return total;
}

// The blocks of a partition being built: sizes, and the indices of emptied
// blocks for reuse.
class Blocks {
 public:
  explicit Blocks(std::size_t individuals) : block_of_(individuals, kUnplaced) {}
  std::size_t capacity() const { return sizes_.size(); }
  std::size_t size(std::size_t block) const { return sizes_[block]; }
  std::size_t block_of(std::size_t item) const { return block_of_[item]; }
  const std::vector<std::size_t>& assignment() const { return block_of_; }

  std::size_t open() {
    if (!free_.empty()) {
      const std::size_t block = free_.back();
      free_.pop_back();
      return block;
    }
    sizes_.push_back(0);
    return sizes_.size() - 1;
  }
  void join(std::size_t item, std::size_t block) {
    if (sizes_[block] == 0) free_.erase(std::remove(free_.begin(), free_.end(), block), free_.end());
    block_of_[item] = block;
    ++sizes_[block];
  }
  void leave(std::size_t item) {
    const std::size_t block = block_of_[item];
    block_of_[item] = kUnplaced;
    if (--sizes_[block] == 0) free_.push_back(block);
  }

 private:
  std::vector<std::size_t> block_of_;
  std::vector<std::size_t> sizes_;
  std::vector<std::size_t> free_;
};

// A loss as the search sees it: how much it grows when one unplaced
// individual joins each existing block, measured against opening a new
// block for it (cost 0). Differences between blocks are exact; the parts of
// the loss that do not depend on where the individual goes are left out.
class PlacementLoss {
 public:
  virtual ~PlacementLoss() = default;
  virtual void clear() = 0;
  // cost[b] for every block b with members; cost has blocks.capacity() entries.
  virtual void costs(std::size_t item, const Blocks& blocks, std::vector<double>& cost) = 0;
  virtual void joined(std::size_t item, std::size_t block) = 0;
  virtual void left(std::size_t item, std::size_t block) = 0;
};

// Binder: joining block b adds, for each member j, 1 − p_ij (wrongly
// together) in place of p_ij (wrongly apart), so cost_b = Σ_{j∈b} (1 − 2 p_ij).
class BinderPlacement final : public PlacementLoss {
 public:
  explicit BinderPlacement(const SimilarityMatrix& s) : similarity_(s) {}
  void clear() override {}
  void costs(std::size_t item, const Blocks& blocks, std::vector<double>& cost) override {
    cost.assign(blocks.capacity(), 0.0);
    for (std::size_t j = 0; j < similarity_.individuals; ++j) {
      const std::size_t block = blocks.block_of(j);
      if (j != item && block != kUnplaced) cost[block] += 1.0 - 2.0 * similarity_.at(item, j);
    }
  }
  void joined(std::size_t, std::size_t) override {}
  void left(std::size_t, std::size_t) override {}

 private:
  const SimilarityMatrix& similarity_;
};

// Expected VI times n: Σ_b g(n_b) − (2/D) Σ_d Σ_{b,t} g(n^d_bt) + terms of
// the draws alone, g(c) = c log₂ c, n^d_bt the members of candidate block b
// in block t of draw d. Joining b changes it by
//   g(n_b + 1) − g(n_b) − (2/D) Σ_d [g(n^d_{b,t_d} + 1) − g(n^d_{b,t_d})],
// t_d the individual's block in draw d. The counts n^d_bt are kept per
// candidate block in one row over all draws' blocks (draw d's blocks at an
// offset), so a cost is D look-ups. Equal draws are taken once with their
// count as weight: a posterior that keeps returning to a few seatings (most
// of the paper's model populations) then costs a few look-ups, not hundreds.
class VariationPlacement final : public PlacementLoss {
 public:
  explicit VariationPlacement(const DistinctPartitions& draws)
      : individuals_(draws.individuals), draws_(draws.partitions.size()) {
    total_weight_ = static_cast<double>(draws.draws());
    keys_.resize(individuals_ * draws_);
    std::size_t offset = 0;
    for (std::size_t d = 0; d < draws_; ++d) {
      const Clustering& labels = draws.partitions[d];
      weights_.push_back(static_cast<double>(draws.counts[d]));
      for (std::size_t i = 0; i < individuals_; ++i) keys_[i * draws_ + d] = offset + labels[i];
      offset += *std::max_element(labels.begin(), labels.end()) + 1;
    }
    row_length_ = offset;
    gain_.resize(individuals_ + 1);
    for (std::size_t c = 0; c <= individuals_; ++c) gain_[c] = size_information(c + 1) - size_information(c);
  }
  void clear() override {
    for (auto& row : counts_) std::fill(row.begin(), row.end(), 0);
    std::fill(sizes_.begin(), sizes_.end(), 0);
  }
  void costs(std::size_t item, const Blocks& blocks, std::vector<double>& cost) override {
    cost.assign(blocks.capacity(), 0.0);
    const std::size_t* keys = &keys_[item * draws_];
    for (std::size_t b = 0; b < blocks.capacity(); ++b) {
      if (blocks.size(b) == 0) continue;
      const std::vector<std::size_t>& row = counts_[b];
      double shared = 0.0;
      for (std::size_t d = 0; d < draws_; ++d) shared += weights_[d] * gain_[row[keys[d]]];
      cost[b] = gain_[sizes_[b]] - 2.0 * shared / total_weight_;
    }
  }
  void joined(std::size_t item, std::size_t block) override {
    while (counts_.size() <= block) {
      counts_.emplace_back(row_length_, 0);
      sizes_.push_back(0);
    }
    ++sizes_[block];
    for (std::size_t d = 0; d < draws_; ++d) ++counts_[block][keys_[item * draws_ + d]];
  }
  void left(std::size_t item, std::size_t block) override {
    --sizes_[block];
    for (std::size_t d = 0; d < draws_; ++d) --counts_[block][keys_[item * draws_ + d]];
  }

 private:
  std::size_t individuals_;
  std::size_t draws_ = 0;                       // distinct draws
  std::vector<double> weights_;                 // how often each was drawn
  double total_weight_ = 0.0;
  std::vector<std::size_t> keys_;               // [item · D + d]: offset of draw d + item's block in it
  std::size_t row_length_ = 0;
  std::vector<double> gain_;                    // g(c + 1) − g(c)
  std::vector<std::vector<std::size_t>> counts_;  // [candidate block][key]
  std::vector<std::size_t> sizes_;
};

// The cheapest place for an unplaced individual: an existing block, or
// kUnplaced for a new one (cost 0). The first block wins a tie.
std::pair<std::size_t, double> cheapest_block(std::size_t item, const Blocks& blocks, PlacementLoss& loss,
                                              std::vector<double>& cost) {
  loss.costs(item, blocks, cost);
  std::size_t best = kUnplaced;
  double best_cost = 0.0;
  for (std::size_t b = 0; b < blocks.capacity(); ++b) {
    if (blocks.size(b) > 0 && cost[b] < best_cost) {
      best = b;
      best_cost = cost[b];
    }
  }
  return {best, best_cost};
}

void place(std::size_t item, std::size_t block, Blocks& blocks, PlacementLoss& loss) {
  if (block == kUnplaced) block = blocks.open();
  blocks.join(item, block);
  loss.joined(item, block);
}

// One run: a start, then sweeps. The start is a sequential allocation in a
// random order, or the given partition.
Clustering search_once(std::size_t individuals, PlacementLoss& loss, Rng& rng, const Clustering* start) {
  loss.clear();
  std::vector<std::size_t> order(individuals);
  std::iota(order.begin(), order.end(), std::size_t{0});
  for (std::size_t i = individuals; i > 1; --i) std::swap(order[i - 1], order[rng.below(i)]);

  Blocks blocks(individuals);
  std::vector<double> cost;
  if (start) {
    // Canonical labels meet their blocks in order, so label k is the k-th block opened.
    const Clustering labels = canonical_partition(*start);
    for (std::size_t item = 0; item < individuals; ++item) {
      place(item, labels[item] < blocks.capacity() ? labels[item] : kUnplaced, blocks, loss);
    }
  } else {
    for (std::size_t item : order) place(item, cheapest_block(item, blocks, loss, cost).first, blocks, loss);
  }

  bool moved = true;
  while (moved) {
    moved = false;
    for (std::size_t item : order) {
      const std::size_t home = blocks.block_of(item);
      blocks.leave(item);
      loss.left(item, home);
      const bool home_left = blocks.size(home) > 0;
      const auto [best, best_cost] = cheapest_block(item, blocks, loss, cost);
      // Staying costs cost[home], or 0 if the individual sat alone (its
      // block is then the "new block").
      const double stay_cost = home_left ? cost[home] : 0.0;
      if (best_cost < stay_cost - kImprovement) {
        place(item, best, blocks, loss);
        moved = true;
      } else {
        blocks.join(item, home);
        loss.joined(item, home);
      }
    }
  }
  return canonical_partition(blocks.assignment());
}

// Runs alternate between the two starts when draws are given: a
// sequential allocation from nothing, and a draw picked at random.
template <typename ExpectedLoss>
PointPartition search(std::size_t individuals, PlacementLoss& loss, const PartitionSearchOptions& options,
                      const DistinctPartitions* draws, ExpectedLoss expected_loss) {
  if (options.runs == 0) throw std::invalid_argument("the partition search needs at least one run");
  Rng rng(options.seed);
  PointPartition best;
  best.expected_loss = std::numeric_limits<double>::infinity();
  std::set<Clustering> evaluated;
  for (std::size_t run = 0; run < options.runs; ++run) {
    const Clustering* start =
        draws && run % 2 == 1 ? &draws->partitions[draws->of_draw[rng.below(draws->draws())]] : nullptr;
    Clustering candidate = search_once(individuals, loss, rng, start);
    // Runs often end at the same partition; its exact loss is computed once.
    if (!evaluated.insert(candidate).second) continue;
    const double value = expected_loss(candidate);
    if (value < best.expected_loss - kImprovement) {
      best.labels = std::move(candidate);
      best.expected_loss = value;
    }
  }
  return best;
}

// variation_of_information between one canonical candidate and each of the
// distinct draws, to the same bits: the same block sizes and contingency
// cells, summed in the same order (the cells in order of their label pairs),
// the cells counted in a table when the two partitions' blocks are few.
class VariationOfCanonical {
 public:
  explicit VariationOfCanonical(const DistinctPartitions& draws) : draws_(draws) {
    information_.resize(draws.individuals + 1);
    for (std::size_t c = 0; c <= draws.individuals; ++c) information_[c] = size_information(c);
    for (const Clustering& draw : draws.partitions) {
      const std::size_t blocks = *std::max_element(draw.begin(), draw.end()) + 1;
      draw_blocks_.push_back(blocks);
      draw_information_.push_back(block_information(draw, blocks));
    }
  }
  void set_candidate(const Clustering& candidate) {
    candidate_ = &candidate;
    candidate_blocks_ = *std::max_element(candidate.begin(), candidate.end()) + 1;
    candidate_information_ = block_information(candidate, candidate_blocks_);
  }
  double against(std::size_t k) {
    const Clustering& draw = draws_.partitions[k];
    const std::size_t columns = draw_blocks_[k], cells = candidate_blocks_ * columns;
    if (cells > 4 * draws_.individuals + 64) return variation_of_information(*candidate_, draw);
    table_.assign(cells, 0);
    for (std::size_t i = 0; i < draw.size(); ++i) ++table_[(*candidate_)[i] * columns + draw[i]];
    double shared = 0.0;
    for (std::uint32_t c : table_) {
      if (c > 0) shared += information_[c];
    }
    const double total = candidate_information_ + draw_information_[k] - 2.0 * shared;
    return std::max(0.0, total / static_cast<double>(draw.size()));
  }

 private:
  double block_information(const Clustering& labels, std::size_t blocks) {
    std::vector<std::size_t> sizes(blocks, 0);
    for (std::size_t label : labels) ++sizes[label];
    double total = 0.0;
    for (std::size_t x : sizes) total += information_[x];
    return total;
  }

  const DistinctPartitions& draws_;
  std::vector<double> information_;   // size_information(c)
  std::vector<std::size_t> draw_blocks_;
  std::vector<double> draw_information_;
  const Clustering* candidate_ = nullptr;
  std::size_t candidate_blocks_ = 0;
  double candidate_information_ = 0.0;
  std::vector<std::uint32_t> table_;
};

}  // namespace

Clustering canonical_partition(const Clustering& labels) {
  Clustering out(labels.size());
  // Labels are most often small (a sampler's tables, numbered from 0): a
  // table indexed by label then does what a hash map would, several times
  // faster, and this runs for every draw of every candidate.
  const std::size_t largest = labels.empty() ? 0 : *std::max_element(labels.begin(), labels.end());
  if (largest < 4 * labels.size() + 16) {
    std::vector<std::size_t> renamed(largest + 1, kUnplaced);
    std::size_t next = 0;
    for (std::size_t i = 0; i < labels.size(); ++i) {
      std::size_t& name = renamed[labels[i]];
      if (name == kUnplaced) name = next++;
      out[i] = name;
    }
    return out;
  }
  std::unordered_map<std::size_t, std::size_t> renamed;
  for (std::size_t i = 0; i < labels.size(); ++i) {
    out[i] = renamed.emplace(labels[i], renamed.size()).first->second;
  }
  return out;
}

void DistinctPartitionsTally::add(const Clustering& draw) {
  require_individuals(draw, "a posterior draw");
  if (!seen_of_draw_.empty() && draw.size() != last_draw_.size()) {
    throw std::invalid_argument("draw " + std::to_string(seen_of_draw_.size() + 1) + " seats " +
                                std::to_string(draw.size()) + " individuals, not " +
                                std::to_string(last_draw_.size()));
  }
  // Consecutive draws of a chain are often the same seating.
  if (!seen_of_draw_.empty() && draw == last_draw_) {
    seen_of_draw_.push_back(seen_of_draw_.back());
    return;
  }
  last_draw_ = draw;
  seen_of_draw_.push_back(seen_.emplace(canonical_partition(draw), seen_.size()).first->second);
}

DistinctPartitions DistinctPartitionsTally::finish() const {
  if (seen_of_draw_.empty()) throw std::invalid_argument("the draws' distinct partitions need at least one draw");
  DistinctPartitions d;
  d.individuals = last_draw_.size();
  std::vector<std::size_t> rank(seen_.size());
  for (const auto& [partition, first_seen] : seen_) {
    rank[first_seen] = d.partitions.size();
    d.partitions.push_back(partition);
  }
  d.counts.assign(seen_.size(), 0);
  d.of_draw.reserve(seen_of_draw_.size());
  for (std::size_t first_seen : seen_of_draw_) {
    d.of_draw.push_back(rank[first_seen]);
    ++d.counts[rank[first_seen]];
  }
  return d;
}

DistinctPartitions distinct_partitions(const std::vector<Clustering>& draws) {
  DistinctPartitionsTally tally;
  for (const Clustering& draw : draws) tally.add(draw);
  return tally.finish();
}

SimilarityMatrix posterior_similarity(const std::vector<Clustering>& draws) {
  if (draws.empty()) throw std::invalid_argument("the posterior similarity needs at least one draw");
  require_individuals(draws.front(), "the posterior similarity");
  require_draws(draws, draws.front().size(), "the posterior similarity");
  return posterior_similarity(distinct_partitions(draws));
}

SimilarityMatrix posterior_similarity(const DistinctPartitions& draws) {
  const std::size_t n = draws.individuals;
  // Each distinct partition adds its count to the pairs within each of its
  // blocks: n² / 2 pairs for one block, fewer for more.
  std::vector<std::size_t> together(n * n, 0);
  std::vector<std::vector<std::size_t>> members;
  for (std::size_t k = 0; k < draws.partitions.size(); ++k) {
    const Clustering& draw = draws.partitions[k];
    const std::size_t count = draws.counts[k];
    for (auto& block : members) block.clear();
    for (std::size_t i = 0; i < n; ++i) {
      if (draw[i] >= members.size()) members.resize(draw[i] + 1);
      members[draw[i]].push_back(i);
    }
    for (const auto& block : members) {
      for (std::size_t a = 0; a < block.size(); ++a) {
        std::size_t* row = &together[block[a] * n];
        for (std::size_t b = a; b < block.size(); ++b) row[block[b]] += count;
      }
    }
  }
  SimilarityMatrix s;
  s.individuals = n;
  s.shares.resize(n * n);
  const double count = static_cast<double>(draws.draws());
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = i; j < n; ++j) {
      s.shares[i * n + j] = s.shares[j * n + i] = static_cast<double>(together[i * n + j]) / count;
    }
  }
  return s;
}

double binder_loss(const Clustering& a, const Clustering& b) {
  require_same_length(a, b, "Binder's loss");
  // Pairs together in a plus pairs together in b, less twice those together in both.
  const Contingency t = contingency(a, b);
  return pairs_within(t.first_blocks) + pairs_within(t.second_blocks) - 2.0 * pairs_within(t.cells);
}

double expected_binder_loss(const SimilarityMatrix& similarity, const Clustering& candidate) {
  require_individuals(candidate, "the expected Binder loss");
  require_similarity(similarity, candidate.size());
  double loss = 0.0;
  for (std::size_t i = 0; i < candidate.size(); ++i) {
    for (std::size_t j = i + 1; j < candidate.size(); ++j) {
      const double p = similarity.at(i, j);
      loss += candidate[i] == candidate[j] ? 1.0 - p : p;
    }
  }
  return loss;
}

double variation_of_information(const Clustering& a, const Clustering& b) {
  require_same_length(a, b, "the variation of information");
  const Contingency t = contingency(a, b);
  const double total = sum_size_information(t.first_blocks) + sum_size_information(t.second_blocks) -
                       2.0 * sum_size_information(t.cells);
  // Rounding can leave −0.000…1 for equal partitions.
  return std::max(0.0, total / static_cast<double>(a.size()));
}

double expected_vi_loss(const std::vector<Clustering>& draws, const Clustering& candidate) {
  require_individuals(candidate, "the expected variation of information");
  require_draws(draws, candidate.size(), "the expected variation of information");
  double total = 0.0;
  for (const Clustering& draw : draws) total += variation_of_information(candidate, draw);
  return total / static_cast<double>(draws.size());
}

double adjusted_rand_index(const Clustering& a, const Clustering& b) {
  require_same_length(a, b, "the adjusted Rand index");
  const Contingency t = contingency(a, b);
  const double n = static_cast<double>(a.size());
  const double all_pairs = n * (n - 1.0) / 2.0;
  const double first = pairs_within(t.first_blocks), second = pairs_within(t.second_blocks);
  const double both = pairs_within(t.cells);
  const double expected = all_pairs > 0.0 ? first * second / all_pairs : 0.0;
  const double denominator = 0.5 * (first + second) - expected;
  if (denominator == 0.0) return 1.0;
  return (both - expected) / denominator;
}

PointPartition minimise_expected_binder(const SimilarityMatrix& similarity, const PartitionSearchOptions& options) {
  require_similarity(similarity, similarity.individuals);
  BinderPlacement loss(similarity);
  return search(similarity.individuals, loss, options, nullptr,
                [&](const Clustering& c) { return expected_binder_loss(similarity, c); });
}

PointPartition minimise_expected_vi(const std::vector<Clustering>& draws, const PartitionSearchOptions& options) {
  if (draws.empty()) throw std::invalid_argument("the expected variation of information needs at least one draw");
  require_individuals(draws.front(), "the expected variation of information");
  require_draws(draws, draws.front().size(), "the expected variation of information");
  return minimise_expected_vi(distinct_partitions(draws), options);
}

PointPartition minimise_expected_vi(const DistinctPartitions& draws, const PartitionSearchOptions& options) {
  VariationPlacement loss(draws);
  VariationOfCanonical variation(draws);
  // Candidates are compared over the distinct draws, each weighted by its
  // count; the loss reported is then taken over the draws as given, one
  // by one, as expected_vi_loss takes it.
  const auto weighted_loss = [&](const Clustering& c) {
    variation.set_candidate(c);
    double total = 0.0;
    for (std::size_t k = 0; k < draws.partitions.size(); ++k) {
      total += static_cast<double>(draws.counts[k]) * variation.against(k);
    }
    return total / static_cast<double>(draws.draws());
  };
  PointPartition best = search(draws.individuals, loss, options, &draws, weighted_loss);
  variation.set_candidate(best.labels);
  std::vector<double> against(draws.partitions.size());
  for (std::size_t k = 0; k < against.size(); ++k) against[k] = variation.against(k);
  double total = 0.0;
  for (std::size_t k : draws.of_draw) total += against[k];
  best.expected_loss = total / static_cast<double>(draws.draws());
  return best;
}

}  // namespace shoal

#include "concept/chain_codec.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <sstream>
#include <stdexcept>
#include <string>

namespace shoal {
namespace {

constexpr std::size_t kRecordFields = 5;
// A chain's header: task, recorded, seating size, state size, draws size;
// then the last and the MAP record. Every part's size is in the header, so a
// reader of any language can step from chain to chain without knowing the
// parts' layouts.
constexpr std::size_t kHeaderFields = 5 + 2 * kRecordFields;
// A saved state: iterations done, the iteration tempering started from (0:
// none), the rungs R (1 untempered), the tempered iterations, the chain's
// stream; when tempered, the exchanges' stream and the exchanges proposed
// and accepted per pair of neighbours; then each rung's restaurant.
constexpr std::size_t kStateHead = 4;
// A stream: its four words as 32-bit halves (8), its spare normal (2).
constexpr std::size_t kStreamFields = 10;
// A restaurant: the split–merge rate, credit and tuning counts (6), the
// number of slots in use; then seat, active, free (two per person).
constexpr std::size_t kRestaurantFixed = 7;

void append_record(std::vector<double>& out, const IterationRecord& r) {
  out.push_back(static_cast<double>(r.iteration));
  out.push_back(static_cast<double>(r.tables));
  out.push_back(r.p_same_table);
  out.push_back(r.richness);
  out.push_back(r.log_posterior);
}

std::size_t as_count(double v) {
  if (!(v >= 0.0) || v != std::floor(v) || v > 9007199254740992.0) {
    throw std::invalid_argument("chain results are malformed");
  }
  return static_cast<std::size_t>(v);
}

IterationRecord read_record(const double* d) {
  IterationRecord r;
  r.iteration = as_count(d[0]);
  r.tables = as_count(d[1]);
  r.p_same_table = d[2];
  r.richness = d[3];
  r.log_posterior = d[4];
  return r;
}

void append_stream(std::vector<double>& out, const RngState& rng) {
  for (std::uint64_t word : rng.words) {
    out.push_back(static_cast<double>(word >> 32));
    out.push_back(static_cast<double>(word & 0xffffffffu));
  }
  out.push_back(rng.has_spare ? 1.0 : 0.0);
  out.push_back(rng.spare);
}

void append_restaurant(std::vector<double>& out, const RestaurantState& r) {
  for (double v : {r.split_merge_rate, r.split_merge_credit, r.sweep_work, r.split_merge_work}) out.push_back(v);
  out.push_back(static_cast<double>(r.split_merge_proposals));
  out.push_back(static_cast<double>(r.tuning_sweeps));
  out.push_back(static_cast<double>(r.active.size()));
  for (const auto* slots : {&r.seat, &r.active, &r.free}) {
    for (std::uint32_t slot : *slots) out.push_back(static_cast<double>(slot));
  }
}

void append_state(std::vector<double>& out, const ChainState& state) {
  const TemperingState& t = state.tempering;
  out.push_back(static_cast<double>(state.iterations));
  out.push_back(static_cast<double>(t.from));
  out.push_back(static_cast<double>(t.hotter.size() + 1));
  out.push_back(static_cast<double>(t.iterations));
  append_stream(out, state.rng);
  if (!t.hotter.empty()) {
    append_stream(out, t.rng);
    for (const auto* counts : {&t.proposed, &t.accepted}) {
      for (std::size_t r = 0; r < t.hotter.size(); ++r) {
        out.push_back(r < counts->size() ? static_cast<double>((*counts)[r]) : 0.0);
      }
    }
  }
  append_restaurant(out, state.restaurant);
  for (const auto& hotter : t.hotter) append_restaurant(out, hotter);
}

std::uint32_t as_slot(double v) {
  const std::size_t slot = as_count(v);
  if (slot > 0xffffffffu) throw std::invalid_argument("chain results are malformed");
  return static_cast<std::uint32_t>(slot);
}

RngState read_stream(const double* d) {
  RngState rng;
  for (int w = 0; w < 4; ++w) {
    const std::uint64_t high = as_slot(d[2 * w]), low = as_slot(d[1 + 2 * w]);
    rng.words[w] = (high << 32) | low;
  }
  rng.has_spare = d[8] != 0.0;
  rng.spare = d[9];
  return rng;
}

RestaurantState read_restaurant(const double* d, std::size_t people) {
  RestaurantState r;
  r.split_merge_rate = d[0];
  r.split_merge_credit = d[1];
  r.sweep_work = d[2];
  r.split_merge_work = d[3];
  r.split_merge_proposals = as_count(d[4]);
  r.tuning_sweeps = as_count(d[5]);
  const std::size_t active = as_count(d[6]);
  if (active > people) throw std::invalid_argument("chain results are malformed");
  const double* slots = d + kRestaurantFixed;
  for (std::size_t i = 0; i < people; ++i) r.seat.push_back(as_slot(slots[i]));
  for (std::size_t i = 0; i < active; ++i) r.active.push_back(as_slot(slots[people + i]));
  for (std::size_t i = active; i < people; ++i) r.free.push_back(as_slot(slots[people + i]));
  return r;
}

// A chain's state from its `size` numbers at `d`; restore() checks that it fits.
ChainState read_state(const double* d, std::size_t size) {
  ChainState state;
  if (size == 0) return state;   // a chain with nothing to continue
  if (size < kStateHead + kStreamFields) throw std::invalid_argument("chain results are truncated");
  state.iterations = as_count(d[0]);
  TemperingState& t = state.tempering;
  t.from = as_count(d[1]);
  const std::size_t rungs = as_count(d[2]);
  t.iterations = as_count(d[3]);
  if (rungs == 0 || (rungs > 1) != (t.from > 0) || rungs > size) throw std::invalid_argument("chain results are malformed");
  state.rng = read_stream(d + kStateHead);
  std::size_t at = kStateHead + kStreamFields;
  if (rungs > 1) {
    const std::size_t pairs = rungs - 1;
    if (size - at < kStreamFields + 2 * pairs) throw std::invalid_argument("chain results are truncated");
    t.rng = read_stream(d + at);
    at += kStreamFields;
    for (auto* counts : {&t.proposed, &t.accepted}) {
      for (std::size_t r = 0; r < pairs; ++r) counts->push_back(as_count(d[at++]));
    }
  }
  // Each rung's restaurant: its fixed part, then two numbers per person.
  const std::size_t rest = size - at;
  if (rest % rungs != 0 || rest / rungs < kRestaurantFixed || (rest / rungs - kRestaurantFixed) % 2 != 0) {
    throw std::invalid_argument("chain results are malformed");
  }
  const std::size_t block = rest / rungs, people = (block - kRestaurantFixed) / 2;
  state.restaurant = read_restaurant(d + at, people);
  for (std::size_t r = 1; r < rungs; ++r) t.hotter.push_back(read_restaurant(d + at + r * block, people));
  return state;
}

// The layout of a chain's draws, first in its draws part, so that a reader
// refuses draws of another layout rather than misreading them.
constexpr double kDrawsLayout = 2.0;   // 1: every number one to a double

// A list of whole numbers packed several to a number: its length, the bits
// each takes (8, 16 or 32, by the largest), then the numbers, 48 / bits of
// them to each (a double holds every whole number below 2^53 exactly), the
// first in the lowest bits. A draw's seating is a table number per person,
// and its table sizes are at most the people: packed, the draws take a
// sixth of the numbers they took one to a double for up to 256 people.
template <typename List>
void append_packed(std::vector<double>& out, const List& values) {
  std::uint64_t largest = 0;
  for (std::size_t i = 0; i < values.size(); ++i) largest = std::max<std::uint64_t>(largest, values[i]);
  const unsigned bits = largest < (1u << 8) ? 8 : largest < (1u << 16) ? 16 : 32;
  const unsigned per = 48 / bits;
  out.push_back(static_cast<double>(values.size()));
  out.push_back(bits);
  std::uint64_t word = 0;
  unsigned filled = 0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    word |= static_cast<std::uint64_t>(values[i]) << (bits * filled);
    if (++filled == per) {
      out.push_back(static_cast<double>(word));
      word = 0;
      filled = 0;
    }
  }
  if (filled > 0) out.push_back(static_cast<double>(word));
}

// Reads what append_packed wrote at data[at] (of `size`) into `values`,
// moving `at` past it.
template <typename List>
void read_packed(const double* data, std::size_t size, std::size_t& at, List& values) {
  if (size - at < 2) throw std::invalid_argument("chain results are truncated");
  const std::size_t count = as_count(data[at]);
  const std::size_t bits = as_count(data[at + 1]);
  if (bits != 8 && bits != 16 && bits != 32) {
    throw std::invalid_argument("chain results are malformed: a packed list's numbers take " + std::to_string(bits) +
                                " bits, not 8, 16 or 32");
  }
  at += 2;
  const std::size_t per = 48 / bits;
  if ((size - at) < count / per + (count % per != 0)) throw std::invalid_argument("chain results are truncated");
  const std::uint64_t mask = (std::uint64_t{1} << bits) - 1;
  values = List{};
  values.reserve(count);
  while (values.size() < count) {
    const double packed = data[at++];
    if (!(packed >= 0.0) || packed >= 281474976710656.0 || packed != std::floor(packed)) {
      throw std::invalid_argument("chain results are malformed: a packed number is not a whole number below 2^48");
    }
    std::uint64_t word = static_cast<std::uint64_t>(packed);
    const std::size_t take = std::min(per, count - values.size());
    for (std::size_t i = 0; i < take; ++i, word >>= bits) values.push_back(static_cast<std::uint32_t>(word & mask));
    if (word != 0) throw std::invalid_argument("chain results are malformed: a packed number holds more than its list");
  }
}

// The draws' table sizes and seatings, after the rest of a result: the
// layout, then each draw's number of tables, all the draws' table sizes and
// all their seatings, each packed; then the number of pooled draws and each
// one's three shares.
void append_draws(std::vector<double>& out, const ChainResult& result) {
  out.push_back(kDrawsLayout);
  std::vector<std::uint32_t> lengths, sizes;
  for (std::size_t list = 0; list < result.recorded_table_sizes.size(); ++list) {
    const auto draw = result.recorded_table_sizes[list];
    lengths.push_back(static_cast<std::uint32_t>(draw.size()));
    sizes.insert(sizes.end(), draw.begin(), draw.end());
  }
  append_packed(out, lengths);
  append_packed(out, sizes);
  append_packed(out, result.recorded_seatings);
  out.push_back(static_cast<double>(result.recorded_shared.size()));
  for (const SharedDraw& draw : result.recorded_shared) {
    out.insert(out.end(), {draw.cross, draw.same_a, draw.same_b});
  }
}

// Reads what append_draws wrote at data[at], moving `at` past it.
void read_draws(const double* data, std::size_t size, std::size_t& at, ChainResult& result) {
  if (at >= size) throw std::invalid_argument("chain results are truncated");
  if (data[at] != kDrawsLayout) {
    std::ostringstream found;
    found << data[at];
    throw std::invalid_argument("chain results are of another layout than this version reads (their draws' layout " +
                                found.str() + ", not 2)");
  }
  ++at;
  std::vector<std::uint32_t> lengths, sizes;
  read_packed(data, size, at, lengths);
  read_packed(data, size, at, sizes);
  std::size_t used = 0;
  for (const std::uint32_t length : lengths) {
    if (length > sizes.size() - used) throw std::invalid_argument("chain results are malformed: the draws' table sizes are too few");
    result.recorded_table_sizes.push_back(CountLists::List{sizes.data() + used, sizes.data() + used + length});
    used += length;
  }
  if (used != sizes.size()) throw std::invalid_argument("chain results are malformed: the draws' table sizes are too many");
  read_packed(data, size, at, result.recorded_seatings);
  if (at >= size) throw std::invalid_argument("chain results are truncated");
  const std::size_t shared = as_count(data[at++]);
  if (shared > (size - at) / 3) throw std::invalid_argument("chain results are truncated");
  result.recorded_shared.reserve(shared);
  for (std::size_t i = 0; i < shared; ++i, at += 3) result.recorded_shared.push_back({data[at], data[at + 1], data[at + 2]});
  // Each part holds every recorded draw or none (a seating: a table per
  // person, as many as in the best seating).
  const std::size_t draws = result.recorded.size();
  if ((lengths.size() != 0 && lengths.size() != draws) || (shared != 0 && shared != draws) ||
      (!result.recorded_seatings.empty() && result.recorded_seatings.size() != draws * result.map_seating.size())) {
    throw std::invalid_argument("chain results are malformed: the draws' table sizes, seatings or shares are not one per recorded draw");
  }
}

}  // namespace

void append_chain_result(std::vector<double>& out, std::size_t task, const ChainResult& result) {
  out.push_back(static_cast<double>(task));
  out.push_back(static_cast<double>(result.recorded.size()));
  out.push_back(static_cast<double>(result.map_seating.size()));
  std::vector<double> state;
  if (result.state.iterations > 0) append_state(state, result.state);
  out.push_back(static_cast<double>(state.size()));
  std::vector<double> draws;
  append_draws(draws, result);
  out.push_back(static_cast<double>(draws.size()));
  append_record(out, result.last);
  append_record(out, result.map);
  for (const auto& r : result.recorded) append_record(out, r);
  for (std::size_t table : result.map_seating) out.push_back(static_cast<double>(table));
  out.insert(out.end(), state.begin(), state.end());
  out.insert(out.end(), draws.begin(), draws.end());
}

std::vector<std::pair<std::size_t, ChainResult>> read_chain_results(const double* data, std::size_t size) {
  std::vector<std::pair<std::size_t, ChainResult>> results;
  std::size_t at = 0;
  while (at < size) {
    if (size - at < kHeaderFields) throw std::invalid_argument("chain results are truncated");
    const std::size_t task = as_count(data[at]);
    const std::size_t recorded = as_count(data[at + 1]);
    const std::size_t seating = as_count(data[at + 2]);
    const std::size_t state = as_count(data[at + 3]);
    const std::size_t draws = as_count(data[at + 4]);
    if ((size - at - kHeaderFields) / kRecordFields < recorded ||
        size - at - kHeaderFields - recorded * kRecordFields < seating ||
        size - at - kHeaderFields - recorded * kRecordFields - seating < state ||
        size - at - kHeaderFields - recorded * kRecordFields - seating - state < draws) {
      throw std::invalid_argument("chain results are truncated");
    }
    ChainResult result;
    result.last = read_record(data + at + 5);
    result.map = read_record(data + at + 5 + kRecordFields);
    at += kHeaderFields;
    for (std::size_t i = 0; i < recorded; ++i, at += kRecordFields) result.recorded.push_back(read_record(data + at));
    for (std::size_t i = 0; i < seating; ++i, ++at) result.map_seating.push_back(as_count(data[at]));
    result.state = read_state(data + at, state);
    at += state;
    const std::size_t end = at + draws;
    read_draws(data, end, at, result);
    if (at != end) throw std::invalid_argument("chain results are malformed: the draws do not fill their stated size");
    results.emplace_back(task, std::move(result));
  }
  return results;
}

}  // namespace shoal

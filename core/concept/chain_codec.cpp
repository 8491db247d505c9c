#include "concept/chain_codec.hpp"

#include <cmath>
#include <stdexcept>

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

// The draws' table sizes and seatings, after the rest of a result: the
// number of lists, each list as its length then its sizes; the number of
// seating entries, then the entries; the number of pooled draws, then each
// one's three shares.
void append_draws(std::vector<double>& out, const ChainResult& result) {
  out.push_back(static_cast<double>(result.recorded_table_sizes.size()));
  for (std::size_t list = 0; list < result.recorded_table_sizes.size(); ++list) {
    const auto sizes = result.recorded_table_sizes[list];
    out.push_back(static_cast<double>(sizes.size()));
    for (std::uint32_t size : sizes) out.push_back(static_cast<double>(size));
  }
  out.push_back(static_cast<double>(result.recorded_seatings.size()));
  for (std::uint32_t table : result.recorded_seatings) out.push_back(static_cast<double>(table));
  out.push_back(static_cast<double>(result.recorded_shared.size()));
  for (const SharedDraw& draw : result.recorded_shared) {
    out.insert(out.end(), {draw.cross, draw.same_a, draw.same_b});
  }
}

// Reads what append_draws wrote at data[at], moving `at` past it.
void read_draws(const double* data, std::size_t size, std::size_t& at, ChainResult& result) {
  const auto next = [&]() {
    if (at >= size) throw std::invalid_argument("chain results are truncated");
    return data[at++];
  };
  const std::size_t lists = as_count(next());
  if (lists > size - at) throw std::invalid_argument("chain results are truncated");
  std::vector<std::uint32_t> sizes;
  for (std::size_t list = 0; list < lists; ++list) {
    const std::size_t length = as_count(next());
    if (length > size - at) throw std::invalid_argument("chain results are truncated");
    sizes.clear();
    for (std::size_t i = 0; i < length; ++i) sizes.push_back(as_slot(next()));
    result.recorded_table_sizes.push_back(sizes);
  }
  const std::size_t entries = as_count(next());
  if (entries > size - at) throw std::invalid_argument("chain results are truncated");
  result.recorded_seatings.reserve(entries);
  for (std::size_t i = 0; i < entries; ++i) result.recorded_seatings.push_back(as_slot(next()));
  const std::size_t shared = as_count(next());
  if (shared > (size - at) / 3) throw std::invalid_argument("chain results are truncated");
  result.recorded_shared.reserve(shared);
  for (std::size_t i = 0; i < shared; ++i, at += 3) result.recorded_shared.push_back({data[at], data[at + 1], data[at + 2]});
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

#include "concept/chain_codec.hpp"

#include <cmath>
#include <stdexcept>

namespace shoal {
namespace {

constexpr std::size_t kRecordFields = 5;
constexpr std::size_t kHeaderFields = 3 + 2 * kRecordFields;

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

}  // namespace

void append_chain_result(std::vector<double>& out, std::size_t task, const ChainResult& result) {
  out.push_back(static_cast<double>(task));
  out.push_back(static_cast<double>(result.recorded.size()));
  out.push_back(static_cast<double>(result.map_seating.size()));
  append_record(out, result.last);
  append_record(out, result.map);
  for (const auto& r : result.recorded) append_record(out, r);
  for (std::size_t table : result.map_seating) out.push_back(static_cast<double>(table));
}

std::vector<std::pair<std::size_t, ChainResult>> read_chain_results(const double* data, std::size_t size) {
  std::vector<std::pair<std::size_t, ChainResult>> results;
  std::size_t at = 0;
  while (at < size) {
    if (size - at < kHeaderFields) throw std::invalid_argument("chain results are truncated");
    const std::size_t task = as_count(data[at]);
    const std::size_t recorded = as_count(data[at + 1]);
    const std::size_t seating = as_count(data[at + 2]);
    if ((size - at - kHeaderFields) / kRecordFields < recorded ||
        size - at - kHeaderFields - recorded * kRecordFields < seating) {
      throw std::invalid_argument("chain results are truncated");
    }
    ChainResult result;
    result.last = read_record(data + at + 3);
    result.map = read_record(data + at + 3 + kRecordFields);
    at += kHeaderFields;
    for (std::size_t i = 0; i < recorded; ++i, at += kRecordFields) result.recorded.push_back(read_record(data + at));
    for (std::size_t i = 0; i < seating; ++i, ++at) result.map_seating.push_back(as_count(data[at]));
    results.emplace_back(task, std::move(result));
  }
  return results;
}

}  // namespace shoal

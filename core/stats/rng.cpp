#include "stats/rng.hpp"

#include <cmath>
#include <stdexcept>

#include "stats/portable_math.hpp"

namespace shoal {
namespace {

std::uint64_t splitmix64(std::uint64_t& x) {
  std::uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

}  // namespace

Rng::Rng(std::uint64_t seed) {
  std::uint64_t x = seed;
  for (auto& s : state_) s = splitmix64(x);
}

Rng::Rng(const RngState& state) : has_spare_(state.has_spare), spare_(state.spare) {
  bool all_zero = true;
  for (int i = 0; i < 4; ++i) {
    state_[i] = state.words[i];
    all_zero = all_zero && state.words[i] == 0;
  }
  if (all_zero) throw std::invalid_argument("a random stream's state cannot be all zero");
}

RngState Rng::state() const {
  RngState s;
  for (int i = 0; i < 4; ++i) s.words[i] = state_[i];
  s.has_spare = has_spare_;
  s.spare = spare_;
  return s;
}

std::uint64_t Rng::next_u64() {
  const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
  const std::uint64_t t = state_[1] << 17;
  state_[2] ^= state_[0];
  state_[3] ^= state_[1];
  state_[1] ^= state_[2];
  state_[0] ^= state_[3];
  state_[2] ^= t;
  state_[3] = rotl(state_[3], 45);
  return result;
}

double Rng::uniform() { return static_cast<double>(next_u64() >> 11) * 0x1.0p-53; }

std::uint64_t Rng::below(std::uint64_t bound) {
  // Rejection on the top of the range keeps every value equally likely.
  const std::uint64_t limit = ~std::uint64_t{0} - (~std::uint64_t{0} % bound);
  std::uint64_t x;
  do {
    x = next_u64();
  } while (x >= limit);
  return x % bound;
}

double Rng::normal() {
  if (has_spare_) {
    has_spare_ = false;
    return spare_;
  }
  double u, v, s;
  do {
    u = 2.0 * uniform() - 1.0;
    v = 2.0 * uniform() - 1.0;
    s = u * u + v * v;
  } while (s >= 1.0 || s == 0.0);
  const double factor = std::sqrt(-2.0 * portable::log(s) / s);
  spare_ = v * factor;
  has_spare_ = true;
  return u * factor;
}

std::uint64_t derive_seed(std::uint64_t seed, std::string_view label) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;  // FNV-1a
  for (unsigned char c : label) {
    hash ^= c;
    hash *= 0x100000001b3ULL;
  }
  return derive_seed(seed, hash);
}

std::uint64_t derive_seed(std::uint64_t seed, std::uint64_t index) {
  std::uint64_t x = seed ^ (index * 0xd1342543de82ef95ULL);
  splitmix64(x);
  return splitmix64(x);
}

}  // namespace shoal

#pragma once
#include <cstdint>
#include <string_view>

namespace shoal {

// The project's only source of randomness. std:: distributions are avoided
// on purpose: libstdc++ (native) and libc++ (wasm) implement them
// differently, and a seed must give the same numbers in both. xoshiro256**
// seeded through splitmix64; every draw below uses integer arithmetic and
// IEEE-exact operations except the logarithm in normal().
// Everything a stream's future draws depend on, so a chain can be continued
// elsewhere (another process, a browser worker) with the very draws it would
// have made had it never stopped.
struct RngState {
  std::uint64_t words[4] = {0, 0, 0, 0};
  bool has_spare = false;
  double spare = 0.0;
};

class Rng {
 public:
  explicit Rng(std::uint64_t seed);
  // Resumes a stream where state() left it. Throws std::invalid_argument for
  // the all-zero state, which xoshiro never reaches and never leaves.
  explicit Rng(const RngState& state);
  RngState state() const;

  std::uint64_t next_u64();
  // Uniform on [0, 1) with 53 random bits.
  double uniform();
  // Uniform integer in [0, bound), without modulo bias; bound > 0.
  std::uint64_t below(std::uint64_t bound);
  // Standard normal (Marsaglia's polar method; caches the second value).
  double normal();

 private:
  std::uint64_t state_[4];
  bool has_spare_ = false;
  double spare_ = 0.0;
};

// Derives an independent stream seed from a master seed and a label (a
// population, a word, a concept), so results do not depend on the order in
// which things are analysed.
std::uint64_t derive_seed(std::uint64_t seed, std::string_view label);
std::uint64_t derive_seed(std::uint64_t seed, std::uint64_t index);

}  // namespace shoal

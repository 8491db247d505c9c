#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace shoal {

// Lower-case hex SHA-256 of the bytes. Reports carry it for every input so a
// reviewer can check they analyse the very same files.
std::string sha256_hex(std::string_view bytes);

// The same of bytes given in pieces, for text that is not held whole (the
// browser module hashes a file a megabyte at a time).
class Sha256 {
 public:
  void add(std::string_view bytes);
  // The digest of every piece added; the hash is done.
  std::string hex();

 private:
  std::array<std::uint32_t, 8> state_ = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                         0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  std::array<unsigned char, 64> block_{};
  std::size_t held_ = 0;   // bytes of block_ filled
  std::uint64_t length_ = 0;
};

}  // namespace shoal

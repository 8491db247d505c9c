#include "io/gzip.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

#include "io/input_error.hpp"

namespace shoal {
namespace {

class Corrupt {
 public:
  explicit Corrupt(const char* why) : why(why) {}
  const char* why;
};

class TooLarge {};

class BitReader {
 public:
  BitReader(std::string_view data, std::size_t at) : data_(data), at_(at) {}

  unsigned bits(int count) {
    while (held_ < count) {
      if (at_ >= data_.size()) throw Corrupt("the data end too early");
      buffer_ |= static_cast<std::uint32_t>(static_cast<unsigned char>(data_[at_++])) << held_;
      held_ += 8;
    }
    const unsigned value = buffer_ & ((1u << count) - 1u);
    buffer_ >>= count;
    held_ -= count;
    return value;
  }
  // Drops the bits left in the current byte (stored blocks start on a byte).
  void align() {
    buffer_ = 0;
    held_ = 0;
  }
  std::size_t position() const { return at_; }
  void skip(std::size_t bytes) {
    if (data_.size() - at_ < bytes) throw Corrupt("the data end too early");
    at_ += bytes;
  }
  unsigned char byte_at(std::size_t i) const { return static_cast<unsigned char>(data_[i]); }

 private:
  std::string_view data_;
  std::size_t at_;
  std::uint32_t buffer_ = 0;
  int held_ = 0;
};

// A canonical Huffman code: how many codes of each length, and the symbols
// in code order.
struct Huffman {
  std::array<std::uint16_t, 16> count{};
  std::vector<std::uint16_t> symbol;

  Huffman(const std::uint8_t* lengths, std::size_t n) : symbol(n) {
    for (std::size_t s = 0; s < n; ++s) ++count[lengths[s]];
    count[0] = 0;
    int left = 1;
    for (int len = 1; len < 16; ++len) {
      left = left * 2 - count[len];
      if (left < 0) throw Corrupt("a Huffman code is over-subscribed");
    }
    std::array<std::uint16_t, 16> offset{};
    for (int len = 1; len < 15; ++len) offset[len + 1] = offset[len] + count[len];
    for (std::size_t s = 0; s < n; ++s) {
      if (lengths[s] != 0) symbol[offset[lengths[s]]++] = static_cast<std::uint16_t>(s);
    }
  }

  int decode(BitReader& in) const {
    int code = 0, first = 0, index = 0;
    for (int len = 1; len < 16; ++len) {
      code |= static_cast<int>(in.bits(1));
      const int n = count[len];
      if (code - n < first) return symbol[index + (code - first)];
      index += n;
      first = (first + n) << 1;
      code <<= 1;
    }
    throw Corrupt("a code is not in its Huffman table");
  }
};

constexpr std::uint16_t kLengthBase[29] = {3,  4,  5,  6,  7,  8,  9,  10, 11,  13,  15,  17,  19,  23, 27,
                                           31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
constexpr std::uint8_t kLengthExtra[29] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                           2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
constexpr std::uint16_t kDistanceBase[30] = {1,   2,   3,   4,   5,   7,    9,    13,   17,   25,
                                             33,  49,  65,  97,  129, 193,  257,  385,  513,  769,
                                             1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
constexpr std::uint8_t kDistanceExtra[30] = {0, 0, 0, 0, 1, 1, 2, 2,  3,  3,  4,  4,  5,  5,  6,
                                             6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};

void inflate_codes(BitReader& in, std::string& out, const Huffman& lengths, const Huffman& distances,
                   std::size_t limit) {
  for (;;) {
    const int symbol = lengths.decode(in);
    if (symbol < 256) {
      out.push_back(static_cast<char>(symbol));
    } else if (symbol == 256) {
      return;
    } else {
      const int l = symbol - 257;
      if (l >= 29) throw Corrupt("a length code is invalid");
      const std::size_t length = kLengthBase[l] + in.bits(kLengthExtra[l]);
      const int d = distances.decode(in);
      if (d >= 30) throw Corrupt("a distance code is invalid");
      const std::size_t distance = kDistanceBase[d] + in.bits(kDistanceExtra[d]);
      if (distance > out.size()) throw Corrupt("a back-reference points before the start");
      if (out.size() + length > limit) throw TooLarge();
      const std::size_t from = out.size() - distance;
      for (std::size_t i = 0; i < length; ++i) out.push_back(out[from + i]);
    }
    if (out.size() > limit) throw TooLarge();
  }
}

void inflate_fixed(BitReader& in, std::string& out, std::size_t limit) {
  static const auto tables = [] {
    std::uint8_t lengths[288];
    for (int s = 0; s < 144; ++s) lengths[s] = 8;
    for (int s = 144; s < 256; ++s) lengths[s] = 9;
    for (int s = 256; s < 280; ++s) lengths[s] = 7;
    for (int s = 280; s < 288; ++s) lengths[s] = 8;
    std::uint8_t distances[30];
    for (auto& d : distances) d = 5;
    return std::make_pair(Huffman(lengths, 288), Huffman(distances, 30));
  }();
  inflate_codes(in, out, tables.first, tables.second, limit);
}

void inflate_dynamic(BitReader& in, std::string& out, std::size_t limit) {
  const unsigned literal_count = in.bits(5) + 257, distance_count = in.bits(5) + 1, code_count = in.bits(4) + 4;
  if (literal_count > 286 || distance_count > 30) throw Corrupt("a block declares too many codes");
  static constexpr std::uint8_t order[19] = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};
  std::uint8_t code_lengths[19] = {};
  for (unsigned i = 0; i < code_count; ++i) code_lengths[order[i]] = static_cast<std::uint8_t>(in.bits(3));
  const Huffman code_code(code_lengths, 19);
  std::uint8_t lengths[286 + 30] = {};
  for (unsigned i = 0; i < literal_count + distance_count;) {
    const int symbol = code_code.decode(in);
    if (symbol < 16) {
      lengths[i++] = static_cast<std::uint8_t>(symbol);
      continue;
    }
    std::uint8_t value = 0;
    unsigned repeat = 0;
    if (symbol == 16) {
      if (i == 0) throw Corrupt("a length repeat has nothing to repeat");
      value = lengths[i - 1];
      repeat = 3 + in.bits(2);
    } else if (symbol == 17) {
      repeat = 3 + in.bits(3);
    } else {
      repeat = 11 + in.bits(7);
    }
    if (i + repeat > literal_count + distance_count) throw Corrupt("code lengths overrun their block");
    while (repeat--) lengths[i++] = value;
  }
  if (lengths[256] == 0) throw Corrupt("a block has no end code");
  inflate_codes(in, out, Huffman(lengths, literal_count), Huffman(lengths + literal_count, distance_count), limit);
}

std::uint32_t crc32(std::string_view data, std::size_t from) {
  static const auto table = [] {
    std::array<std::uint32_t, 256> t{};
    for (std::uint32_t n = 0; n < 256; ++n) {
      std::uint32_t c = n;
      for (int k = 0; k < 8; ++k) c = (c & 1u) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[n] = c;
    }
    return t;
  }();
  std::uint32_t c = 0xFFFFFFFFu;
  for (std::size_t i = from; i < data.size(); ++i) c = table[(c ^ static_cast<unsigned char>(data[i])) & 0xFFu] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

// One gzip member from `at`; returns the position after it.
std::size_t gunzip_member(std::string_view bytes, std::size_t at, std::string& out, std::size_t limit) {
  BitReader header(bytes, at);
  if (header.bits(8) != 0x1f || header.bits(8) != 0x8b) throw Corrupt("a member does not start with the gzip magic");
  if (header.bits(8) != 8) throw Corrupt("the compression method is not DEFLATE");
  const unsigned flags = header.bits(8);
  header.skip(6);  // modification time, extra flags, operating system
  std::size_t position = header.position();
  auto skip_string = [&] {
    while (position < bytes.size() && bytes[position] != '\0') ++position;
    if (position++ >= bytes.size()) throw Corrupt("the data end too early");
  };
  if (flags & 4u) {
    if (bytes.size() - position < 2) throw Corrupt("the data end too early");
    const std::size_t extra = static_cast<unsigned char>(bytes[position]) |
                              (static_cast<std::size_t>(static_cast<unsigned char>(bytes[position + 1])) << 8);
    position += 2;
    if (bytes.size() - position < extra) throw Corrupt("the data end too early");
    position += extra;
  }
  if (flags & 8u) skip_string();
  if (flags & 16u) skip_string();
  if (flags & 2u) position += 2;
  if (position > bytes.size()) throw Corrupt("the data end too early");

  const std::size_t start = out.size();
  BitReader in(bytes, position);
  for (bool last = false; !last;) {
    last = in.bits(1) == 1;
    switch (in.bits(2)) {
      case 0: {
        in.align();
        const std::size_t p = in.position();
        in.skip(4);
        const unsigned length = in.byte_at(p) | (in.byte_at(p + 1) << 8);
        const unsigned complement = in.byte_at(p + 2) | (in.byte_at(p + 3) << 8);
        if ((length ^ 0xFFFFu) != complement) throw Corrupt("a stored block's length is corrupt");
        in.skip(length);
        if (out.size() + length > limit) throw TooLarge();
        out.append(bytes.substr(p + 4, length));
        break;
      }
      case 1: inflate_fixed(in, out, limit); break;
      case 2: inflate_dynamic(in, out, limit); break;
      default: throw Corrupt("a block has an invalid type");
    }
  }
  in.align();
  const std::size_t trailer = in.position();
  if (bytes.size() - trailer < 8) throw Corrupt("the data end too early");
  auto word = [&](std::size_t i) {
    return static_cast<std::uint32_t>(in.byte_at(i)) | (static_cast<std::uint32_t>(in.byte_at(i + 1)) << 8) |
           (static_cast<std::uint32_t>(in.byte_at(i + 2)) << 16) | (static_cast<std::uint32_t>(in.byte_at(i + 3)) << 24);
  };
  if (word(trailer) != crc32(std::string_view(out).substr(0, out.size()), start)) {
    throw Corrupt("the checksum does not match (the file is damaged)");
  }
  if (word(trailer + 4) != static_cast<std::uint32_t>(out.size() - start)) throw Corrupt("the length does not match");
  return trailer + 8;
}

}  // namespace

bool is_gzip(std::string_view bytes) {
  return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
         static_cast<unsigned char>(bytes[1]) == 0x8b;
}

std::size_t gzip_budget(std::size_t compressed_size) {
  constexpr std::size_t kMiB = std::size_t{1} << 20;
  const std::size_t ratio_limit = compressed_size > kMiB * 1024 / 64 ? kMiB * 1024 : 64 * compressed_size + 64 * kMiB;
  return std::min(ratio_limit, kMiB * 1024);
}

std::string gunzip(std::string_view bytes, const std::string& file, std::size_t limit) {
  std::string out;
  // The last member's trailer states its length: reserving it once spares
  // the copies of a string that doubles as it grows. It is only a hint, so
  // it is capped by what DEFLATE can expand to (1032:1) and by the budget.
  if (bytes.size() >= 18) {
    const auto* end = reinterpret_cast<const unsigned char*>(bytes.data() + bytes.size());
    const std::size_t stated = static_cast<std::size_t>(end[-4]) | (static_cast<std::size_t>(end[-3]) << 8) |
                               (static_cast<std::size_t>(end[-2]) << 16) | (static_cast<std::size_t>(end[-1]) << 24);
    const std::size_t most = bytes.size() > limit / 1032 ? limit : bytes.size() * 1032;
    out.reserve(std::min({stated, most, limit}) + 1);
  }
  try {
    std::size_t at = 0;
    do {
      at = gunzip_member(bytes, at, out, limit);
      // Some tools pad with zeros after the last member.
      while (at < bytes.size() && bytes[at] == '\0') ++at;
    } while (at < bytes.size());
  } catch (const Corrupt& e) {
    throw InputError(file, 0, "", std::string("cannot decompress this gzip file: ") + e.why);
  } catch (const TooLarge&) {
    throw InputError(file, 0, "",
                     "this gzip file decompresses to more than " + std::to_string(limit >> 20) + " MiB (" +
                         std::to_string(bytes.size()) +
                         " bytes compressed), more than any table of this size should; if it is genuine, "
                         "decompress it and give the plain file");
  }
  return out;
}

}  // namespace shoal

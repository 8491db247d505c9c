#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <string_view>

#include "io/sha256.hpp"

// Test vectors from FIPS 180-2.
TEST_CASE("sha256: standard test vectors") {
  CHECK(shoal::sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(shoal::sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(shoal::sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(shoal::sha256_hex(std::string(1000000, 'a')) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

// Pieces of every length from 0 to 130 bytes, which cross the 64-byte blocks
// at every offset, give the digest of the whole (FIPS 180-2's million a's).
TEST_CASE("sha256: bytes added in pieces give the digest of the whole") {
  const std::string whole(1000000, 'a');
  for (std::size_t piece : {1, 3, 63, 64, 65, 127, 130, 4096, 1 << 20}) {
    shoal::Sha256 hash;
    std::size_t at = 0;
    for (std::size_t n = 0; at < whole.size(); n = (n + 1) % 131) {
      const std::size_t take = std::min({piece == 130 ? n : piece, whole.size() - at});
      hash.add(std::string_view(whole).substr(at, take));
      at += take;
    }
    CHECK_MESSAGE(hash.hex() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", piece);
  }
  shoal::Sha256 empty;
  empty.add("");
  CHECK(empty.hex() == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

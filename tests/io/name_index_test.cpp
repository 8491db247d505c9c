#include <doctest/doctest.h>

#include <string>
#include <unordered_map>

#include "io/name_index.hpp"

TEST_CASE("name index: numbers names in order of first appearance, as a map of strings would") {
  shoal::NameIndex index;
  CHECK(index.size() == 0);
  CHECK_FALSE(index.find("a").has_value());
  std::unordered_map<std::string, std::uint32_t> expected;
  // Names of every length from 0 to 40 with repeats, an embedded NUL and a
  // prefix of another, interned past several growths of the table.
  for (int round = 0; round < 3; ++round) {
    for (int i = 0; i < 5000; ++i) {
      std::string name = std::string(static_cast<std::size_t>(i % 41), 'x') + std::to_string(i % 3001);
      if (i % 7 == 0) name += std::string(1, '\0') + "z";
      const auto [it, added] = expected.emplace(name, static_cast<std::uint32_t>(expected.size()));
      CHECK(index.intern(name) == it->second);
    }
  }
  CHECK(index.intern("") == expected.emplace("", static_cast<std::uint32_t>(expected.size())).first->second);
  REQUIRE(index.size() == expected.size());
  for (const auto& [name, number] : expected) {
    CHECK(index.find(name) == number);
    CHECK(index.name(number) == name);
  }
  CHECK_FALSE(index.find("absent").has_value());
  CHECK_FALSE(index.find(std::string(3, 'x')).has_value());
}

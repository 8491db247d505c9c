#include <doctest/doctest.h>

#include <cmath>

#include "color/lab.hpp"
#include "support.hpp"

using namespace shoal;

TEST_CASE("lab: every colour of the reference converts as colormath does, to 1e-6") {
  const auto reference = test::read_json(test::shared_path("reference/lab.json"));
  const auto& colours = reference.at("colors");
  REQUIRE(colours.size() == 114);
  for (const auto& c : colours) {
    const Rgb8 rgb{c["rgb"][0].get<std::uint8_t>(), c["rgb"][1].get<std::uint8_t>(), c["rgb"][2].get<std::uint8_t>()};
    const auto from_hex = parse_hex_colour(c["hex"].get<std::string>());
    REQUIRE(from_hex.has_value());
    CHECK(*from_hex == rgb);
    const Lab lab = srgb_to_lab(rgb);
    INFO(c["hex"].get<std::string>());
    CHECK(std::fabs(lab.l - c["lab"][0].get<double>()) < 1e-6);
    CHECK(std::fabs(lab.a - c["lab"][1].get<double>()) < 1e-6);
    CHECK(std::fabs(lab.b - c["lab"][2].get<double>()) < 1e-6);
  }
}

TEST_CASE("lab: CIE76 is the Euclidean distance") {
  CHECK(delta_e76(Lab{50, 0, 0}, Lab{53, 4, 0}) == doctest::Approx(5.0));
  CHECK(delta_e76(Lab{1, 2, 3}, Lab{1, 2, 3}) == 0.0);
}

TEST_CASE("lab: CIEDE2000 matches Sharma, Wu & Dalal's published test pairs") {
  struct Pair {
    Lab x, y;
    double expected;
  };
  const Pair pairs[] = {
      {{50.0, 2.6772, -79.7751}, {50.0, 0.0, -82.7485}, 2.0425},
      {{50.0, 3.1571, -77.2803}, {50.0, 0.0, -82.7485}, 2.8615},
      {{50.0, 0.0, 0.0}, {50.0, -1.0, 2.0}, 2.3669},
      {{50.0, 2.49, -0.001}, {50.0, -2.49, 0.0009}, 7.1792},
      {{50.0, 2.5, 0.0}, {73.0, 25.0, -18.0}, 27.1492},
      {{60.2574, -34.0099, 36.2677}, {60.4626, -34.1751, 39.4387}, 1.2644},
      {{22.7233, 20.0904, -46.6940}, {23.0331, 14.9730, -42.5619}, 2.0373},
      {{90.8027, -2.0831, 1.4410}, {91.1528, -1.6435, 0.0447}, 1.4441},
  };
  for (const auto& p : pairs) {
    CHECK(delta_e2000(p.x, p.y) == doctest::Approx(p.expected).epsilon(1e-4));
    CHECK(delta_e2000(p.y, p.x) == doctest::Approx(p.expected).epsilon(1e-4));
  }
}

TEST_CASE("hex: exact codes and the first code in free text") {
  CHECK(parse_hex_colour("#A0b1C2") == Rgb8{0xa0, 0xb1, 0xc2});
  CHECK(parse_hex_colour("a0b1c2") == Rgb8{0xa0, 0xb1, 0xc2});
  CHECK_FALSE(parse_hex_colour("#a0b1c").has_value());
  CHECK_FALSE(parse_hex_colour("#a0b1cg").has_value());
  CHECK(find_hex_colour("I'd say #12 or maybe #FF8800, then #000000.") == Rgb8{0xff, 0x88, 0x00});
  CHECK_FALSE(find_hex_colour("a warm orange, like a sunset").has_value());
  CHECK_FALSE(find_hex_colour("#12345").has_value());
  char buffer[8];
  CHECK(hex_of(Rgb8{255, 136, 0}, buffer) == "#ff8800");
}

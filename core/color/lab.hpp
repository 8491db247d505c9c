#pragma once
#include <cstdint>
#include <optional>
#include <string_view>

namespace shoal {

struct Rgb8 {
  std::uint8_t r = 0, g = 0, b = 0;
  bool operator==(const Rgb8& o) const { return r == o.r && g == o.g && b == o.b; }
};

struct Lab {
  double l = 0.0, a = 0.0, b = 0.0;
};

// sRGB (D65) -> CIELAB (D65) with the constants of the Python library
// colormath, which the paper used, so ΔE values agree with its numbers.
Lab srgb_to_lab(Rgb8 rgb);

// CIE76: Euclidean distance in L*a*b*, the paper's ΔE.
double delta_e76(const Lab& x, const Lab& y);
// CIEDE2000 (Sharma, Wu & Dalal 2005 formulation), offered as an option.
double delta_e2000(const Lab& x, const Lab& y);

enum class DeltaEFormula { Cie76, Ciede2000 };
double delta_e(const Lab& x, const Lab& y, DeltaEFormula formula);

// "#rrggbb" or "rrggbb" exactly (case-insensitive), else nullopt.
std::optional<Rgb8> parse_hex_colour(std::string_view text);
// The first '#' followed by six hex digits anywhere in free text (an LLM's
// reply), else nullopt: such a reply is invalid.
std::optional<Rgb8> find_hex_colour(std::string_view text);
std::string_view hex_of(Rgb8 rgb, char (&buffer)[8]);

}  // namespace shoal

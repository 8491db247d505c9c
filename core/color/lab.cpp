#include "color/lab.hpp"

#include <cmath>

#include "stats/portable_math.hpp"

namespace shoal {
namespace {

constexpr double kPi = 3.14159265358979323846;

double linearise(std::uint8_t channel) {
  const double v = channel / 255.0;
  return v <= 0.04045 ? v / 12.92 : portable::pow((v + 0.055) / 1.055, 2.4);
}

double lab_f(double t) {
  return t > 216.0 / 24389.0 ? portable::cbrt(t) : 7.787 * t + 16.0 / 116.0;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::optional<Rgb8> six_hex_digits(std::string_view text) {
  int v[6];
  for (int i = 0; i < 6; ++i) {
    v[i] = hex_value(text[i]);
    if (v[i] < 0) return std::nullopt;
  }
  return Rgb8{static_cast<std::uint8_t>(v[0] * 16 + v[1]), static_cast<std::uint8_t>(v[2] * 16 + v[3]),
              static_cast<std::uint8_t>(v[4] * 16 + v[5])};
}

// Plain arithmetic rather than std::hypot and std::pow, whose last bits
// differ between C libraries.
double length(double a, double b) { return std::sqrt(a * a + b * b); }
double seventh_power(double x) {
  const double x2 = x * x;
  return x2 * x2 * x2 * x;
}
constexpr double kTwentyFiveToTheSeventh = 6103515625.0;

double degrees(double radians) { return radians * 180.0 / kPi; }
double radians(double degrees) { return degrees * kPi / 180.0; }

}  // namespace

Lab srgb_to_lab(Rgb8 rgb) {
  const double r = linearise(rgb.r), g = linearise(rgb.g), b = linearise(rgb.b);
  const double x = 0.412424 * r + 0.357579 * g + 0.180464 * b;
  const double y = 0.212656 * r + 0.715158 * g + 0.0721856 * b;
  const double z = 0.0193324 * r + 0.119193 * g + 0.950444 * b;
  const double fx = lab_f(x / 0.95047), fy = lab_f(y / 1.0), fz = lab_f(z / 1.08883);
  return Lab{116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)};
}

double delta_e76(const Lab& x, const Lab& y) {
  const double dl = x.l - y.l, da = x.a - y.a, db = x.b - y.b;
  return std::sqrt(dl * dl + da * da + db * db);
}

double delta_e2000(const Lab& x, const Lab& y) {
  const double c1 = length(x.a, x.b), c2 = length(y.a, y.b);
  const double c_bar7 = seventh_power((c1 + c2) / 2.0);
  const double g = 0.5 * (1.0 - std::sqrt(c_bar7 / (c_bar7 + kTwentyFiveToTheSeventh)));
  const double a1 = (1.0 + g) * x.a, a2 = (1.0 + g) * y.a;
  const double c1p = length(a1, x.b), c2p = length(a2, y.b);
  auto hue = [](double b, double a) {
    if (a == 0.0 && b == 0.0) return 0.0;
    const double h = degrees(portable::atan2(b, a));
    return h < 0.0 ? h + 360.0 : h;
  };
  const double h1 = hue(x.b, a1), h2 = hue(y.b, a2);

  const double dl = y.l - x.l;
  const double dc = c2p - c1p;
  double dh = 0.0;
  if (c1p * c2p != 0.0) {
    dh = h2 - h1;
    if (dh > 180.0) dh -= 360.0;
    if (dh < -180.0) dh += 360.0;
  }
  const double dH = 2.0 * std::sqrt(c1p * c2p) * portable::sin(radians(dh / 2.0));

  const double l_bar = (x.l + y.l) / 2.0;
  const double c_bar_p = (c1p + c2p) / 2.0;
  double h_bar = h1 + h2;
  if (c1p * c2p != 0.0) {
    if (std::fabs(h1 - h2) <= 180.0) {
      h_bar /= 2.0;
    } else {
      h_bar = (h1 + h2 < 360.0) ? (h1 + h2 + 360.0) / 2.0 : (h1 + h2 - 360.0) / 2.0;
    }
  }
  const double t = 1.0 - 0.17 * portable::cos(radians(h_bar - 30.0)) + 0.24 * portable::cos(radians(2.0 * h_bar)) +
                   0.32 * portable::cos(radians(3.0 * h_bar + 6.0)) - 0.20 * portable::cos(radians(4.0 * h_bar - 63.0));
  const double d_theta = 30.0 * portable::exp(-((h_bar - 275.0) / 25.0) * ((h_bar - 275.0) / 25.0));
  const double c_bar_p7 = seventh_power(c_bar_p);
  const double rc = 2.0 * std::sqrt(c_bar_p7 / (c_bar_p7 + kTwentyFiveToTheSeventh));
  const double l50 = (l_bar - 50.0) * (l_bar - 50.0);
  const double sl = 1.0 + 0.015 * l50 / std::sqrt(20.0 + l50);
  const double sc = 1.0 + 0.045 * c_bar_p;
  const double sh = 1.0 + 0.015 * c_bar_p * t;
  const double rt = -portable::sin(radians(2.0 * d_theta)) * rc;
  const double tl = dl / sl, tc = dc / sc, th = dH / sh;
  return std::sqrt(tl * tl + tc * tc + th * th + rt * tc * th);
}

double delta_e(const Lab& x, const Lab& y, DeltaEFormula formula) {
  return formula == DeltaEFormula::Cie76 ? delta_e76(x, y) : delta_e2000(x, y);
}

std::optional<Rgb8> parse_hex_colour(std::string_view text) {
  if (!text.empty() && text.front() == '#') text.remove_prefix(1);
  if (text.size() != 6) return std::nullopt;
  return six_hex_digits(text);
}

std::optional<Rgb8> find_hex_colour(std::string_view text) {
  for (std::size_t i = text.find('#'); i != std::string_view::npos; i = text.find('#', i + 1)) {
    if (i + 7 > text.size()) break;
    if (auto rgb = six_hex_digits(text.substr(i + 1, 6))) return rgb;
  }
  return std::nullopt;
}

std::string_view hex_of(Rgb8 rgb, char (&buffer)[8]) {
  static const char* digits = "0123456789abcdef";
  buffer[0] = '#';
  const std::uint8_t channels[3] = {rgb.r, rgb.g, rgb.b};
  for (int i = 0; i < 3; ++i) {
    buffer[1 + 2 * i] = digits[channels[i] >> 4];
    buffer[2 + 2 * i] = digits[channels[i] & 0xF];
  }
  buffer[7] = '\0';
  return std::string_view(buffer, 7);
}

}  // namespace shoal

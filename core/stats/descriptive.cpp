#include "stats/descriptive.hpp"

#include <cmath>
#include <limits>

namespace shoal {
namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kZ95 = 1.96;
}  // namespace

double RunningMoments::sample_variance() const {
  return n_ < 2 ? kNaN : m2_ / static_cast<double>(n_ - 1);
}

void RunningMoments::merge(const RunningMoments& other) {
  if (other.n_ == 0) return;
  if (n_ == 0) {
    *this = other;
    return;
  }
  const double a = static_cast<double>(n_), b = static_cast<double>(other.n_), n = a + b;
  const double delta = other.mean_ - mean_;
  mean_ += delta * (b / n);
  m2_ += other.m2_ + delta * delta * (a * b / n);
  n_ += other.n_;
}

MeanInterval normal_interval(std::size_t n, double mean, double sd) {
  MeanInterval out;
  out.n = n;
  out.mean = mean;
  out.sd = sd;
  const double half = kZ95 * out.sd / std::sqrt(static_cast<double>(n));
  out.low = out.mean - half;
  out.high = out.mean + half;
  return out;
}

MeanInterval RunningMoments::interval() const {
  return normal_interval(n_, n_ == 0 ? kNaN : mean_, std::sqrt(sample_variance()));
}

MeanInterval mean_interval(const std::vector<double>& values) {
  RunningMoments moments;
  for (double v : values) moments.add(v);
  return moments.interval();
}

LinearFit fit_line(const std::vector<double>& x, const std::vector<double>& y) {
  LinearFit fit;
  fit.n = x.size();
  if (x.size() != y.size() || x.size() < 2) {
    fit.slope = fit.intercept = fit.r_squared = fit.r = kNaN;
    return fit;
  }
  const double n = static_cast<double>(x.size());
  double mean_x = 0.0, mean_y = 0.0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    mean_x += x[i];
    mean_y += y[i];
  }
  mean_x /= n;
  mean_y /= n;
  double sxx = 0.0, sxy = 0.0, syy = 0.0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    const double dx = x[i] - mean_x, dy = y[i] - mean_y;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  if (sxx == 0.0) {
    fit.slope = fit.intercept = fit.r_squared = fit.r = kNaN;
    return fit;
  }
  fit.slope = sxy / sxx;
  fit.intercept = mean_y - fit.slope * mean_x;
  fit.r_squared = syy == 0.0 ? kNaN : (sxy * sxy) / (sxx * syy);
  fit.r = syy == 0.0 ? kNaN : sxy / std::sqrt(sxx * syy);
  return fit;
}

}  // namespace shoal

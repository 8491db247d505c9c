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

MeanInterval RunningMoments::interval() const {
  MeanInterval out;
  out.n = n_;
  out.mean = n_ == 0 ? kNaN : mean_;
  out.sd = std::sqrt(sample_variance());
  const double half = kZ95 * out.sd / std::sqrt(static_cast<double>(n_));
  out.low = out.mean - half;
  out.high = out.mean + half;
  return out;
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

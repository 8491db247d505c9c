#pragma once
#include <cstddef>
#include <vector>

namespace shoal {

// Mean of n values with the sample standard deviation (n - 1 denominator) and
// the normal-approximation 95% interval mean ± 1.96·sd/√n, the interval the
// paper reports. sd and the interval are NaN when n < 2.
struct MeanInterval {
  std::size_t n = 0;
  double mean = 0.0;
  double sd = 0.0;
  double low = 0.0;
  double high = 0.0;
};

// mean ± 1.96·sd/√n, as above, for a mean and sd known otherwise (estimated
// from a sample of the n values, say).
MeanInterval normal_interval(std::size_t n, double mean, double sd);

// Numerically stable running moments (Welford), so large pair sets need no
// buffer of their own.
class RunningMoments {
 public:
  RunningMoments() = default;
  // The moments of `count` values with this mean and sum of squared
  // deviations from it.
  RunningMoments(std::size_t count, double mean, double m2) : n_(count), mean_(count == 0 ? 0.0 : mean), m2_(m2) {}
  void add(double x) {
    ++n_;
    const double delta = x - mean_;
    mean_ += delta / static_cast<double>(n_);
    m2_ += delta * (x - mean_);
  }
  // As if `other`'s values were added after these (Chan, Golub & LeVeque's
  // pairwise update): the same numbers to rounding, not the same bits as
  // adding them one at a time.
  void merge(const RunningMoments& other);
  std::size_t count() const { return n_; }
  double mean() const { return mean_; }
  double m2() const { return m2_; }
  double sample_variance() const;
  MeanInterval interval() const;

 private:
  std::size_t n_ = 0;
  double mean_ = 0.0;
  double m2_ = 0.0;
};

MeanInterval mean_interval(const std::vector<double>& values);

// Ordinary least squares of y on x.
struct LinearFit {
  std::size_t n = 0;
  double slope = 0.0;
  double intercept = 0.0;
  double r_squared = 0.0;
  double r = 0.0;   // Pearson's correlation, with the slope's sign
};

// NaN fields when fewer than two points or x is constant; r and r_squared
// also NaN when y is constant.
LinearFit fit_line(const std::vector<double>& x, const std::vector<double>& y);

}  // namespace shoal

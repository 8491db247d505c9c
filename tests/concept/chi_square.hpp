#pragma once
#include <cstddef>
#include <vector>

namespace shoal::test {

// Upper tail P(X > statistic) of a chi-square distribution with `df`
// degrees of freedom (regularised upper incomplete gamma Q(df/2, x/2)).
double chi_square_upper_tail(double statistic, double df);

// G-test of observed counts against expected probabilities. Categories
// whose expected count is below 5 are pooled with their neighbour first so
// the chi-square approximation holds. Returns the p-value; `df_out` gets
// the degrees of freedom used.
double g_test_p_value(const std::vector<double>& observed, const std::vector<double>& probabilities,
                      std::size_t* df_out = nullptr);

}  // namespace shoal::test

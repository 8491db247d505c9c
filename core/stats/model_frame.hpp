#pragma once
#include <cstddef>
#include <string>
#include <variant>
#include <vector>

#include <Eigen/Dense>

namespace shoal {

// A predictor of a regression: numeric (entered as is) or categorical
// (treatment coding: one 0/1 column per level other than the reference).
struct ModelVariable {
  std::string name;
  bool categorical = false;
  // Reference level of a categorical predictor. When empty, or not among the
  // levels present, the first level in sorted (byte) order is the reference.
  std::string reference;
};

// One observation: the response, its group (for a random intercept) and the
// value of each variable, in the order of the variables (a double for a
// numeric one, a string for a categorical one).
struct ModelRow {
  double response = 0.0;
  std::string group;
  std::vector<std::variant<double, std::string>> values;
};

// The design of y = Xβ + u_group + ε: X with an intercept column first, then
// the variables' columns in order; column names follow the patsy/statsmodels
// convention ("Intercept", "x", "prompt[T.identity]").
struct ModelFrame {
  Eigen::MatrixXd x;
  Eigen::VectorXd y;
  std::vector<std::string> columns;
  std::vector<std::size_t> group;            // index into group_names, per row
  std::vector<std::string> group_names;      // sorted
  // Per categorical variable (in order), its reference level; empty for
  // numeric ones.
  std::vector<std::string> references;
};

// Builds the design. Throws std::invalid_argument when there are no rows,
// fewer than two groups, a value of the wrong kind or a non-finite number, a
// predictor that does not vary, or a design whose columns are linearly
// dependent (e.g. two predictors that always change together).
ModelFrame build_model_frame(const std::vector<ModelVariable>& variables, const std::vector<ModelRow>& rows);

}  // namespace shoal

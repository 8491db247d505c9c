#include "stats/model_frame.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <stdexcept>

namespace shoal {

ModelFrame build_model_frame(const std::vector<ModelVariable>& variables, const std::vector<ModelRow>& rows) {
  if (rows.empty()) throw std::invalid_argument("no observations to fit");
  const std::size_t n = rows.size();
  for (std::size_t r = 0; r < n; ++r) {
    if (rows[r].values.size() != variables.size()) {
      throw std::invalid_argument("observation " + std::to_string(r + 1) + " has " +
                                  std::to_string(rows[r].values.size()) + " values for " +
                                  std::to_string(variables.size()) + " variables");
    }
    if (!std::isfinite(rows[r].response)) {
      throw std::invalid_argument("observation " + std::to_string(r + 1) + " has a non-finite response");
    }
  }

  ModelFrame frame;
  std::set<std::string> groups;
  for (const auto& row : rows) groups.insert(row.group);
  if (groups.size() < 2) {
    throw std::invalid_argument("a random intercept needs at least two groups, found " +
                                std::to_string(groups.size()));
  }
  frame.group_names.assign(groups.begin(), groups.end());
  std::map<std::string, std::size_t> group_index;
  for (std::size_t g = 0; g < frame.group_names.size(); ++g) group_index[frame.group_names[g]] = g;

  // Columns are gathered first, then copied into X.
  std::vector<std::vector<double>> columns{std::vector<double>(n, 1.0)};
  frame.columns.push_back("Intercept");
  for (std::size_t v = 0; v < variables.size(); ++v) {
    const auto& variable = variables[v];
    if (!variable.categorical) {
      std::vector<double> column(n);
      for (std::size_t r = 0; r < n; ++r) {
        const double* value = std::get_if<double>(&rows[r].values[v]);
        if (!value) throw std::invalid_argument("predictor '" + variable.name + "' is numeric but has a text value");
        if (!std::isfinite(*value)) {
          throw std::invalid_argument("predictor '" + variable.name + "' has a non-finite value");
        }
        column[r] = *value;
      }
      if (std::all_of(column.begin(), column.end(), [&](double x) { return x == column.front(); })) {
        throw std::invalid_argument("predictor '" + variable.name + "' is constant");
      }
      columns.push_back(std::move(column));
      frame.columns.push_back(variable.name);
      frame.references.emplace_back();
      continue;
    }
    std::set<std::string> levels;
    for (const auto& row : rows) {
      const std::string* value = std::get_if<std::string>(&row.values[v]);
      if (!value) throw std::invalid_argument("predictor '" + variable.name + "' is categorical but has a number");
      levels.insert(*value);
    }
    if (levels.size() < 2) {
      throw std::invalid_argument("predictor '" + variable.name + "' is constant (only level '" + *levels.begin() +
                                  "')");
    }
    const std::string reference = levels.count(variable.reference) ? variable.reference : *levels.begin();
    frame.references.push_back(reference);
    for (const auto& level : levels) {
      if (level == reference) continue;
      std::vector<double> column(n);
      for (std::size_t r = 0; r < n; ++r) column[r] = std::get<std::string>(rows[r].values[v]) == level ? 1.0 : 0.0;
      columns.push_back(std::move(column));
      frame.columns.push_back(variable.name + "[T." + level + "]");
    }
  }

  const std::size_t p = columns.size();
  if (n <= p) {
    throw std::invalid_argument("too few observations (" + std::to_string(n) + ") for " + std::to_string(p) +
                                " fixed effects");
  }
  frame.x.resize(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(p));
  frame.y.resize(static_cast<Eigen::Index>(n));
  for (std::size_t r = 0; r < n; ++r) {
    for (std::size_t c = 0; c < p; ++c) frame.x(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(c)) = columns[c][r];
    frame.y(static_cast<Eigen::Index>(r)) = rows[r].response;
    frame.group.push_back(group_index[rows[r].group]);
  }
  // Rank with a tolerance relative to the column scale: exact dependence
  // (a level present only where another predictor's level is) is what this
  // catches.
  Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(frame.x);
  qr.setThreshold(1e-10);
  if (static_cast<std::size_t>(qr.rank()) < p) {
    throw std::invalid_argument("the design is singular: the columns of " + std::to_string(p) +
                                " fixed effects are linearly dependent (a predictor is determined by the others)");
  }
  return frame;
}

}  // namespace shoal

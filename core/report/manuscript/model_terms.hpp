#pragma once
#include <string>

#include <nlohmann/json.hpp>

namespace shoal::manuscript {

// A fixed-effect term of a report's model: "aligned", "Intercept", or a
// level of a categorical predictor, "temperature[T.1.5]", with the model's
// reference level of that predictor.
struct ModelTerm {
  std::string predictor;   // "aligned", "temperature", "prompt", "Intercept"
  std::string level;       // "1.5"; empty for aligned and the intercept
  std::string reference;   // "default"; empty when the report names none
};

ModelTerm model_term(const std::string& term, const nlohmann::json& model);

// The term as a table row names it, unescaped: "Intercept", "Aligned (vs.
// not aligned)", "Temperature (1.5 vs. default)".
std::string term_label(const ModelTerm& term);

// "families" for the alignment model, "models" for the manipulation model:
// what its random intercepts group.
std::string groups_word(const nlohmann::json& model);

}  // namespace shoal::manuscript

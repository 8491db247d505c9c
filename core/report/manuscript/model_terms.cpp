#include "report/manuscript/model_terms.hpp"

namespace shoal::manuscript {

ModelTerm model_term(const std::string& term, const nlohmann::json& model) {
  ModelTerm out;
  const auto open = term.find("[T.");
  if (open == std::string::npos || term.back() != ']') {
    out.predictor = term;
    return out;
  }
  out.predictor = term.substr(0, open);
  out.level = term.substr(open + 3, term.size() - open - 4);
  const auto& levels = model.value("reference_levels", nlohmann::json::object());
  if (levels.contains(out.predictor) && levels[out.predictor].is_string()) out.reference = levels[out.predictor];
  return out;
}

std::string term_label(const ModelTerm& term) {
  if (term.predictor == "aligned" && term.level.empty()) return "Aligned (vs. not aligned)";
  std::string name = term.predictor;
  if (!name.empty() && name[0] >= 'a' && name[0] <= 'z') name[0] = static_cast<char>(name[0] - 'a' + 'A');
  if (term.level.empty()) return name;
  return name + " (" + term.level + (term.reference.empty() ? "" : " vs. " + term.reference) + ")";
}

std::string groups_word(const nlohmann::json& model) {
  const std::string name = model.value("name", "");
  if (name == "alignment") return "families";
  if (name == "manipulation") return "models";
  return "groups";
}

}  // namespace shoal::manuscript

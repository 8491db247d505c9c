#include "compare/population_fits.hpp"

#include <set>
#include <stdexcept>

namespace shoal {
namespace {

// Said plainly when there is nothing to compare yet: the first thing a
// researcher with only their human data sees.
const char* const ONLY_HUMANS = "only human populations were analysed: add LLM response files to compare models";

bool only_humans(const ComparisonInput& input, std::size_t metric) {
  for (const auto& p : input.populations) {
    if (!p.label.human && !p.values[metric].empty()) return false;
  }
  return true;
}

std::string join(const std::set<std::string>& names) {
  std::string text;
  for (const auto& n : names) text += (text.empty() ? "" : ", ") + n;
  return text;
}

// Fits both ways, or records why the design cannot be fitted.
void fit_rows(ModelComparison& model, const std::vector<ModelVariable>& variables, const std::vector<ModelRow>& rows) {
  try {
    const ModelFrame frame = build_model_frame(variables, rows);
    model.groups = frame.group_names;
    for (std::size_t v = 0; v < variables.size(); ++v) {
      if (variables[v].categorical) model.reference_levels[variables[v].name] = frame.references[v];
    }
    model.reml = fit_mixed_model(frame, VarianceMethod::Reml);
    model.ml = fit_mixed_model(frame, VarianceMethod::Ml);
    model.fitted = true;
  } catch (const std::invalid_argument& e) {
    model.fitted = false;
    model.reason = e.what();
  }
}

}  // namespace

ModelComparison fit_alignment(const ComparisonInput& input, std::size_t metric) {
  ModelComparison model;
  model.name = "alignment";
  model.metric = input.metrics.at(metric);
  model.formula = model.metric + " ~ aligned + (1 | family)";
  std::vector<ModelRow> rows;
  std::set<std::string> families;
  std::set<bool> levels;
  std::set<std::pair<std::string, bool>> family_levels;
  for (const auto& p : input.populations) {
    if (p.label.human || p.label.family.empty() || !p.label.aligned) continue;
    if (p.values[metric].empty()) continue;
    ++model.populations;
    families.insert(p.label.family);
    levels.insert(*p.label.aligned);
    family_levels.insert({p.label.family, *p.label.aligned});
    for (double v : p.values[metric]) rows.push_back({v, p.label.family, {*p.label.aligned ? 1.0 : 0.0}});
  }
  if (model.populations == 0) {
    model.reason = only_humans(input, metric) ? ONLY_HUMANS
                                              : "no LLM population has a known model family and alignment (set them in "
                                                "the file's card, or with the family and aligned columns)";
  } else if (families.size() < 2) {
    model.reason = "a random intercept per family needs at least two families, found one (" + join(families) + ")";
  } else if (levels.size() < 2) {
    model.reason = std::string("every population is ") + (*levels.begin() ? "aligned" : "not aligned") +
                   ": both kinds are needed";
  } else if (family_levels.size() == families.size()) {
    // Only the spread of the family intercepts would then tell alignment
    // apart from family: not an estimate worth reporting.
    model.reason = "no family has both an aligned and a non-aligned population, so alignment cannot be told apart "
                   "from the family";
  } else {
    fit_rows(model, {{"aligned", false, ""}}, rows);
  }
  return model;
}

ModelComparison fit_manipulation(const ComparisonInput& input, std::size_t metric) {
  ModelComparison model;
  model.name = "manipulation";
  model.metric = input.metrics.at(metric);
  std::vector<const PopulationMetrics*> eligible;
  std::set<std::string> models;
  std::set<std::pair<std::string, std::string>> model_temperatures, model_prompts;
  for (const auto& p : input.populations) {
    if (p.label.human || p.label.model.empty() || p.label.temperature.empty() || p.label.prompt.empty()) continue;
    if (p.values[metric].empty()) continue;
    eligible.push_back(&p);
    models.insert(p.label.model);
    model_temperatures.insert({p.label.model, p.label.temperature});
    model_prompts.insert({p.label.model, p.label.prompt});
  }
  model.populations = eligible.size();
  // A manipulation is estimable apart from the model only if some model was
  // run under two of its levels; one that never varies within a model is
  // left out.
  const bool use_temperature = model_temperatures.size() > models.size();
  const bool use_prompt = model_prompts.size() > models.size();
  std::string terms;
  if (use_temperature) terms += "temperature";
  if (use_prompt) terms += std::string(terms.empty() ? "" : " + ") + "prompt";
  model.formula = model.metric + " ~ " + (terms.empty() ? "temperature + prompt" : terms) + " + (1 | model)";
  if (eligible.empty()) {
    model.reason = only_humans(input, metric) ? ONLY_HUMANS
                                              : "no LLM population has a model, prompt and temperature (set them in "
                                                "the file's card, or with the model, prompt and temperature columns)";
    return model;
  }
  if (models.size() < 2) {
    model.reason = "a random intercept per model needs at least two models, found one (" + join(models) + ")";
    return model;
  }
  if (!use_temperature && !use_prompt) {
    model.reason = "neither the temperature nor the prompt varies within a model";
    return model;
  }
  std::vector<ModelVariable> variables;
  if (use_temperature) variables.push_back({"temperature", true, "default"});
  if (use_prompt) variables.push_back({"prompt", true, "none"});
  std::vector<ModelRow> rows;
  for (const auto* p : eligible) {
    std::vector<std::variant<double, std::string>> values;
    if (use_temperature) values.emplace_back(p->label.temperature);
    if (use_prompt) values.emplace_back(p->label.prompt);
    for (double v : p->values[metric]) rows.push_back({v, p->label.model, values});
  }
  fit_rows(model, variables, rows);
  return model;
}

}  // namespace shoal

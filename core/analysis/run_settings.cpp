#include "analysis/run_settings.hpp"

#include <cstdio>
#include <optional>

#include "analysis/settings.hpp"
#include "io/csv.hpp"
#include "io/input_error.hpp"
#include "io/utf8.hpp"

namespace shoal {
namespace {

// A decimal number of at most 64 characters: digits, an optional fraction
// and an optional exponent.
std::optional<double> plain_real(std::string_view text) {
  if (text.size() > 64) return std::nullopt;
  return plain_decimal(text);
}

// Digits only: no sign, no spaces, no hex or exponent, which strtoull and
// strtod would otherwise take.
std::optional<std::uint64_t> plain_whole(std::string_view text) {
  if (text.empty() || text.size() > 19) return std::nullopt;
  std::uint64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return value;
}

std::uint64_t whole_bound(double bound) { return static_cast<std::uint64_t>(bound); }

// Reads one analysis's settings by the registry: a name not given takes the
// registry's default, read by the same rules as a value given.
class Reader {
 public:
  Reader(const OptionValues& values, Analysis analysis) : values_(values), analysis_(analysis) {
    for (const auto& entry : values) {
      bool known = false;
      for (const Setting* s : settings_of(analysis)) known = known || s->name == entry.first;
      if (!known) throw OptionError("unknown setting '" + entry.first + "'");
    }
  }

  bool given(const char* name) const { return values_.count(name) > 0; }

  // The text given, else the default.
  const std::string& text(const char* name) const {
    const auto it = values_.find(name);
    return it == values_.end() ? setting_of(analysis_, name).fallback : it->second;
  }

  std::uint64_t whole(const char* name) const {
    const Setting& s = setting_of(analysis_, name);
    const std::string& t = text(name);
    const auto v = plain_whole(t);
    if (!v || *v < whole_bound(s.min) || *v > whole_bound(s.max)) {
      throw OptionError(s.name + " (" + s.what + ") must be a whole number from " + std::to_string(whole_bound(s.min)) +
                        " to " + std::to_string(whole_bound(s.max)) + ", got " + quote_text(t));
    }
    return *v;
  }

  double real(const char* name) const {
    const Setting& s = setting_of(analysis_, name);
    const std::string& t = text(name);
    const auto v = plain_real(t);
    if (!v || !(*v >= s.min && *v <= s.max)) {
      char range[96];
      std::snprintf(range, sizeof range, "a number from %g to %g", s.min, s.max);
      throw OptionError(s.name + " (" + s.what + ") must be " + range + ", got " + quote_text(t));
    }
    return *v;
  }

  template <typename Parse>
  auto choice(const char* name, Parse parse) const {
    const Setting& s = setting_of(analysis_, name);
    const std::string& t = text(name);
    const auto parsed = parse(t);
    if (!parsed) throw OptionError(s.name + " must be " + choice_list(s.choices) + ", got " + quote_text(t));
    return *parsed;
  }

  bool flag(const char* name) const {
    const std::string& t = text(name);
    if (t == "true") return true;
    if (t == "false") return false;
    throw OptionError(std::string(name) + " must be true or false, got " + quote_text(t));
  }

  std::vector<std::size_t> list(const char* name) const {
    const Setting& s = setting_of(analysis_, name);
    const std::string_view t = text(name);
    std::vector<std::size_t> sizes;
    std::size_t start = 0;
    while (true) {
      const auto comma = t.find(',', start);
      const auto part = t.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
      const auto v = plain_whole(part);
      if (!v || *v < whole_bound(s.min) || *v > whole_bound(s.max)) {
        throw OptionError(s.name + " must be whole numbers from " + std::to_string(whole_bound(s.min)) + " to " +
                          std::to_string(whole_bound(s.max)) + " separated by commas, got " + quote_text(t));
      }
      sizes.push_back(static_cast<std::size_t>(*v));
      if (comma == std::string_view::npos) break;
      start = comma + 1;
    }
    if (sizes.size() > 100) {
      throw OptionError(s.name + " may list at most 100 sizes, got " + std::to_string(sizes.size()));
    }
    return sizes;
  }

 private:
  const OptionValues& values_;
  Analysis analysis_;
};

nlohmann::json limit_json(const Setting& s) {
  nlohmann::json limit = {{"whole", s.kind == SettingKind::Whole}};
  if (s.kind == SettingKind::Whole) {
    limit["min"] = whole_bound(s.min);
    limit["max"] = whole_bound(s.max);
    limit["default"] = std::stoull(s.fallback);
  } else {
    limit["min"] = s.min;
    limit["max"] = s.max;
    limit["default"] = s.fallback.empty() ? nlohmann::json(nullptr) : nlohmann::json(std::stod(s.fallback));
  }
  return limit;
}

}  // namespace

ColorRunSettings color_run_settings(const OptionValues& values) {
  const Reader r(values, Analysis::Color);
  ColorRunSettings s;
  s.options.pairs = r.choice("pairs", pair_rule_from_string);
  s.options.formula = r.choice("delta-e", delta_e_formula_from_string);
  s.options.reference = r.text("reference");
  s.options.seed = r.whole("seed");
  s.options.jsd = r.choice("jsd", jsd_estimator_from_string);
  s.options.jsd_samples = static_cast<std::size_t>(r.whole("jsd-samples"));
  s.options.all_pairs_up_to = static_cast<std::size_t>(r.whole("all-pairs-up-to"));
  s.options.sampled_pairs = static_cast<std::size_t>(r.whole("sampled-pairs"));
  s.bootstrap = static_cast<std::size_t>(r.whole("bootstrap"));
  return s;
}

ConceptRunSettings concept_run_settings(const OptionValues& values) {
  const Reader r(values, Analysis::Concept);
  ConceptRunSettings s;
  s.options.model.alpha = r.real("alpha");
  s.options.model.prior = r.choice("prior", partition_prior_from_string);
  s.options.kernel = r.choice("kernel", sampler_kernel_from_string);
  s.options.iterations = static_cast<std::size_t>(r.whole("iterations"));
  s.options.burn_in = static_cast<std::size_t>(r.whole("burn-in"));
  // A maximum below the iterations is a fixed run of the iterations: the
  // page sends its default (4000) with any number of iterations, and the
  // command line, given --iterations alone, must read the same.
  s.options.max_iterations = std::max(s.options.iterations, static_cast<std::size_t>(r.whole("max-iterations")));
  s.options.chains = static_cast<std::size_t>(r.whole("chains"));
  s.options.subset_sizes = r.list("subsets");
  s.options.seed = r.whole("seed");
  s.options.min_people = static_cast<std::size_t>(r.whole("min-people"));
  s.options.keep_traces = r.flag("traces");
  s.options.extrapolate_to = static_cast<std::size_t>(r.whole("extrapolate-to"));
  s.options.partition_loss = r.choice("partition-loss", partition_loss_from_string);
  s.options.pairs = r.text("pair");
  s.bootstrap = static_cast<std::size_t>(r.whole("bootstrap"));
  try {
    validate(s.options);
  } catch (const std::invalid_argument& e) {
    throw OptionError(e.what());
  }
  return s;
}

ValuesRunSettings values_run_settings(const OptionValues& values) {
  const Reader r(values, Analysis::Values);
  ValuesRunSettings s;
  s.options.pairs = r.choice("pairs", pair_rule_from_string);
  s.options.scale = r.choice("scale", value_scale_from_string);
  s.options.unit = r.text("unit");
  s.options.seed = r.whole("seed");
  s.bootstrap = static_cast<std::size_t>(r.whole("bootstrap"));
  return s;
}

kit::PromptOptions prompt_settings(const OptionValues& values) {
  const Reader r(values, Analysis::Prompts);
  kit::PromptOptions o;
  o.task = r.choice("task", [](const std::string& t) {
    return t == "color" || t == "colour" ? std::optional(kit::Task::Color)
                                         : t == "concept" ? std::optional(kit::Task::Concept) : std::nullopt;
  });
  o.model = r.text("model");
  if (trim(o.model).empty()) throw OptionError("model (the model every request goes to) is required");
  if (invalid_utf8_at(o.model) != std::string_view::npos) throw OptionError("model must be UTF-8 text");
  o.condition = r.choice("condition", kit::condition_from_string);
  o.persona_as = r.choice("persona-as", kit::persona_placement_from_string);
  o.individuals = static_cast<std::size_t>(r.whole("individuals"));
  // Empty, as absent: the form's blank field and `--temperature ''` both
  // leave the temperature to the model.
  if (!r.text("temperature").empty()) o.temperature = r.real("temperature");
  o.seed = static_cast<std::uint32_t>(r.whole("seed"));
  if (o.task == kit::Task::Color && (r.given("wording") || r.given("concepts"))) {
    throw OptionError("wording and concepts are settings of the concept task");
  }
  o.wording = r.choice("wording", [](const std::string& t) {
    return t == "paper" ? std::optional(kit::Wording::Paper)
                        : t == "corrected" ? std::optional(kit::Wording::Corrected) : std::nullopt;
  });
  if (o.task == kit::Task::Concept) o.concepts = kit::concept_list(r.text("concepts"));
  return o;
}

nlohmann::json option_limits() {
  nlohmann::json out = nlohmann::json::object();
  for (const Setting& s : settings_registry()) {
    const bool numeric = s.kind == SettingKind::Whole || s.kind == SettingKind::Number;
    if (s.on_page && numeric) out[s.name] = limit_json(s);
  }
  return out;
}

nlohmann::json prompt_option_limits() {
  nlohmann::json out = nlohmann::json::object();
  for (const Setting* s : settings_of(Analysis::Prompts)) {
    if (s->kind == SettingKind::Whole || s->kind == SettingKind::Number) out[s->name] = limit_json(*s);
  }
  return out;
}

void check_column_roles(const ColumnOverrides& columns, const std::vector<std::string>& roles) {
  for (const auto& [role, column] : columns) {
    bool known = false;
    for (const auto& r : roles) known = known || r == role;
    if (!known) {
      std::string list;
      for (const auto& r : roles) list += (list.empty() ? "" : ", ") + r;
      throw OptionError("unknown column role " + quote_text(role) + " (roles: " + list + ")");
    }
  }
}

const std::vector<std::string>& color_roles() {
  static const std::vector<std::string> roles = {"individual", "word",  "block",       "r",      "g",
                                                 "b",          "colour", "reply1",     "reply2", "hex1",
                                                 "hex2",       "population", "model",  "prompt", "temperature",
                                                 "family",     "aligned"};
  return roles;
}

const std::vector<std::string>& values_roles() {
  static const std::vector<std::string> roles = {"population", "individual", "item", "block", "value",
                                                 "model", "prompt", "temperature", "family", "aligned"};
  return roles;
}

const std::vector<std::string>& concept_roles() {
  static const std::vector<std::string> roles = {"concept", "individual", "question", "choice",
                                                 "choice1", "choice2",    "reply1",   "reply2",
                                                 "population", "model",   "prompt",   "temperature",
                                                 "family",  "aligned",    "answer",   "options"};
  return roles;
}

}  // namespace shoal

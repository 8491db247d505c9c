#include "analysis/run_settings.hpp"

#include <cmath>
#include <cstdio>
#include <optional>

#include "io/csv.hpp"
#include "io/input_error.hpp"
#include "io/utf8.hpp"

namespace shoal {
namespace {

struct WholeLimit {
  const char* name;
  const char* what;
  std::uint64_t min, max, fallback;
};

struct RealLimit {
  const char* name;
  const char* what;
  double min, max, fallback;
};

constexpr std::uint64_t kLargestSeed = (std::uint64_t{1} << 53) - 1;   // exact in a JavaScript number

constexpr WholeLimit kSeed{"seed", "the random seed", 0, kLargestSeed, 1};
constexpr WholeLimit kJsdSamples{"jsd-samples", "Monte Carlo draws per Gaussian", 100, 100000000, 20000};
constexpr WholeLimit kBootstrap{"bootstrap", "bootstrap resamples", 0, 10000000, 2000};
constexpr WholeLimit kIterations{"iterations", "Gibbs iterations per chain", 1, 10000000, 500};
constexpr WholeLimit kBurnIn{"burn-in", "iterations left out of the summaries", 0, 10000000, 100};
constexpr WholeLimit kMaxIterations{"max-iterations", "the most iterations a chain runs to converge", 1, 10000000,
                                    kDefaultMaxIterations};
constexpr WholeLimit kChains{"chains", "chains per concept and subset", 1, 1000, 1};
constexpr WholeLimit kSubset{"subsets", "a subset size", 1, 1000000, 0};
constexpr WholeLimit kMinPeople{"min-people", "the least people a concept needs to count in the comparisons", 0,
                                1000000, kDefaultMinPeople};
constexpr RealLimit kAlpha{"alpha", "the Beta prior of each question", 1e-6, 1e6, 0.16};
constexpr WholeLimit kIndividuals{"individuals", "simulated individuals, 0 for the default", 0, 1000000, 0};
// The concept targets are numpy's legacy draw, whose seed is 32 bits.
constexpr WholeLimit kPromptSeed{"seed", "the concept targets and generated personas", 0, 4294967295u, 42};
// Absent: the request leaves the temperature to the model.
constexpr RealLimit kTemperature{"temperature", "the sampling temperature", 0, 100, 0};

std::string range_text(const WholeLimit& limit) {
  return "a whole number from " + std::to_string(limit.min) + " to " + std::to_string(limit.max);
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

// A decimal number of at most 64 characters: digits, an optional fraction
// and an optional exponent.
std::optional<double> plain_real(std::string_view text) {
  if (text.size() > 64) return std::nullopt;
  return plain_decimal(text);
}

class Reader {
 public:
  Reader(const OptionValues& values, std::vector<std::string> known) : values_(values) {
    for (const auto& [name, value] : values) {
      bool ok = false;
      for (const auto& k : known) ok = ok || k == name;
      if (!ok) throw OptionError("unknown setting '" + name + "'");
    }
  }

  std::uint64_t whole(const WholeLimit& limit) const {
    const auto it = values_.find(limit.name);
    if (it == values_.end()) return limit.fallback;
    return whole_in(limit, it->second, it->second);
  }

  static std::uint64_t whole_in(const WholeLimit& limit, std::string_view text, std::string_view whole_text) {
    const auto v = plain_whole(text);
    if (!v || *v < limit.min || *v > limit.max) {
      throw OptionError(std::string(limit.name) + " (" + limit.what + ") must be " + range_text(limit) + ", got " +
                        quote_text(whole_text));
    }
    return *v;
  }

  double real(const RealLimit& limit) const {
    const auto it = values_.find(limit.name);
    if (it == values_.end()) return limit.fallback;
    const auto v = plain_real(it->second);
    if (!v || !(*v >= limit.min && *v <= limit.max)) {
      char range[96];
      std::snprintf(range, sizeof range, "a number from %g to %g", limit.min, limit.max);
      throw OptionError(std::string(limit.name) + " (" + limit.what + ") must be " + range + ", got " +
                        quote_text(it->second));
    }
    return *v;
  }

  template <typename T, typename Parse>
  T choice(const char* name, T fallback, Parse parse, const char* offered) const {
    const auto it = values_.find(name);
    if (it == values_.end()) return fallback;
    const auto parsed = parse(it->second);
    if (!parsed) throw OptionError(std::string(name) + " must be " + offered + ", got " + quote_text(it->second));
    return *parsed;
  }

  std::string text(const char* name) const {
    const auto it = values_.find(name);
    return it == values_.end() ? std::string() : it->second;
  }

 private:
  const OptionValues& values_;
};

std::vector<std::size_t> parse_subsets(std::string_view text) {
  std::vector<std::size_t> sizes;
  std::size_t start = 0;
  while (true) {
    const auto comma = text.find(',', start);
    const std::string_view part = text.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
    const auto v = plain_whole(part);
    if (!v || *v < kSubset.min || *v > kSubset.max) {
      throw OptionError(std::string("subsets must be whole numbers from 1 to ") + std::to_string(kSubset.max) +
                        " separated by commas, got " + quote_text(text));
    }
    sizes.push_back(static_cast<std::size_t>(*v));
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  if (sizes.size() > 100) throw OptionError("subsets may list at most 100 sizes, got " + std::to_string(sizes.size()));
  return sizes;
}

nlohmann::json whole_json(const WholeLimit& l) {
  return {{"min", l.min}, {"max", l.max}, {"default", l.fallback}, {"whole", true}};
}

}  // namespace

ColorRunSettings color_run_settings(const OptionValues& values) {
  const Reader r(values, {"pairs", "delta-e", "reference", "seed", "jsd", "jsd-samples", "bootstrap"});
  ColorRunSettings s;
  s.options.pairs = r.choice("pairs", PairRule::All, [](const std::string& t) { return pair_rule_from_string(t); }, "all or paper");
  s.options.formula = r.choice(
      "delta-e", DeltaEFormula::Cie76, [](const std::string& t) { return delta_e_formula_from_string(t); },
      "cie76 or ciede2000");
  s.options.reference = r.text("reference");
  s.options.seed = r.whole(kSeed);
  s.options.jsd = r.choice("jsd", JsdEstimator::Bits, [](const std::string& t) { return jsd_estimator_from_string(t); },
                           "bits or paper");
  s.options.jsd_samples = static_cast<std::size_t>(r.whole(kJsdSamples));
  s.bootstrap = static_cast<std::size_t>(r.whole(kBootstrap));
  return s;
}

ConceptRunSettings concept_run_settings(const OptionValues& values) {
  const Reader r(values, {"alpha", "prior", "kernel", "iterations", "burn-in", "chains", "subsets", "seed", "bootstrap",
                          "min-people", "max-iterations"});
  ConceptRunSettings s;
  s.options.model.alpha = r.real(kAlpha);
  s.options.model.prior =
      r.choice(
      "prior", PartitionPrior::Simplicity, [](const std::string& t) { return partition_prior_from_string(t); },
      "simplicity or uniform");
  s.options.kernel = r.choice(
      "kernel", SamplerKernel::SplitMerge, [](const std::string& t) { return sampler_kernel_from_string(t); },
      "split-merge or gibbs");
  s.options.iterations = static_cast<std::size_t>(r.whole(kIterations));
  s.options.burn_in = static_cast<std::size_t>(r.whole(kBurnIn));
  // Unset, it never asks for fewer iterations than --iterations.
  s.options.max_iterations = values.count("max-iterations")
                                 ? static_cast<std::size_t>(r.whole(kMaxIterations))
                                 : std::max(s.options.iterations, static_cast<std::size_t>(kDefaultMaxIterations));
  s.options.chains = static_cast<std::size_t>(r.whole(kChains));
  if (values.count("subsets")) s.options.subset_sizes = parse_subsets(values.at("subsets"));
  s.options.seed = r.whole(kSeed);
  s.options.min_people = static_cast<std::size_t>(r.whole(kMinPeople));
  s.bootstrap = static_cast<std::size_t>(r.whole(kBootstrap));
  try {
    validate(s.options);
  } catch (const std::invalid_argument& e) {
    throw OptionError(e.what());
  }
  return s;
}

ValuesRunSettings values_run_settings(const OptionValues& values) {
  const Reader r(values, {"pairs", "scale", "unit", "seed", "bootstrap"});
  ValuesRunSettings s;
  s.options.pairs = r.choice("pairs", PairRule::All, [](const std::string& t) { return pair_rule_from_string(t); }, "all or paper");
  s.options.scale = r.choice(
      "scale", ValueScale::PooledSd, [](const std::string& t) { return value_scale_from_string(t); }, "pooled-sd or raw");
  s.options.unit = r.text("unit");
  s.options.seed = r.whole(kSeed);
  s.bootstrap = static_cast<std::size_t>(r.whole(kBootstrap));
  return s;
}

kit::PromptOptions prompt_settings(const OptionValues& values) {
  const Reader r(values, {"task", "model", "condition", "persona-as", "individuals", "temperature", "seed", "wording",
                          "concepts"});
  kit::PromptOptions o;
  o.task = r.choice("task", kit::Task::Color, [](const std::string& t) {
    return t == "color" || t == "colour" ? std::optional(kit::Task::Color)
                                         : t == "concept" ? std::optional(kit::Task::Concept) : std::nullopt;
  }, "color or concept");
  o.model = r.text("model");
  if (trim(o.model).empty()) throw OptionError("model (the model every request goes to) is required");
  if (invalid_utf8_at(o.model) != std::string_view::npos) throw OptionError("model must be UTF-8 text");
  o.condition = r.choice("condition", kit::Condition::None, [](const std::string& t) { return kit::condition_from_string(t); },
                         "none, identity, random or nonsense");
  o.persona_as = r.choice(
      "persona-as", kit::PersonaPlacement::User, [](const std::string& t) { return kit::persona_placement_from_string(t); },
      "user or system");
  o.individuals = static_cast<std::size_t>(r.whole(kIndividuals));
  // Empty, as absent: the form's blank field and `--temperature ''` both
  // leave the temperature to the model.
  if (values.count("temperature") && !values.at("temperature").empty()) o.temperature = r.real(kTemperature);
  o.seed = static_cast<std::uint32_t>(r.whole(kPromptSeed));
  if (o.task == kit::Task::Color && (values.count("wording") || values.count("concepts"))) {
    throw OptionError("wording and concepts are settings of the concept task");
  }
  o.wording = r.choice("wording", kit::Wording::Paper, [](const std::string& t) {
    return t == "paper" ? std::optional(kit::Wording::Paper)
                        : t == "corrected" ? std::optional(kit::Wording::Corrected) : std::nullopt;
  }, "paper or corrected");
  if (values.count("concepts")) o.concepts = kit::concept_list(values.at("concepts"));
  return o;
}

nlohmann::json option_limits() {
  nlohmann::json out;
  for (const WholeLimit* l : {&kSeed, &kJsdSamples, &kBootstrap, &kIterations, &kBurnIn, &kMaxIterations, &kChains, &kSubset, &kMinPeople}) {
    out[l->name] = whole_json(*l);
  }
  out["alpha"] = {{"min", kAlpha.min}, {"max", kAlpha.max}, {"default", kAlpha.fallback}, {"whole", false}};
  return out;
}

nlohmann::json prompt_option_limits() {
  return {{kIndividuals.name, whole_json(kIndividuals)},
          {kPromptSeed.name, whole_json(kPromptSeed)},
          {kTemperature.name, {{"min", kTemperature.min}, {"max", kTemperature.max}, {"default", nullptr}, {"whole", false}}}};
}

std::string number_text(double value) {
  if (std::isfinite(value) && value == std::floor(value) && std::fabs(value) < 1e19) {
    char text[32];
    std::snprintf(text, sizeof text, "%.0f", value);
    return text;
  }
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "Infinity" : "-Infinity";
  // The shortest text that reads back to the same number, as JavaScript prints it.
  char text[40];
  for (int digits = 1; digits <= 17; ++digits) {
    std::snprintf(text, sizeof text, "%.*g", digits, value);
    if (std::strtod(text, nullptr) == value) break;
  }
  return text;
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

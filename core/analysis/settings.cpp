#include "analysis/settings.hpp"

#include <stdexcept>

#include "concept/diversity.hpp"

namespace shoal {
namespace {

constexpr unsigned kColor = static_cast<unsigned>(Analysis::Color);
constexpr unsigned kConcept = static_cast<unsigned>(Analysis::Concept);
constexpr unsigned kValues = static_cast<unsigned>(Analysis::Values);
constexpr unsigned kPrompts = static_cast<unsigned>(Analysis::Prompts);

// Exact in a JavaScript number, so the page can hold every seed.
constexpr double kLargestSeed = 9007199254740991.0;   // 2^53 - 1

Setting whole(std::string name, unsigned analyses, std::string fallback, double min, double max, std::string what,
              std::string help, std::string value_name = "N") {
  Setting s;
  s.name = std::move(name);
  s.analyses = analyses;
  s.kind = SettingKind::Whole;
  s.fallback = std::move(fallback);
  s.min = min;
  s.max = max;
  s.what = std::move(what);
  s.value_name = std::move(value_name);
  s.help = std::move(help);
  return s;
}

Setting number(std::string name, unsigned analyses, std::string fallback, double min, double max, std::string what,
               std::string value_name, std::string help) {
  Setting s = whole(std::move(name), analyses, std::move(fallback), min, max, std::move(what), std::move(help),
                    std::move(value_name));
  s.kind = SettingKind::Number;
  return s;
}

Setting choice(std::string name, unsigned analyses, std::vector<std::string> choices, std::string value_name,
               std::string help) {
  Setting s;
  s.name = std::move(name);
  s.analyses = analyses;
  s.kind = SettingKind::Choice;
  s.fallback = choices.front();   // the first choice offered is the default
  s.choices = std::move(choices);
  s.value_name = std::move(value_name);
  s.help = std::move(help);
  return s;
}

Setting text(std::string name, unsigned analyses, std::string fallback, std::string what, std::string value_name,
             std::string help) {
  Setting s;
  s.name = std::move(name);
  s.analyses = analyses;
  s.kind = SettingKind::Text;
  s.fallback = std::move(fallback);
  s.what = std::move(what);
  s.value_name = std::move(value_name);
  s.help = std::move(help);
  return s;
}

Setting on_page(Setting s) {
  s.on_page = true;
  return s;
}

std::vector<Setting> make_registry() {
  std::vector<Setting> r;
  // Word-colour associations (and, for pairs, numeric answers).
  r.push_back(on_page(choice("pairs", kColor | kValues, {"all", "paper"}, "RULE",
                             "all: the population distance over all ordered pairs of different individuals; paper: "
                             "only i < j in ascending id order, as in the paper's code")));
  r.push_back(on_page(whole("all-pairs-up-to", kColor, "20000", 2, 10000000,
                            "the most individuals of a word for every pair",
                            "a word answered completely by at most N individuals gets its population ΔE from every "
                            "pair of them (N² distances); one with more, from --sampled-pairs pairs drawn at random "
                            "(seeded), with their Monte Carlo error in the report")));
  r.push_back(on_page(whole("sampled-pairs", kColor, "1000000", 1000, 1000000000,
                            "pairs drawn for a word beyond --all-pairs-up-to individuals",
                            "pairs drawn (with replacement) for the population ΔE of a word with more individuals "
                            "than --all-pairs-up-to; the Monte Carlo error shrinks as 1/√N")));
  r.push_back(on_page(choice("delta-e", kColor, {"cie76", "ciede2000"}, "FORMULA",
                             "colour difference: cie76 (ΔE 1976, the paper's) or ciede2000")));
  r.push_back(text("reference", kColor, "", "the population the divergences are taken against", "NAME",
                   "population to compare Gaussians against; empty: the human population, when there is exactly one"));
  r.push_back(on_page(choice("jsd", kColor, {"bits", "paper"}, "ESTIMATOR",
                             "bits: the Jensen-Shannon divergence from the reference, base 2, in [0, 1]; paper: the "
                             "number the paper's code plotted (a JS distance, natural log, of unnormalised density "
                             "weights over pooled draws), in [0, 0.833]; both seeded")));
  r.push_back(on_page(whole("jsd-samples", kColor, "20000", 100, 100000000, "Monte Carlo draws per Gaussian",
                            "Monte Carlo draws per Gaussian; the paper drew 10000")));
  // Similarity judgements.
  r.push_back(on_page(number("alpha", kConcept, "0.16", 1e-6, 1e6, "the Beta prior of each question", "A",
                             "Dirichlet(A, ..., A) prior of each question at a table, Beta(A, A) for two options; the "
                             "default is the paper's")));
  r.push_back(on_page(choice("prior", kConcept, {"simplicity", "uniform"}, "P",
                             "simplicity (CRP with concentration 1, the paper's) or uniform (every seating equally "
                             "likely)")));
  r.push_back(on_page(choice("kernel", kConcept, {"split-merge", "gibbs"}, "K",
                             "split-merge (each Gibbs sweep followed by split-merge proposals that move whole tables) "
                             "or gibbs (the paper's sampler alone, to replicate it: the same seed gives the same "
                             "numbers as before the split-merge kernel existed)")));
  r.push_back(on_page(whole("iterations", kConcept, "500", 1, 10000000, "Gibbs iterations per chain",
                            "iterations (sweeps) per chain")));
  r.push_back(on_page(whole("burn-in", kConcept, "100", 0, 10000000, "iterations left out of the summaries",
                            "first iterations left out of the posterior summaries; must be below --iterations; a "
                            "chain continued past --iterations leaves out the same share")));
  r.push_back(on_page(whole("max-iterations", kConcept, std::to_string(kDefaultMaxIterations), 1, 10000000,
                            "the most iterations a chain runs to converge",
                            "with 2 chains or more, the most iterations a cell's chains run to converge: a cell that "
                            "fails R-hat < 1.01 or an effective sample size of 400 is continued, in blocks as long "
                            "as its draws predict it needs, up to this; at or below --iterations: a fixed run of "
                            "--iterations")));
  Setting chains = on_page(whole("chains", kConcept, "1", 1, 1000, "chains per concept and subset",
                                 "independent chains per concept and subset; 1 as in the paper; R-hat is reported "
                                 "from 2: use 4 to check that the answer does not depend on the seed"));
  chains.page_default = "4";
  chains.why = "four chains give R-hat and effective sample sizes, a check that the answer does not depend on the "
               "seed, and run in parallel workers; one chain of Gibbs alone reproduces the paper";
  r.push_back(chains);
  Setting subsets = on_page(whole("subsets", kConcept, "25,50,75,100", 1, 1000000, "a subset size",
                                  "subset sizes, comma-separated: each concept is clustered on its first N complete "
                                  "individuals for every N the data allow, and on all of them when there are fewer "
                                  "than the next N",
                                  "LIST"));
  subsets.kind = SettingKind::List;
  r.push_back(subsets);
  r.push_back(on_page(whole("min-people", kConcept, "10", 0, 1000000,
                            "the least people a concept needs to count in the comparisons",
                            "the least people a concept needs at its largest subset to count in the comparisons: one "
                            "with fewer is clustered and reported, marked below_min_people, but left out of the "
                            "population means, the bootstrap, the human baseline and the mixed models (P(multiple "
                            "concepts) of one person is 0 by construction); 0 or 1 keeps every concept, as the paper "
                            "did")));
  r.push_back(whole("extrapolate-to", kConcept, "10", 1, 1000,
                    "how far the diversity curves run, in multiples of a concept's people",
                    "the diversity curves (expected concepts, q = 2 and coverage by number of people) run from 1 "
                    "person to N times a concept's people at its largest subset: rarefied below it, extrapolated "
                    "above"));
  r.push_back(choice("partition-loss", kConcept, {"vi", "binder"}, "L",
                     "the loss the point partition of which concepts a population holds minimises against the "
                     "draws: vi (variation of information) or binder (pairs put together or apart wrongly)"));
  Setting pair = on_page(text("pair", kConcept, "families", "the pairs of populations clustered together", "A,B",
                      "two populations whose individuals are also clustered together, per concept both hold, on the "
                      "smallest subset size of each: the report gives P(an individual of A and one of B share a "
                      "table) beside each one's own P(same table); repeat for more pairs; families: every family's "
                      "non-aligned and aligned models with no prompt at the default temperature (name other "
                      "conditions' pairs); human: the human "
                      "population; none: no pair"));
  pair.repeatable = true;
  r.push_back(pair);
  Setting traces;
  traces.name = "traces";
  traces.analyses = kConcept;
  traces.kind = SettingKind::Flag;
  traces.fallback = "false";
  traces.help = "include every recorded iteration in the report; the page draws the chains' traces from their results "
                "instead";
  r.push_back(traces);
  // Numeric answers.
  r.push_back(choice("scale", kValues, {"pooled-sd", "raw"}, "SCALE",
                     "pooled-sd: divide each item's component by its SD over every answer of every population, so "
                     "items on different scales weigh alike; raw: the numbers as given"));
  r.push_back(text("unit", kValues, "", "the unit of the raw numbers", "TEXT", "the unit of the raw numbers, for axis "
                   "titles"));
  // Every analysis.
  r.push_back(on_page(whole("seed", kColor | kConcept | kValues, "1", 0, kLargestSeed, "the random seed",
                            "random seed of every draw (the Monte Carlo divergence, the sampler, the bootstrap); the "
                            "same seed gives the same report")));
  r.push_back(on_page(whole("bootstrap", kColor | kConcept | kValues, "2000", 0, 10000000, "bootstrap resamples",
                            "resamples of the {units} of each population for the 95% intervals of the comparisons; "
                            "0: none")));
  // The kit's requests (shoal prompts and the page's request form).
  r.push_back(choice("task", kPrompts, {"color", "concept"}, "TASK",
                     "color: every individual is asked for the colour of every word twice; concept: every individual "
                     "gets one target concept and judges all pairs of the other concepts, each pair in both orders"));
  r.push_back(text("model", kPrompts, "", "the model every request goes to", "NAME",
                   "the model named in every request (required)"));
  r.push_back(choice("condition", kPrompts, {"none", "identity", "random", "nonsense"}, "C",
                     "none (the question alone), identity (a demographic persona), random (an encyclopedia "
                     "paragraph) or nonsense (its words shuffled)"));
  r.push_back(choice("persona-as", kPrompts, {"user", "system"}, "P",
                     "user (the paper's: one user message, the persona, a space, the question) or system (the "
                     "persona as a system message, the question as the user message)"));
  r.push_back(whole("individuals", kPrompts, "0", 0, 1000000, "simulated individuals, 0 for the default",
                    "number of individuals; 0: the persona file's rows, else the paper's 150 for color, 900 for "
                    "concept"));
  r.push_back(number("temperature", kPrompts, "", 0, 100, "the sampling temperature", "T",
                     "sampling temperature; empty: none in the request, so the model's own, the paper's \"default\""));
  // The concept targets are numpy's legacy draw, whose seed is 32 bits.
  r.push_back(whole("seed", kPrompts, "42", 0, 4294967295.0, "the concept targets and generated personas",
                    "seed of the concept targets (the default gives the paper's) and the generated personas", "S"));
  r.push_back(text("concepts", kPrompts, "animals", "the concepts", "C",
                   "concept task: animals, politicians, or a comma-separated list of at least three concepts"));
  r.push_back(choice("wording", kPrompts, {"paper", "corrected"}, "W",
                     "concept task: paper (the paper's sentence, \"more similar to a a finch\") or corrected (no "
                     "extra article)"));
  return r;
}

}  // namespace

const char* to_string(Analysis analysis) {
  switch (analysis) {
    case Analysis::Color: return "color";
    case Analysis::Concept: return "concept";
    case Analysis::Values: return "values";
    case Analysis::Prompts: return "prompts";
  }
  return "";
}

const char* to_string(SettingKind kind) {
  switch (kind) {
    case SettingKind::Whole: return "whole";
    case SettingKind::Number: return "number";
    case SettingKind::Choice: return "choice";
    case SettingKind::List: return "list";
    case SettingKind::Flag: return "flag";
    case SettingKind::Text: return "text";
  }
  return "";
}

const std::vector<Setting>& settings_registry() {
  static const std::vector<Setting> registry = make_registry();
  return registry;
}

std::vector<const Setting*> settings_of(Analysis analysis) {
  std::vector<const Setting*> out;
  for (const auto& s : settings_registry()) {
    if (s.applies_to(analysis)) out.push_back(&s);
  }
  return out;
}

const Setting& setting_of(Analysis analysis, std::string_view name) {
  for (const auto& s : settings_registry()) {
    if (s.applies_to(analysis) && s.name == name) return s;
  }
  throw std::out_of_range("no setting '" + std::string(name) + "' of " + to_string(analysis));
}

std::string choice_list(const std::vector<std::string>& choices) {
  std::string out;
  for (std::size_t i = 0; i < choices.size(); ++i) {
    if (i > 0) out += i + 1 == choices.size() ? " or " : ", ";
    out += choices[i];
  }
  return out;
}

nlohmann::json settings_json() {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& s : settings_registry()) {
    nlohmann::json analyses = nlohmann::json::array();
    for (Analysis a : {Analysis::Color, Analysis::Concept, Analysis::Values, Analysis::Prompts}) {
      if (s.applies_to(a)) analyses.push_back(to_string(a));
    }
    nlohmann::json entry = {{"name", s.name},         {"analyses", analyses},  {"kind", to_string(s.kind)},
                            {"default", s.fallback},   {"help", s.help},        {"on_page", s.on_page},
                            {"page_default", s.page_start()}, {"why", s.why},
                            {"repeatable", s.repeatable}};
    if (s.kind == SettingKind::Whole || s.kind == SettingKind::Number || s.kind == SettingKind::List) {
      entry["min"] = s.min;
      entry["max"] = s.max;
    }
    if (s.kind == SettingKind::Choice) entry["choices"] = s.choices;
    out.push_back(entry);
  }
  return out;
}

}  // namespace shoal

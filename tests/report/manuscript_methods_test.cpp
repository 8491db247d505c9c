#include <doctest/doctest.h>

#include <map>
#include <string>

#include "analysis/run_settings.hpp"
#include "analysis/settings.hpp"
#include "report/color_report.hpp"
#include "report/comparison_report.hpp"
#include "report/concept_report.hpp"
#include "report/values_report.hpp"
#include "stats/rng.hpp"

using namespace shoal;

namespace {

// Settings that cannot change the methods paragraph, and why.
const std::map<std::string, std::string> kNotInMethods = {
    {"traces", "it only decides whether the report lists every recorded iteration: the numbers are the same"},
};

// Settings that only act beside another: the other is set in both runs.
const std::map<std::string, OptionValues> kNeeds = {
    {"max-iterations", {{"chains", "2"}}},   // one chain is never continued
    {"unit", {{"scale", "raw"}}},            // pooled-SD distances have their own unit
    {"sampled-pairs", {{"all-pairs-up-to", "2"}}},   // pairs are drawn only for words beyond it
};

std::string random_hex(Rng& rng) {
  char text[8];
  std::snprintf(text, sizeof text, "#%06x", static_cast<unsigned>(rng.below(1u << 24)));
  return text;
}

ColorDataset colour_data() {
  Rng rng(3);
  std::string humans = "population,individual,word,block,colour\n";
  std::string models = "model_name,temperature,word,subject_num,prompt,hex1,hex2\n";
  for (int i = 0; i < 5; ++i) {
    for (int w = 0; w < 4; ++w) {
      for (int b = 1; b <= 2; ++b) {
        humans += "human," + std::to_string(i) + ",w" + std::to_string(w) + ',' + std::to_string(b) + ',' + random_hex(rng) + '\n';
      }
      for (const char* model : {"llama2", "llama2-chat", "mistral-instruct", "zephyr-mistral"}) {
        models += std::string(model) + ",default,w" + std::to_string(w) + ',' + std::to_string(i) + ",none," +
                  random_hex(rng) + ',' + random_hex(rng) + '\n';
      }
    }
  }
  return load_color_inputs({TextInput{"humans.csv", humans}, TextInput{"models.csv", models}}, {ColorInputOptions{}});
}

// Twelve individuals per target concept answering three questions at random,
// in a non-aligned model and its aligned counterpart (a pair by default).
ConceptDataset concept_data() {
  Rng rng(5);
  std::vector<TextInput> inputs;
  for (const char* model : {"llama2", "llama2-chat"}) {
    std::string csv = "Concept,ID,Question,ChoiceNumber\n";
    const char* questions[4][3] = {{"b c", "b d", "c d"}, {"a c", "a d", "c d"}, {"a b", "a d", "b d"}, {"a b", "a c", "b c"}};
    int id = 0;
    for (int t = 0; t < 4; ++t) {
      for (int i = 0; i < 12; ++i, ++id) {
        for (const char* q : questions[t]) {
          csv += std::string(1, static_cast<char>('a' + t)) + "," + std::to_string(id) + "," + q + "," +
                 std::to_string(rng.below(2)) + "\n";
        }
      }
    }
    inputs.push_back(TextInput{std::string(model) + "-prompt=none-temp=default.csv", csv});
  }
  return load_concept_inputs(std::move(inputs), {ConceptInputOptions{}});
}

ValuesDataset values_data() {
  Rng rng(7);
  std::string csv = "population,individual,item,block,value\n";
  for (int i = 0; i < 6; ++i) {
    for (int q = 0; q < 3; ++q) {
      for (int b = 1; b <= 2; ++b) {
        csv += "p," + std::to_string(i) + ",q" + std::to_string(q) + "," + std::to_string(b) + "," +
               std::to_string(rng.below(10)) + "\n";
      }
    }
  }
  return load_values_inputs({TextInput{"answers.csv", csv}}, {ValuesInputOptions{}});
}

// The methods paragraph (plain text) of an analysis run as the command line
// runs it with these settings.
std::string methods_of(Analysis analysis, const OptionValues& values) {
  if (analysis == Analysis::Color) {
    static const ColorDataset data = colour_data();
    const auto s = color_run_settings(values);
    const ColorAnalysis a = analyse_color(data, s.options);
    return color_manuscript(data, {}, a, compare_color(a, {s.bootstrap, s.options.seed}))["methods"]["text"];
  }
  if (analysis == Analysis::Concept) {
    static const ConceptDataset data = concept_data();
    const auto s = concept_run_settings(values);
    const ConceptAnalysis a = analyse_concepts(data, s.options);
    return concept_manuscript(data, {}, a, compare_concepts(a, {s.bootstrap, s.options.seed}))["methods"]["text"];
  }
  static const ValuesDataset data = values_data();
  const auto s = values_run_settings(values);
  const ValuesAnalysis a = analyse_values(data, s.options);
  return values_report(data, {}, a, comparison_json(compare_values(a, {s.bootstrap, s.options.seed})))["manuscript"]
                      ["methods"]["text"];
}

// A valid value other than the default.
std::string other_value(const Setting& s, Analysis analysis) {
  // The data's words have a few individuals: a threshold below them.
  if (s.name == "all-pairs-up-to") return "2";
  switch (s.kind) {
    case SettingKind::Choice:
      for (const auto& c : s.choices) {
        if (c != s.fallback) return c;
      }
      break;
    case SettingKind::Whole: {
      const double n = std::stod(s.fallback);
      return std::to_string(static_cast<long long>(n + 1 <= s.max ? n + 1 : n - 1));
    }
    case SettingKind::Number: return std::to_string(std::stod(s.fallback) * 2);
    case SettingKind::List: return "5,10";
    case SettingKind::Flag: return "true";
    case SettingKind::Text:
      // The colour reference must name a population: an LLM one.
      if (s.name == "reference" && analysis == Analysis::Color) {
        const ColorAnalysis a = analyse_color(colour_data(), color_run_settings({}).options);
        return a.populations.back().label.name;
      }
      // The pairs clustered together: by default the two models' families pair them.
      if (s.name == "pair") return "none";
      return "cm";
  }
  FAIL("no other value for " << s.name);
  return "";
}

}  // namespace

TEST_CASE("methods paragraph: every setting of every analysis that changes the numbers changes the paragraph") {
  for (Analysis analysis : {Analysis::Color, Analysis::Concept, Analysis::Values}) {
    std::size_t toggled = 0;
    for (const Setting* s : settings_of(analysis)) {
      INFO(to_string(analysis) << " --" << s->name);
      OptionValues base;
      if (kNeeds.count(s->name)) base = kNeeds.at(s->name);
      OptionValues changed = base;
      changed[s->name] = other_value(*s, analysis);
      INFO("from " << s->fallback << " to " << changed[s->name]);
      const std::string before = methods_of(analysis, base);
      const std::string after = methods_of(analysis, changed);
      if (kNotInMethods.count(s->name)) {
        // Listed as unable to change it: it must indeed not.
        CHECK(before == after);
        continue;
      }
      CHECK(before != after);
      ++toggled;
    }
    CHECK(toggled >= 5);
  }
}

TEST_CASE("methods paragraph: names the settings used, and cites what it uses") {
  OptionValues values = {{"chains", "4"}, {"iterations", "60"}, {"burn-in", "20"}, {"max-iterations", "240"},
                         {"seed", "9"}, {"bootstrap", "300"}};
  const ConceptDataset data = concept_data();
  const auto s = concept_run_settings(values);
  const ConceptAnalysis a = analyse_concepts(data, s.options);
  const nlohmann::json m = concept_manuscript(data, {}, a, compare_concepts(a, {s.bootstrap, s.options.seed}));
  const std::string text = m["methods"]["text"];
  for (const char* expected :
       {"4 chains of 60 iterations", "the first 20 left out as burn-in", "up to 240 iterations", "1.01", "400",
        "\u03b1 = 0.16", "300 resamples", "random seed 9", "Jain & Neal, 2004", "Vehtari et al., 2021",
        "(Aldous, 1985; Pitman, 2006)", "Murthy et al. (2025)",
        "each non-aligned model and the aligned model of its family, with no prompt at their default temperature",
        "on the first 12 complete individuals of each",
        "P(multiple concepts) = 1 \u2212 P(same table): the probability that two individuals drawn at random from the "
        "population hold different concepts (sit at different tables)"}) {
    CHECK_MESSAGE(text.find(expected) != std::string::npos, expected << " in: " << text);
  }
  const std::string bib = m["references"];
  for (const char* key : {"murthy2025onefish", "marti2023latent", "aldous1985exchangeability",
                          "pitman2006combinatorial", "jain2004splitmerge", "vehtari2021rank"}) {
    CHECK_MESSAGE(bib.find(key) != std::string::npos, key);
  }
  // Not used, not cited: CIEDE2000 in a concept analysis, split-merge with Gibbs alone.
  CHECK(bib.find("sharma2005ciede2000") == std::string::npos);
  values["kernel"] = "gibbs";
  values["chains"] = "1";
  const auto g = concept_run_settings(values);
  const ConceptAnalysis ga = analyse_concepts(data, g.options);
  const nlohmann::json gm = concept_manuscript(data, {}, ga, compare_concepts(ga, {g.bootstrap, g.options.seed}));
  CHECK(gm["references"].get<std::string>().find("jain2004splitmerge") == std::string::npos);
  CHECK(gm["references"].get<std::string>().find("vehtari2021rank") == std::string::npos);
  CHECK(gm["methods"]["latex"].get<std::string>().find("\\citet{murthy2025onefish}") != std::string::npos);
}

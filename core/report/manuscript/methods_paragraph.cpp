#include "report/manuscript/methods_paragraph.hpp"

#include <algorithm>
#include <utility>
#include <vector>

#include "report/manuscript/metric_words.hpp"
#include "report/manuscript/references.hpp"

namespace shoal::manuscript {
namespace {

// The headline measure's definition, as the project words it everywhere.
constexpr const char* kDefinition =
    "P(multiple concepts) = 1 \u2212 P(same table): the probability that two individuals drawn at random from the "
    "population hold different concepts (sit at different tables)";

class Paragraph {
 public:
  Paragraph(const nlohmann::json& report, Format format) : report_(report), format_(format), cite_(format) {}

  // Text escaped for the format; citations and numbers go in as they are.
  Paragraph& operator<<(const std::string& text) {
    out_ += escaped(text, format_);
    return *this;
  }
  Paragraph& raw(const std::string& text) {
    out_ += text;
    return *this;
  }
  Citations& cite() { return cite_; }
  Format format() const { return format_; }
  const nlohmann::json& parameter(const char* name) const {
    static const nlohmann::json none;
    const auto& p = report_["parameters"];
    return p.contains(name) ? p[name] : none;
  }
  std::string text(const char* name) const {
    const auto& v = parameter(name);
    return v.is_string() ? v.get<std::string>() : v.dump();
  }
  // A top-level field of the report, null when absent.
  const nlohmann::json& field(const char* name) const {
    static const nlohmann::json none;
    return report_.contains(name) ? report_[name] : none;
  }
  MethodsText done() { return {out_, cite_.cited()}; }

 private:
  const nlohmann::json& report_;
  Format format_;
  Citations cite_;
  std::string out_;
};

// "25, 50, 75 and 100".
std::string spoken_list(const nlohmann::json& values) {
  std::string out;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += i + 1 == values.size() ? " and " : ", ";
    out += values[i].dump();
  }
  return out;
}

std::string count(std::size_t n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

void concept_methods(Paragraph& m) {
  m << "We measured conceptual diversity with the method of ";
  m.raw(m.cite().textual(cite::kSeedPaper));
  m << ", after ";
  m.raw(m.cite().textual(cite::kHumanConcepts));
  m << ". For each population, concept and subset of the first " + spoken_list(m.parameter("subset_sizes")) +
           " complete individuals, individuals were seated at tables (concepts) ";
  if (m.text("prior") == "uniform") {
    m << "under a uniform prior over seatings (every partition equally likely)";
  } else {
    m << "by a Chinese restaurant process with concentration 1 ";
    m.raw(m.cite().parenthetical(cite::kCrpAldous, cite::kCrpPitman));
  }
  m << "; the answers to each question at a table had a symmetric Dirichlet prior with \u03b1 = " + m.text("alpha") +
           " (Beta(\u03b1, \u03b1) for two options). ";
  if (m.text("kernel") == "gibbs") {
    m << "The posterior was sampled by Gibbs sweeps alone, moving one individual at a time, as in the paper. ";
  } else {
    m << "The posterior was sampled by Gibbs sweeps, each followed by split\u2013merge proposals that move whole "
         "tables ";
    m.raw(m.cite().parenthetical(cite::kSplitMerge));
    m << ". ";
  }
  const std::size_t chains = m.parameter("chains").get<std::size_t>();
  const std::size_t iterations = m.parameter("iterations").get<std::size_t>();
  const std::size_t most = m.parameter("max_iterations").is_number() ? m.parameter("max_iterations").get<std::size_t>()
                                                                      : iterations;
  m << "Each such cell ran " + (chains == 1 ? std::string("one chain") : count(chains, "chain", "chains")) + " of " +
           std::to_string(iterations) + " iterations, the first " + m.text("burn_in") + " left out as burn-in";
  if (chains >= 2 && most > iterations) {
    m << "; a cell whose chains had a rank-normalised R-hat of 1.01 or more, or a bulk or tail effective sample size "
         "below 400 ";
    m.raw(m.cite().parenthetical(cite::kRhat));
    m << ", was continued, doubling its chains' length, up to " + std::to_string(most) +
             " iterations, the same share left out as burn-in. ";
  } else if (chains >= 2) {
    m << "; convergence was judged by the rank-normalised R-hat (below 1.01) and the bulk and tail effective sample "
         "sizes (at least 400) ";
    m.raw(m.cite().parenthetical(cite::kRhat));
    m << ", without continuing the chains. ";
  } else {
    m << ". ";
  }
  m << "The measure is " + std::string(kDefinition) +
           "; it was averaged over the iterations after burn-in, and taken at the last iteration too. ";
  const std::size_t least = m.parameter("min_people").get<std::size_t>();
  if (least > 1) {
    m << "Concepts with fewer than " + std::to_string(least) +
             " people at their largest subset were clustered but left out of the comparisons. ";
  } else {
    m << "Every concept counted in the comparisons, however few people it had. ";
  }
  if (!m.parameter("extrapolate_to").is_number()) return;   // a report from before diversity profiles
  m << "The effective number of concepts was summarised per cell by the Hill numbers of orders 0, 1 and 2 over the "
       "recorded draws ";
  m.raw(m.cite().parenthetical(cite::kHillNumbers));
  m << "; at each concept's largest subset the number of tables and the order-2 Hill number were rarefied below, and "
       "extrapolated up to " + m.text("extrapolate_to") + " times, the number of people, with sample coverage ";
  m.raw(m.cite().parenthetical(cite::kRarefaction));
  m << ". The concepts themselves were estimated there as the partition that minimises the posterior expected ";
  if (m.text("partition_loss") == "binder") {
    m << "Binder loss ";
    m.raw(m.cite().parenthetical(cite::kBinderLoss));
  } else {
    m << "variation-of-information loss ";
    m.raw(m.cite().parenthetical(cite::kViLoss));
  }
  m << ", found by a randomised greedy search in the manner of SALSO ";
  m.raw(m.cite().parenthetical(cite::kSalso));
  m << ". ";
}

// The pooled cells of --pair, when there are any.
void shared_concepts_methods(Paragraph& m) {
  const nlohmann::json& shared = m.field("shared_concepts");
  if (!shared.is_array() || shared.empty()) return;
  std::vector<std::pair<std::string, std::string>> pairs;
  std::size_t most = 0;
  bool fewer = false;
  for (const auto& cell : shared) {
    const std::pair<std::string, std::string> pair{cell["population_a"], cell["population_b"]};
    if (std::find(pairs.begin(), pairs.end(), pair) == pairs.end()) pairs.push_back(pair);
    const std::size_t n = cell["people_a"];
    if (most > 0 && n != most) fewer = true;
    most = std::max(most, n);
  }
  // The pooled people are the smallest subset size unless a concept has fewer.
  std::size_t smallest = most;
  for (const auto& size : m.parameter("subset_sizes")) smallest = std::min(smallest, size.get<std::size_t>());
  fewer = fewer || most < smallest;
  const std::string rule = m.text("pair");
  std::string which;
  if (rule.find("families") != std::string::npos) {
    which = "each non-aligned model and the aligned model of its family, with no prompt at their default temperature" +
            std::string(pairs.size() > 1 ? " (" + std::to_string(pairs.size()) + " pairs)" : "");
  } else {
    for (std::size_t i = 0; i < pairs.size(); ++i) {
      if (i > 0) which += i + 1 == pairs.size() ? " and " : "; ";
      which += pairs[i].first + " with " + pairs[i].second;
    }
  }
  m << "To ask whether two populations hold the same concepts, the individuals of " + which +
           " were also clustered together, in one restaurant per concept both hold, on the first " +
           std::to_string(most) + " complete individuals of each" +
           (fewer ? " (fewer where either population had fewer)" : "") +
           ", with the same prior, sampler and convergence rule; over the pooled "
           "draws we report the probability that an individual of one and an individual of the other sit at the "
           "same table, beside each population's own P(same table) in the same draws (equal when the two hold the "
           "same concepts in the same proportions, 0 when they share none). ";
}

std::string pairs_words(const std::string& rule) {
  return rule == "paper" ? "over the pairs i < j of different individuals in ascending id order, as in the paper's code"
                         : "over all ordered pairs of different individuals";
}

void color_methods(Paragraph& m) {
  m << "We measured the diversity of word\u2013colour associations with the method of ";
  m.raw(m.cite().textual(cite::kSeedPaper));
  m << ". Each individual gave a colour for each word twice; colours were converted from sRGB to CIELAB (D65) and "
       "compared by ";
  if (m.text("delta_e") == "ciede2000") {
    m << "the CIEDE2000 colour difference ";
    m.raw(m.cite().parenthetical(cite::kCiede2000));
  } else {
    m << "the CIE 1976 colour difference (\u0394E*ab)";
  }
  m << ". A word's internal variability was the mean \u0394E between each individual's two colours, its population "
       "variability the mean \u0394E between different individuals' colours " +
           pairs_words(m.text("pairs")) +
           "; a population's diversity is its mean over words of the distance from the diagonal, |internal \u2212 "
           "population| / \u221a2. ";
  const auto& sampled = m.parameter("words_with_sampled_pairs");
  if (sampled.is_number() && sampled.get<std::size_t>() > 0) {
    m << "For the " + count(sampled.get<std::size_t>(), "word", "words") + " answered by more than " +
             m.text("all_pairs_up_to") +
             " individuals, population variability was estimated from " + m.text("sampled_pairs") +
             " pairs of different individuals drawn uniformly at random (with replacement, seeded) instead of from "
             "every pair; the report gives each such estimate's Monte Carlo standard error. ";
  }
  const std::string reference = m.text("reference");
  if (reference.empty()) {
    m << "No reference population was given, so no divergences were computed. ";
  } else {
    m << "Each population's colours for a word, as a Gaussian in CIELAB, were compared with those of the reference population (" +
             reference + ") by the Jensen\u2013Shannon divergence, ";
    m << (m.text("jsd") == "paper"
              ? "computed as the paper's code did (a Jensen\u2013Shannon distance, natural log, of unnormalised "
                "density weights over pooled draws)"
              : "in bits (base 2)");
    m << ", from " + m.text("jsd_samples") + " Monte Carlo draws per Gaussian. ";
  }
}

void values_methods(Paragraph& m) {
  m << "We measured the diversity of numeric answers with the method of ";
  m.raw(m.cite().textual(cite::kSeedPaper));
  m << ", extended to numbers: each individual answered each item twice, and answers were compared by the Euclidean "
       "distance over " + count(m.parameter("dimensions").is_number() ? m.parameter("dimensions").get<std::size_t>() : 1,
                                 "dimension", "dimensions");
  if (m.text("scale") == "raw") {
    m << " on their raw scale (" + m.text("unit") + ")";
  } else {
    m << " after dividing each component of each item by its standard deviation pooled over every answer of every "
         "population";
  }
  m << ". An item's internal variability was the mean distance between each individual's two answers, its "
       "population variability the mean distance between different individuals' answers " +
           pairs_words(m.text("pairs")) +
           "; a population's diversity is its mean over items of the distance from the diagonal, |internal \u2212 "
           "population| / \u221a2. ";
}

void comparison_methods(Paragraph& m, const nlohmann::json& report) {
  if (!report.contains("comparisons") || !report["comparisons"].is_object()) return;
  const auto& c = report["comparisons"];
  const std::string units = unit_plural(c.value("unit", ""));
  const std::size_t draws = c["bootstrap"].value("draws", std::size_t{0});
  m << "Population means over " + units + " are given with normal 95% confidence intervals (M \u00b1 1.96 SD/\u221an)";
  if (draws > 0) {
    m << " and percentile bootstrap intervals from " + std::to_string(draws) + " resamples of the " + units +
             " within each population. ";
  } else {
    m << "; no bootstrap was run. ";
  }
  std::vector<std::string> fitted;
  for (const auto& model : c["models"]) {
    if (model.value("status", "") == "fitted") fitted.push_back(model.value("formula", ""));
  }
  if (!fitted.empty()) {
    m << (fitted.size() == 1 ? "The linear mixed model " : "The linear mixed models ");
    for (std::size_t i = 0; i < fitted.size(); ++i) {
      if (i > 0) m << (i + 1 == fitted.size() ? " and " : ", ");
      m.raw(code(fitted[i], m.format()));
    }
    m << std::string(fitted.size() == 1 ? " was" : " were") + " fitted over the LLM populations by REML and by ML ";
    m.raw(m.cite().parenthetical(cite::kMixedModels));
    m << ", with Wald z tests of the fixed effects and 95% intervals of b \u00b1 1.96 SE. ";
  } else {
    m << "No mixed model could be fitted to these populations. ";
  }
}

}  // namespace

MethodsText methods_paragraph(const nlohmann::json& report, Format format) {
  Paragraph m(report, format);
  const std::string analysis = report.value("analysis", "");
  if (analysis == "concept") {
    concept_methods(m);
    shared_concepts_methods(m);
  }
  if (analysis == "color") color_methods(m);
  if (analysis == "values") values_methods(m);
  comparison_methods(m, report);
  const auto& tool = report.value("tool", nlohmann::json::object());
  m << "The analysis was run with Shoal " + tool.value("version", std::string("")) + " with random seed " +
           m.text("seed") + ".";
  return m.done();
}

}  // namespace shoal::manuscript

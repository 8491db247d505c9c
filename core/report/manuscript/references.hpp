#pragma once
#include <set>
#include <string>

#include "report/manuscript/apa_format.hpp"

namespace shoal::manuscript {

// The works a methods paragraph may cite, by BibTeX key.
namespace cite {
constexpr const char* kSeedPaper = "murthy2025onefish";
constexpr const char* kHumanConcepts = "marti2023latent";
constexpr const char* kCiede2000 = "sharma2005ciede2000";
constexpr const char* kCrpAldous = "aldous1985exchangeability";
constexpr const char* kCrpPitman = "pitman2006combinatorial";
constexpr const char* kRhat = "vehtari2021rank";
constexpr const char* kMixedModels = "bates2015lme4";
constexpr const char* kSplitMerge = "jain2004splitmerge";
constexpr const char* kHillNumbers = "hill1973diversity";
constexpr const char* kRarefaction = "chao2014rarefaction";
constexpr const char* kViLoss = "wade2018bayesian";
constexpr const char* kBinderLoss = "binder1978bayesian";
constexpr const char* kSalso = "dahl2022search";
}  // namespace cite

// Citations that remember what they cite, for the BibTeX of exactly those.
class Citations {
 public:
  explicit Citations(Format format) : format_(format) {}
  // "Murthy et al. (2025)"; \citet{key} in LaTeX.
  std::string textual(const std::string& key);
  // "(Aldous, 1985; Pitman, 2006)"; \citep{a,b} in LaTeX.
  std::string parenthetical(const std::string& key, const std::string& second = "");
  const std::set<std::string>& cited() const { return cited_; }

 private:
  Format format_;
  std::set<std::string> cited_;
};

// The BibTeX entries of the keys, in a fixed order (that of the keys above).
std::string bibtex(const std::set<std::string>& keys);

}  // namespace shoal::manuscript

#include "report/manuscript/references.hpp"

#include <vector>

namespace shoal::manuscript {
namespace {

struct Work {
  const char* key;
  const char* authors;   // as an author-year citation names them
  const char* year;
  const char* entry;     // the BibTeX entry
};

// Bibliographic facts as the publishers give them; underscores escaped, for
// BibTeX styles such as plainnat print the DOI as text.
const std::vector<Work>& works() {
  static const std::vector<Work> all = {
      {cite::kSeedPaper, "Murthy et al.", "2025",
       R"(@inproceedings{murthy2025onefish,
  author    = {Murthy, Sonia Krishna and Ullman, Tomer and Hu, Jennifer},
  title     = {One fish, two fish, but not the whole sea: Alignment reduces language models' conceptual diversity},
  booktitle = {Proceedings of the 2025 Conference of the Nations of the Americas Chapter of the Association for Computational Linguistics: Human Language Technologies (Volume 1: Long Papers)},
  editor    = {Chiruzzo, Luis and Ritter, Alan and Wang, Lu},
  pages     = {11241--11258},
  year      = {2025},
  address   = {Albuquerque, New Mexico},
  publisher = {Association for Computational Linguistics},
  doi       = {10.18653/v1/2025.naacl-long.561},
  url       = {https://aclanthology.org/2025.naacl-long.561/}
})"},
      {cite::kHumanConcepts, "Marti et al.", "2023",
       R"(@article{marti2023latent,
  author  = {Marti, Louis and Wu, Shengyi and Piantadosi, Steven T. and Kidd, Celeste},
  title   = {Latent diversity in human concepts},
  journal = {Open Mind},
  volume  = {7},
  pages   = {79--92},
  year    = {2023},
  doi     = {10.1162/opmi\_a\_00072}
})"},
      {cite::kCiede2000, "Sharma et al.", "2005",
       R"(@article{sharma2005ciede2000,
  author  = {Sharma, Gaurav and Wu, Wencheng and Dalal, Edul N.},
  title   = {The {CIEDE2000} color-difference formula: Implementation notes, supplementary test data, and mathematical observations},
  journal = {Color Research \& Application},
  volume  = {30},
  number  = {1},
  pages   = {21--30},
  year    = {2005},
  doi     = {10.1002/col.20070}
})"},
      {cite::kCrpAldous, "Aldous", "1985",
       R"(@incollection{aldous1985exchangeability,
  author    = {Aldous, David J.},
  title     = {Exchangeability and related topics},
  booktitle = {{\'E}cole d'{\'E}t{\'e} de Probabilit{\'e}s de Saint-Flour {XIII} --- 1983},
  series    = {Lecture Notes in Mathematics},
  volume    = {1117},
  pages     = {1--198},
  publisher = {Springer},
  address   = {Berlin, Heidelberg},
  year      = {1985},
  doi       = {10.1007/BFb0099421}
})"},
      {cite::kCrpPitman, "Pitman", "2006",
       R"(@book{pitman2006combinatorial,
  author    = {Pitman, Jim},
  title     = {Combinatorial Stochastic Processes},
  series    = {Lecture Notes in Mathematics},
  volume    = {1875},
  publisher = {Springer},
  address   = {Berlin, Heidelberg},
  year      = {2006},
  doi       = {10.1007/b11601500}
})"},
      {cite::kRhat, "Vehtari et al.", "2021",
       R"(@article{vehtari2021rank,
  author  = {Vehtari, Aki and Gelman, Andrew and Simpson, Daniel and Carpenter, Bob and B{\"u}rkner, Paul-Christian},
  title   = {Rank-normalization, folding, and localization: An improved {$\widehat{R}$} for assessing convergence of {MCMC} (with discussion)},
  journal = {Bayesian Analysis},
  volume  = {16},
  number  = {2},
  pages   = {667--718},
  year    = {2021},
  doi     = {10.1214/20-BA1221}
})"},
      {cite::kMixedModels, "Bates et al.", "2015",
       R"(@article{bates2015lme4,
  author  = {Bates, Douglas and M{\"a}chler, Martin and Bolker, Ben and Walker, Steve},
  title   = {Fitting linear mixed-effects models using {lme4}},
  journal = {Journal of Statistical Software},
  volume  = {67},
  number  = {1},
  pages   = {1--48},
  year    = {2015},
  doi     = {10.18637/jss.v067.i01}
})"},
      {cite::kSplitMerge, "Jain & Neal", "2004",
       R"(@article{jain2004splitmerge,
  author  = {Jain, Sonia and Neal, Radford M.},
  title   = {A split-merge {Markov} chain {Monte} {Carlo} procedure for the {Dirichlet} process mixture model},
  journal = {Journal of Computational and Graphical Statistics},
  volume  = {13},
  number  = {1},
  pages   = {158--182},
  year    = {2004},
  doi     = {10.1198/1061860043001}
})"},
      {cite::kHillNumbers, "Hill", "1973",
       R"(@article{hill1973diversity,
  author  = {Hill, Mark O.},
  title   = {Diversity and evenness: A unifying notation and its consequences},
  journal = {Ecology},
  volume  = {54},
  number  = {2},
  pages   = {427--432},
  year    = {1973},
  doi     = {10.2307/1934352}
})"},
      {cite::kRarefaction, "Chao et al.", "2014",
       R"(@article{chao2014rarefaction,
  author  = {Chao, Anne and Gotelli, Nicholas J. and Hsieh, T. C. and Sander, Elizabeth L. and Ma, K. H. and Colwell, Robert K. and Ellison, Aaron M.},
  title   = {Rarefaction and extrapolation with {Hill} numbers: A framework for sampling and estimation in species diversity studies},
  journal = {Ecological Monographs},
  volume  = {84},
  number  = {1},
  pages   = {45--67},
  year    = {2014},
  doi     = {10.1890/13-0133.1}
})"},
      {cite::kViLoss, "Wade & Ghahramani", "2018",
       R"(@article{wade2018bayesian,
  author  = {Wade, Sara and Ghahramani, Zoubin},
  title   = {Bayesian cluster analysis: Point estimation and credible balls},
  journal = {Bayesian Analysis},
  volume  = {13},
  number  = {2},
  pages   = {559--626},
  year    = {2018},
  doi     = {10.1214/17-BA1073}
})"},
      {cite::kBinderLoss, "Binder", "1978",
       R"(@article{binder1978bayesian,
  author  = {Binder, David A.},
  title   = {Bayesian cluster analysis},
  journal = {Biometrika},
  volume  = {65},
  number  = {1},
  pages   = {31--38},
  year    = {1978},
  doi     = {10.1093/biomet/65.1.31}
})"},
      {cite::kSalso, "Dahl et al.", "2022",
       R"(@article{dahl2022search,
  author  = {Dahl, David B. and Johnson, Devin J. and M{\"u}ller, Peter},
  title   = {Search algorithms and loss functions for {Bayesian} clustering},
  journal = {Journal of Computational and Graphical Statistics},
  volume  = {31},
  number  = {4},
  pages   = {1189--1201},
  year    = {2022},
  doi     = {10.1080/10618600.2022.2069779}
})"},
  };
  return all;
}

const Work& work(const std::string& key) {
  for (const auto& w : works()) {
    if (key == w.key) return w;
  }
  return works().front();
}

}  // namespace

std::string Citations::textual(const std::string& key) {
  cited_.insert(key);
  if (format_ == Format::Latex) return "\\citet{" + key + "}";
  const Work& w = work(key);
  return std::string(w.authors) + " (" + w.year + ")";
}

std::string Citations::parenthetical(const std::string& key, const std::string& second) {
  cited_.insert(key);
  if (!second.empty()) cited_.insert(second);
  if (format_ == Format::Latex) return "\\citep{" + key + (second.empty() ? "" : "," + second) + "}";
  const auto one = [](const Work& w) { return std::string(w.authors) + ", " + w.year; };
  return "(" + one(work(key)) + (second.empty() ? "" : "; " + one(work(second))) + ")";
}

std::string bibtex(const std::set<std::string>& keys) {
  std::string out;
  for (const auto& w : works()) {
    if (keys.count(w.key)) out += (out.empty() ? "" : "\n") + std::string(w.entry) + "\n";
  }
  return out;
}

}  // namespace shoal::manuscript

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>

#include "report/manuscript/manuscript.hpp"
#include "report/manuscript_fixtures.hpp"

using namespace shoal;

namespace {

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

bool run(const std::string& command) { return std::system(command.c_str()) == 0; }

// The manuscript's LaTeX (tables, sentences, methods with natbib citations)
// in an article, compiled with pdfLaTeX and BibTeX as a journal's template
// would: every special character of the population names must be escaped,
// every citation found in references.bib.
void check_compiles(const nlohmann::json& report, const std::string& name) {
  REQUIRE_MESSAGE(run("command -v pdflatex >/dev/null && command -v bibtex >/dev/null"),
                  "pdflatex and bibtex are needed: scripts/setup.sh installs texlive-latex-base and "
                  "texlive-latex-recommended");
  const nlohmann::json m = manuscript_json(report);
  const auto dir = std::filesystem::temp_directory_path() / ("shoal-manuscript-" + name);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "references.bib") << m["references"].get<std::string>();
  std::ofstream(dir / "paper.tex") << "\\documentclass{article}\n\\usepackage{booktabs}\n\\usepackage[round]{natbib}\n"
                                      "\\begin{document}\n"
                                   << m["methods"]["latex"].get<std::string>() << "\n"
                                   << m["sentences"]["latex"].get<std::string>() << "\n"
                                   << m["tables"]["latex"].get<std::string>()
                                   << "\n\\bibliographystyle{plainnat}\n\\bibliography{references}\n\\end{document}\n";
  const std::string in_dir = "cd '" + dir.string() + "' && ";
  const std::string latex = "pdflatex -interaction=nonstopmode -halt-on-error paper.tex >/dev/null 2>&1";
  CHECK_MESSAGE(run(in_dir + latex), read_text(dir / "paper.log"));
  CHECK_MESSAGE(run(in_dir + "bibtex paper >/dev/null 2>&1"), read_text(dir / "paper.blg"));
  CHECK(run(in_dir + latex));
  CHECK_MESSAGE(run(in_dir + latex), read_text(dir / "paper.log"));
  const std::string log = read_text(dir / "paper.log");
  // Every citation and reference resolved (font substitutions are harmless).
  CHECK_MESSAGE(!std::regex_search(log, std::regex("(Citation|Reference) .* undefined")), log);
  CHECK(read_text(dir / "paper.blg").find("Warning") == std::string::npos);
  CHECK(std::filesystem::file_size(dir / "paper.pdf") > 1000);
  std::filesystem::remove_all(dir);
}

}  // namespace

TEST_CASE("manuscript LaTeX compiles with pdfLaTeX, BibTeX and natbib, hostile names and all") {
  check_compiles(testing::hostile_concept_report(), "concept");
  check_compiles(testing::hostile_concept_report(1), "concept-one-chain");
  check_compiles(testing::hostile_color_report(), "color");
}

#include <doctest/doctest.h>

#include <cmath>
#include <regex>
#include <string>
#include <vector>

#include "report/color_report.hpp"
#include "report/manuscript/apa_format.hpp"
#include "report/manuscript/manuscript.hpp"
#include "report/manuscript_fixtures.hpp"

using namespace shoal;
using shoal::testing::plain_markup;

namespace {

// A number as printed ("-0.080", ".674", "<.001", "14") against the value it
// stands for: equal at the printed precision, or on the right side of a
// bound.
void check_printed(const std::string& printed, double value) {
  INFO("printed " << printed << " for " << value);
  REQUIRE(!printed.empty());
  if (printed[0] == '<' || printed[0] == '>') {
    const double bound = std::stod(printed.substr(1));
    CHECK((printed[0] == '<' ? value < bound : value >= bound));
    return;
  }
  const auto dot = printed.find('.');
  const int decimals = dot == std::string::npos ? 0 : static_cast<int>(printed.size() - dot - 1);
  CHECK(std::fabs(std::stod(printed) - value) <= 0.5 * std::pow(10.0, -decimals) + 1e-12);
}

// The numbers of a cell or sentence as printed, bounds kept with their sign.
std::vector<std::string> numbers_in(const std::string& text) {
  static const std::regex number(R"([<>]?-?(\d+\.\d+|\.\d+|\d+))");
  std::vector<std::string> out;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), number); it != std::sregex_iterator(); ++it) {
    out.push_back(it->str());
  }
  return out;
}

struct ParsedTable {
  std::vector<std::vector<std::string>> rows;   // body cells, markup undone
};

std::vector<std::string> split_cells(std::string line, bool latex) {
  std::vector<std::string> cells;
  if (latex) {
    line = line.substr(0, line.rfind(" \\\\"));
    std::size_t start = 0, at;
    while ((at = line.find(" & ", start)) != std::string::npos) {
      cells.push_back(line.substr(start, at - start));
      start = at + 3;
    }
    cells.push_back(line.substr(start));
    return cells;
  }
  std::string cell;
  for (std::size_t i = 1; i < line.size(); ++i) {
    if (line[i] == '\\' && i + 1 < line.size()) {
      cell += line.substr(i, 2);
      ++i;
    } else if (line[i] == '|') {
      cells.push_back(cell.substr(1, cell.size() - 2));
      cell.clear();
    } else {
      cell += line[i];
    }
  }
  return cells;
}

// The body rows of every table of a Markdown or LaTeX text, in order.
std::vector<ParsedTable> tables_of(const std::string& text, bool latex) {
  std::vector<ParsedTable> tables;
  std::size_t pos = 0;
  bool in_body = false;
  while (pos < text.size()) {
    const std::size_t end = text.find('\n', pos);
    const std::string line = text.substr(pos, end - pos);
    pos = end == std::string::npos ? text.size() : end + 1;
    if (latex) {
      if (line == "\\midrule") {
        tables.emplace_back();
        in_body = true;
      } else if (line == "\\bottomrule") {
        in_body = false;
      } else if (in_body) {
        tables.back().rows.push_back(split_cells(line, true));
      }
    } else if (line.rfind("| :--", 0) == 0 || line.rfind("| --:", 0) == 0) {
      tables.emplace_back();
      in_body = true;
    } else if (in_body && line.rfind("|", 0) == 0) {
      tables.back().rows.push_back(split_cells(line, false));
    } else {
      in_body = false;
    }
  }
  return tables;
}

// Every number of the cells from `first` on.
std::vector<std::string> row_numbers(const std::vector<std::string>& row, std::size_t first) {
  std::vector<std::string> out;
  for (std::size_t c = first; c < row.size(); ++c) {
    for (auto& n : numbers_in(plain_markup(row[c]))) out.push_back(n);
  }
  return out;
}

void check_row(const std::vector<std::string>& printed, const std::vector<double>& values) {
  REQUIRE(printed.size() == values.size());
  for (std::size_t i = 0; i < values.size(); ++i) check_printed(printed[i], values[i]);
}

double num(const nlohmann::json& v) { return v.get<double>(); }

std::vector<double> effect_values(const nlohmann::json& e) {
  const double b = num(e["estimate"]), se = num(e["se"]);
  return {b, se, b - 1.96 * se, b + 1.96 * se, num(e["z"]), num(e["p"])};
}

std::vector<double> mean_values(const nlohmann::json& s, bool bootstrap) {
  std::vector<double> v = {num(s["units"]), num(s["mean"]), num(s["sd"]), num(s["ci95"][0]), num(s["ci95"][1])};
  if (bootstrap) {
    v.push_back(num(s["bootstrap_ci95"][0]));
    v.push_back(num(s["bootstrap_ci95"][1]));
  }
  return v;
}

// The tables of a report, in Markdown and LaTeX, against its JSON: fixed
// effects of each fitted model (REML rows then ML rows), the LLM populations
// in the order of the conditions, then the human baselines.
void check_tables(const nlohmann::json& report) {
  const auto manuscript = manuscript_json(report);
  const auto& c = report["comparisons"];
  const bool bootstrap = c["bootstrap"]["draws"].get<int>() > 0;
  const std::string metric = c["metrics"][0];
  for (bool latex : {false, true}) {
    INFO((latex ? "LaTeX" : "Markdown"));
    const auto tables = tables_of(manuscript["tables"][latex ? "latex" : "markdown"].get<std::string>(), latex);
    std::size_t t = 0;
    for (const auto& model : c["models"]) {
      if (model["status"] != "fitted") continue;
      REQUIRE(t < tables.size());
      std::size_t r = 0;
      for (const char* fit : {"reml", "ml"}) {
        for (const auto& e : model[fit]["fixed"]) {
          REQUIRE(r < tables[t].rows.size());
          check_row(row_numbers(tables[t].rows[r], 2), effect_values(e));
          ++r;
        }
      }
      CHECK(r == tables[t].rows.size());
      ++t;
    }
    REQUIRE(t + 2 == tables.size());
    const auto& llm = tables[t].rows;
    REQUIRE(llm.size() == c["conditions"].size());
    for (std::size_t r = 0; r < llm.size(); ++r) {
      const auto& name = c["conditions"][r]["population"];
      for (const auto& p : c["populations"]) {
        if (p["population"] == name) check_row(row_numbers(llm[r], 1), mean_values(p["summaries"][metric]["all"], bootstrap));
      }
    }
    const auto& humans = tables[t + 1].rows;
    REQUIRE(humans.size() == c["human_baseline"].size());
    for (std::size_t r = 0; r < humans.size(); ++r) {
      nlohmann::json s = c["human_baseline"][r];
      for (const auto& p : c["populations"]) {
        if (p["population"] == s["population"]) s["sd"] = p["summaries"][s["metric"].get<std::string>()]["all"]["sd"];
      }
      check_row(row_numbers(humans[r], 2), mean_values(s, bootstrap));
    }
  }
}

void check_sentences(const nlohmann::json& report) {
  const auto manuscript = manuscript_json(report);
  const auto& c = report["comparisons"];
  static const std::regex effect(
      R"(b = (\S+), SE = (\S+), 95% CI \[(\S+), (\S+)\], z = (\S+), p ([<>=]) (\S+)\.$)");
  static const std::regex baseline(R"(M = (\S+), 95% CI \[(\S+), (\S+)\](?: \(bootstrap 95% CI \[(\S+), (\S+)\]\))?, over n = (\d+) )");
  for (const char* format : {"text", "markdown", "latex"}) {
    INFO(format);
    std::vector<std::string> lines;
    const std::string text = manuscript["sentences"][format];
    std::size_t pos = 0, end;
    while ((end = text.find('\n', pos)) != std::string::npos) {
      if (end > pos) lines.push_back(plain_markup(text.substr(pos, end - pos)));
      pos = end + 1;
    }
    std::size_t line = 0;
    for (const auto& model : c["models"]) {
      if (model["status"] != "fitted") {
        REQUIRE(line < lines.size());
        CHECK(lines[line++].find("was not fitted") != std::string::npos);
        continue;
      }
      for (const auto& e : model["reml"]["fixed"]) {
        if (e["term"] == "Intercept") continue;
        REQUIRE(line < lines.size());
        const std::string& s = lines[line++];
        INFO(s);
        std::smatch m;
        REQUIRE(std::regex_search(s, m, effect));
        const std::string p = (m[6] == "=" ? std::string() : m[6].str()) + m[7].str();
        check_row({m[1], m[2], m[3], m[4], m[5], p}, effect_values(e));
        // The direction from the sign, the hedge from p.
        CHECK(s.find(num(e["estimate"]) < 0 ? " less " : " more ") != std::string::npos);
        CHECK((s.find("not significantly") != std::string::npos) == (num(e["p"]) >= 0.05));
      }
    }
    for (const auto& b : c["human_baseline"]) {
      REQUIRE(line < lines.size());
      const std::string& s = lines[line++];
      INFO(s);
      std::smatch m;
      REQUIRE(std::regex_search(s, m, baseline));
      std::vector<std::string> printed = {m[1], m[2], m[3]};
      std::vector<double> values = {num(b["mean"]), num(b["ci95"][0]), num(b["ci95"][1])};
      if (b["bootstrap_ci95"].is_array()) {
        printed.push_back(m[4]);
        printed.push_back(m[5]);
        values.push_back(num(b["bootstrap_ci95"][0]));
        values.push_back(num(b["bootstrap_ci95"][1]));
      } else {
        CHECK(!m[4].matched);
      }
      printed.push_back(m[6]);
      values.push_back(num(b["units"]));
      check_row(printed, values);
    }
    CHECK(line == lines.size());
  }
}

}  // namespace

TEST_CASE("manuscript numbers: APA rounding, signs and leading zeros") {
  using manuscript::Format;
  CHECK(manuscript::number(-0.07983, 3, false, Format::Text) == "\u22120.080");
  CHECK(manuscript::number(-0.07983, 3, false, Format::Latex) == "$-$0.080");
  CHECK(manuscript::number(0.674, 3, true, Format::Markdown) == ".674");
  CHECK(manuscript::number(-0.0004, 3, false, Format::Text) == "0.000");
  CHECK(manuscript::number(1.0, 3, true, Format::Text) == "1.000");
  CHECK(manuscript::number(15.9286, 3, false, Format::Text) == "15.929");
  CHECK(manuscript::p_relation(2e-6, Format::Text) == "< .001");
  CHECK(manuscript::p_relation(0.001, Format::Text) == "= .001");
  CHECK(manuscript::p_relation(0.0143, Format::Latex) == "= .014");
  CHECK(manuscript::p_relation(0.99989, Format::Text) == "> .999");
  CHECK(manuscript::p_cell(2e-6, Format::Latex) == "$<$.001");
  CHECK(manuscript::escaped("a_b & 50% #1 $x^2~{y}\\", Format::Latex) ==
        "a\\_b \\& 50\\% \\#1 \\$x\\textasciicircum{}2\\textasciitilde{}\\{y\\}\\textbackslash{}");
  CHECK(manuscript::escaped("a|b*c_", Format::Markdown) == "a\\|b\\*c\\_");
}

TEST_CASE("manuscript tables carry the report's numbers, in Markdown and LaTeX") {
  check_tables(testing::hostile_concept_report());
  check_tables(testing::hostile_color_report());
}

TEST_CASE("manuscript sentences carry the report's numbers, in every format") {
  check_sentences(testing::hostile_concept_report());
  check_sentences(testing::hostile_color_report());
  const auto text = manuscript_json(testing::hostile_concept_report())["sentences"]["text"].get<std::string>();
  CHECK(text.find("Aligned models were less conceptually diverse than non-aligned models of the same family "
                  "(P(multiple concepts)), b = \u22120.080, SE = 0.017, 95% CI [\u22120.113, \u22120.047], "
                  "z = \u22124.75, p < .001.") != std::string::npos);
  CHECK(text.find("had a mean P(multiple concepts) of M = .674") != std::string::npos);
}

TEST_CASE("manuscript of a colour report from the pipeline: tables and sentences carry its numbers") {
  // The alignment model is fitted, the manipulation model is skipped.
  const ColorDataset dataset = testing::two_family_colours(12345);
  ColorOptions options;
  options.jsd_samples = 200;
  const ColorAnalysis analysis = analyse_color(dataset, options);
  const nlohmann::json report = color_report(dataset, {}, analysis, compare_color(analysis, {500, options.seed}));
  REQUIRE(report["comparisons"]["models"][0]["status"] == "fitted");
  // The report carries what its own fields give.
  CHECK(report["manuscript"] == manuscript_json(report));
  check_tables(report);
  check_sentences(report);
}

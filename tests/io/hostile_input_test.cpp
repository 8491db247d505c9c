#include <doctest/doctest.h>

#include <string>

#include "analysis/run_settings.hpp"
#include "color/responses.hpp"
#include "concept/responses.hpp"
#include "io/gzip.hpp"
#include "io/input_error.hpp"
#include "io/table_reader.hpp"
#include "io/terminal_text.hpp"
#include "io/text_input.hpp"

using namespace shoal;

namespace {

std::string message_of(const std::string& name, const std::string& content) {
  try {
    (void)read_table(TextInput{name, content});
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("JSON objects become sparse rows: absent keys are empty cells, nested values their JSON text") {
  const auto table = read_table(TextInput{"a.jsonl", "{\"a\":1,\"b\":[1,{\"c\":\"x\"}]}\n\n{\"z\":2.50,\"a\":null}\n"});
  REQUIRE(table.header == std::vector<std::string>{"a", "b", "z"});
  CHECK(table.row_count() == 2);
  CHECK(table.cell(0, 0) == "1");
  CHECK(table.cell(0, 1) == "[1,{\"c\":\"x\"}]");
  CHECK(table.cell(0, 2) == "");
  CHECK(table.cell(1, 0) == "");
  CHECK(table.cell(1, 2) == "2.50");   // as written
  CHECK(table.line_of(1) == 3);
  CHECK(table.row(1) == std::vector<std::string>{"", "", "2.50"});
}

TEST_CASE("a JSON array's rows are the lines where its objects start") {
  const auto table = read_table(TextInput{"a.json", "[\n{\"a\": \"[{\"},\n\n  {\"a\": 2}\n]"});
  CHECK(table.line_of(0) == 2);
  CHECK(table.line_of(1) == 4);
  CHECK(table.cell(0, 0) == "[{");
}

TEST_CASE("JSON deeper than the limit is refused without recursion, at any depth") {
  for (std::size_t depth : {65u, 100000u}) {
    const std::string deep = "{\"a\":" + std::string(depth, '[') + std::string(depth, ']') + "}";
    CHECK(message_of("d.jsonl", "{\"a\":1}\n" + deep + "\n") ==
          "d.jsonl, row 2: the JSON is nested more than 64 levels deep; a table needs two (an array of objects)");
  }
  const std::string ok = "{\"a\":" + std::string(62, '[') + std::string(62, ']') + "}";
  CHECK(message_of("ok.jsonl", ok) == "");
}

TEST_CASE("a delimited header starting with a bracket stays delimited text") {
  const auto table = read_table(TextInput{"b.csv", "[id],{w}\n1,2\n"});
  CHECK(table.header == std::vector<std::string>{"[id]", "{w}"});
}

TEST_CASE("duplicate keys and columns are refused") {
  CHECK(message_of("k.jsonl", "{\"a\":1,\"a\":2}\n") ==
        "k.jsonl, row 1, column 'a': the key appears twice in one object; which value is meant is not clear");
  CHECK(message_of("c.csv", "a,B,b \n1,2,3\n") ==
        "c.csv, row 1, column 'b ': the column name appears twice (columns 2 and 3); rename one so it is clear "
        "which to read");
}

TEST_CASE("quotes of input text are cut at about 80 characters, on a character boundary") {
  CHECK(quote_text("abc") == "'abc'");
  const std::string long_text = std::string(79, 'x') + "\xc3\xa9" + std::string(100, 'y');
  CHECK(quote_text(long_text) == "'" + std::string(79, 'x') + "...' (181 bytes)");
}

TEST_CASE("the gzip budget: 64 times the compressed size plus 64 MiB, at most 1 GiB") {
  constexpr std::size_t MiB = std::size_t{1} << 20;
  CHECK(gzip_budget(0) == 64 * MiB);
  CHECK(gzip_budget(MiB) == 128 * MiB);
  CHECK(gzip_budget(15 * MiB) == 1024 * MiB);
  CHECK(gzip_budget(100 * MiB) == 1024 * MiB);
}

TEST_CASE("settings: plain decimal numbers within their limits, the same words from every caller") {
  CHECK(color_run_settings({{"jsd-samples", "100"}}).options.jsd_samples == 100);
  CHECK_THROWS_WITH_AS(color_run_settings({{"jsd-samples", "99"}}),
                       "jsd-samples (Monte Carlo draws per Gaussian) must be a whole number from 100 to 100000000, "
                       "got '99'",
                       OptionError);
  for (const char* bad : {"-5", "+5", "0x10", "1e2", " 5", "5 ", "", "4294967296"}) {
    CHECK_THROWS_AS(concept_run_settings({{"iterations", bad}}), OptionError);
  }
  for (const char* bad : {"-5", "5,", ",5", "5,,6", "0", "5, 6"}) {
    CHECK_THROWS_WITH_AS(concept_run_settings({{"subsets", bad}}),
                         ("subsets must be whole numbers from 1 to 1000000 separated by commas, got '" +
                          std::string(bad) + "'").c_str(),
                         OptionError);
  }
  CHECK(concept_run_settings({{"subsets", "5,10"}}).options.subset_sizes == std::vector<std::size_t>{5, 10});
  CHECK(concept_run_settings({{"alpha", "2.5e-1"}}).options.model.alpha == 0.25);
  CHECK_THROWS_AS(color_run_settings({{"colour", "x"}}), OptionError);   // not a setting
  CHECK_THROWS_WITH_AS(check_column_roles({{"colr", "x"}}, color_roles()),
                       doctest::Contains("unknown column role 'colr' (roles: individual, word,"), OptionError);
}

TEST_CASE("human export: only exact block conditions; practice rows named like block 1 are skipped and counted") {
  const std::string csv =
      "participantID,word,response_r,response_g,response_b,condition\n"
      "1,sky,0,0,0,block1_practice_trial\n"
      "1,sky,10,20,30,block1_target_trial\n"
      "1,sky,10,20,40,Block 2\n"
      "2,sky,90,20,30,1\n"
      "2,sky,90,20,40,block2\n"
      "3,sky,50,50,50,block1\n";
  const auto dataset = load_color_inputs({TextInput{"h.csv", csv}}, {ColorInputOptions{}});
  REQUIRE(dataset.populations.size() == 1);
  CHECK(dataset.populations[0].responses.size() == 5);
  CHECK(dataset.populations[0].responses[0].colour->b == 30);
  std::map<std::string, std::size_t> counts;
  for (const auto& issue : dataset.issues) counts[issue.kind] = issue.count;
  CHECK(counts["not_a_target_trial"] == 1);
  CHECK(counts["single_answer"] == 1);   // individual 3
  CHECK(counts.count("duplicate_answer") == 0);
}

TEST_CASE("fuzz regression: a question label with a run of spaces is split once, and parsing ends") {
  const std::string csv =
      "Concept,ID,Question,ChoiceNumber\n"
      "finch,1,robin  eagle,0\nfinch,2,eagle robin,1\nfinch,3,robin \t eagle,0\n"
      "robin,1,finch eagle,0\nrobin,2,finch eagle,1\neagle,1,finch robin,0\neagle,2,robin finch,0\n";
  const auto dataset = load_concept_inputs({TextInput{"q.csv", csv}}, {ConceptInputOptions{}});
  REQUIRE(dataset.populations.size() == 1);
  const auto& concept = dataset.populations[0].concepts[0];
  CHECK(concept.questions == std::vector<std::string>{"robin  eagle"});
  CHECK(concept.complete.size() == 3);
  CHECK(concept.option_counts[0][1] == 0);   // "eagle robin" answered 1 is "robin eagle" answered 0
}

TEST_CASE("a file that is not a regular file is read up to a bound, and an endless device is refused") {
  std::string message;
  try {
    (void)read_text_input("/dev/zero", std::size_t{1} << 20);
  } catch (const InputError& e) {
    message = e.what();
  }
  CHECK(message.find("/dev/zero") != std::string::npos);
  CHECK(message.find("not a regular file and holds more than 1048576 bytes") != std::string::npos);
  // A device within the bound is read whole.
  CHECK(read_text_input("/dev/null", std::size_t{1} << 20).content.empty());
}

TEST_CASE("text for a terminal: control sequences from data become visible escapes") {
  CHECK(terminal_safe("pop\x1b]0;owned\x07name") == "pop\\x1b]0;owned\\x07name");
  CHECK(terminal_safe("a\x1b[2Jb\x7f") == "a\\x1b[2Jb\\x7f");
  CHECK(terminal_safe("line one\nline\ttwo") == "line one\nline\ttwo");
  CHECK(terminal_safe("csi \xc2\x9b" "31m") == "csi \\u009b31m");
  CHECK(terminal_safe("file \xe2\x80\xae" "vsc.exe") == "file \\u202evsc.exe");
  CHECK(terminal_safe("\xe2\x81\xa6isolate\xe2\x81\xa9") == "\\u2066isolate\\u2069");
  CHECK(terminal_safe("\xd8\x9c") == "\\u061c");
  // Ordinary text, accents and other punctuation of the same lead bytes stay.
  CHECK(terminal_safe("café – “quoted” é\xc2\xa0") == "café – “quoted” é\xc2\xa0");
  // A truncated sequence is left as it is, never read past the end.
  CHECK(terminal_safe("\xe2\x80") == "\xe2\x80");
  CHECK(terminal_safe("\xc2") == "\xc2");
}

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "io/csv.hpp"
#include "io/input_error.hpp"

using shoal::InputError;
using shoal::parse_csv;

TEST_CASE("csv: byte-order mark, CRLF and quoted fields with delimiters, quotes and newlines") {
  const std::string text =
      "\xEF\xBB\xBFid,word,reply\r\n"
      "1,sky,\"blue, mostly\"\r\n"
      "2,sea,\"she said \"\"teal\"\"\nand then green\"\r\n"
      "\r\n"
      "3,sun,yellow\r\n";
  const auto table = parse_csv(text, "t.csv");
  REQUIRE(table.header.size() == 3);
  CHECK(table.header[0] == "id");
  REQUIRE(table.row_count() == 3);
  CHECK(table.cell(0, 2) == "blue, mostly");
  CHECK(table.cell(1, 2) == "she said \"teal\"\nand then green");
  CHECK(table.line_of(0) == 2);
  CHECK(table.line_of(1) == 3);
  CHECK(table.line_of(2) == 6);  // after a two-line record and a blank line
}

TEST_CASE("csv: semicolon and tab delimiters are detected from the header") {
  CHECK(parse_csv("a;b;c\n1;2,5;3\n", "s.csv").cell(0, 1) == "2,5");
  CHECK(parse_csv("a\tb\n1\t2\n", "t.tsv").cell(0, 1) == "2");
  CHECK(parse_csv("a,b\n1,2\n", "c.csv").delimiter == ',');
}

TEST_CASE("csv: columns are found by name regardless of case and spaces") {
  const auto table = parse_csv(" Word ,ID\nx,1\n", "t.csv");
  CHECK(table.find_column("word") == 0u);
  CHECK(table.find_column("id") == 1u);
  CHECK_FALSE(table.find_column("colour").has_value());
}

TEST_CASE("csv: malformed files are reported with file and row") {
  SUBCASE("empty") {
    try {
      parse_csv("  \n\n", "empty.csv");
      FAIL("expected an error");
    } catch (const InputError& e) {
      CHECK(e.file() == "empty.csv");
      CHECK(std::string(e.what()).find("empty") != std::string::npos);
    }
  }
  SUBCASE("header only") { CHECK_THROWS_AS(parse_csv("a,b\n", "h.csv"), InputError); }
  SUBCASE("ragged row") {
    try {
      parse_csv("a,b,c\n1,2,3\n4,5\n", "r.csv");
      FAIL("expected an error");
    } catch (const InputError& e) {
      CHECK(e.row() == 3);
      CHECK(std::string(e.what()) == "r.csv, row 3: expected 3 fields as in the header, found 2 fields");
    }
  }
  SUBCASE("unterminated quote") {
    try {
      parse_csv("a,b\n1,\"open\n2,3\n", "q.csv");
      FAIL("expected an error");
    } catch (const InputError& e) {
      CHECK(e.row() == 2);
    }
  }
}

TEST_CASE("csv: a cell's number is a signed plain decimal, nothing strtod alone would also take") {
  using shoal::finite_number;
  CHECK(finite_number("12") == 12.0);
  CHECK(finite_number(" -2.5 ") == -2.5);
  CHECK(finite_number("+4") == 4.0);
  CHECK(finite_number(".5") == 0.5);
  CHECK(finite_number("2.") == 2.0);
  CHECK(finite_number("1e-3") == 0.001);
  CHECK(finite_number("6.02E+23") == 6.02e23);
  for (const char* bad : {"", " ", "0x1F", "0X10", "inf", "-infinity", "nan", "1e999", "1e", "1e+", ".", "-", "--1",
                          "+-1", "1,5", "1.2.3", "12abc", "1 2", "0b101", "\xC2\xA0" "3"}) {
    INFO(bad);
    CHECK_FALSE(finite_number(bad).has_value());
  }
}

TEST_CASE("csv: a table read in parts has the whole table's rows, lines and cells, and its errors before any part") {
  using shoal::CsvTable;
  using shoal::parse_csv_parts;
  const std::string text = "a,b\n1,\"x\ny\"\n\n2,3\r\n4,5\n6,7\n8,9";
  const auto whole = parse_csv(text, "p.csv");
  REQUIRE(whole.row_count() == 5);
  for (std::size_t rows : {std::size_t{1}, std::size_t{2}, std::size_t{5}, std::size_t{100}}) {
    INFO(rows);
    std::vector<std::size_t> sizes;
    std::size_t next = 0;
    parse_csv_parts(text, "p.csv", rows, [&](const CsvTable& part) {
      CHECK(part.header == whole.header);
      sizes.push_back(part.row_count());
      for (std::size_t r = 0; r < part.row_count(); ++r, ++next) {
        CHECK(part.line_of(r) == whole.line_of(next));
        CHECK(part.row(r) == whole.row(next));
      }
    });
    CHECK(next == 5);
    CHECK(sizes.size() == (5 + rows - 1) / rows);
    for (std::size_t k = 0; k + 1 < sizes.size(); ++k) CHECK(sizes[k] == rows);
  }
  // A fault on the last line is found before the first part is handed over.
  std::size_t parts = 0;
  try {
    parse_csv_parts("a,b\n1,2\n3,4\n5\n", "e.csv", 1, [&](const CsvTable&) { ++parts; });
    FAIL("expected an error");
  } catch (const InputError& e) {
    CHECK(e.row() == 4);
    CHECK(parts == 0);
  }
  CHECK_THROWS_AS(parse_csv_parts("a,b\n", "e.csv", 1, [](const CsvTable&) {}), InputError);
}

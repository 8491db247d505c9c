// Inputs the fuzz target (tests/fuzz) found mishandled, reduced to what
// shows the problem, with the behaviour now expected.
#include <doctest/doctest.h>

#include <string>

#include "analysis/inspect.hpp"
#include "concept/responses.hpp"
#include "io/csv.hpp"
#include "io/input_error.hpp"
#include "io/utf8.hpp"

using namespace shoal;

namespace {

template <typename Load>
InputError error_from(Load load) {
  try {
    load();
  } catch (const InputError& e) {
    return e;
  }
  FAIL("expected an InputError");
  return InputError("", 0, "", "");
}

}  // namespace

TEST_CASE("fuzz regression: bytes that are not UTF-8 are an input error naming row and column") {
  // A cell with a stray 0x94 (Windows-1252's closing quote) used to load,
  // and writing the report then failed inside the JSON library.
  const std::string csv =
      "Concept,ID,Question,ChoiceNumber\n"
      "finch,1,robin eagle,0\n"
      "finch,2,robin eagle,1\n"
      "finch,2,spar\x94\x88\xdf\x9a" "eagle,0\n";
  const auto e = error_from([&] { load_concept_inputs({TextInput{"a.csv", csv}}, {ConceptInputOptions{}}); });
  CHECK(e.file() == "a.csv");
  CHECK(e.row() == 4);
  CHECK(e.column() == "Question");
  CHECK(std::string(e.what()).find("not UTF-8 (byte 0x94") != std::string::npos);

  // Latin-1 in a column name; an overlong form, a surrogate and a code point
  // past U+10FFFF; a sequence cut short by the end of the field.
  CHECK(error_from([] { parse_csv("caf\xe9,b\n1,2\n", "h.csv"); }).row() == 1);
  CHECK_THROWS_AS(parse_csv("a\n\xc0\xaf\n", "o.csv"), InputError);
  CHECK_THROWS_AS(parse_csv("a\n\xed\xa0\x80\n", "s.csv"), InputError);
  CHECK_THROWS_AS(parse_csv("a\n\xf4\x90\x80\x80\n", "p.csv"), InputError);
  CHECK_THROWS_AS(parse_csv("a,b\n\xe2\x82,1\n", "c.csv"), InputError);

  // Well-formed UTF-8 of every length is kept as it is.
  const auto table = parse_csv("w\xc3\xa9,b\n\xe2\x82\xac,\xf0\x9f\x90\x9f\n", "u.csv");
  CHECK(table.header[0] == "w\xc3\xa9");
  CHECK(table.cell(0, 1) == "\xf0\x9f\x90\x9f");

  // The page's inspection reports it as its error and stays serialisable.
  const auto inspected = inspect_input(TextInput{"a.csv", csv}, InputSettings{});
  CHECK(inspected["error"]["row"] == 4);
  CHECK_NOTHROW((void)inspected.dump());
}

TEST_CASE("fuzz regression: an error message quoting bytes that are not UTF-8 can still be shown as JSON") {
  // The JSON parser quotes what it last read: here a lone 0xB6, which made
  // the page's inspection fail while serialising its own error.
  const auto inspected = inspect_input(TextInput{"a.json", "[{\xb6,0\n"}, InputSettings{});
  REQUIRE(inspected["error"].is_object());
  CHECK_NOTHROW((void)inspected.dump());
  CHECK(inspected["error"]["message"].get<std::string>().find("\xEF\xBF\xBD") != std::string::npos);

  const InputError e("caf\xe9.csv", 2, "w\xe9", "found '\xff'");
  CHECK(e.file() == "caf\xEF\xBF\xBD.csv");
  CHECK(e.column() == "w\xEF\xBF\xBD");
  CHECK(invalid_utf8_at(e.what()) == std::string::npos);
  CHECK(to_valid_utf8("ok \xc3\xa9 \xf0\x9f\x90\x9f") == "ok \xc3\xa9 \xf0\x9f\x90\x9f");
  CHECK(to_valid_utf8("\xe2\x82") == "\xEF\xBF\xBD\xEF\xBF\xBD");
}

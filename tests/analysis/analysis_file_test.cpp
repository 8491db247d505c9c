#include <doctest/doctest.h>

#include "analysis/analysis_file.hpp"
#include "io/input_error.hpp"
#include "io/sha256.hpp"

using namespace shoal;

namespace {

AnalysisFile colour_file() {
  InputSettings relabelled;
  relabelled.format = "llm-wide";
  relabelled.columns["word"] = "Word";
  relabelled.labels.name = "my model";
  relabelled.labels.aligned = true;
  return define_analysis(Analysis::Color, {{"seed", "7"}, {"pairs", "paper"}},
                         {{"a b.csv", kResponsesRole, sha256_hex("one"), relabelled},
                          {"h.csv", kResponsesRole, sha256_hex("two"), InputSettings{}},
                          word_norms_input("norms.csv", sha256_hex("three"))});
}

std::string failure(const std::string& text) {
  try {
    read_analysis_file("a.json", std::string_view(text));
  } catch (const InputError& e) {
    CHECK(e.file() == "a.json");
    return e.problem();
  }
  FAIL("read without a complaint: " << text);
  return "";
}

}  // namespace

TEST_CASE("analysis file: every setting of the analysis is written, given or by default") {
  const AnalysisFile file = colour_file();
  CHECK(file.settings.at("seed") == "7");
  CHECK(file.settings.at("pairs") == "paper");
  for (const Setting* s : settings_of(Analysis::Color)) {
    REQUIRE(file.settings.count(s->name) == 1);
    if (s->name != "seed" && s->name != "pairs") CHECK(file.settings.at(s->name) == s->fallback);
  }
  CHECK(file.settings.size() == settings_of(Analysis::Color).size());   // no concept setting slips in
  CHECK(file.inputs.back().settings.format == "word-norms");
}

TEST_CASE("analysis file: JSON and back gives the same definition and the same JSON") {
  const AnalysisFile file = colour_file();
  const nlohmann::json json = analysis_file_json(file);
  CHECK(json["shoal_analysis"] == kAnalysisFileLayout);
  CHECK(json["analysis"] == "color");
  CHECK(json["inputs"][0]["labels"]["aligned"] == true);
  CHECK(json["inputs"][2]["role"] == "word-norms");
  const AnalysisFile back = read_analysis_file("a.json", std::string_view(json.dump()));
  CHECK(back.analysis == Analysis::Color);
  CHECK(back.settings == file.settings);
  REQUIRE(back.inputs.size() == 3);
  CHECK(back.inputs[0].name == "a b.csv");
  CHECK(back.inputs[0].settings.columns.at("word") == "Word");
  CHECK(back.inputs[0].settings.labels.name == "my model");
  CHECK(*back.inputs[0].settings.labels.aligned);
  CHECK_FALSE(back.inputs[0].settings.labels.human.has_value());
  CHECK(analysis_file_json(back) == json);

  // A report is read through the analysis file it holds.
  const nlohmann::json report = {{"schema_version", 1}, {"analysis", "color"}, {"analysis_file", json}};
  CHECK(analysis_file_json(read_analysis_file("r.json", report)) == json);
}

TEST_CASE("analysis file: a setting left out takes its default; the version read is kept") {
  nlohmann::json json = analysis_file_json(colour_file());
  json["settings"].erase("bootstrap");
  json["version"] = "0.0.1";
  const AnalysisFile back = read_analysis_file("a.json", json);
  CHECK(back.settings.at("bootstrap") == setting_of(Analysis::Color, "bootstrap").fallback);
  CHECK(back.version == "0.0.1");
}

TEST_CASE("analysis file: malformed files are refused naming the field") {
  const nlohmann::json good = analysis_file_json(colour_file());
  CHECK(failure("{not json").find("not JSON") != std::string::npos);
  CHECK(failure("[]").find("not a JSON object") != std::string::npos);
  CHECK(failure(R"({"schema_version": 1, "analysis": "color"})").find("holds no \"analysis_file\"") != std::string::npos);
  const auto with = [&](const std::function<void(nlohmann::json&)>& change) {
    nlohmann::json j = good;
    change(j);
    return failure(j.dump());
  };
  CHECK(with([](auto& j) { j["analysis"] = "colour-ish"; }).find("unknown analysis") != std::string::npos);
  CHECK(with([](auto& j) { j["settings"]["iterations"] = "10"; }).find("not a setting of the color") != std::string::npos);
  CHECK(with([](auto& j) { j["settings"]["seed"] = 7; }).find("setting seed is not text") != std::string::npos);
  CHECK(with([](auto& j) { j["extra"] = 1; }).find("unknown field") != std::string::npos);
  CHECK(with([](auto& j) { j["shoal_analysis"] = 2; }).find("layout 2") != std::string::npos);
  CHECK(with([](auto& j) { j["inputs"] = nlohmann::json::array(); }).find("at least one input") != std::string::npos);
  CHECK(with([](auto& j) { j["inputs"][0]["name"] = "../a.csv"; }).find("input 1.name") != std::string::npos);
  CHECK(with([](auto& j) { j["inputs"][1]["name"] = "a b.csv"; }).find("input 2 is named") != std::string::npos);
  CHECK(with([](auto& j) { j["inputs"][0]["sha256"] = "ABC"; }).find("input 1.sha256") != std::string::npos);
  CHECK(with([](auto& j) { j["inputs"][0]["role"] = "chains"; }).find("input 1.role") != std::string::npos);
  CHECK(with([](auto& j) { j["inputs"][0]["labels"]["aligned"] = "yes"; }).find("aligned is not true or false") !=
        std::string::npos);
  // Word ratings are a role of the colour analysis only.
  CHECK(with([](auto& j) { j["analysis"] = "concept"; j["settings"] = nlohmann::json::object(); })
            .find("input 3.role 'word-norms' is not a role of the concept analysis") != std::string::npos);
}

TEST_CASE("analysis file: an input is checked against its recorded hash") {
  const AnalysisFileInput expected{"a.csv", kResponsesRole, sha256_hex("the bytes"), {}};
  CHECK_NOTHROW(check_input_content(expected, "data/a.csv", "the bytes"));
  try {
    check_input_content(expected, "data/a.csv", "other bytes");
    FAIL("a different file was taken");
  } catch (const InputError& e) {
    CHECK(e.file() == "data/a.csv");
    const std::string problem = e.problem();
    CHECK(problem.find(sha256_hex("other bytes")) != std::string::npos);
    CHECK(problem.find(sha256_hex("the bytes")) != std::string::npos);
    CHECK(problem.find("'a.csv'") != std::string::npos);
  }
}

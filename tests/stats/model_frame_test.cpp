#include <doctest/doctest.h>

#include "stats/model_frame.hpp"

using namespace shoal;

namespace {

std::vector<ModelRow> manipulation_rows() {
  // (temperature, prompt) conditions of two models.
  std::vector<ModelRow> rows;
  const char* conditions[][2] = {{"default", "none"}, {"1.5", "none"}, {"2.0", "none"}, {"default", "identity"}};
  double y = 0.0;
  for (const char* model : {"a", "b"}) {
    for (const auto& c : conditions) rows.push_back({y += 1.0, model, {std::string(c[0]), std::string(c[1])}});
  }
  return rows;
}

}  // namespace

TEST_CASE("model frame: intercept and treatment coding with a stated reference level") {
  const std::vector<ModelVariable> variables = {{"temperature", true, "default"}, {"prompt", true, "none"}};
  const ModelFrame frame = build_model_frame(variables, manipulation_rows());
  CHECK(frame.columns == std::vector<std::string>{"Intercept", "temperature[T.1.5]", "temperature[T.2.0]",
                                                  "prompt[T.identity]"});
  CHECK(frame.references == std::vector<std::string>{"default", "none"});
  CHECK(frame.group_names == std::vector<std::string>{"a", "b"});
  REQUIRE(frame.x.rows() == 8);
  CHECK(frame.x.row(0) == Eigen::RowVector4d(1, 0, 0, 0));   // default, none: the reference
  CHECK(frame.x.row(1) == Eigen::RowVector4d(1, 1, 0, 0));
  CHECK(frame.x.row(2) == Eigen::RowVector4d(1, 0, 1, 0));
  CHECK(frame.x.row(3) == Eigen::RowVector4d(1, 0, 0, 1));
  CHECK(frame.group == std::vector<std::size_t>{0, 0, 0, 0, 1, 1, 1, 1});
  CHECK(frame.y(7) == 8.0);
}

TEST_CASE("model frame: without a stated (or present) reference the first sorted level is used") {
  const std::vector<ModelVariable> variables = {{"temperature", true, ""}, {"prompt", true, "absent"}};
  const ModelFrame frame = build_model_frame(variables, manipulation_rows());
  CHECK(frame.references == std::vector<std::string>{"1.5", "identity"});
  CHECK(frame.columns == std::vector<std::string>{"Intercept", "temperature[T.2.0]", "temperature[T.default]",
                                                  "prompt[T.none]"});
}

TEST_CASE("model frame: bad designs are refused with a reason") {
  const auto message = [](const std::vector<ModelVariable>& variables, const std::vector<ModelRow>& rows) {
    try {
      build_model_frame(variables, rows);
    } catch (const std::invalid_argument& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  CHECK(message({}, {}) == "no observations to fit");
  CHECK(message({{"x", false, ""}}, {{1.0, "a", {0.0}}, {2.0, "a", {1.0}}, {3.0, "a", {0.0}}}).find("two groups") !=
        std::string::npos);
  CHECK(message({{"x", false, ""}}, {{1.0, "a", {1.0}}, {2.0, "b", {1.0}}, {3.0, "a", {1.0}}}) ==
        "predictor 'x' is constant");
  CHECK(message({{"p", true, ""}}, {{1.0, "a", {std::string("u")}}, {2.0, "b", {std::string("u")}}}).find("constant") !=
        std::string::npos);
  // x and z always equal: singular.
  CHECK(message({{"x", false, ""}, {"z", false, ""}},
                {{1.0, "a", {0.0, 0.0}}, {2.0, "b", {1.0, 1.0}}, {3.0, "a", {1.0, 1.0}}, {2.5, "b", {0.0, 0.0}}})
            .find("singular") != std::string::npos);
  CHECK(message({{"x", false, ""}}, {{1.0, "a", {std::string("u")}}, {2.0, "b", {1.0}}}).find("numeric") != std::string::npos);
  CHECK(message({{"x", false, ""}}, {{1.0, "a", {}}}).find("values") != std::string::npos);
}

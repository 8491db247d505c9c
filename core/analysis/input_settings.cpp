#include "analysis/input_settings.hpp"

#include <stdexcept>

namespace shoal {
namespace {

void check_known(const std::string& format) {
  if (!color_format_from_string(format) && !concept_format_from_string(format) && !values_format_from_string(format)) {
    throw std::invalid_argument("unknown format '" + format +
                                "' (expected auto, human-long, llm-wide, plain-long, analysis, raw-llm or long)");
  }
}

template <typename Options, typename ParseFormat>
std::optional<Options> task_options(const InputSettings& settings, ParseFormat parse_format) {
  check_known(settings.format);
  const auto format = parse_format(settings.format);
  if (!format) return std::nullopt;
  Options options;
  options.format = *format;
  options.columns = settings.columns;
  options.labels = settings.labels;
  return options;
}

}  // namespace

std::optional<ColorInputOptions> color_input_options(const InputSettings& settings) {
  return task_options<ColorInputOptions>(settings, color_format_from_string);
}

std::optional<ConceptInputOptions> concept_input_options(const InputSettings& settings) {
  return task_options<ConceptInputOptions>(settings, concept_format_from_string);
}

std::optional<ValuesInputOptions> values_input_options(const InputSettings& settings) {
  return task_options<ValuesInputOptions>(settings, values_format_from_string);
}

}  // namespace shoal

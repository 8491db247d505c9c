#include "analysis/input_settings.hpp"

#include <stdexcept>

namespace shoal {
namespace {

void check_known(const std::string& format) {
  if (!color_format_from_string(format) && !concept_format_from_string(format)) {
    throw std::invalid_argument("unknown format '" + format +
                                "' (expected auto, human-long, llm-wide, plain-long, analysis or raw-llm)");
  }
}

}  // namespace

std::optional<ColorInputOptions> color_input_options(const InputSettings& settings) {
  check_known(settings.format);
  const auto format = color_format_from_string(settings.format);
  if (!format) return std::nullopt;
  ColorInputOptions options;
  options.format = *format;
  options.columns = settings.columns;
  options.labels = settings.labels;
  return options;
}

std::optional<ConceptInputOptions> concept_input_options(const InputSettings& settings) {
  check_known(settings.format);
  const auto format = concept_format_from_string(settings.format);
  if (!format) return std::nullopt;
  ConceptInputOptions options;
  options.format = *format;
  options.columns = settings.columns;
  options.labels = settings.labels;
  return options;
}

}  // namespace shoal

#include "report/manuscript/manuscript.hpp"

#include "report/manuscript/comparison_tables.hpp"
#include "report/manuscript/methods_paragraph.hpp"
#include "report/manuscript/references.hpp"
#include "report/manuscript/results_sentences.hpp"

namespace shoal {

nlohmann::json manuscript_json(const nlohmann::json& report) {
  using manuscript::Format;
  const auto each_format = [&](auto write) {
    return nlohmann::json{{"text", write(Format::Text)}, {"markdown", write(Format::Markdown)},
                          {"latex", write(Format::Latex)}};
  };
  // Every format cites the same works, so any one gives the references.
  const auto cited = manuscript::methods_paragraph(report, Format::Latex).cited;
  return {{"tables", each_format([&](Format f) { return manuscript::comparison_tables(report, f); })},
          {"sentences", each_format([&](Format f) { return manuscript::results_sentences(report, f); })},
          {"methods", each_format([&](Format f) { return manuscript::methods_paragraph(report, f).paragraph + "\n"; })},
          {"references", manuscript::bibtex(cited)}};
}

}  // namespace shoal

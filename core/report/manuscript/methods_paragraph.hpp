#pragma once
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "report/manuscript/apa_format.hpp"

namespace shoal::manuscript {

struct MethodsText {
  std::string paragraph;
  std::set<std::string> cited;   // BibTeX keys
};

// The methods paragraph of a report, written from the settings it records
// ("parameters", the bootstrap of "comparisons", the models fitted and the
// tool's version): every setting that changes the numbers is named.
MethodsText methods_paragraph(const nlohmann::json& report, Format format);

}  // namespace shoal::manuscript

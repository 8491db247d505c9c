#pragma once
#include <nlohmann/json.hpp>

namespace shoal {

// The texts a researcher copies into a paper, built from a report's own
// fields ("tool", "analysis", "parameters", "comparisons"), so that the
// command line, the browser module and every view of a report say the same:
//
// {
//   "tables":     {"text", "markdown", "latex"},   // APA tables: fixed effects, populations, human baselines
//   "sentences":  {"text", "markdown", "latex"},   // one results sentence per line
//   "methods":    {"text", "markdown", "latex"},   // the methods paragraph, from the settings used
//   "references": "@inproceedings{...} ..."         // BibTeX of what the methods cite
// }
//
// LaTeX uses booktabs (tables) and natbib (\citet, \citep in the methods).
nlohmann::json manuscript_json(const nlohmann::json& report);

}  // namespace shoal

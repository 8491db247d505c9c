#pragma once
#include <string>
#include <vector>

#include "report/manuscript/apa_format.hpp"

namespace shoal::manuscript {

// An APA table whose cells are already written for one format (numbers with
// their minus signs, names escaped).
struct Table {
  std::string title;                            // escaped for the format
  std::vector<std::string> header;
  std::string align;                            // one of l, r, c per column
  std::vector<std::vector<std::string>> rows;
  std::string note;                             // after "Note."; escaped
};

// The table as plain text (columns padded with spaces, rules of dashes),
// Markdown (a pipe table with the number bold and the title italic above,
// the note below) or LaTeX (a booktabs table float labelled tab:shoal-N).
std::string rendered(const Table& table, int number, Format format);

}  // namespace shoal::manuscript

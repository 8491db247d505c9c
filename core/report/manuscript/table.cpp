#include "report/manuscript/table.hpp"

#include <algorithm>

namespace shoal::manuscript {
namespace {

// Characters as a reader counts them: UTF-8 continuation bytes do not count.
std::size_t shown_width(const std::string& text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string padded(const std::string& text, std::size_t width, char align) {
  const std::size_t gap = width - std::min(width, shown_width(text));
  if (align == 'r') return std::string(gap, ' ') + text;
  if (align == 'c') return std::string(gap / 2, ' ') + text + std::string(gap - gap / 2, ' ');
  return text + std::string(gap, ' ');
}

std::string plain(const Table& t, int number) {
  std::vector<std::size_t> widths(t.header.size(), 0);
  const auto widen = [&](const std::vector<std::string>& cells) {
    for (std::size_t c = 0; c < cells.size() && c < widths.size(); ++c) widths[c] = std::max(widths[c], shown_width(cells[c]));
  };
  widen(t.header);
  for (const auto& row : t.rows) widen(row);
  std::size_t total = 0;
  for (std::size_t w : widths) total += w;
  total += 2 * (widths.empty() ? 0 : widths.size() - 1);
  const std::string rule(total, '-');
  const auto line = [&](const std::vector<std::string>& cells) {
    std::string out;
    for (std::size_t c = 0; c < widths.size(); ++c) {
      if (c > 0) out += "  ";
      out += padded(c < cells.size() ? cells[c] : "", widths[c], t.align[c]);
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "\n";
  };
  std::string out = "Table " + std::to_string(number) + "\n" + t.title + "\n" + rule + "\n" + line(t.header) + rule + "\n";
  for (const auto& row : t.rows) out += line(row);
  out += rule + "\n";
  if (!t.note.empty()) out += "Note. " + t.note + "\n";
  return out;
}

std::string markdown(const Table& t, int number) {
  const auto line = [](const std::vector<std::string>& cells) {
    std::string out = "|";
    for (const auto& c : cells) out += " " + c + " |";
    return out + "\n";
  };
  std::string out = "**Table " + std::to_string(number) + "**\n\n*" + t.title + "*\n\n" + line(t.header) + "|";
  for (char a : t.align) out += a == 'r' ? " --: |" : a == 'c' ? " :-: |" : " :-- |";
  out += "\n";
  for (const auto& row : t.rows) out += line(row);
  if (!t.note.empty()) out += "\n*Note.* " + t.note + "\n";
  return out;
}

std::string latex(const Table& t, int number) {
  const auto line = [](const std::vector<std::string>& cells) {
    std::string out;
    for (std::size_t c = 0; c < cells.size(); ++c) out += (c > 0 ? " & " : "") + cells[c];
    return out + " \\\\\n";
  };
  std::string out = "\\begin{table}[htbp]\n\\centering\n\\caption{" + t.title + "}\n\\label{tab:shoal-" +
                    std::to_string(number) + "}\n\\begin{tabular}{" + t.align + "}\n\\toprule\n" + line(t.header) +
                    "\\midrule\n";
  for (const auto& row : t.rows) out += line(row);
  out += "\\bottomrule\n\\end{tabular}\n";
  if (!t.note.empty()) out += "\n\\smallskip\n\\parbox{\\linewidth}{\\footnotesize\\textit{Note.} " + t.note + "}\n";
  return out + "\\end{table}\n";
}

}  // namespace

std::string rendered(const Table& table, int number, Format format) {
  switch (format) {
    case Format::Text: return plain(table, number);
    case Format::Markdown: return markdown(table, number);
    case Format::Latex: return latex(table, number);
  }
  return "";
}

}  // namespace shoal::manuscript

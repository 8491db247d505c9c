#include "report/manuscript/apa_format.hpp"

#include <cmath>
#include <cstdio>
#include <cstring>

namespace shoal::manuscript {
namespace {

const char* minus_sign(Format format) { return format == Format::Latex ? "$-$" : "\u2212"; }

// "0.012" → ".012"; "1.000" stays.
std::string without_leading_zero(std::string digits) {
  if (digits.size() > 1 && digits[0] == '0' && digits[1] == '.') digits.erase(0, 1);
  return digits;
}

struct Replacement {
  const char* from;   // one UTF-8 character
  const char* latex;
};

// The non-ASCII signs Shoal's own texts and labels use, and what pdfLaTeX
// with its default fonts needs for each.
constexpr Replacement kLatexSigns[] = {
    {"\u00b7", "\\textperiodcentered{}"}, {"\u2212", "$-$"}, {"\u0394", "$\\Delta$"}, {"\u2265", "$\\geq$"},
    {"\u2264", "$\\leq$"}, {"\u03b1", "$\\alpha$"}, {"\u2013", "--"}, {"\u2014", "---"}, {"\u00d7", "$\\times$"},
    {"\u2192", "$\\rightarrow$"}, {"\u2260", "$\\neq$"}, {"\u00b1", "$\\pm$"}, {"\u221a", "$\\surd$"},
};

}  // namespace

std::string number(double value, int decimals, bool bounded, Format format) {
  if (!std::isfinite(value)) return format == Format::Latex ? "--" : "\u2013";
  char digits[64];
  std::snprintf(digits, sizeof digits, "%.*f", decimals, std::fabs(value));
  std::string text = bounded ? without_leading_zero(digits) : std::string(digits);
  // A negative number that rounds to zero is written 0.000, not −0.000.
  const bool zero = std::strspn(digits, "0.") == std::strlen(digits);
  return value < 0 && !zero ? minus_sign(format) + text : text;
}

std::string interval(double low, double high, int decimals, bool bounded, Format format) {
  return "[" + number(low, decimals, bounded, format) + ", " + number(high, decimals, bounded, format) + "]";
}

std::string p_relation(double p, Format format) {
  const bool latex = format == Format::Latex;
  if (!std::isfinite(p)) return latex ? "= --" : "= \u2013";
  if (p < 0.001) return latex ? "$<$ .001" : "< .001";
  if (p >= 0.9995) return latex ? "$>$ .999" : "> .999";
  return "= " + number(p, 3, true, format);
}

std::string p_cell(double p, Format format) {
  const bool latex = format == Format::Latex;
  if (!std::isfinite(p)) return number(p, 3, true, format);
  if (p < 0.001) return latex ? "$<$.001" : "<.001";
  if (p >= 0.9995) return latex ? "$>$.999" : ">.999";
  return number(p, 3, true, format);
}

std::string escaped(const std::string& text, Format format) {
  if (format == Format::Text) return text;
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (format == Format::Markdown) {
      if (std::strchr("\\`*_[]<>|", c) != nullptr) out += '\\';
      out += c;
      ++i;
      continue;
    }
    bool replaced = false;
    for (const auto& r : kLatexSigns) {
      const std::size_t n = std::strlen(r.from);
      if (text.compare(i, n, r.from) == 0) {
        out += r.latex;
        i += n;
        replaced = true;
        break;
      }
    }
    if (replaced) continue;
    switch (c) {
      case '\\': out += "\\textbackslash{}"; break;
      case '{': out += "\\{"; break;
      case '}': out += "\\}"; break;
      case '$': out += "\\$"; break;
      case '&': out += "\\&"; break;
      case '#': out += "\\#"; break;
      case '%': out += "\\%"; break;
      case '_': out += "\\_"; break;
      case '^': out += "\\textasciicircum{}"; break;
      case '~': out += "\\textasciitilde{}"; break;
      case '<': out += "\\textless{}"; break;
      case '>': out += "\\textgreater{}"; break;
      case '|': out += "\\textbar{}"; break;
      // A straight quote would print as a closing curly one; the default
      // (OT1) encoding has no \textquotedbl, the typewriter font's is straight.
      case '"': out += "\\texttt{\\char34}"; break;
      default: out += c;
    }
    ++i;
  }
  return out;
}

std::string symbol(const std::string& name, Format format) {
  switch (format) {
    case Format::Text: return name;
    case Format::Markdown: return "*" + name + "*";
    case Format::Latex: return "\\textit{" + name + "}";
  }
  return name;
}

std::string code(const std::string& text, Format format) {
  switch (format) {
    case Format::Text: return text;
    case Format::Markdown: return "`" + text + "`";
    case Format::Latex: return "\\texttt{" + escaped(text, format) + "}";
  }
  return text;
}

}  // namespace shoal::manuscript

#pragma once
#include <string>

namespace shoal::manuscript {

// The three ways a manuscript text is written: plain text (Unicode, for a
// word processor), Markdown and LaTeX.
enum class Format { Text, Markdown, Latex };

// Decimals used throughout, so that every table and sentence rounds alike:
// estimates, SEs, means and interval bounds to 3, test statistics to 2.
constexpr int kValueDecimals = 3;
constexpr int kStatisticDecimals = 2;

// A number to `decimals` places with a true minus sign (U+2212 in text and
// Markdown, $-$ in LaTeX). `bounded` drops the leading zero, as APA style
// does for numbers that cannot exceed 1 (p, probabilities, correlations):
// .674, −.020. A value that rounds to zero has no sign. Not finite: "–" (an
// en dash in text and Markdown, -- in LaTeX).
std::string number(double value, int decimals, bool bounded, Format format);

// "[lo, hi]" of two numbers written as number() writes them.
std::string interval(double low, double high, int decimals, bool bounded, Format format);

// The p value of a test as APA writes it after "p": "< .001", "= .012",
// "> .999" (a p that rounds to 1). In LaTeX the relation is in math mode.
std::string p_relation(double p, Format format);
// The same without "=" for a table cell: "<.001", ".012", ">.999".
std::string p_cell(double p, Format format);

// Text escaped for the format: LaTeX's special characters (\ { } $ & # ^ _
// % ~ < > |) and the few non-ASCII signs the reports use (·, −, Δ, ≥, α);
// Markdown's table and emphasis characters (| * _ ` [ ] \ < >); plain text
// as it is.
std::string escaped(const std::string& text, Format format);

// A symbol of a statistic in the format: italic in Markdown (*b*) and LaTeX
// (\textit{b}), plain in text.
std::string symbol(const std::string& name, Format format);

// Code, such as a model formula: as it is in text, a code span in Markdown,
// \texttt{...} (escaped) in LaTeX.
std::string code(const std::string& text, Format format);

}  // namespace shoal::manuscript

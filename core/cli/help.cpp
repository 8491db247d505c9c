#include "cli/help.hpp"

#include <sstream>

namespace shoal::cli {
namespace {

constexpr std::size_t kHelpColumn = 23;   // where the help text of each option starts
constexpr std::size_t kLineWidth = 78;

// "  --name VALUE" and its help, wrapped at word boundaries under the help
// column; a long option name puts its help on the next line.
void append_option(std::string& out, const std::string& name, const std::string& value_name, const std::string& help) {
  std::string head = "  --" + name + (value_name.empty() ? "" : " " + value_name);
  std::istringstream words(help);
  std::string word, line = head.size() + 1 < kHelpColumn ? head + std::string(kHelpColumn - head.size(), ' ') : head;
  if (line.size() > kHelpColumn) {
    out += line + "\n";
    line = std::string(kHelpColumn, ' ');
  }
  bool line_empty = true;
  while (words >> word) {
    // Counted in characters, not bytes: ΔE is two characters wide in UTF-8 bytes but one on screen.
    std::size_t width = 0;
    for (unsigned char c : line) width += (c & 0xC0) != 0x80;
    std::size_t word_width = 0;
    for (unsigned char c : word) word_width += (c & 0xC0) != 0x80;
    if (!line_empty && width + 1 + word_width > kLineWidth) {
      out += line + "\n";
      line = std::string(kHelpColumn, ' ');
      line_empty = true;
    }
    line += (line_empty ? "" : " ") + word;
    line_empty = false;
  }
  out += line + "\n";
}

bool skipped(const std::vector<std::string>& skip, const std::string& name) {
  for (const auto& s : skip) {
    if (s == name) return true;
  }
  return false;
}

}  // namespace

std::string setting_help(const Setting& setting, const std::string& units) {
  std::string help = setting.help;
  const auto at = help.find("{units}");
  if (at != std::string::npos) help.replace(at, 7, units);
  if (setting.kind == SettingKind::Flag || setting.fallback.empty()) return help;
  help += " (default " + setting.fallback;
  if (!setting.page_default.empty()) {
    help += "; the page starts at " + setting.page_default + ": " + setting.why;
  }
  return help + ")";
}

std::string options_help(const std::vector<CommandOption>& first, Analysis analysis, const std::string& units,
                         const std::vector<CommandOption>& last, const std::vector<std::string>& skip) {
  std::string out;
  for (const auto& o : first) append_option(out, o.name, o.value_name, o.help);
  for (const Setting* s : settings_of(analysis)) {
    if (skipped(skip, s->name)) continue;
    append_option(out, s->name, s->kind == SettingKind::Flag ? "" : s->value_name, setting_help(*s, units));
  }
  for (const auto& o : last) append_option(out, o.name, o.value_name, o.help);
  return out;
}

std::string command_options_help(const std::vector<CommandOption>& options) {
  std::string out;
  for (const auto& o : options) append_option(out, o.name, o.value_name, o.help);
  return out;
}

std::vector<std::string> value_option_names(const std::vector<CommandOption>& options, Analysis analysis) {
  std::vector<std::string> names;
  for (const auto& o : options) {
    if (!o.value_name.empty()) names.push_back(o.name);
  }
  for (const Setting* s : settings_of(analysis)) {
    if (s->kind != SettingKind::Flag) names.push_back(s->name);
  }
  return names;
}

std::vector<std::string> flag_option_names(const std::vector<CommandOption>& options, Analysis analysis) {
  std::vector<std::string> names;
  for (const auto& o : options) {
    if (o.value_name.empty()) names.push_back(o.name);
  }
  for (const Setting* s : settings_of(analysis)) {
    if (s->kind == SettingKind::Flag) names.push_back(s->name);
  }
  return names;
}

}  // namespace shoal::cli

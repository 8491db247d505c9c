#include "cli/arguments.hpp"

#include <algorithm>

namespace shoal::cli {

Arguments::Arguments(const std::vector<std::string>& args, const std::vector<std::string>& value_options,
                     const std::vector<std::string>& flag_options) {
  auto known = [](const std::vector<std::string>& list, const std::string& name) {
    return std::find(list.begin(), list.end(), name) != list.end();
  };
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a.size() >= 2 && a[0] == '-' && (a.size() < 3 || a[1] != '-')) {
      // "-q" is a typo for an option far more often than a file name; a file
      // of that name can be given as ./-q.
      throw UsageError("unknown option " + a + " (options start with --; see --help)");
    }
    if (a.size() < 3 || a.compare(0, 2, "--") != 0) {
      positional_.push_back(a);
      continue;
    }
    std::string name = a.substr(2), value;
    const auto eq = name.find('=');
    const bool inline_value = eq != std::string::npos;
    if (inline_value) {
      value = name.substr(eq + 1);
      name.resize(eq);
    }
    if (known(flag_options, name)) {
      if (inline_value) throw UsageError("option --" + name + " takes no value");
      flags_[name] = true;
    } else if (known(value_options, name)) {
      if (!inline_value) {
        if (i + 1 >= args.size()) throw UsageError("option --" + name + " needs a value");
        value = args[++i];
      }
      values_[name].push_back(value);
    } else {
      throw UsageError("unknown option --" + name + " (see --help)");
    }
  }
}

bool Arguments::flag(const std::string& name) const { return flags_.count(name) > 0; }

std::string Arguments::value(const std::string& name, const std::string& fallback) const {
  const auto it = values_.find(name);
  if (it == values_.end()) return fallback;
  if (it->second.size() > 1) throw UsageError("option --" + name + " given more than once");
  return it->second.front();
}

std::vector<std::string> Arguments::values(const std::string& name) const {
  const auto it = values_.find(name);
  return it == values_.end() ? std::vector<std::string>{} : it->second;
}

}  // namespace shoal::cli

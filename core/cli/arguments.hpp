#pragma once
#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace shoal::cli {

// A mistake in how the command was called (exit status 2), as opposed to a
// problem in the data (InputError, exit status 1).
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Splits a command line into positional arguments and --options. Every
// option takes a value (--name VALUE or --name=VALUE) except the declared
// flags; an option may repeat.
class Arguments {
 public:
  Arguments(const std::vector<std::string>& args, const std::vector<std::string>& value_options,
            const std::vector<std::string>& flag_options);

  const std::vector<std::string>& positional() const { return positional_; }
  bool flag(const std::string& name) const;
  bool has(const std::string& name) const { return values_.count(name) > 0; }
  std::string value(const std::string& name, const std::string& fallback) const;
  std::vector<std::string> values(const std::string& name) const;

 private:
  std::vector<std::string> positional_;
  std::map<std::string, std::vector<std::string>> values_;
  std::map<std::string, bool> flags_;
};

}  // namespace shoal::cli

#include "concept/categories.hpp"

#include "io/csv.hpp"

namespace shoal {

std::string concept_category(const std::string& concept) {
  static const char* const animals[] = {"finch",   "robin",  "chicken", "eagle",   "ostrich",
                                        "penguin", "salmon", "seal",    "dolphin", "whale"};
  static const char* const politicians[] = {"lincoln", "obama",   "sanders", "trump", "warren",
                                            "bush",    "clinton", "biden",   "nixon", "reagan"};
  const std::string name = normalise_name(concept);
  // The last word carries the name: "a finch", "George W. Bush".
  const auto space = name.find_last_of(' ');
  const std::string last = space == std::string::npos ? name : name.substr(space + 1);
  for (const char* a : animals) {
    if (last == a) return "animals";
  }
  for (const char* p : politicians) {
    if (last == p) return "politicians";
  }
  return "other";
}

}  // namespace shoal

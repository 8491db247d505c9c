#include "kit/personas.hpp"

#include "io/columns.hpp"
#include "io/input_error.hpp"
#include "io/table_reader.hpp"
#include "stats/rng.hpp"

namespace shoal::kit {

const char* to_string(Condition condition) {
  switch (condition) {
    case Condition::None: return "none";
    case Condition::Identity: return "identity";
    case Condition::Random: return "random";
    case Condition::Nonsense: return "nonsense";
  }
  return "none";
}

std::optional<Condition> condition_from_string(const std::string& text) {
  for (auto c : {Condition::None, Condition::Identity, Condition::Random, Condition::Nonsense}) {
    if (text == to_string(c)) return c;
  }
  return std::nullopt;
}

std::vector<std::string> read_persona_column(const TextInput& file, Condition condition) {
  const CsvTable table = read_table(file);
  const std::string name = to_string(condition);
  const auto column = table.find_column(name);
  if (!column) {
    throw InputError(table.file, 1, "",
                     "a persona file needs a column '" + name + "' for this condition (columns present: " +
                         column_list(table) + ")");
  }
  std::vector<std::string> contexts;
  contexts.reserve(table.row_count());
  for (std::size_t r = 0; r < table.row_count(); ++r) {
    require_text(table, r, *column, "a context for this individual");
    const std::string_view text = table.cell(r, *column);  // untrimmed: the paper used the cell as it was
    std::string flat;
    flat.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
      flat += text[i] == '\n' || text[i] == '\r' ? ' ' : text[i];
    }
    contexts.push_back(std::move(flat));
  }
  if (contexts.empty()) throw InputError(table.file, 0, "", "the persona file has no rows");
  return contexts;
}

namespace {

const char* const kEthnicities[] = {"White", "Black", "Hispanic", "Asian", "Native American",
                                    "Native Hawaiian or other Pacific Islander", "Middle Eastern"};
const char* const kGenders[] = {"man", "woman", "non-binary person"};
const char* const kPlaces[] = {"rural area", "small town", "suburb", "big city"};
const char* const kStates[] = {
    "Alabama",       "Alaska",        "Arizona",       "Arkansas",     "California",     "Colorado",
    "Connecticut",   "Delaware",      "Florida",       "Georgia",      "Hawaii",         "Idaho",
    "Illinois",      "Indiana",       "Iowa",          "Kansas",       "Kentucky",       "Louisiana",
    "Maine",         "Maryland",      "Massachusetts", "Michigan",     "Minnesota",      "Mississippi",
    "Missouri",      "Montana",       "Nebraska",      "Nevada",       "New Hampshire",  "New Jersey",
    "New Mexico",    "New York",      "North Carolina", "North Dakota", "Ohio",          "Oklahoma",
    "Oregon",        "Pennsylvania",  "Rhode Island",  "South Carolina", "South Dakota", "Tennessee",
    "Texas",         "Utah",          "Vermont",       "Virginia",     "Washington",     "West Virginia",
    "Wisconsin",     "Wyoming"};
const char* const kGenerations[] = {"a member of Generation Z (age 18 to 26)", "a Millennial (age 27 to 42)",
                                    "a member of Generation X (age 43 to 58)", "a Baby Boomer (age 59 to 77)"};
const char* const kOccupations[] = {
    "teacher", "nurse", "software engineer", "farmer", "electrician", "accountant", "cook", "lawyer",
    "truck driver", "painter", "doctor", "cashier", "mechanic", "writer", "social worker", "musician",
    "construction worker", "pharmacist", "gardener", "police officer", "photographer", "librarian",
    "retail manager", "plumber"};

template <std::size_t N>
const char* pick(Rng& rng, const char* const (&options)[N]) {
  return options[rng.below(N)];
}

std::string with_article(const std::string& noun) {
  const char first = noun.empty() ? 'x' : noun[0];
  const bool vowel = first == 'A' || first == 'E' || first == 'I' || first == 'O' || first == 'U' || first == 'a' ||
                     first == 'e' || first == 'i' || first == 'o' || first == 'u';
  return (vowel ? "an " : "a ") + noun;
}

}  // namespace

std::string generated_identity(std::uint64_t seed, std::size_t individual) {
  Rng rng(derive_seed(derive_seed(seed, "identity"), static_cast<std::uint64_t>(individual)));
  const std::string ethnicity = pick(rng, kEthnicities);
  const std::string gender = pick(rng, kGenders);
  const std::string place = pick(rng, kPlaces);
  const std::string state = pick(rng, kStates);
  const std::string generation = pick(rng, kGenerations);
  const std::string occupation = pick(rng, kOccupations);
  return "You are " + with_article(ethnicity) + " " + gender + " from " + with_article(place) + " in " + state +
         " who is " + generation + " and works as " + with_article(occupation) + ".";
}

}  // namespace shoal::kit

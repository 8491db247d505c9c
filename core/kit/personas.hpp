#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "io/text_input.hpp"

namespace shoal::kit {

// What precedes the question: nothing, a demographic persona ("identity"), a
// paragraph of an encyclopedia ("random") or that paragraph's words shuffled
// ("nonsense").
enum class Condition { None, Identity, Random, Nonsense };
const char* to_string(Condition condition);
std::optional<Condition> condition_from_string(const std::string& text);

// The condition's column of a persona file (a CSV with random, nonsense and
// identity columns, one row per individual: row i, counting from 0 after the
// header, is individual i). Newlines in a context become spaces, as in the
// paper. Throws InputError naming the file, row and column for a missing
// column or an empty cell.
std::vector<std::string> read_persona_column(const TextInput& file, Condition condition);

// A demographic persona for individual `individual`, drawn from the seed
// alone: the same seed and individual give the same sentence whatever the
// number of individuals.
std::string generated_identity(std::uint64_t seed, std::size_t individual);

}  // namespace shoal::kit

#pragma once
#include <string>
#include <vector>

namespace shoal::kit {

// The two tasks of the paper, as the requests put them to a model.
enum class Task { Color, Concept };
const char* to_string(Task task);

// The paper's concept sentence puts "a" before the target although the
// paper's concept names already carry their article ("similar to a a
// finch"). Paper wording keeps that, for exact replication; corrected wording
// leaves the extra article out.
enum class Wording { Paper, Corrected };

std::string color_question(const std::string& word);
std::string concept_question(const std::string& target, const std::string& first, const std::string& second,
                             Wording wording);

// The paper's concept sets, in its order (which fixes the pairs and the
// targets a seed gives).
const std::vector<std::string>& animal_concepts();
const std::vector<std::string>& politician_concepts();

}  // namespace shoal::kit

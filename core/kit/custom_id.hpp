#pragma once
#include <cstddef>
#include <optional>
#include <string>

#include "kit/personas.hpp"
#include "kit/task_text.hpp"

namespace shoal::kit {

// Everything a reply needs to find its place in the data, carried in the
// request's custom_id so that results can be joined back whatever order a
// batch service returns them in. Fields are separated by '/', and words and
// concept names percent-encoded:
//   color/CONDITION/TEMPERATURE/INDIVIDUAL/BLOCK/WORD
//   concept/CONDITION/TEMPERATURE/INDIVIDUAL/ORDER/SET/TARGET/CHOICE1/CHOICE2
// ORDER 1 asks "CHOICE1 or CHOICE2", ORDER 2 the swapped order; BLOCK is the
// first or second sample of a word. TEMPERATURE is "default" when the
// request leaves it to the model. SET is "animals" or "politicians" when the
// three concepts are the paper's, named by their place (0-9) in its list,
// which keeps the paper's ids within the 64 characters some services allow;
// otherwise "list", with the names themselves.
struct RequestKey {
  Task task = Task::Color;
  Condition condition = Condition::None;
  std::string temperature = "default";
  std::size_t individual = 0;
  int presentation = 1;   // colour: block 1 or 2; concept: order 1 or 2
  std::string word;       // colour
  std::string target, choice1, choice2;   // concept
};

std::string encode_custom_id(const RequestKey& key);
// nullopt when the text is not a custom_id written by encode_custom_id.
std::optional<RequestKey> decode_custom_id(const std::string& id);

// "2.0", "1.5", "0.7": the temperature as the paper's labels write it.
std::string temperature_label(double temperature);

}  // namespace shoal::kit

#include "kit/task_text.hpp"

namespace shoal::kit {

const char* to_string(Task task) { return task == Task::Color ? "color" : "concept"; }

std::string color_question(const std::string& word) {
  return "Question: What is the HEX code of the color you most associate with the word " + word +
         "? You must respond with a guess, even if you're unsure. Make sure your response contains a valid "
         "6-digit HEX code.";
}

std::string concept_question(const std::string& target, const std::string& first, const std::string& second,
                             Wording wording) {
  const std::string article = wording == Wording::Paper ? "a " : "";
  return "Question: Which is more similar to " + article + target + ", " + first + " or " + second +
         "? Respond only with \"" + first + "\" or \"" + second + "\".";
}

const std::vector<std::string>& animal_concepts() {
  static const std::vector<std::string> names = {"a finch",   "a robin",   "a chicken", "an eagle", "an ostrich",
                                                 "a penguin", "a salmon",  "a seal",    "a dolphin", "a whale"};
  return names;
}

const std::vector<std::string>& politician_concepts() {
  static const std::vector<std::string> names = {
      "Abraham Lincoln", "Barack Obama",   "Bernie Sanders",  "Donald Trump", "Elizabeth Warren",
      "George W. Bush",  "Hillary Clinton", "Joe Biden",      "Richard Nixon", "Ronald Reagan"};
  return names;
}

}  // namespace shoal::kit

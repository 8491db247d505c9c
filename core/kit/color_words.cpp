#include "kit/color_words.hpp"

namespace shoal::kit {

const std::vector<std::string>& paper_color_words() {
  static const std::vector<std::string> words = {
    "absurdity", "ache", "admiration", "adoration", "anxiety", "appearance", "apple", "badger", "barley",
    "beauty", "belt", "berry", "blessing", "boat", "bone", "book", "bracelet", "bread", "building",
    "bunkbed", "bus", "butterfly", "cabinet", "canyon", "chair", "chalk", "chaos", "chest", "cigar",
    "clarity", "cockroach", "communication", "complexity", "computer", "cornflour", "corpse", "couch",
    "cow", "crab", "craziness", "daffodil", "defiance", "democracy", "desire", "despair", "diner",
    "discomfort", "discretion", "disgust", "diversity", "divinity", "dread", "dream", "drums", "earphones",
    "ego", "elegance", "elephant", "embarrassment", "energy", "equality", "excitement", "faith", "fame",
    "fear", "ferret", "fire", "fish", "flag", "flesh", "fork", "freedom", "friendliness", "gist",
    "glamour", "glee", "gloom", "gossip", "grape", "hairdryer", "hammer", "happiness", "harp", "hate",
    "hawk", "heaven", "hell", "heroism", "hill", "horn", "humiliation", "imagination", "inflamation",
    "insanity", "insect", "iron", "jealousy", "jeans", "joy", "justice", "kangaroo", "leg", "lemon",
    "lobster", "love", "loyal", "magazine", "magic", "mansion", "memory", "microscope", "mirror",
    "misconception", "modesty", "moose", "muscle", "mysterious", "necklace", "needle", "noblity", "notion",
    "noun", "obligation", "obviousness", "ocean", "oddity", "opinion", "optimism", "otter", "pain",
    "panther", "passion", "peculiarity", "pheasant", "playfulness", "positivity", "pride", "prune",
    "purse", "randomness", "razor", "reality", "reassurance", "regret", "relief", "responsibility",
    "revolt", "road", "robin", "rock", "romance", "rose", "sadness", "sanity", "seat", "shampoo", "shirt",
    "shoes", "shyness", "skin", "speed", "spinach", "staple", "stethoscope", "stomach", "success",
    "suffering", "suit", "sun", "surprise", "tarantula", "temptation", "tendency", "theory", "thistle",
    "thoughtlessness", "tie", "toast", "toe", "toilet", "tomato", "tortoise", "train", "tree", "tripod",
    "trouble", "unicorn", "urge", "vagueness", "vegetable", "verb", "viciousness", "warehouse", "weapon",
    "weariness", "wilderness", "windmill", "window", "wisdom",
  };
  return words;
}

}  // namespace shoal::kit

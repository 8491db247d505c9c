// Writes synthetic populations whose diversity is known by construction, in
// the formats researchers bring, so the app and the CLI can be tried without
// participant data: OUT/color/ (a jsPsych-style human export and the LLM
// pipeline's wide output), OUT/concept/ (the analysis format and raw LLM
// replies) and OUT/index.json listing them.
//
// Word–colour associations:
// Every word has a typical colour. An individual's own colour for a word is
// that colour moved by an individual offset (sd `spread`), and each of their
// two answers adds fresh noise (sd `noise`), all in 8-bit RGB, clipped.
//   human-like: spread 60, noise 18  -> consistent individuals who differ:
//               far below the diagonal
//   toy-a-chat: spread 4, noise 14; toy-b-chat: spread 8, noise 14 -> near
//               one shared concept: on or near the diagonal
//   toy-a-base: spread 30, noise 24; toy-b-base: spread 40, noise 22 -> in
//               between, with invalid replies
//
// Similarity judgements: for each target, every individual holds one of a
// few latent concepts (weights w_k), each answering every question 1 with
// probability 0.97 or 0.03, drawn per concept and question. The expected
// P(multiple concepts) is 1 - Σ w_k²:
//   humans:           weights .4 .3 .2 .1 -> 0.70
//   toy-a-base:       weights .7 .3       -> 0.42, with a few invalid replies
//   toy-a-chat:       one concept         -> 0
//   toy-b-base:       weights .5 .3 .2    -> 0.62, with a few invalid replies
//   toy-b-chat:       weights .9 .1       -> 0.18
// The toy models come in two families, each with a non-aligned ("base") and
// an aligned ("chat") member, so the alignment comparison has data.
//
// Likert questionnaire (the generic categorical format, options declared):
// for each topic, every individual holds one of a few latent concepts (the
// same weights as the similarity judgements), each with a favourite option
// per statement, chosen with probability 0.75, else a neighbouring one. The
// expected P(multiple concepts) is again 1 - Σ w_k². The first two
// statements are asked twice, for reliability.
//
// Numeric estimates: every item has a true value and a spread s. An
// individual's own estimate is the truth plus an offset (sd b·s), and each of
// their two answers adds fresh noise (sd w·s). The expected distance from the
// line of unity, in units of s (on the default pooled-SD scale the order is
// the same), is √(2/π)·(√(b² + w²) − w):
//   humans:      b 1.0,  w 0.3   -> 0.60
//   toy-a-base:  b 0.6,  w 0.5   -> 0.23, with a few missing answers
//   toy-a-chat:  b 0.1,  w 0.2   -> 0.02
//   toy-b-base:  b 0.7,  w 0.4   -> 0.32, with a few missing answers
//   toy-b-chat:  b 0.15, w 0.25  -> 0.03
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "color/lab.hpp"
#include "stats/rng.hpp"

namespace {

struct WordColour {
  const char* word;
  int r, g, b;
};

const WordColour kWords[] = {
    {"ocean", 0, 105, 148},     {"spinach", 52, 110, 45},   {"fire", 226, 88, 34},    {"lemon", 250, 230, 70},
    {"sadness", 90, 110, 160},  {"love", 200, 30, 60},      {"banana", 240, 220, 90}, {"tree", 60, 120, 50},
    {"sky", 135, 190, 235},     {"coal", 40, 40, 40},       {"snow", 245, 245, 250},  {"grape", 110, 50, 130},
    {"envy", 80, 160, 60},      {"anger", 190, 20, 20},     {"calm", 150, 200, 210},  {"rust", 170, 80, 40},
    {"milk", 250, 248, 240},    {"night", 20, 25, 60},      {"sand", 220, 200, 150},  {"rose", 220, 80, 120},
    {"justice", 70, 80, 120},   {"noise", 160, 160, 160},   {"joy", 255, 200, 40},    {"fear", 60, 50, 70},
};

struct PopulationSpec {
  double spread;
  double noise;
  double invalid_rate;
};

std::uint8_t clip(double v) { return static_cast<std::uint8_t>(std::clamp(std::lround(v), 0L, 255L)); }

shoal::Rgb8 jitter(shoal::Rng& rng, double r, double g, double b, double sd) {
  return {clip(r + sd * rng.normal()), clip(g + sd * rng.normal()), clip(b + sd * rng.normal())};
}

void write_human_export(const std::string& path, int participants, const PopulationSpec& spec, shoal::Rng& rng) {
  std::ofstream out(path);
  out << "participantID,wordSetID,rt,word,button_pressed,response_r,response_g,response_b,trial_index,"
         "time_elapsed,condition\n";
  for (int p = 0; p < participants; ++p) {
    const int id = 100 + p;
    int trial = 0;
    long elapsed = 0;
    out << id << ",0,,,,,,," << trial++ << "," << elapsed << ",instructions\n";
    std::vector<shoal::Rgb8> own;
    for (const auto& w : kWords) own.push_back(jitter(rng, w.r, w.g, w.b, spec.spread));
    for (int block = 1; block <= 2; ++block) {
      for (std::size_t i = 0; i < own.size(); ++i) {
        const auto answer = jitter(rng, own[i].r, own[i].g, own[i].b, spec.noise);
        const double rt = 1200 + 2000 * rng.uniform();
        elapsed += static_cast<long>(rt) + 400;
        char line[256];
        std::snprintf(line, sizeof line, "%d,0,%.3f,%s,%d,%d,%d,%d,%d,%ld,block%d_target_trial\n", id, rt,
                      kWords[i].word, static_cast<int>(rng.below(40)), answer.r, answer.g, answer.b, trial++,
                      elapsed, block);
        out << line;
      }
    }
  }
}

std::string reply_text(shoal::Rng& rng, shoal::Rgb8 colour, bool invalid) {
  if (invalid) return "As an AI, I don't associate colours with words.";
  char hex[8];
  const std::string code(shoal::hex_of(colour, hex));
  switch (rng.below(3)) {
    case 0: return "The HEX code I associate with it is " + code + ".";
    case 1: return code;
    default: return "I'd go with " + code + ", it feels right.";
  }
}

// A simulated model: its name, its family and whether it is the aligned
// member of the family's pair, written as label columns.
struct ToyModel {
  const char* name;
  const char* family;
  bool aligned;
};

std::string label_cells(const ToyModel& model) {
  return std::string(model.name) + "," + model.family + "," + (model.aligned ? "yes" : "no") + ",default,none";
}

void write_llm_output(const std::string& path, const ToyModel& model, int individuals, const PopulationSpec& spec,
                      shoal::Rng& rng) {
  std::ofstream out(path);
  out << "model_name,family,aligned,temperature,prompt,word,subject_num,generation1,hex1,generation2,hex2\n";
  for (int s = 0; s < individuals; ++s) {
    for (const auto& w : kWords) {
      const auto own = jitter(rng, w.r, w.g, w.b, spec.spread);
      out << label_cells(model) << "," << w.word << "," << s;
      for (int b = 0; b < 2; ++b) {
        const bool invalid = rng.uniform() < spec.invalid_rate;
        const auto answer = jitter(rng, own.r, own.g, own.b, spec.noise);
        char hex[8];
        out << ",\"" << reply_text(rng, answer, invalid) << "\"," << (invalid ? "" : std::string(shoal::hex_of(answer, hex)));
      }
      out << "\n";
    }
  }
}

const char* const kAnimals[] = {"finch",   "robin",  "chicken", "eagle",   "ostrich",
                                "penguin", "salmon", "seal",    "dolphin", "whale"};
const char* const kPoliticians[] = {"Abraham Lincoln", "Barack Obama",    "Bernie Sanders", "Donald Trump",
                                    "Elizabeth Warren", "George W. Bush", "Hillary Clinton", "Joe Biden",
                                    "Richard Nixon",    "Ronald Reagan"};

struct Target {
  std::string name;
  std::vector<std::string> others;   // the nine other concepts of its domain
};

std::vector<Target> concept_targets() {
  std::vector<Target> targets;
  auto add = [&](const char* const (&domain)[10], int target) {
    Target t{domain[target], {}};
    for (int i = 0; i < 10; ++i) {
      if (i != target) t.others.push_back(domain[i]);
    }
    targets.push_back(t);
  };
  add(kAnimals, 5);       // penguin
  add(kAnimals, 9);       // whale
  add(kPoliticians, 1);   // Obama
  add(kPoliticians, 8);   // Nixon
  return targets;
}

// For each latent concept, the probability of answering 1 per question.
std::vector<std::vector<double>> latent_concepts(std::size_t count, std::size_t questions, shoal::Rng& rng) {
  std::vector<std::vector<double>> thetas(count, std::vector<double>(questions));
  for (auto& theta : thetas) {
    for (auto& t : theta) t = rng.uniform() < 0.5 ? 0.97 : 0.03;
  }
  return thetas;
}

std::size_t pick(const std::vector<double>& weights, shoal::Rng& rng) {
  double u = rng.uniform();
  for (std::size_t k = 0; k < weights.size(); ++k) {
    if (u < weights[k]) return k;
    u -= weights[k];
  }
  return weights.size() - 1;
}

struct JudgementSpec {
  std::vector<double> weights;
  double invalid_rate;
};

// Calls answer(target, individual id, first, second, choice) for every
// question of every individual; choice 1 picks `second`.
template <typename Answer>
void simulate_judgements(int individuals, const JudgementSpec& spec, shoal::Rng& rng, Answer answer) {
  const auto targets = concept_targets();
  for (std::size_t t = 0; t < targets.size(); ++t) {
    const auto& others = targets[t].others;
    const auto thetas = latent_concepts(spec.weights.size(), 36, rng);
    for (int i = 0; i < individuals; ++i) {
      const auto& theta = thetas[pick(spec.weights, rng)];
      std::size_t q = 0;
      for (std::size_t a = 0; a < others.size(); ++a) {
        for (std::size_t b = a + 1; b < others.size(); ++b, ++q) {
          answer(targets[t].name, static_cast<int>(t) * 1000 + i, others[a], others[b], rng.uniform() < theta[q] ? 1 : 0);
        }
      }
    }
  }
}

void write_human_judgements(const std::string& path, int individuals, const JudgementSpec& spec, shoal::Rng& rng) {
  std::ofstream out(path);
  out << "population,Concept,ID,Question,ChoiceNumber\n";
  simulate_judgements(individuals, spec, rng, [&](const std::string& target, int id, const std::string& first,
                                                  const std::string& second, int choice) {
    out << "human,\"" << target << "\"," << id << ",\"" << first << " " << second << "\"," << choice << "\n";
  });
}

// Raw replies: the pair shown in both orders, the same choice named twice
// except for an occasional change of mind or a reply naming neither.
void write_llm_judgements(const std::string& path, const ToyModel& model, int individuals,
                          const JudgementSpec& spec, shoal::Rng& rng) {
  std::ofstream out(path);
  out << "model_name,family,aligned,temperature,prompt,subject_num,target,choice1,choice2,generation1,generation2\n";
  simulate_judgements(individuals, spec, rng, [&](const std::string& target, int id, const std::string& first,
                                                  const std::string& second, int choice) {
    const std::string& picked = choice == 1 ? second : first;
    const std::string& other = choice == 1 ? first : second;
    auto reply = [&](const std::string& name) {
      if (rng.uniform() < spec.invalid_rate) return std::string("Both are equally similar, in different ways.");
      return "I would say " + name + " is more similar to " + target + ".";
    };
    const std::string second_reply = reply(rng.uniform() < 0.05 ? other : picked);
    out << label_cells(model) << "," << id << ",\"" << target << "\",\"" << first << "\",\"" << second << "\",\""
        << reply(picked) << "\",\"" << second_reply << "\"\n";
  });
}

const char* const kLikertOptions = "strongly disagree|disagree|neutral|agree|strongly agree";

struct LikertTopic {
  const char* topic;
  const char* statements[6];
};

const LikertTopic kLikertTopics[] = {
    {"remote work", {"it makes people more productive", "it weakens teams", "it should be a right", "it saves time",
                     "it is lonely", "it will be the norm"}},
    {"city life", {"cities are too loud", "cities foster creativity", "cars should be banned from centres",
                   "rent is the main problem", "parks matter more than shops", "people are kinder in villages"}},
    {"social media", {"it harms teenagers", "it helps democracy", "it should be regulated", "it spreads news faster",
                      "it makes friendships shallower", "it is a waste of time"}},
};

// Rows "individual,target,question,answer,options" after the given label
// cells, for every topic and individual.
void write_likert(const std::string& path, const std::string& header, const std::string& labels, int individuals,
                  const std::vector<double>& weights, shoal::Rng& rng) {
  std::ofstream out(path);
  out << header << "individual,target,question,answer,options\n";
  const char* const options[] = {"strongly disagree", "disagree", "neutral", "agree", "strongly agree"};
  for (std::size_t t = 0; t < std::size(kLikertTopics); ++t) {
    const auto& topic = kLikertTopics[t];
    std::vector<std::vector<int>> favourite(weights.size(), std::vector<int>(6));
    for (auto& f : favourite) {
      for (auto& o : f) o = static_cast<int>(rng.below(5));
    }
    for (int i = 0; i < individuals; ++i) {
      const auto& mine = favourite[pick(weights, rng)];
      for (int q = 0; q < 8; ++q) {
        const int statement = q % 6;   // 6 and 7 ask the first two again
        int answer = mine[statement];
        if (rng.uniform() >= 0.75) answer = std::clamp(answer + (rng.uniform() < 0.5 ? -1 : 1), 0, 4);
        out << labels << static_cast<int>(t) * 1000 + i << "," << topic.topic << ",\"" << topic.statements[statement]
            << "\"," << options[answer] << "," << kLikertOptions << "\n";
      }
    }
  }
}

struct EstimateItem {
  const char* item;
  double truth;
  double spread;
};

const EstimateItem kEstimates[] = {
    {"jelly beans in a one-litre jar", 900, 300},     {"height of the Eiffel Tower (m)", 330, 60},
    {"percent of Earth covered by water", 71, 8},     {"people in a full football stadium", 60000, 15000},
    {"minutes to boil an egg hard", 10, 2.5},         {"chance of rain tomorrow (%)", 40, 15},
    {"weight of a house cat (kg)", 4.5, 1.2},         {"books a person reads in a year", 12, 6},
    {"distance from Paris to Rome (km)", 1100, 250},  {"cups of coffee drunk per day", 2, 0.8},
    {"age of the oldest tree (years)", 4800, 1500},   {"words in a novel (thousands)", 90, 25},
};

struct EstimateSpec {
  double between;   // b: sd of an individual's offset, in item spreads
  double within;    // w: sd of each answer around the individual's own estimate
  double missing_rate;
};

void write_estimates(const std::string& path, const std::string& population, const ToyModel* model,
                     int individuals, const EstimateSpec& spec, shoal::Rng& rng) {
  std::ofstream out(path);
  out << "population,individual,item,block,value,model_name,family,aligned,temperature,prompt\n";
  const std::string labels = model ? label_cells(*model) : ",,,,";
  for (int s = 0; s < individuals; ++s) {
    for (const auto& e : kEstimates) {
      const double own = e.truth + spec.between * e.spread * rng.normal();
      for (int b = 1; b <= 2; ++b) {
        const double answer = own + spec.within * e.spread * rng.normal();
        const bool missing = rng.uniform() < spec.missing_rate;
        char value[32];
        std::snprintf(value, sizeof value, "%.4g", answer);
        out << population << "," << s + 1 << ",\"" << e.item << "\"," << b << "," << (missing ? "NA" : value) << ","
            << labels << "\n";
      }
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3) {
    std::fprintf(stderr, "usage: make_examples OUTPUT_DIR [SEED]\n");
    return 2;
  }
  const std::string dir = argv[1];
  const std::uint64_t seed = argc == 3 ? std::strtoull(argv[2], nullptr, 10) : 2025;
  std::filesystem::create_directories(dir + "/color");
  std::filesystem::create_directories(dir + "/concept");
  shoal::Rng rng(seed);
  // Two families, each a non-aligned model and a less diverse aligned one.
  const ToyModel models[] = {
      {"toy-a-base", "toy-a", false}, {"toy-a-chat", "toy-a", true},
      {"toy-b-base", "toy-b", false}, {"toy-b-chat", "toy-b", true}};
  const PopulationSpec colour_specs[] = {{30.0, 24.0, 0.05}, {4.0, 14.0, 0.01}, {40.0, 22.0, 0.03}, {8.0, 14.0, 0.01}};
  const JudgementSpec judgement_specs[] = {
      {{0.7, 0.3}, 0.002}, {{1.0}, 0.0}, {{0.5, 0.3, 0.2}, 0.002}, {{0.9, 0.1}, 0.0}};

  std::vector<std::string> files = {"color/color-humans.csv"};
  write_human_export(dir + "/" + files.back(), 80, {60.0, 18.0, 0.0}, rng);
  for (int m = 0; m < 4; ++m) {
    files.push_back(std::string("color/") + models[m].name + "-prompt=none-temp=default.csv");
    write_llm_output(dir + "/" + files.back(), models[m], 60, colour_specs[m], rng);
  }
  files.push_back("concept/concept-humans.csv");
  write_human_judgements(dir + "/" + files.back(), 60, {{0.4, 0.3, 0.2, 0.1}, 0.0}, rng);
  for (int m = 0; m < 4; ++m) {
    files.push_back(std::string("concept/") + models[m].name + "-judgements.csv");
    write_llm_judgements(dir + "/" + files.back(), models[m], 60, judgement_specs[m], rng);
  }
  std::filesystem::create_directories(dir + "/values");
  // A stream of its own, so the other examples do not change with it.
  shoal::Rng values_rng(shoal::derive_seed(seed, "values"));
  const EstimateSpec estimate_specs[] = {{0.6, 0.5, 0.02}, {0.1, 0.2, 0.0}, {0.7, 0.4, 0.02}, {0.15, 0.25, 0.0}};
  // The Likert and numeric examples are listed apart from the colour and
  // concept files: each is tried on its own.
  std::vector<std::string> values = {"values/estimates-humans.csv"};
  write_estimates(dir + "/" + values.back(), "humans", nullptr, 80, {1.0, 0.3, 0.0}, values_rng);
  for (int m = 0; m < 4; ++m) {
    values.push_back(std::string("values/") + models[m].name + "-estimates.csv");
    write_estimates(dir + "/" + values.back(), models[m].name, &models[m], 60, estimate_specs[m], values_rng);
  }
  // The Likert questionnaire, analysed as the concept task.
  std::filesystem::create_directories(dir + "/likert");
  shoal::Rng likert_rng(shoal::derive_seed(seed, "likert"));
  std::vector<std::string> likert = {"likert/likert-humans.csv"};
  write_likert(dir + "/" + likert.back(), "population,", "humans,", 40, {0.4, 0.3, 0.2, 0.1}, likert_rng);
  for (int m = 0; m < 4; ++m) {
    likert.push_back(std::string("likert/") + models[m].name + "-likert.csv");
    write_likert(dir + "/" + likert.back(), "model_name,family,aligned,temperature,prompt,", label_cells(models[m]) + ",",
                 40, judgement_specs[m].weights, likert_rng);
  }
  const auto list = [](const std::vector<std::string>& paths) {
    std::string text;
    for (std::size_t i = 0; i < paths.size(); ++i) text += (i ? ", \"" : "\"") + paths[i] + "\"";
    return "[" + text + "]";
  };
  std::ofstream index(dir + "/index.json");
  index << "{\"files\": " << list(files) << ", \"likert\": " << list(likert) << ", \"values\": " << list(values)
        << "}\n";
  std::printf("wrote example populations to %s\n", dir.c_str());
  return 0;
}

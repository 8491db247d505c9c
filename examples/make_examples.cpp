// Writes synthetic word–colour populations whose diversity is known by
// construction, in the formats researchers bring (a jsPsych-style human
// export and the LLM pipeline's wide output), so the app and the CLI can be
// tried without participant data.
//
// Every word has a typical colour. An individual's own colour for a word is
// that colour moved by an individual offset (sd `spread`), and each of their
// two answers adds fresh noise (sd `noise`), all in 8-bit RGB, clipped.
//   human-like: spread 60, noise 18  -> consistent individuals who differ:
//               far below the diagonal
//   aligned-like LLM: spread 4, noise 14 -> one shared concept: on the
//               diagonal
//   base-like LLM:  spread 30, noise 24 -> in between, with invalid replies
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

void write_llm_output(const std::string& path, const std::string& model, const std::string& temperature,
                      int individuals, const PopulationSpec& spec, shoal::Rng& rng) {
  std::ofstream out(path);
  out << "model_name,temperature,word,subject_num,prompt,generation1,hex1,generation2,hex2\n";
  for (int s = 0; s < individuals; ++s) {
    for (const auto& w : kWords) {
      const auto own = jitter(rng, w.r, w.g, w.b, spec.spread);
      out << model << "," << temperature << "," << w.word << "," << s << ",none";
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

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3) {
    std::fprintf(stderr, "usage: make_examples OUTPUT_DIR [SEED]\n");
    return 2;
  }
  const std::string dir = argv[1];
  const std::uint64_t seed = argc == 3 ? std::strtoull(argv[2], nullptr, 10) : 2025;
  std::filesystem::create_directories(dir);
  shoal::Rng rng(seed);
  write_human_export(dir + "/color-humans.csv", 80, {60.0, 18.0, 0.0}, rng);
  write_llm_output(dir + "/toy-aligned-prompt=none-temp=default.csv", "toy-aligned", "default", 60,
                   {4.0, 14.0, 0.01}, rng);
  write_llm_output(dir + "/toy-base-prompt=none-temp=default.csv", "toy-base", "default", 60, {30.0, 24.0, 0.05},
                   rng);
  std::printf("wrote example colour populations to %s\n", dir.c_str());
  return 0;
}

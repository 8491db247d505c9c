#pragma once
#include <emscripten/val.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "analysis/analysis_file.hpp"
#include "analysis/input_settings.hpp"
#include "analysis/run_settings.hpp"
#include "io/text_input.hpp"

namespace shoal::wasm {

bool present(const emscripten::val& v);
// The field's text, or empty when it is missing or not a string.
std::string string_field(const emscripten::val& object, const char* name);

// A file as the page passes it, {name, bytes: Uint8Array, size?, sha256?},
// copied into the module's memory; the page's SHA-256 goes with the bytes
// when they are the whole file.
TextInput read_bytes(const emscripten::val& file);

// The file's fingerprint: the page's, when it gave one, else the SHA-256
// of its bytes, taken a megabyte at a time rather than from a copy of the
// whole file in the module's memory, which never shrinks.
std::string fingerprint(const emscripten::val& file);

// Throws when the file states a size (a page's file does) other than its
// bytes': a file given in part, or whose bytes were let go after parsing,
// must not be analysed as if it were whole.
void check_whole(const emscripten::val& file, const TextInput& input);

// The file's settings: {format, columns: {role: column}, labels: {name,
// model, prompt, temperature, family, aligned, human}}, every field optional.
InputSettings read_settings(const emscripten::val& file);

// The files as inputs of an analysis file (analysis/analysis_file.hpp), in
// their order: name, SHA-256 (the page's, computed once on reading, else
// computed here) and settings; a file set to the format "word-norms" holds
// the words' ratings.
std::vector<AnalysisFileInput> analysis_inputs(const emscripten::val& files);

// Every file's settings as options of one task, the column roles checked as
// the command line checks them. `to_options` gives nullopt for a format of
// another task.
template <typename Options, typename ToOptions>
void read_options(const emscripten::val& files, std::vector<Options>& options, ToOptions to_options, const char* task,
                  const std::vector<std::string>& roles) {
  for (unsigned i = 0; i < files["length"].as<unsigned>(); ++i) {
    const auto o = to_options(read_settings(files[i]));
    if (!o) throw std::invalid_argument(files[i]["name"].as<std::string>() + " is set to a format of another task, not " + task);
    check_column_roles(o->columns, roles);
    options.push_back(*o);
  }
}

// Every file of `files`, read whole, and its settings as options of one
// task (see read_options).
template <typename Options, typename ToOptions>
void read_files(const emscripten::val& files, std::vector<TextInput>& inputs, std::vector<Options>& options,
                ToOptions to_options, const char* task, const std::vector<std::string>& roles) {
  read_options(files, options, to_options, task, roles);
  for (unsigned i = 0; i < files["length"].as<unsigned>(); ++i) {
    inputs.push_back(read_bytes(files[i]));
    check_whole(files[i], inputs.back());
  }
}

}  // namespace shoal::wasm

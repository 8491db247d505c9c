#pragma once
#include "io/csv.hpp"
#include "io/text_input.hpp"

namespace shoal {

// The records of an input, whatever its container: gzip-compressed or not
// (detected from the bytes), and delimited text (see parse_csv) or JSON —
// one object per line (JSON Lines) or an array of objects. For JSON, the
// columns are the keys in order of first appearance; a key an object lacks
// is an empty cell; numbers and booleans become their text. Row numbers in
// messages are lines of the decompressed text (JSON Lines) or positions in
// the array plus one (an array). Throws InputError naming the file.
CsvTable read_table(const TextInput& input);

}  // namespace shoal

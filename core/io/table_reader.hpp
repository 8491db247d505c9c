#pragma once
#include <cstddef>
#include <functional>
#include <optional>

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

// The same records handed to `on_part` in parts of at most `rows_per_part`
// rows (see parse_csv_parts), for a reader that keeps less than the cells.
// JSON comes as one part: its columns are known only at its end. The input
// is taken (move it in): its bytes are freed as soon as no part needs them,
// a gzip file's once inflated.
// With `again`, the parts come once more each time it returns true after
// the last (delimited text is read again; JSON's one table is handed over
// again).
void read_table_parts(TextInput input, std::size_t rows_per_part, const std::function<void(const CsvTable&)>& on_part,
                      const std::function<bool()>& again = {});

// The columns of delimited text, read without its rows (see
// parse_csv_header), so that a reader can choose how to read the rest;
// nullopt for JSON, whose columns are known only once every object is read.
std::optional<CsvTable> read_table_header(const TextInput& input);

}  // namespace shoal

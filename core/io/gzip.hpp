#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace shoal {

// True when the bytes start with the gzip magic number.
bool is_gzip(std::string_view bytes);

// Decompresses gzip data (RFC 1952, one or more members; DEFLATE per RFC
// 1951), checking each member's CRC-32 and length. Written here rather than
// taken from zlib so the browser build needs no port. Throws InputError
// naming `file` for corrupt or truncated data, or output beyond `limit`.
std::string gunzip(std::string_view bytes, const std::string& file, std::size_t limit);

// How much text `compressed_size` bytes of gzip may decompress to: 64 times
// their size plus 64 MiB, and never more than 1 GiB. Real tables compress
// five to twenty times; a decompression bomb goes far beyond, and is stopped
// while it inflates, before it takes the memory.
std::size_t gzip_budget(std::size_t compressed_size);

}  // namespace shoal

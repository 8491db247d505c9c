#pragma once
#include <string>
#include <string_view>

namespace shoal {

// Lower-case hex SHA-256 of the bytes. Reports carry it for every input so a
// reviewer can check they analyse the very same files.
std::string sha256_hex(std::string_view bytes);

}  // namespace shoal

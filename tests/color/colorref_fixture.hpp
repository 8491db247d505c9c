#pragma once
#include "color/responses.hpp"

namespace shoal::test {

// The paper's human colour file (colorref.csv), loaded once for every test
// that reads it.
const ColorDataset& colorref();

}  // namespace shoal::test

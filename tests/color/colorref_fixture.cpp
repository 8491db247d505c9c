#include "color/colorref_fixture.hpp"

#include "support.hpp"

namespace shoal::test {

const ColorDataset& colorref() {
  static const ColorDataset dataset =
      load_color_inputs({shared_input("paper-data/color-task/colorref.csv")}, {ColorInputOptions{}});
  return dataset;
}

}  // namespace shoal::test

#include "io/name_index.hpp"

#include <functional>
#include <stdexcept>

namespace shoal {

std::string_view NameIndex::name(std::uint32_t number) const {
  const std::uint32_t begin = number == 0 ? 0 : ends_[number - 1];
  return std::string_view(text_).substr(begin, ends_[number] - begin);
}

std::size_t NameIndex::slot_of(std::string_view name) const {
  // slots_ is a power of two in length, at most half held.
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t at = std::hash<std::string_view>()(name) & mask;; at = (at + 1) & mask) {
    if (slots_[at] == 0 || this->name(slots_[at] - 1) == name) return at;
  }
}

std::optional<std::uint32_t> NameIndex::find(std::string_view name) const {
  if (slots_.empty()) return std::nullopt;
  const std::uint32_t held = slots_[slot_of(name)];
  return held == 0 ? std::nullopt : std::optional<std::uint32_t>(held - 1);
}

std::uint32_t NameIndex::intern(std::string_view name) {
  if (2 * (size() + 1) > slots_.size()) grow();
  const std::size_t at = slot_of(name);
  if (slots_[at] != 0) return slots_[at] - 1;
  if (text_.size() + name.size() > UINT32_MAX || size() + 1 >= UINT32_MAX) {
    throw std::length_error("more than 4 GB of distinct names");
  }
  text_.append(name);
  ends_.push_back(static_cast<std::uint32_t>(text_.size()));
  slots_[at] = static_cast<std::uint32_t>(size());
  return slots_[at] - 1;
}

void NameIndex::grow() {
  std::vector<std::uint32_t> old(slots_.empty() ? 16 : 2 * slots_.size(), 0);
  old.swap(slots_);
  const std::size_t mask = slots_.size() - 1;
  for (std::uint32_t number = 0; number < size(); ++number) {
    std::size_t at = std::hash<std::string_view>()(name(number)) & mask;
    while (slots_[at] != 0) at = (at + 1) & mask;
    slots_[at] = number + 1;
  }
}

}  // namespace shoal

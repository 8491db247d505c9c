#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace shoal {

// Distinct names numbered 0, 1, ... in order of first appearance, held as
// one run of text with an end offset per name and an open-addressed table
// of numbers. A standard map of strings keeps a node and, past 15
// characters, a string of its own per name: about 100 bytes for a name of
// 19 characters where this keeps about 35. A file of 50,000 small concepts
// brings 330,000 question keys, held until every row is read.
class NameIndex {
 public:
  // The name's number, numbering it when it is new. Throws
  // std::length_error when the names would pass 4 GB in all.
  std::uint32_t intern(std::string_view name);
  std::optional<std::uint32_t> find(std::string_view name) const;
  // Valid until the next intern().
  std::string_view name(std::uint32_t number) const;
  std::size_t size() const { return ends_.size(); }

 private:
  std::size_t slot_of(std::string_view name) const;   // its slot, or the free slot where it would go
  void grow();

  std::string text_;
  std::vector<std::uint32_t> ends_;    // ends_[i]: one past name i's last character in text_
  std::vector<std::uint32_t> slots_;   // number + 1 of the name there; 0: free
};

}  // namespace shoal

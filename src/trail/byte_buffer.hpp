#pragma once
// A growable byte buffer that is never zero-filled (inflating into it overwrites every byte anyway) and
// always keeps simdjson's padding readable past the end.
#include <cstddef>
#include <cstring>
#include <memory>
#include <simdjson.h>

namespace rg::trail {

class ByteBuffer {
public:
  char* data() { return data_.get(); }
  const char* data() const { return data_.get(); }
  std::size_t size() const { return size_; }
  std::size_t capacity() const { return capacity_; } // usable bytes, padding excluded
  void resize(std::size_t size) { size_ = size; }

  // Ensures `capacity` usable bytes; keeps the first size() bytes.
  void reserve(std::size_t capacity) {
    if (capacity <= capacity_) {
      return;
    }
    // NOLINTNEXTLINE(modernize-avoid-c-arrays): uninitialised storage on purpose (no zero fill)
    std::unique_ptr<char[]> grown(new char[capacity + simdjson::SIMDJSON_PADDING]);
    if (size_ > 0) {
      std::memcpy(grown.get(), data_.get(), size_);
    }
    std::memset(grown.get() + capacity, 0, simdjson::SIMDJSON_PADDING);
    data_ = std::move(grown);
    capacity_ = capacity;
  }

  // Gives memory back after an unusually large file, so one big file does not pin it for the whole run.
  void shrink_to(std::size_t capacity) {
    if (capacity_ > capacity) {
      data_.reset();
      capacity_ = 0;
      size_ = 0;
    }
  }

private:
  std::unique_ptr<char[]> data_; // NOLINT(modernize-avoid-c-arrays): see reserve()
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
};

} // namespace rg::trail

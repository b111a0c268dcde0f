// Memory is checked before it is taken: every large computation first estimates its bytes and is
// refused above a budget (the page has about 2-4 GB of wasm memory and no way to recover from an
// abort), and large arrays are allocated without exceptions so a failed allocation is reported.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>
#include <stdexcept>
#include <string>

namespace slingshot {

// Default limit: what a browser tab can reliably give a wasm32 module.
inline constexpr double kDefaultMemoryBudgetBytes = 1.5e9;

// Thrown before any allocation when an estimate exceeds the budget, or when an allocation fails.
struct MemoryBudgetError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// "about 2560 MB" style text for messages.
std::string megabytesText(double bytes);

// Throws MemoryBudgetError naming the estimate and the limit when estimate_bytes > budget_bytes.
void requireWithinBudget(const std::string& what, double estimate_bytes, double budget_bytes);

// A fixed-size array allocated with nothrow new and left uninitialised (so the first write is the
// first touch). Allocation failure throws MemoryBudgetError naming the request, never aborts.
template <class T>
class BigArray {
public:
    BigArray() = default;
    BigArray(const std::string& what, uint64_t n) { allocate(what, n); }

    void allocate(const std::string& what, uint64_t n) {
        data_.reset();
        size_ = 0;
        if (n == 0) return;
        if (n > SIZE_MAX / sizeof(T))
            throw MemoryBudgetError(what + ": " + megabytesText(double(n) * sizeof(T)) + " cannot be addressed here");
        data_.reset(new (std::nothrow) T[static_cast<size_t>(n)]);
        if (!data_) throw MemoryBudgetError(what + ": allocating " + megabytesText(double(n) * sizeof(T)) + " failed");
        size_ = n;
    }
    void fill(const T& v) {
        for (uint64_t i = 0; i < size_; ++i) data_[i] = v;
    }
    void release() {
        data_.reset();
        size_ = 0;
    }

    T* data() { return data_.get(); }
    const T* data() const { return data_.get(); }
    T& operator[](uint64_t i) { return data_[i]; }
    const T& operator[](uint64_t i) const { return data_[i]; }
    uint64_t size() const { return size_; }
    bool empty() const { return size_ == 0; }

private:
    std::unique_ptr<T[]> data_;
    uint64_t size_ = 0;
};

}  // namespace slingshot

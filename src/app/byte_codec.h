// Exact binary encoding of the values engine jobs take and give, so a job's parameters and result can
// cross from the page to a Web Worker and back (postMessage of bytes) and come out bit for bit the
// same: integers and doubles as their bytes (NaN and infinities included), strings and vectors with a
// length first, structs by writeValue(ByteWriter&, const T&) / readValue(ByteReader&, T&) found next to
// their type. Both ends are the same build, so the layout is simply the order of the calls.
#pragma once

#include <cstdint>
#include <cstring>
#include <optional>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

namespace slingshot::app {

using Bytes = std::vector<uint8_t>;

class ByteWriter {
public:
    template <class T>
    requires std::is_arithmetic_v<T> || std::is_enum_v<T>
    void put(T v) {
        const size_t at = bytes_.size();
        bytes_.resize(at + sizeof v);
        std::memcpy(bytes_.data() + at, &v, sizeof v);
    }
    void put(const std::string& s) {
        put<uint64_t>(s.size());
        bytes_.insert(bytes_.end(), s.begin(), s.end());
    }
    template <class T>
    void put(const std::vector<T>& v) {
        put<uint64_t>(v.size());
        if constexpr (std::is_arithmetic_v<T>) {
            const size_t at = bytes_.size();
            bytes_.resize(at + v.size() * sizeof(T));
            if (!v.empty()) std::memcpy(bytes_.data() + at, v.data(), v.size() * sizeof(T));
        } else {
            for (const T& x : v) put(x);
        }
    }
    template <class T>
    void put(const std::optional<T>& v) {
        put<uint8_t>(v ? 1 : 0);
        if (v) put(*v);
    }
    template <class T>
    requires(!std::is_arithmetic_v<T> && !std::is_enum_v<T>) void put(const T& v) { writeValue(*this, v); }
    Bytes take() { return std::move(bytes_); }

private:
    Bytes bytes_;
};

class ByteReader {
public:
    explicit ByteReader(const Bytes& bytes) : p_(bytes.data()), end_(bytes.data() + bytes.size()) {}

    template <class T>
    requires std::is_arithmetic_v<T> || std::is_enum_v<T>
    void get(T& v) {
        need(sizeof v);
        std::memcpy(&v, p_, sizeof v);
        p_ += sizeof v;
    }
    void get(std::string& s) {
        const uint64_t n = count(1);
        s.assign(reinterpret_cast<const char*>(p_), n);
        p_ += n;
    }
    template <class T>
    void get(std::vector<T>& v) {
        if constexpr (std::is_arithmetic_v<T>) {
            const uint64_t n = count(sizeof(T));
            v.resize(n);
            if (n) std::memcpy(v.data(), p_, n * sizeof(T));
            p_ += n * sizeof(T);
        } else {
            const uint64_t n = count(1);
            v.resize(n);
            for (T& x : v) get(x);
        }
    }
    template <class T>
    void get(std::optional<T>& v) {
        uint8_t has = 0;
        get(has);
        if (!has) {
            v.reset();
            return;
        }
        v.emplace();
        get(*v);
    }
    template <class T>
    requires(!std::is_arithmetic_v<T> && !std::is_enum_v<T>) void get(T& v) { readValue(*this, v); }
    template <class T>
    T read() {
        T v{};
        get(v);
        return v;
    }
    // Throws unless every byte was read: a layout mismatch is a bug, never silently accepted.
    void finish() const {
        if (p_ != end_) throw std::runtime_error("engine message: " + std::to_string(end_ - p_) + " bytes left unread");
    }

private:
    void need(size_t n) const {
        if (size_t(end_ - p_) < n) throw std::runtime_error("engine message: truncated");
    }
    // A length, checked against the bytes left at `item` bytes an element at least.
    uint64_t count(size_t item) {
        uint64_t n = 0;
        get(n);
        if (n > uint64_t(end_ - p_) / item) throw std::runtime_error("engine message: bad length");
        return n;
    }
    const uint8_t* p_;
    const uint8_t* end_;
};

// Struct codecs that list each field once, in one order, for both directions.
template <class T, class... M>
void putFields(ByteWriter& w, const T& v, M T::*... members) {
    (w.put(v.*members), ...);
}
template <class T, class... M>
void getFields(ByteReader& r, T& v, M T::*... members) {
    (r.get(v.*members), ...);
}

}  // namespace slingshot::app

// Defines writeValue and readValue of Type (in the enclosing namespace) from its fields.
#define SLINGSHOT_BYTE_FIELDS(Type, ...)                              \
    void writeValue(::slingshot::app::ByteWriter& w, const Type& v) { \
        ::slingshot::app::putFields(w, v, __VA_ARGS__);               \
    }                                                                 \
    void readValue(::slingshot::app::ByteReader& r, Type& v) { ::slingshot::app::getFields(r, v, __VA_ARGS__); }

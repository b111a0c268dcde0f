#include "core/graph/bounded_words.h"

#ifdef __wasm_simd128__
#include <wasm_simd128.h>
#endif

namespace slingshot {

namespace {

template <class Id>
bool boundScalar(const uint32_t* words, uint32_t n, uint32_t bound, uint32_t reject_below, Id* out) {
    uint32_t rejected = 0;
    for (uint32_t j = 0; j < n; ++j) {
        const uint64_t m = uint64_t(words[j]) * bound;
        out[j] = static_cast<Id>(m >> 32);
        rejected |= static_cast<uint32_t>(m) < reject_below;
    }
    return rejected != 0;
}

#ifdef __wasm_simd128__
// With w = wh 2^16 + wl and bound < 2^16: floor(w bound / 2^32) = (wh bound + (wl bound >> 16)) >> 16,
// where every term fits 32 bits (wh bound + 65535 < 2^32), and the low 32 bits of w bound are the
// wrapping 32-bit product. Eight words per step; ids < 2^16 narrow into 16-bit lanes exactly.
bool boundSimd16(const uint32_t* words, uint32_t n, uint32_t bound, uint32_t reject_below, uint16_t* out) {
    const v128_t b = wasm_i32x4_splat(static_cast<int32_t>(bound));
    const v128_t zone = wasm_i32x4_splat(static_cast<int32_t>(reject_below));
    const v128_t low16 = wasm_i32x4_splat(0xFFFF);
    auto ids = [&](v128_t w) {
        const v128_t high = wasm_i32x4_mul(wasm_u32x4_shr(w, 16), b);
        const v128_t low = wasm_u32x4_shr(wasm_i32x4_mul(wasm_v128_and(w, low16), b), 16);
        return wasm_u32x4_shr(wasm_i32x4_add(high, low), 16);
    };
    v128_t rejected = wasm_i32x4_splat(0);
    uint32_t j = 0;
    for (; j + 8 <= n; j += 8) {
        const v128_t w0 = wasm_v128_load(words + j);
        const v128_t w1 = wasm_v128_load(words + j + 4);
        rejected = wasm_v128_or(rejected, wasm_v128_or(wasm_u32x4_lt(wasm_i32x4_mul(w0, b), zone),
                                                       wasm_u32x4_lt(wasm_i32x4_mul(w1, b), zone)));
        wasm_v128_store(out + j, wasm_u16x8_narrow_i32x4(ids(w0), ids(w1)));
    }
    const bool tail = boundScalar(words + j, n - j, bound, reject_below, out + j);
    return wasm_v128_any_true(rejected) || tail;
}
#endif

}  // namespace

bool boundWords(const uint32_t* words, uint32_t n, uint32_t bound, uint32_t reject_below, uint16_t* out) {
#ifdef __wasm_simd128__
    if (bound < 0x10000) return boundSimd16(words, n, bound, reject_below, out);
#endif
    return boundScalar(words, n, bound, reject_below, out);
}

bool boundWords(const uint32_t* words, uint32_t n, uint32_t bound, uint32_t reject_below, uint32_t* out) {
    return boundScalar(words, n, bound, reject_below, out);
}

}  // namespace slingshot

// FNV-1a over raw bytes: a pin on arrays of doubles that any changed bit breaks, the same on
// every little-endian platform (x86-64 and WASM).
#pragma once
#include <cstddef>
#include <cstdint>

namespace bpl_test {

constexpr uint64_t kFnvStart = 0xcbf29ce484222325ull;

inline uint64_t fnv1a(uint64_t h, const void* data, size_t n) {
    const unsigned char* p = static_cast<const unsigned char*>(data);
    for (size_t i = 0; i < n; ++i) h = (h ^ p[i]) * 0x100000001b3ull;
    return h;
}

}   // namespace bpl_test

// MT19937 exactly as NumPy's legacy RandomState: init_genrand seeding, 53-bit doubles from
// two draws, and the polar Box–Muller normal that caches its second value.
#include "rng.hpp"

#include <cmath>

namespace bpl {

namespace {

constexpr int kStateLen = 624;
constexpr int kShift = 397;
constexpr uint32_t kMatrixA = 0x9908b0dfu;
constexpr uint32_t kUpperMask = 0x80000000u;
constexpr uint32_t kLowerMask = 0x7fffffffu;

uint32_t twist_pair(uint32_t upper_word, uint32_t lower_word) {
    uint32_t y = (upper_word & kUpperMask) | (lower_word & kLowerMask);
    return (y >> 1) ^ ((y & 1u) ? kMatrixA : 0u);
}

// Regenerates all 624 words (NumPy's mt19937_gen).
void refill(Rng& rng) {
    uint32_t* key = rng.key;
    int i = 0;
    for (; i < kStateLen - kShift; ++i) key[i] = key[i + kShift] ^ twist_pair(key[i], key[i + 1]);
    for (; i < kStateLen - 1; ++i) key[i] = key[i + kShift - kStateLen] ^ twist_pair(key[i], key[i + 1]);
    key[kStateLen - 1] = key[kShift - 1] ^ twist_pair(key[kStateLen - 1], key[0]);
    rng.pos = 0;
}

}   // namespace

void rng_seed(Rng& rng, uint32_t seed) {
    // init_genrand: key[i] = 1812433253 * (key[i-1] ^ (key[i-1] >> 30)) + i, mod 2^32.
    rng.key[0] = seed;
    for (int i = 1; i < kStateLen; ++i) {
        uint32_t prev = rng.key[i - 1];
        rng.key[i] = 1812433253u * (prev ^ (prev >> 30)) + static_cast<uint32_t>(i);
    }
    rng.pos = kStateLen;
    rng.has_gauss = false;
    rng.gauss = 0.0;
}

uint32_t rng_next_u32(Rng& rng) {
    if (rng.pos >= kStateLen) refill(rng);
    uint32_t y = rng.key[rng.pos++];
    // Tempering.
    y ^= (y >> 11);
    y ^= (y << 7) & 0x9d2c5680u;
    y ^= (y << 15) & 0xefc60000u;
    y ^= (y >> 18);
    return y;
}

double rng_uniform(Rng& rng) {
    // 27 + 26 bits: (a * 2^26 + b) / 2^53, in this draw order.
    uint32_t a = rng_next_u32(rng) >> 5;
    uint32_t b = rng_next_u32(rng) >> 6;
    return (a * 67108864.0 + b) / 9007199254740992.0;
}

double rng_normal(Rng& rng) {
    if (rng.has_gauss) {
        rng.has_gauss = false;
        double cached = rng.gauss;
        rng.gauss = 0.0;
        return cached;
    }
    double x1, x2, r2;
    do {
        x1 = 2.0 * rng_uniform(rng) - 1.0;
        x2 = 2.0 * rng_uniform(rng) - 1.0;
        r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1.0 || r2 == 0.0);
    double f = std::sqrt(-2.0 * std::log(r2) / r2);
    rng.gauss = f * x1;   // kept for the next call, as NumPy does
    rng.has_gauss = true;
    return f * x2;
}

}   // namespace bpl

// splitmix64 (a Weyl sequence through a 64-bit mixer) and the draws built on it: 53-bit
// uniforms, unbiased integers by rejection, and Box–Muller normals from data_math's log, sin
// and cos. Compiled with -ffp-contract=off.
#include "data_rng.hpp"

#include <cmath>
#include "data_math.hpp"

namespace bpl {

namespace {

constexpr uint64_t kGolden = 0x9e3779b97f4a7c15ull;   // 2^64 / golden ratio: the Weyl step
constexpr double kTwoPi = 6.283185307179586;

// A bijection of 64-bit words whose every output bit depends on every input bit.
uint64_t mix64(uint64_t z) {
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

}   // namespace

void data_rng_seed(DataRng& rng, uint32_t seed, uint32_t stream, uint64_t index) {
    // (stream, seed) packs into one word without collisions; mix64 is a bijection, so distinct
    // pairs start apart, and the index (an epoch) is mixed in the same way.
    uint64_t key = mix64((static_cast<uint64_t>(stream) << 32) | seed);
    rng.state = mix64(key ^ mix64(index + kGolden));
}

uint64_t data_rng_next(DataRng& rng) {
    rng.state += kGolden;
    return mix64(rng.state);
}

double data_rng_uniform(DataRng& rng) {
    return static_cast<double>(data_rng_next(rng) >> 11) * (1.0 / 9007199254740992.0);   // / 2^53
}

uint32_t data_rng_below(DataRng& rng, uint32_t n) {
    // Reject the lowest 2^64 mod n words so every residue is equally likely.
    uint64_t n64 = n;
    uint64_t threshold = (0 - n64) % n64;
    for (;;) {
        uint64_t word = data_rng_next(rng);
        if (word >= threshold) return static_cast<uint32_t>(word % n64);
    }
}

double data_rng_normal(DataRng& rng) {
    double u1 = 1.0 - data_rng_uniform(rng);   // (0, 1]: log is finite
    double u2 = data_rng_uniform(rng);
    return std::sqrt(-2.0 * data_log(u1)) * data_cos(kTwoPi * u2);
}

}   // namespace bpl

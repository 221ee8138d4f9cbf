// The data's own random numbers (points, noise, shuffles): splitmix64 seeded from (seed, stream,
// index), so drawing points never moves the weights' MT19937 (rng.hpp), and the same numbers
// come out natively and in WASM (integer steps, data_math.hpp, no FMA).
#pragma once
#include <cstdint>

namespace bpl {

struct DataRng {
    uint64_t state = 0;
};

// Streams of one seed: distinct (seed, stream, index) triples give unrelated sequences.
void data_rng_seed(DataRng& rng, uint32_t seed, uint32_t stream, uint64_t index = 0);
uint64_t data_rng_next(DataRng& rng);                // 64 random bits
double data_rng_uniform(DataRng& rng);               // [0, 1), a multiple of 2^-53
uint32_t data_rng_below(DataRng& rng, uint32_t n);   // [0, n), unbiased; n > 0
double data_rng_normal(DataRng& rng);                // standard normal (Box–Muller, one value per call)

}   // namespace bpl

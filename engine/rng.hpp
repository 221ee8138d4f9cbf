// NumPy-compatible random numbers: MT19937 seeded like np.random.seed(int), 53-bit doubles,
// and the legacy polar Box–Muller normal that caches its second value (np.random.randn).
#pragma once
#include <cstdint>

namespace bpl {

struct Rng {
    uint32_t key[624];
    int pos = 624;
    bool has_gauss = false;
    double gauss = 0.0;
};

void rng_seed(Rng& rng, uint32_t seed);   // same state as np.random.seed(seed)
uint32_t rng_next_u32(Rng& rng);
double rng_uniform(Rng& rng);   // [0, 1), like np.random.random_sample()
double rng_normal(Rng& rng);    // like np.random.randn() / standard_normal()

}   // namespace bpl

// Tests for engine/rng.cpp against NumPy's legacy RandomState. Expected values were printed
// by Debian's /usr/bin/python3 (numpy 1.24) with '%.17g', which round-trips a double, so
// the checks are exact: the claim is "the same numbers", natively and in WASM.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include "rng.hpp"

using namespace bpl;

namespace {

struct SeedCase {
    uint32_t seed;
    uint32_t key1, key2, key623;     // np.random.RandomState(seed).get_state()[1][...]
    uint32_t u32[4];                 // randint(0, 2**32, size=4, dtype=np.uint32)
    double uniform[4];               // random_sample(4)
    double normal[5];                // randn(5)
    double normal_313, normal_999;   // randn(1000)[313], [999]: after the state's first refills
    double uniform_699;              // random_sample(700)[699]
};

// clang-format off
const SeedCase kCases[] = {
    {0u, 1u, 1812433255u, 1796872496u,
     {2357136044u, 2546248239u, 3071714933u, 3626093760u},
     {0.54881350392732475, 0.71518936637241948, 0.60276337607164387, 0.54488318299689686},
     {1.764052345967664, 0.40015720836722329, 0.9787379841057392, 2.2408931992014578, 1.8675579901499675},
     -0.73067775286482484, -0.35811407547985674, 0.84277686268484231},
    {42u, 3107752595u, 1895908407u, 26719530u,
     {1608637542u, 3421126067u, 4083286876u, 787846414u},
     {0.37454011884736249, 0.95071430640991617, 0.73199394181140509, 0.5986584841970366},
     {0.49671415301123267, -0.13826430117118466, 0.64768853810069249, 1.5230298564080254, -0.23415337472333597},
     0.81350963600063853, 0.57258278135615859, 0.48114010185481748},
    {4294967295u, 1340201581u, 3941791902u, 3413567280u,
     {419326371u, 479346978u, 3918654476u, 2416749639u},
     {0.097632028994013798, 0.91238284530262181, 0.78903530185163995, 0.78000359811346776},
     {0.64840867423065274, 0.66932353063381611, -1.0805437227474493, 0.28450104479863092, 0.11388773652167104},
     -2.53280563924725, 0.83967795257963085, 0.0083527493766178962},
};
// clang-format on

}   // namespace

TEST_CASE("rng: state after np.random.seed") {
    for (const SeedCase& c : kCases) {
        CAPTURE(c.seed);
        Rng rng;
        rng_seed(rng, c.seed);
        CHECK(rng.key[0] == c.seed);
        CHECK(rng.key[1] == c.key1);
        CHECK(rng.key[2] == c.key2);
        CHECK(rng.key[623] == c.key623);
        CHECK(rng.pos == 624);
        CHECK_FALSE(rng.has_gauss);
    }
}

TEST_CASE("rng: 32-bit words") {
    for (const SeedCase& c : kCases) {
        CAPTURE(c.seed);
        Rng rng;
        rng_seed(rng, c.seed);
        for (uint32_t expected : c.u32) CHECK(rng_next_u32(rng) == expected);
    }
}

TEST_CASE("rng: uniform equals random_sample") {
    for (const SeedCase& c : kCases) {
        CAPTURE(c.seed);
        Rng rng;
        rng_seed(rng, c.seed);
        for (double expected : c.uniform) CHECK(rng_uniform(rng) == expected);
        rng_seed(rng, c.seed);
        double u = 0.0;
        for (int i = 0; i < 700; ++i) {   // crosses a refill of the 624-word state
            u = rng_uniform(rng);
            REQUIRE(u >= 0.0);
            REQUIRE(u < 1.0);
        }
        CHECK(u == c.uniform_699);
    }
}

TEST_CASE("rng: normal equals randn") {
    for (const SeedCase& c : kCases) {
        CAPTURE(c.seed);
        Rng rng;
        rng_seed(rng, c.seed);
        for (double expected : c.normal) CHECK(rng_normal(rng) == expected);
        rng_seed(rng, c.seed);
        double draws[1000];
        for (double& d : draws) d = rng_normal(rng);
        CHECK(draws[313] == c.normal_313);
        CHECK(draws[999] == c.normal_999);
    }
}

TEST_CASE("rng: the cached second normal survives other draws, as in NumPy") {
    // np.random.seed(42); randn(), random_sample(), randn(), randn()
    Rng rng;
    rng_seed(rng, 42);
    CHECK(rng_normal(rng) == 0.49671415301123267);
    CHECK(rng.has_gauss);
    CHECK(rng_uniform(rng) == 0.73199394181140509);
    CHECK(rng_normal(rng) == -0.13826430117118466);   // the cached value
    CHECK_FALSE(rng.has_gauss);
    CHECK(rng_normal(rng) == -1.1118801180469204);
}

TEST_CASE("rng: reseeding clears the cached normal") {
    Rng rng;
    rng_seed(rng, 7);
    rng_normal(rng);
    REQUIRE(rng.has_gauss);
    rng_seed(rng, 42);
    CHECK_FALSE(rng.has_gauss);
    CHECK(rng_normal(rng) == 0.49671415301123267);
}

TEST_CASE("rng: uniform mean and normal moments are plausible") {
    Rng rng;
    rng_seed(rng, 1);
    const int n = 100000;
    double sum_u = 0.0, sum_z = 0.0, sum_z2 = 0.0;
    for (int i = 0; i < n; ++i) {
        sum_u += rng_uniform(rng);
        double z = rng_normal(rng);
        sum_z += z;
        sum_z2 += z * z;
    }
    CHECK(sum_u / n == doctest::Approx(0.5).epsilon(0.01));
    CHECK(std::abs(sum_z / n) < 0.01);
    CHECK(sum_z2 / n == doctest::Approx(1.0).epsilon(0.02));
}

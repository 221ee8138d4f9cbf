// Tests for engine/data_rng.cpp: streams are deterministic and apart, uniforms and integers
// stay in range and spread evenly, normals have mean 0 and deviation 1, and the first words of
// a stream are pinned (changing them would move every generated point).
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <initializer_list>
#include "data_rng.hpp"

using namespace bpl;

TEST_CASE("data_rng: the same (seed, stream, index) repeats, any change starts elsewhere") {
    DataRng a, b, c, d, e;
    data_rng_seed(a, 7, 1);
    data_rng_seed(b, 7, 1);
    data_rng_seed(c, 8, 1);
    data_rng_seed(d, 7, 2);
    data_rng_seed(e, 7, 1, 1);
    for (int i = 0; i < 100; ++i) {
        uint64_t word = data_rng_next(a);
        CHECK(word == data_rng_next(b));
        CHECK(word != data_rng_next(c));
        CHECK(word != data_rng_next(d));
        CHECK(word != data_rng_next(e));
    }
}

TEST_CASE("data_rng: first words pinned") {
    DataRng rng;
    data_rng_seed(rng, 0, 0);
    CHECK(data_rng_next(rng) == 0x568a9b0b1a2c05ecull);
    CHECK(data_rng_next(rng) == 0x44e5b8b147ef718bull);
    data_rng_seed(rng, 4294967295u, 1, 12345);
    CHECK(data_rng_next(rng) == 0xaf9e69d4eeb93344ull);
}

TEST_CASE("data_rng: uniform in [0, 1) with mean 1/2") {
    DataRng rng;
    data_rng_seed(rng, 42, 1);
    const int count = 100000;
    double sum = 0.0;
    for (int i = 0; i < count; ++i) {
        double u = data_rng_uniform(rng);
        REQUIRE(u >= 0.0);
        REQUIRE(u < 1.0);
        CHECK(u * 9007199254740992.0 == std::floor(u * 9007199254740992.0));   // a multiple of 2^-53
        sum += u;
    }
    CHECK(sum / count == doctest::Approx(0.5).epsilon(0.01));
}

TEST_CASE("data_rng: below(n) covers [0, n) evenly") {
    DataRng rng;
    data_rng_seed(rng, 3, 1);
    for (uint32_t n : {1u, 2u, 7u, 1000u, 4294967295u}) {
        CAPTURE(n);
        for (int i = 0; i < 1000; ++i) REQUIRE(data_rng_below(rng, n) < n);
    }
    const int count = 70000;
    int seen[7] = {};
    for (int i = 0; i < count; ++i) ++seen[data_rng_below(rng, 7)];
    for (int bucket : seen) CHECK(bucket == doctest::Approx(count / 7).epsilon(0.05));
}

TEST_CASE("data_rng: normal has mean 0 and standard deviation 1") {
    DataRng rng;
    data_rng_seed(rng, 11, 1);
    const int count = 100000;
    double sum = 0.0, sum_sq = 0.0;
    int beyond_two = 0;
    for (int i = 0; i < count; ++i) {
        double z = data_rng_normal(rng);
        REQUIRE(std::isfinite(z));
        sum += z;
        sum_sq += z * z;
        if (std::fabs(z) > 2.0) ++beyond_two;
    }
    double mean = sum / count;
    CHECK(std::fabs(mean) < 0.02);
    CHECK(std::sqrt(sum_sq / count - mean * mean) == doctest::Approx(1.0).epsilon(0.02));
    CHECK(beyond_two / double(count) == doctest::Approx(0.0455).epsilon(0.1));   // P(|z| > 2)
}

// Tests for engine/data_math.cpp: data_sin, data_cos and data_log against the C library over
// the ranges the data generators use, their exact special values, and a pin on their bits
// that must hold natively and in WASM alike.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include "data_math.hpp"
#include "fnv1a.hpp"

using namespace bpl;

namespace {

// Both libms are within an ulp or so of the truth, and so are ours: 1e-15 leaves room for both.
constexpr double kTolerance = 1e-15;

// Inputs in [-20, 20], off the grid a little so they are not all short decimals.
double trig_input(int i, int count) { return -20.0 + 40.0 * i / count + 1e-9 * (i % 13); }

// Inputs in (0, 1]: linear near 1, and u^8 reaching down to 1e-40.
double log_input(int i, int count) {
    double u = static_cast<double>(i) / count;
    return i % 2 ? u : u * u * u * u * u * u * u * u;
}

}   // namespace

TEST_CASE("data_math: sin and cos match the C library on [-20, 20]") {
    const int count = 100000;
    double worst_sin = 0.0, worst_cos = 0.0;
    for (int i = 0; i <= count; ++i) {
        double x = trig_input(i, count);
        worst_sin = std::fmax(worst_sin, std::fabs(data_sin(x) - std::sin(x)));
        worst_cos = std::fmax(worst_cos, std::fabs(data_cos(x) - std::cos(x)));
    }
    CAPTURE(worst_sin);
    CAPTURE(worst_cos);
    CHECK(worst_sin <= kTolerance);
    CHECK(worst_cos <= kTolerance);
}

TEST_CASE("data_math: sin and cos near multiples of pi/2") {
    for (int k = -12; k <= 12; ++k) {
        for (double offset : {-1e-9, -1e-15, 0.0, 1e-15, 1e-9}) {
            double x = k * 1.5707963267948966 + offset;
            CAPTURE(x);
            CHECK(std::fabs(data_sin(x) - std::sin(x)) <= kTolerance);
            CHECK(std::fabs(data_cos(x) - std::cos(x)) <= kTolerance);
        }
    }
}

TEST_CASE("data_math: log matches the C library on (0, 1]") {
    const int count = 100000;
    double worst = 0.0;
    for (int i = 1; i <= count; ++i) {
        double x = log_input(i, count);
        double expected = std::log(x);
        double scale = std::fmax(std::fabs(expected), 1.0);   // relative below -1, absolute near 0
        worst = std::fmax(worst, std::fabs(data_log(x) - expected) / scale);
    }
    CAPTURE(worst);
    CHECK(worst <= kTolerance);
    for (double x : {1e-300, 5e-324, 0.5, 0.25, 1.0 - 1e-16, 0.7071067811865476, 2.0, 1e10}) {
        CAPTURE(x);
        CHECK(std::fabs(data_log(x) - std::log(x)) <= kTolerance * std::fmax(std::fabs(std::log(x)), 1.0));
    }
}

TEST_CASE("data_math: exact special values") {
    CHECK(data_sin(0.0) == 0.0);
    CHECK(data_cos(0.0) == 1.0);
    CHECK(data_log(1.0) == 0.0);
    CHECK(data_log(0.5) == -0.6931471805599453);   // ln 2 rounded, exactly
    CHECK(data_log(0.0) == -std::numeric_limits<double>::infinity());
    CHECK(std::isnan(data_log(-1.0)));
    CHECK(std::isnan(data_sin(std::numeric_limits<double>::infinity())));
    CHECK(std::isnan(data_cos(std::numeric_limits<double>::quiet_NaN())));
}

// The bits of 3 x 20,001 results, recorded natively (glibc, x86-64); the WASM build runs the
// same case, so a pass in both says the two platforms agree on every one.
TEST_CASE("data_math: results pinned bit for bit") {
    const int count = 20000;
    uint64_t h = bpl_test::kFnvStart;
    for (int i = 0; i <= count; ++i) {
        double values[3] = {data_sin(trig_input(i, count)), data_cos(trig_input(i, count)),
                            data_log(log_input(i + 1, count + 1))};
        h = bpl_test::fnv1a(h, values, sizeof values);
    }
    CHECK(h == 0x4a45ab69633537d0ull);
}

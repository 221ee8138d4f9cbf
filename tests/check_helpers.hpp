// Helpers shared by the test files: compare arrays and report the largest difference.
#pragma once
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <vector>

namespace bpl_test {

// The reference program's data, written out here so tests compare the engine against it.
constexpr int kXorRows = 4;
inline constexpr double kXorX[kXorRows * 2] = {0, 0, 0, 1, 1, 0, 1, 1};   // rows 00, 01, 10, 11
inline constexpr double kXorY[kXorRows] = {0, 1, 1, 0};

struct MaxDiff {
    double abs = 0.0, rel = 0.0;
    size_t index = 0;
};

// Largest relative difference |a − b| / max(|a|, |b|, floor) between two arrays, printed
// with its index so a failure says where the arrays part.
inline MaxDiff max_difference(const double* a, const double* b, size_t n, double floor = 1e-300) {
    MaxDiff d;
    for (size_t i = 0; i < n; ++i) {
        double abs_diff = std::fabs(a[i] - b[i]);
        double scale = std::fmax(std::fmax(std::fabs(a[i]), std::fabs(b[i])), floor);
        double rel = abs_diff / scale;
        if (!(rel <= d.rel)) {
            d.rel = rel;
            d.abs = abs_diff;
            d.index = i;
        }
    }
    return d;
}

inline void print_difference(const char* what, const MaxDiff& d) {
    std::printf("%s: largest difference %.3e (relative %.3e) at index %zu\n", what, d.abs, d.rel, d.index);
}

// Bit-for-bit equality (NaN-safe): for "stepping and training land on the same weights".
inline bool same_bits(const double* a, const double* b, size_t n) {
    return n == 0 || std::memcmp(a, b, n * sizeof(double)) == 0;
}
inline bool same_bits(const std::vector<double>& a, const std::vector<double>& b) {
    return a.size() == b.size() && same_bits(a.data(), b.data(), a.size());
}

}   // namespace bpl_test

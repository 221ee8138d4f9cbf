// data_sin, data_cos, data_log: range reduction to a small interval, then a truncated series
// evaluated by Horner's rule. Compiled with -ffp-contract=off (no fused multiply-adds), so every
// platform rounds each step the same way.
#include "data_math.hpp"

#include <cmath>
#include <limits>

namespace bpl {

namespace {

// pi/2 = kPio2Hi + kPio2Mid + kPio2Lo; the first two have 33 significant bits, so k * kPio2Hi
// and k * kPio2Mid are exact for |k| < 2^20 and the reduction loses nothing there.
constexpr double kPio2Hi = 1.5707963267341256;
constexpr double kPio2Mid = 6.077100506303966e-11;
constexpr double kPio2Lo = 2.0222662487959506e-21;
constexpr double kTwoOverPi = 0.6366197723675814;

// x = k * pi/2 + r with |r| <= ~pi/4; returns r and k mod 4 in quadrant.
double reduce_half_pi(double x, int& quadrant) {
    double k = std::floor(x * kTwoOverPi + 0.5);
    double r = ((x - k * kPio2Hi) - k * kPio2Mid) - k * kPio2Lo;
    double k_mod4 = k - 4.0 * std::floor(k * 0.25);   // exact: 0, 1, 2 or 3
    quadrant = static_cast<int>(k_mod4);
    return r;
}

// sum of c[i] * z^(N-1-i): coefficients highest power first, one multiply and one add per step.
template <int N>
double horner(const double (&c)[N], double z) {
    double p = c[0];
    for (int i = 1; i < N; ++i) p = c[i] + z * p;
    return p;
}

// Taylor series on |r| <= pi/4: the first dropped term, r^19/19! (sin) or r^18/18! (cos), is
// below 3e-18 there. Coefficients of z = r^2, highest first: sin r = r + r z P(z), cos r = 1 + z Q(z).
constexpr double kSinSeries[] = {
    1.0 / 355687428096000.0, -1.0 / 1307674368000.0, 1.0 / 6227020800.0, -1.0 / 39916800.0,
    1.0 / 362880.0,          -1.0 / 5040.0,          1.0 / 120.0,        -1.0 / 6.0};   // 1/17!, -1/15!, ..., -1/3!
constexpr double kCosSeries[] = {
    1.0 / 20922789888000.0, -1.0 / 87178291200.0, 1.0 / 479001600.0, -1.0 / 3628800.0,
    1.0 / 40320.0,          -1.0 / 720.0,         1.0 / 24.0,        -0.5};   // 1/16!, -1/14!, ..., -1/2!
// log m = 2 (s + s z R(z)), R's coefficients 1/21, 1/19, ..., 1/3.
constexpr double kAtanhSeries[] = {1.0 / 21.0, 1.0 / 19.0, 1.0 / 17.0, 1.0 / 15.0, 1.0 / 13.0,
                                   1.0 / 11.0, 1.0 / 9.0,  1.0 / 7.0,  1.0 / 5.0,  1.0 / 3.0};

double sin_kernel(double r) {
    double z = r * r;
    return r + r * z * horner(kSinSeries, z);
}

double cos_kernel(double r) {
    double z = r * r;
    return 1.0 + z * horner(kCosSeries, z);
}

// sin(x + quadrant * pi/2) from the kernels at r.
double sin_quadrant(double r, int quadrant) {
    switch (quadrant) {
        case 0: return sin_kernel(r);
        case 1: return cos_kernel(r);
        case 2: return -sin_kernel(r);
        default: return -cos_kernel(r);
    }
}

// ln 2 = kLn2Hi + kLn2Lo; kLn2Hi has 32 significant bits, so e * kLn2Hi is exact for any exponent.
constexpr double kLn2Hi = 0.6931471806019545;
constexpr double kLn2Lo = -4.2009150726810846e-11;
constexpr double kSqrtHalf = 0.70710678118654752440;

}   // namespace

double data_sin(double x) {
    if (!std::isfinite(x)) return std::numeric_limits<double>::quiet_NaN();
    int quadrant = 0;
    double r = reduce_half_pi(x, quadrant);
    return sin_quadrant(r, quadrant);
}

double data_cos(double x) {
    if (!std::isfinite(x)) return std::numeric_limits<double>::quiet_NaN();
    int quadrant = 0;
    double r = reduce_half_pi(x, quadrant);
    return sin_quadrant(r, (quadrant + 1) & 3);   // cos x = sin(x + pi/2)
}

double data_log(double x) {
    if (std::isnan(x) || x < 0.0) return std::numeric_limits<double>::quiet_NaN();
    if (x == 0.0) return -std::numeric_limits<double>::infinity();
    if (std::isinf(x)) return x;
    // x = m * 2^e with m in [sqrt(1/2), sqrt(2)); then log m = 2 atanh(s), s = (m - 1) / (m + 1),
    // |s| <= 0.172, and the odd series in s converges fast: the first dropped term is below 1e-18 of the sum.
    int e = 0;
    double m = std::frexp(x, &e);   // m in [0.5, 1)
    if (m < kSqrtHalf) {
        m = m * 2.0;
        e -= 1;
    }
    double f = m - 1.0;   // exact (Sterbenz)
    double s = f / (2.0 + f);
    double z = s * s;
    double log_m = 2.0 * (s + s * z * horner(kAtanhSeries, z));
    double k = static_cast<double>(e);
    return k * kLn2Hi + (log_m + k * kLn2Lo);
}

}   // namespace bpl

// Sine, cosine and natural log for generating data, bit-identical on every platform: only
// + - * /, exact steps (frexp, floor) and comparisons, since glibc's and Emscripten's libm round
// differently. Not for training; within a few 1e-16 of the exact values.
#pragma once

namespace bpl {

double data_sin(double x);   // accurate while |x| < ~1e5 (range reduction keeps k * pi/2 exact)
double data_cos(double x);
double data_log(double x);   // natural log; -inf at 0, NaN below 0

}   // namespace bpl

// The data set: the four XOR rows, in the reference program's order. Their count and the
// input/output widths are compile-time sizes the kernels specialise on. Dimension letters:
// N samples, I inputs, O outputs.
#pragma once

namespace bpl {

constexpr int kSamples = 4;   // N
constexpr int kInputs = 2;    // I
constexpr int kOutputs = 1;   // O

inline constexpr double kXorInputs[kSamples * kInputs] = {0, 0, 0, 1, 1, 0, 1, 1};   // X (N x I): 00, 01, 10, 11
inline constexpr double kXorTargets[kSamples] = {0, 1, 1, 0};                        // y (N x O)
inline constexpr const char* kRowNames[kSamples] = {"00", "01", "10", "11"};         // x₁x₂ of each row

}   // namespace bpl

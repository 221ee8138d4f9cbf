// The data set: the four XOR rows. Their count and the input/output widths are compile-time
// sizes the kernels specialise on. Dimension letters: N samples, I inputs, O outputs.
#pragma once

namespace bpl {

constexpr int kSamples = 4;   // N
constexpr int kInputs = 2;    // I
constexpr int kOutputs = 1;   // O

extern const double kXorInputs[kSamples * kInputs];   // X (N x I): 00, 01, 10, 11
extern const double kXorTargets[kSamples];            // y (N x O): 0, 1, 1, 0
extern const char* const kRowNames[kSamples];         // "00", "01", "10", "11": x₁x₂ of each row

}  // namespace bpl

// The fixed sizes every network shares: two inputs, one output, and the names of the four
// truth-table rows. The sample count is a run-time size (dataset.hpp). Dimension letters:
// I inputs, O outputs.
#pragma once

namespace bpl {

constexpr int kInputs = 2;     // I
constexpr int kOutputs = 1;    // O
constexpr int kRowBlock = 4;   // rows the fast dense kernels take at once (a whole truth table)

inline constexpr const char* kRowNames[4] = {"00", "01", "10", "11"};   // x₁x₂ of each truth-table row

}   // namespace bpl

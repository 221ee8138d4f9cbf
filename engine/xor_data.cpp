// The four XOR rows, in the reference program's order.
#include "xor_data.hpp"

namespace bpl {

const double kXorInputs[kSamples * kInputs] = {0, 0, 0, 1, 1, 0, 1, 1};
const double kXorTargets[kSamples] = {0, 1, 1, 0};
const char* const kRowNames[kSamples] = {"00", "01", "10", "11"};

}  // namespace bpl

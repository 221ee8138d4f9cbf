// The regularisation penalty on a layer's weights (never its biases), forward and backward
// side by side: L1 = λ·Σ|w|, L2 = λ·½Σw² (the ½ makes its gradient λ·w, as TensorFlow
// Playground has it). W: n weights; dW: their gradients, to which the penalty's is added.
#pragma once
#include <cstddef>
#include "choices.hpp"

namespace bpl {

double penalty_forward(Regularization reg, double rate, const double* W, size_t n);
// dW += ∂penalty/∂W: λ·sign(w) for L1 (the subgradient 0 at w = 0), λ·w for L2.
void penalty_backward(Regularization reg, double rate, double* dW, const double* W, size_t n);

}   // namespace bpl

// The L1 and L2 penalties and their gradients (penalty.hpp).
#include "penalty.hpp"

#include <cmath>

namespace bpl {

double penalty_forward(Regularization reg, double rate, const double* W, size_t n) {
    double sum = 0.0;
    switch (reg) {
        case Regularization::none: return 0.0;
        case Regularization::l1:
            for (size_t i = 0; i < n; ++i) sum += std::fabs(W[i]);
            return rate * sum;
        case Regularization::l2:
            for (size_t i = 0; i < n; ++i) sum += W[i] * W[i];
            return rate * 0.5 * sum;
    }
    return 0.0;
}

void penalty_backward(Regularization reg, double rate, double* dW, const double* W, size_t n) {
    switch (reg) {
        case Regularization::none: return;
        case Regularization::l1:   // |w| has no slope at 0: the subgradient 0 leaves a zero weight at rest
            for (size_t i = 0; i < n; ++i) dW[i] += W[i] > 0.0 ? rate : (W[i] < 0.0 ? -rate : 0.0);
            return;
        case Regularization::l2:
            for (size_t i = 0; i < n; ++i) dW[i] += rate * W[i];
            return;
    }
}

}   // namespace bpl

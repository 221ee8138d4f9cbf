// The dense-layer kernels as three plain loops, for any row count: z = in@W + b and its two
// backwards. They are the oracle the fast kernels (dense_kernels.hpp) are tested against bit
// for bit, the path for row counts the fast kernels do not block, and what the code panel
// shows as the engine's arithmetic. Every sum runs in the reference's order (NumPy + the
// reference BLAS): the first product, then the rest in ascending index, a bias added last.
// R rows, I = fan_in, O = fan_out; W is I x O row-major (NumPy's X@W orientation).
#pragma once
#include <cstddef>

namespace bpl::dense::reference {

// z (R x O) = in (R x I) @ W (I x O) + b (O)
inline void forward(double* z, const double* in, const double* W, const double* b, int R, int I, int O) {
    for (int r = 0; r < R; ++r)
        for (int j = 0; j < O; ++j) {
            double sum = in[size_t(r) * I] * W[j];
            for (int k = 1; k < I; ++k) sum += in[size_t(r) * I + k] * W[size_t(k) * O + j];
            z[size_t(r) * O + j] = sum + b[j];
        }
}

// d_in (R x I) = δ (R x O) @ Wᵀ
inline void backward_input(double* d_in, const double* d, const double* W, int R, int I, int O) {
    for (int r = 0; r < R; ++r)
        for (int k = 0; k < I; ++k) {
            double sum = d[size_t(r) * O] * W[size_t(k) * O];
            for (int j = 1; j < O; ++j) sum += d[size_t(r) * O + j] * W[size_t(k) * O + j];
            d_in[size_t(r) * I + k] = sum;
        }
}

// dW (I x O) = inᵀ (I x R) @ δ (R x O); db (O) = Σ_rows δ
inline void backward_weights(double* dW, double* db, const double* in, const double* d, int R, int I, int O) {
    for (int k = 0; k < I; ++k)
        for (int j = 0; j < O; ++j) {
            double sum = in[k] * d[j];
            for (int r = 1; r < R; ++r) sum += in[size_t(r) * I + k] * d[size_t(r) * O + j];
            dW[size_t(k) * O + j] = sum;
        }
    for (int j = 0; j < O; ++j) {
        double sum = d[j];
        for (int r = 1; r < R; ++r) sum += d[size_t(r) * O + j];
        db[j] = sum;
    }
}

}   // namespace bpl::dense::reference

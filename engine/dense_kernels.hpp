// The fast dense-layer kernels behind dense.cpp: z = in@W + b and its two backwards, shaped
// for this engine's tiny matrices. Every sum runs in the reference's order (NumPy + reference
// BLAS), as the plain loops of dense_reference.hpp do, so the blocking and fixed sizes below
// change speed only, never a bit (test_dense.cpp checks it).
// R rows of a block, I = fan_in, O = fan_out; W is I x O row-major (NumPy's X@W orientation).
#pragma once
#include <cstddef>
#include <type_traits>

namespace bpl::dense {

// Sizes known at compile time turn the tiny loops into straight code. The row count is one
// (R = 4, a full XOR batch, or 1, one sample) and so is the size every net has fixed in
// one place: the first layer's fan_in (kInputs, 2) or the output layer's fan_out (kOutputs,
// 1). A fixed size of 0 means "the run-time argument".
template <int V>
using Fixed = std::integral_constant<int, V>;

template <int FixedSize>
constexpr int size_or(int runtime) {
    return FixedSize ? FixedSize : runtime;
}

// z (R x O) = in (R x I) @ W + b. The R sums of one output column are independent, so they
// stay in registers and overlap; each runs over k ascending, b added last.
template <int R, int FixedI, int FixedO>
void forward_block(double* __restrict z, const double* __restrict in, const double* __restrict W,
                   const double* __restrict b, int fan_in_arg, int fan_out_arg) {
    const int I = size_or<FixedI>(fan_in_arg), O = size_or<FixedO>(fan_out_arg);
    for (int j = 0; j < O; ++j) {
        double sum[R];
        for (int r = 0; r < R; ++r) sum[r] = in[r * I] * W[j];
        for (int k = 1; k < I; ++k) {
            const double w = W[size_t(k) * O + j];
            for (int r = 0; r < R; ++r) sum[r] += in[r * I + k] * w;
        }
        for (int r = 0; r < R; ++r) z[r * O + j] = sum[r] + b[j];
    }
}

// d_in (R x I) = δ (R x O) @ Wᵀ, each summed over j ascending.
template <int R, int FixedI, int FixedO>
void backward_input_block(double* __restrict d_in, const double* __restrict d, const double* __restrict W,
                          int fan_in_arg, int fan_out_arg) {
    const int I = size_or<FixedI>(fan_in_arg), O = size_or<FixedO>(fan_out_arg);
    for (int k = 0; k < I; ++k) {
        const double* W_row = W + size_t(k) * O;
        double sum[R];
        for (int r = 0; r < R; ++r) sum[r] = d[r * O] * W_row[0];
        for (int j = 1; j < O; ++j) {
            const double w = W_row[j];
            for (int r = 0; r < R; ++r) sum[r] += d[r * O + j] * w;
        }
        for (int r = 0; r < R; ++r) d_in[r * I + k] = sum[r];
    }
}

// dW (I x O) = inᵀ @ δ and db = Σ_rows δ, each summed over the R rows in order. Column k
// of in is loaded once per k and reused for every j.
template <int R, int FixedI, int FixedO>
void backward_weights_block(double* __restrict dW, double* __restrict db, const double* __restrict in,
                            const double* __restrict d, int fan_in_arg, int fan_out_arg) {
    const int I = size_or<FixedI>(fan_in_arg), O = size_or<FixedO>(fan_out_arg);
    for (int k = 0; k < I; ++k, dW += O) {
        double x[R];
        for (int r = 0; r < R; ++r) x[r] = in[r * I + k];
        for (int j = 0; j < O; ++j) {
            double sum = x[0] * d[j];
            for (int r = 1; r < R; ++r) sum += x[r] * d[r * O + j];
            dW[j] = sum;
        }
    }
    for (int j = 0; j < O; ++j) {
        double sum = d[j];
        for (int r = 1; r < R; ++r) sum += d[r * O + j];
        db[j] = sum;
    }
}

// Calls kernel(Fixed<I>, Fixed<O>) with whichever of the net's fixed sizes this layer has.
template <int Inputs, int Outputs, typename Kernel>
void with_fixed_size(int fan_in, int fan_out, Kernel&& kernel) {
    if (fan_in == Inputs) return kernel(Fixed<Inputs>{}, Fixed<0>{});
    if (fan_out == Outputs) return kernel(Fixed<0>{}, Fixed<Outputs>{});
    kernel(Fixed<0>{}, Fixed<0>{});
}

}   // namespace bpl::dense

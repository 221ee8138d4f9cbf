// The dense layer over `rows` rows, z = in@W + b, with its two backwards beside it: the fast
// kernels (dense_kernels.hpp) where the row count and sizes fit their blocks, the plain loops
// of dense_reference.hpp otherwise; bit for bit the same either way (test_dense.cpp). Inline,
// so the training loop keeps its straight-line code. Outputs, then inputs, then sizes; in is
// rows x fan_in, W fan_in x fan_out row-major, z and δ rows x fan_out.
#pragma once
#include "dense_kernels.hpp"
#include "dense_reference.hpp"
#include "xor_data.hpp"

namespace bpl {

namespace dense {

// In the forward and the input backward rows are independent: blocks of kRowBlock rows, then
// single rows. The weight gradient sums across rows, so a batch is one block (all 4 rows of a
// truth table, or 1); other row counts take the reference loops.
template <typename Block>
inline void for_row_blocks(int rows, Block&& block) {
    int r = 0;
    for (; r + kRowBlock <= rows; r += kRowBlock) block(dense::Fixed<kRowBlock>{}, r);
    for (; r < rows; ++r) block(dense::Fixed<1>{}, r);
}

}   // namespace dense

// Internal linkage: each file gets its own copy, which the compiler inlines into the layer
// functions; a shared inline copy with several callers stays a call, and the 2-4-1 epoch,
// a handful of tiny kernels, pays for every call (engine-bench shows it).
namespace {

inline void dense_forward(double* z, const double* in, const double* W, const double* b, int rows, int fan_in,
                          int fan_out) {
    dense::with_fixed_size<kInputs, kOutputs>(fan_in, fan_out, [&](auto I, auto O) {
        dense::for_row_blocks(rows, [&](auto R, int r) {
            dense::forward_block<R, I, O>(z + r * fan_out, in + r * fan_in, W, b, fan_in, fan_out);
        });
    });
}

inline void dense_backward_input(double* d_in, const double* d, const double* W, int rows, int fan_in, int fan_out) {
    dense::with_fixed_size<kInputs, kOutputs>(fan_in, fan_out, [&](auto I, auto O) {
        dense::for_row_blocks(rows, [&](auto R, int r) {
            dense::backward_input_block<R, I, O>(d_in + r * fan_in, d + r * fan_out, W, fan_in, fan_out);
        });
    });
}

inline void dense_backward_weights(double* dW, double* db, const double* in, const double* d, int rows, int fan_in,
                                   int fan_out) {
    if (rows != kRowBlock && rows != 1) return dense::reference::backward_weights(dW, db, in, d, rows, fan_in, fan_out);
    dense::with_fixed_size<kInputs, kOutputs>(fan_in, fan_out, [&](auto I, auto O) {
        if (rows == kRowBlock) dense::backward_weights_block<kRowBlock, I, O>(dW, db, in, d, fan_in, fan_out);
        else dense::backward_weights_block<1, I, O>(dW, db, in, d, fan_in, fan_out);
    });
}

}   // namespace

}   // namespace bpl

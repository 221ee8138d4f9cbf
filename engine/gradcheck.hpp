// Numerical gradient check: central differences of the loss objective against backprop's
// gradients, for every parameter, on the current weights over all 4 rows.
#pragma once
#include <vector>
#include "network.hpp"

namespace bpl {

struct GradCheckEntry {
    int layer;   // 0-based
    bool is_bias;
    int row, col;       // W[row][col]; for a bias row = 0, col = unit
    double backprop;    // analytic gradient from the backward pass
    double numerical;   // (J(θ+ε) − J(θ−ε)) / 2ε
    double rel_error;   // |b − n| / max(|b| + |n|, 1e-12)
};

struct GradCheckResult {
    std::vector<GradCheckEntry> entries;
    double max_rel_error = 0.0;
};

// Does not change net (works on a copy); gradients for the full batch of 4 rows with the
// net's loss, regardless of its batch mode.
GradCheckResult gradient_check(const Network& net, double epsilon = 1e-6);

}   // namespace bpl

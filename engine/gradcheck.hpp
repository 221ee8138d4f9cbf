// Numerical gradient check: central differences of the loss objective (the penalty included)
// against backprop's gradients, for every parameter, on the current weights over a batch of
// rows (the whole training set unless told otherwise).
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
    // L1 and |w| ≤ ε: the difference straddles |w|'s kink, where backprop takes the
    // subgradient (0 at w = 0); such weights are listed but left out of max_rel_error.
    bool at_kink = false;
};

struct GradCheckResult {
    std::vector<GradCheckEntry> entries;
    double max_rel_error = 0.0;
    int rows = 0;       // rows of the batch checked
    int at_kinks = 0;   // entries left out of max_rel_error (L1 weights within ε of 0)
};

// Does not change net (works on a copy). rows < 0: the whole training set (rows [0, train)),
// whatever the batch mode; otherwise rows [row0, row0 + rows) of the net's current order.
GradCheckResult gradient_check(const Network& net, double epsilon = 1e-6, int row0 = 0, int rows = -1);

}   // namespace bpl

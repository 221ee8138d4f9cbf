// Gradient size per layer over the whole run: ‖∂L/∂W_l‖ (Frobenius norm of each layer's dW
// after an epoch) recorded like the loss history, thinned by doubling the stride when full.
#pragma once
#include <vector>
#include "network.hpp"

constexpr size_t kGradHistoryCap = 1024;   // points; halved (stride doubled) when full

struct GradHistory {
    int layers = 0;              // L: values per point
    std::vector<float> norms;    // points x L; point i stands for epoch (i + 1) · stride
    long long stride = 1;
};

inline size_t grad_history_points(const GradHistory& g) { return g.layers ? g.norms.size() / size_t(g.layers) : 0; }
void grad_history_clear(GradHistory& g, int layers);
// ‖dW_l‖ of the net's current gradients, layer l.
double weight_grad_norm(const bpl::Network& net, int l);
// Called after each completed epoch; stores a point when net.epoch is on the stride.
void grad_history_record(GradHistory& g, const bpl::Network& net);
// Drops the points after `epoch` (rewind).
void grad_history_truncate(GradHistory& g, long long epoch);

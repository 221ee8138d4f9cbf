// Gradient size per layer over the whole run: ‖∂L/∂W_l‖ (Frobenius norm of each layer's dW
// after an epoch) recorded like the loss history, thinned by doubling the stride when full.
#pragma once
#include <vector>
#include "network.hpp"

constexpr size_t kGradHistoryCap = 1024;   // points; halved (stride doubled) when full

struct GradHistory {
    int layers = 0;             // L: values per point
    std::vector<float> norms;   // points x L; point i stands for epoch (i + 1) · stride
    long long stride = 1;
    long long next_epoch = 1;   // the first epoch > the last one seen that falls on the stride
};

inline size_t grad_history_points(const GradHistory& g) { return g.layers ? g.norms.size() / size_t(g.layers) : 0; }
void grad_history_clear(GradHistory& g, int layers);
// ‖dW_l‖ of the net's current gradients, layer l.
double weight_grad_norm(const bpl::Network& net, int l);
// The slow half of grad_history_record: stores a point when net.epoch is on the stride.
void grad_history_add(GradHistory& g, const bpl::Network& net);
// Called after each completed epoch. Inline: between points it is one compare.
inline void grad_history_record(GradHistory& g, const bpl::Network& net) {
    if (net.epoch >= g.next_epoch || g.layers != net.num_layers) grad_history_add(g, net);
}
// Drops the points after `epoch` (rewind).
void grad_history_truncate(GradHistory& g, long long epoch);

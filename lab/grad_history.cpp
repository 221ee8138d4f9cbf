// Gradient norms per layer, one point per stride epochs, bounded like the loss history.
#include "grad_history.hpp"
#include "thinning.hpp"
#include <algorithm>
#include <cmath>

void grad_history_clear(GradHistory& g, int layers) {
    g.layers = layers;
    g.norms.clear();
    g.stride = 1;
    g.next_epoch = 1;
}

namespace {

void set_next_epoch(GradHistory& g, long long epoch) {
    g.next_epoch = (std::max(0LL, epoch) / g.stride + 1) * g.stride;
}

}   // namespace

double weight_grad_norm(const bpl::Network& net, int l) {
    const bpl::LayerShape& s = net.layers[l];
    const double* dW = bpl::layer_dW(net, l);
    double sum = 0.0;
    for (int i = 0; i < s.fan_in * s.fan_out; ++i) sum += dW[i] * dW[i];
    return std::sqrt(sum);
}

void grad_history_add(GradHistory& g, const bpl::Network& net) {
    if (g.layers != net.num_layers) grad_history_clear(g, net.num_layers);
    if (net.epoch <= 0 || net.epoch % g.stride != 0) return set_next_epoch(g, net.epoch);
    for (int l = 0; l < g.layers; ++l) g.norms.push_back(static_cast<float>(weight_grad_norm(net, l)));
    if (grad_history_points(g) < kGradHistoryCap) return set_next_epoch(g, net.epoch);
    thin_to_odd_points(g.norms, size_t(g.layers), g.stride);
    set_next_epoch(g, net.epoch);
}

void grad_history_truncate(GradHistory& g, long long epoch) {
    size_t keep = size_t(std::max(0LL, epoch / g.stride));
    if (keep < grad_history_points(g)) g.norms.resize(keep * size_t(g.layers));
    set_next_epoch(g, epoch);
}

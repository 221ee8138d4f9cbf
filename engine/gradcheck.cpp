// Numerical gradient check: central differences of loss_objective + the penalty on a copy of
// the net, against the gradients of one backward pass over the same rows.
#include "gradcheck.hpp"

#include <algorithm>
#include <cmath>

namespace bpl {

namespace {

// J(θ) over the rows for the copy's current parameters: what one backward differentiates.
double objective(Network& net, int row0, int rows) {
    for (int l = 0; l < net.num_layers; ++l) layer_forward(net, l, row0, rows);
    return loss_objective(net.config.loss, network_output(net) + row0, net.y.data() + row0, rows, rows) +
           network_penalty(net);
}

// Fills net.grads with the exact gradient of objective() (same pieces the trainer runs).
void batch_backward(Network& net, int row0, int rows) {
    network_forward(net, row0, rows);
    network_backward(net, row0, rows);
}

GradCheckEntry entry_for(const Network& net, size_t index) {
    GradCheckEntry e{};
    for (int l = 0; l < net.num_layers; ++l) {
        const LayerShape& s = net.layers[l];
        if (index >= s.b + size_t(s.fan_out)) continue;
        e.layer = l;
        e.is_bias = index >= s.b;
        size_t offset = e.is_bias ? index - s.b : index - s.w;
        e.row = e.is_bias ? 0 : int(offset / size_t(s.fan_out));
        e.col = int(offset % size_t(s.fan_out));
        break;
    }
    return e;
}

}   // namespace

GradCheckResult gradient_check(const Network& net, double epsilon, int row0, int rows) {
    Network copy = net;
    if (rows < 0 || row0 < 0 || row0 + rows > copy.data.samples) {
        row0 = 0;
        rows = copy.data.train;
    }
    batch_backward(copy, row0, rows);
    GradCheckResult result;
    result.rows = rows;
    result.entries.reserve(copy.param_count);
    for (size_t i = 0; i < copy.param_count; ++i) {
        const double saved = copy.params[i];
        copy.params[i] = saved + epsilon;
        const double plus = objective(copy, row0, rows);
        copy.params[i] = saved - epsilon;
        const double minus = objective(copy, row0, rows);
        copy.params[i] = saved;

        GradCheckEntry e = entry_for(copy, i);
        e.backprop = copy.grads[i];
        e.numerical = (plus - minus) / (2.0 * epsilon);
        e.rel_error = std::fabs(e.backprop - e.numerical) /
                      std::max(std::fabs(e.backprop) + std::fabs(e.numerical), 1e-12);
        e.at_kink = copy.config.reg == Regularization::l1 && !e.is_bias && std::fabs(saved) <= epsilon;
        result.at_kinks += e.at_kink;
        // A non-finite error (diverged weights) must not read as a pass: NaN wins the max.
        if (!e.at_kink && !std::isnan(result.max_rel_error) && !(e.rel_error <= result.max_rel_error))
            result.max_rel_error = e.rel_error;
        result.entries.push_back(e);
    }
    return result;
}

}   // namespace bpl

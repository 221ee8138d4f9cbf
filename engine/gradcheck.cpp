// Numerical gradient check: central differences of loss_objective on a copy of the net,
// against the gradients of one full-batch backward pass (all 4 rows, batch = 4).
#include "gradcheck.hpp"

#include <algorithm>
#include <cmath>

namespace bpl {

namespace {

// J(θ) over all N rows for the copy's current parameters.
double objective(Network& net) {
    network_predict(net);
    return loss_objective(net.config.loss, network_output(net), kXorTargets, kSamples, kSamples);
}

// Fills net.grads with the exact gradient of objective() (same pieces the trainer runs).
void full_batch_backward(Network& net) {
    network_forward(net, 0, kSamples);
    network_backward(net, 0, kSamples);
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

GradCheckResult gradient_check(const Network& net, double epsilon) {
    Network copy = net;
    copy.config.batch = BatchMode::full;   // documentary: the pieces below take rows = 4 anyway
    full_batch_backward(copy);
    GradCheckResult result;
    result.entries.reserve(copy.param_count);
    for (size_t i = 0; i < copy.param_count; ++i) {
        const double saved = copy.params[i];
        copy.params[i] = saved + epsilon;
        const double plus = objective(copy);
        copy.params[i] = saved - epsilon;
        const double minus = objective(copy);
        copy.params[i] = saved;

        GradCheckEntry e = entry_for(copy, i);
        e.backprop = copy.grads[i];
        e.numerical = (plus - minus) / (2.0 * epsilon);
        e.rel_error = std::fabs(e.backprop - e.numerical) /
                      std::max(std::fabs(e.backprop) + std::fabs(e.numerical), 1e-12);
        // A non-finite error (diverged weights) must not read as a pass: NaN wins the max.
        if (!std::isnan(result.max_rel_error) && !(e.rel_error <= result.max_rel_error))
            result.max_rel_error = e.rel_error;
        result.entries.push_back(e);
    }
    return result;
}

}   // namespace bpl

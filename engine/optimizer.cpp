// parameters_update (declared in optimizer.hpp): one optimizer step from net.grads, recording
// each parameter's Δ in last_step and flagging divergence when a parameter became non-finite.
#include <cmath>
#include "optimizer.hpp"

namespace bpl {

void parameters_update(Network& net) {
    const Config& cfg = net.config;
    const size_t n = net.param_count;
    double* w = net.params.data();
    double* step = net.last_step.data();
    const double* g = net.grads.data();
    double* m = net.opt_m.data();
    double* v = net.opt_v.data();
    const double lr = cfg.lr, mu = cfg.momentum;
    double sum = 0.0;   // one finiteness test at the end instead of one per parameter
    switch (cfg.optimizer) {
        case Optimizer::sgd:   // the reference: w -= g * lr
            for (size_t i = 0; i < n; ++i) {
                double updated = w[i] - g[i] * lr;
                step[i] = updated - w[i];
                w[i] = updated;
                sum += updated;
            }
            break;
        case Optimizer::momentum:   // v = μv − ηg; w += v
            for (size_t i = 0; i < n; ++i) {
                m[i] = mu * m[i] - lr * g[i];
                double updated = w[i] + m[i];
                step[i] = updated - w[i];
                w[i] = updated;
                sum += updated;
            }
            break;
        case Optimizer::adam: {   // β1 = momentum; bias-corrected moments
            ++net.adam_t;
            const double beta1 = mu, beta2 = cfg.beta2, eps = cfg.adam_epsilon;
            const double c1 = 1.0 - std::pow(beta1, double(net.adam_t));
            const double c2 = 1.0 - std::pow(beta2, double(net.adam_t));
            for (size_t i = 0; i < n; ++i) {
                m[i] = beta1 * m[i] + (1.0 - beta1) * g[i];
                v[i] = beta2 * v[i] + (1.0 - beta2) * g[i] * g[i];
                double updated = w[i] - lr * (m[i] / c1) / (std::sqrt(v[i] / c2) + eps);
                step[i] = updated - w[i];
                w[i] = updated;
                sum += updated;
            }
            break;
        }
    }
    if (!std::isfinite(sum)) net.diverged = true;
}

}   // namespace bpl

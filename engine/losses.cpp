// The loss table: per-sample values, the reported mean, the objective that backprop
// differentiates, and the output delta ∂objective/∂z_out.
#include "losses.hpp"

#include <cmath>
#include <limits>

namespace bpl {

namespace {

// ln of a probability, floored so a saturated output (a = 0 or 1) gives a large finite
// loss instead of −inf (and 0·ln 0 = 0 instead of NaN).
inline double safe_log(double p) { return std::log(std::fmax(p, std::numeric_limits<double>::min())); }

inline double bce_sample(double a, double y) { return -(y * safe_log(a) + (1.0 - y) * safe_log(1.0 - a)); }
// (y − a)² as the reference writes it: mean((y - out)**2).
inline double squared_error(double a, double y) {
    double e = y - a;
    return e * e;
}

}   // namespace

const LossInfo kLosses[kLossCount] = {
    {Loss::mse, "mse", "MSE", "L = mean((y − a)²)", "δ_out = (a − y) ⊙ f′(a)"},
    {Loss::mse_mean, "mse_mean", "MSE (mean gradient)", "L = mean((y − a)²)", "δ_out = (2/N)(a − y) ⊙ f′(a)"},
    {Loss::bce, "bce", "Cross-entropy", "L = −mean(y ln a + (1 − y) ln(1 − a))", "δ_out = a − y"},
};

const LossInfo& loss_info(Loss loss) {
    for (const LossInfo& info : kLosses)
        if (info.id == loss) return info;
    return kLosses[0];   // unreachable for a valid enum value
}

const LossInfo* find_loss(std::string_view name) {
    for (const LossInfo& info : kLosses)
        if (name == info.name) return &info;
    return nullptr;
}

double loss_sample(Loss loss, double a, double y) { return loss == Loss::bce ? bce_sample(a, y) : squared_error(a, y); }

double loss_samples(Loss loss, double* l, const double* out, const double* y, int n) {
    double sum = 0.0;
    if (loss == Loss::bce) {
        for (int i = 0; i < n; ++i) l[i] = bce_sample(out[i], y[i]);
    } else {
        for (int i = 0; i < n; ++i) l[i] = squared_error(out[i], y[i]);
    }
    for (int i = 0; i < n; ++i) sum += l[i];
    return sum;
}

double loss_forward(Loss loss, const double* out, const double* y, int n) {
    // Summed in row order then divided, like NumPy's mean over 4 values.
    double sum = 0.0;
    for (int i = 0; i < n; ++i) sum += loss_sample(loss, out[i], y[i]);
    return sum / n;
}

double loss_objective(Loss loss, const double* out, const double* y, int n, int batch) {
    double sum = 0.0;
    switch (loss) {
        case Loss::mse:
            for (int i = 0; i < n; ++i) sum += 0.5 * squared_error(out[i], y[i]);
            return sum;
        case Loss::mse_mean:
            for (int i = 0; i < n; ++i) sum += squared_error(out[i], y[i]);
            return sum / batch;
        case Loss::bce:
            for (int i = 0; i < n; ++i) sum += bce_sample(out[i], y[i]);
            return sum;
    }
    return sum;
}

void loss_backward(Loss loss, Activation out_act, double* delta, const double* out, const double* y, int n, int batch) {
    switch (loss) {
        case Loss::mse:   // the reference: d_out = (out − y) * sigmoid_derivative(out)
            for (int i = 0; i < n; ++i) delta[i] = out[i] - y[i];
            break;
        case Loss::mse_mean: {
            double scale = 2.0 / batch;
            for (int i = 0; i < n; ++i) delta[i] = scale * (out[i] - y[i]);
            break;
        }
        case Loss::bce:   // σ′ cancels against ∂BCE/∂a: only valid with a sigmoid output (config checks)
            for (int i = 0; i < n; ++i) delta[i] = out[i] - y[i];
            return;
    }
    activation_backward(out_act, delta, delta, out, n);   // ⊙ f′(a), in place
}

}   // namespace bpl

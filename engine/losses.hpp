// Losses as value/derivative pairs in one named table. "Reported" loss is what the reference
// prints (a mean over samples); the "objective" is the function whose exact gradient
// backprop computes, which is what a finite-difference check must differentiate.
#pragma once
#include <string_view>
#include "activations.hpp"

namespace bpl {

enum class Loss { mse, mse_mean, bce };
constexpr int kLossCount = 3;

struct LossInfo {
    Loss id;
    const char* name;            // "mse" (reference convention), "mse_mean", "bce"
    const char* label;           // "MSE", "MSE (mean gradient)", "Cross-entropy"
    const char* formula;         // reported loss, Unicode
    const char* delta_formula;   // output delta, Unicode, e.g. "δ_out = (a − y) ⊙ σ′(a)" / "δ_out = a − y"
};

extern const LossInfo kLosses[kLossCount];
const LossInfo& loss_info(Loss loss);
const LossInfo* find_loss(std::string_view name);

// Per-sample loss l_i for output a and target y (mse: (y − a)², bce: −[y ln a + (1 − y) ln(1 − a)]).
double loss_sample(Loss loss, double a, double y);
// l[i] = loss_sample(out[i], y[i]) for n samples; returns Σ l[i], summed in order (one call
// and one switch per batch instead of per sample).
double loss_samples(Loss loss, double* l, const double* out, const double* y, int n);
// Reported loss over n samples: the mean of loss_sample (the reference's mean((y − out)²)).
double loss_forward(Loss loss, const double* out, const double* y, int n);
// Objective whose exact gradient the backward computes, over n samples, with batch size
// `batch` used for the mean-gradient variant:
//   mse: Σ ½(a − y)²   mse_mean: (1/batch) Σ (a − y)²   bce: Σ BCE
double loss_objective(Loss loss, const double* out, const double* y, int n, int batch);
// delta: ∂objective/∂z_out for n samples (z_out pre-activation, out = f(z_out)):
//   mse: (a − y) ⊙ f'(a)   mse_mean: (2/batch)(a − y) ⊙ f'(a)   bce (sigmoid output): a − y
void loss_backward(Loss loss, Activation out_act, double* delta, const double* out, const double* y, int n, int batch);

}   // namespace bpl

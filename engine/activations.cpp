// The activation table and the elementwise forward/backward loops over it. Each loop is
// chosen by one switch outside the loop, so the inner loops are plain arithmetic.
#include "activations.hpp"

#include <cmath>

namespace bpl {

namespace {

// Literally 1/(1+exp(-z)), as the reference program writes it, so the bits match NumPy.
inline double sigmoid(double z) { return 1.0 / (1.0 + std::exp(-z)); }
inline double sigmoid_der(double a) { return a * (1.0 - a); }
inline double tanh_value(double z) { return std::tanh(z); }
inline double tanh_der(double a) { return 1.0 - a * a; }
inline double relu(double z) { return z < 0.0 ? 0.0 : z; }         // NaN passes through
inline double relu_der(double a) { return a > 0.0 ? 1.0 : 0.0; }   // 0 at the kink
inline double leaky_relu(double z) { return z < 0.0 ? kLeakySlope * z : z; }
inline double leaky_relu_der(double a) { return a > 0.0 ? 1.0 : kLeakySlope; }
inline double linear(double z) { return z; }
inline double linear_der(double) { return 1.0; }

// a = f(z) / dz = da ⊙ f'(a) over n values, with the function inlined into the loop.
template <double (*F)(double)>
void map_forward(double* a, const double* z, int n) {
    for (int i = 0; i < n; ++i) a[i] = F(z[i]);
}
template <double (*D)(double)>
void map_backward(double* dz, const double* da, const double* a, int n) {
    for (int i = 0; i < n; ++i) dz[i] = da[i] * D(a[i]);
}

// sigmoid over n values in two passes, every exp(−z) first, then every 1 / (1 + e): in one
// loop each division had to finish before the next exp call (a call clobbers every FP
// register), so the two latencies added up per value. Same operations, same bits.
void sigmoid_forward(double* a, const double* z, int n) {
    for (int i = 0; i < n; ++i) a[i] = std::exp(-z[i]);
    for (int i = 0; i < n; ++i) a[i] = 1.0 / (1.0 + a[i]);
}

}   // namespace

// clang-format off
const ActivationInfo kActivations[kActivationCount] = {
    {Activation::sigmoid, "sigmoid", "Sigmoid", "σ(z) = 1 / (1 + e^(−z))", "σ′ = a(1 − a)",
     sigmoid, sigmoid_der},
    {Activation::tanh, "tanh", "tanh", "tanh(z) = (e^z − e^(−z)) / (e^z + e^(−z))", "tanh′ = 1 − a²",
     tanh_value, tanh_der},
    {Activation::relu, "relu", "ReLU", "ReLU(z) = max(0, z)", "ReLU′ = 1 if a > 0, else 0",
     relu, relu_der},
    {Activation::leaky_relu, "leaky_relu", "Leaky ReLU", "f(z) = z if z > 0, else 0.01·z",
     "f′ = 1 if a > 0, else 0.01", leaky_relu, leaky_relu_der},
    {Activation::linear, "linear", "Linear", "f(z) = z", "f′ = 1", linear, linear_der},
};
// clang-format on

const ActivationInfo& activation_info(Activation act) {
    for (const ActivationInfo& info : kActivations)
        if (info.id == act) return info;
    return kActivations[0];   // unreachable for a valid enum value
}

const ActivationInfo* find_activation(std::string_view name) {
    for (const ActivationInfo& info : kActivations)
        if (name == info.name) return &info;
    return nullptr;
}

void activation_forward(Activation act, double* a, const double* z, int n) {
    switch (act) {
        case Activation::sigmoid: sigmoid_forward(a, z, n); break;
        case Activation::tanh: map_forward<tanh_value>(a, z, n); break;
        case Activation::relu: map_forward<relu>(a, z, n); break;
        case Activation::leaky_relu: map_forward<leaky_relu>(a, z, n); break;
        case Activation::linear: map_forward<linear>(a, z, n); break;
    }
}

void activation_backward(Activation act, double* dz, const double* da, const double* a, int n) {
    switch (act) {
        case Activation::sigmoid: map_backward<sigmoid_der>(dz, da, a, n); break;
        case Activation::tanh: map_backward<tanh_der>(dz, da, a, n); break;
        case Activation::relu: map_backward<relu_der>(dz, da, a, n); break;
        case Activation::leaky_relu: map_backward<leaky_relu_der>(dz, da, a, n); break;
        case Activation::linear: map_backward<linear_der>(dz, da, a, n); break;
    }
}

}   // namespace bpl

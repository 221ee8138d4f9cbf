// Activation functions as value/derivative pairs in one named table (shared by the UI's combo
// boxes, the URL parser and the CLI). Derivatives are written in terms of the activation a,
// as the reference program does (sigmoid'(a) = a(1 - a)).
#pragma once
#include <string_view>

namespace bpl {

enum class Activation { sigmoid, tanh, relu, leaky_relu, linear };
constexpr int kActivationCount = 5;
constexpr double kLeakySlope = 0.01;

struct ActivationInfo {
    Activation id;
    const char* name;         // key used in config strings / URLs: "sigmoid", "tanh", "relu", "leaky_relu", "linear"
    const char* label;        // for people: "Sigmoid", "tanh", "ReLU", "Leaky ReLU", "Linear"
    const char* formula;      // value, Unicode: "σ(z) = 1 / (1 + e^(−z))"
    const char* derivative;   // derivative in terms of a, Unicode: "σ′ = a(1 − a)"
    double (*value)(double z);
    double (*derivative_of_a)(double a);
};

extern const ActivationInfo kActivations[kActivationCount];
const ActivationInfo& activation_info(Activation act);
const ActivationInfo* find_activation(std::string_view name);   // nullptr when unknown

// a = f(z), elementwise over n values. The switch sits outside the loop.
void activation_forward(Activation act, double* a, const double* z, int n);
// dz = da ⊙ f'(a), elementwise over n values (the backward sits beside its forward).
void activation_backward(Activation act, double* dz, const double* da, const double* a, int n);

}   // namespace bpl

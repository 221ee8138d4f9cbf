// Tests for engine/activations.cpp: the table, and every derivative (written in terms of a)
// against central finite differences of its value function.
#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include "activations.hpp"

using namespace bpl;

namespace {

// f'(z) by central differences vs derivative_of_a(f(z)) over a grid that avoids the
// ReLU kink at 0 by more than the step h.
void check_derivative(Activation act) {
    const ActivationInfo& info = activation_info(act);
    const double h = 1e-6;
    int checked = 0;
    for (double z = -4.03; z <= 4.0; z += 0.1) {
        if (std::fabs(z) < 100 * h) continue;
        double numerical = (info.value(z + h) - info.value(z - h)) / (2 * h);
        double analytic = info.derivative_of_a(info.value(z));
        CAPTURE(z);
        CHECK(analytic == doctest::Approx(numerical).epsilon(1e-8).scale(1.0));
        ++checked;
    }
    CHECK(checked > 70);
}

// The array forms agree with the table's scalar functions, also in place.
void check_array_forms(Activation act) {
    const ActivationInfo& info = activation_info(act);
    const int n = 7;
    const double z[n] = {-3.0, -0.5, -1e-3, 1e-3, 0.25, 1.5, 6.0};
    const double da[n] = {0.3, -1.2, 2.0, 0.7, -0.1, 1.0, -2.5};
    double a[n], dz[n], in_place[n];
    activation_forward(act, a, z, n);
    activation_backward(act, dz, da, a, n);
    std::memcpy(in_place, z, sizeof z);
    activation_forward(act, in_place, in_place, n);
    for (int i = 0; i < n; ++i) {
        CHECK(a[i] == info.value(z[i]));
        CHECK(in_place[i] == a[i]);
        CHECK(dz[i] == da[i] * info.derivative_of_a(a[i]));
    }
}

void check_activation(Activation act) {
    check_derivative(act);
    check_array_forms(act);
}

}   // namespace

TEST_CASE("activations: every derivative matches finite differences; arrays match the table") {
    SUBCASE("sigmoid") { check_activation(Activation::sigmoid); }
    SUBCASE("tanh") { check_activation(Activation::tanh); }
    SUBCASE("relu") { check_activation(Activation::relu); }
    SUBCASE("leaky_relu") { check_activation(Activation::leaky_relu); }
    SUBCASE("linear") { check_activation(Activation::linear); }
}

TEST_CASE("activations: table rows, names and lookup") {
    for (int i = 0; i < kActivationCount; ++i) {
        const ActivationInfo& info = kActivations[i];
        CAPTURE(info.name);
        CHECK(static_cast<int>(info.id) == i);   // rows in enum order
        CHECK(&activation_info(info.id) == &info);
        CHECK(find_activation(info.name) == &info);
        CHECK(std::strlen(info.label) > 0);
        CHECK(std::strlen(info.formula) > 0);
        CHECK(std::strlen(info.derivative) > 0);
    }
    CHECK(find_activation("sigmoid")->id == Activation::sigmoid);
    CHECK(find_activation("leaky_relu")->id == Activation::leaky_relu);
    CHECK(find_activation("Sigmoid") == nullptr);
    CHECK(find_activation("") == nullptr);
    CHECK(find_activation("softmax") == nullptr);
}

TEST_CASE("activations: values at known points") {
    const ActivationInfo& sig = activation_info(Activation::sigmoid);
    CHECK(sig.value(0.0) == 0.5);
    CHECK(sig.value(2.0) == 1.0 / (1.0 + std::exp(-2.0)));   // literally the reference's formula
    CHECK(sig.value(-800.0) == 0.0);                         // exp overflows to inf: 1/inf, no NaN
    CHECK(sig.value(800.0) == 1.0);
    CHECK(sig.derivative_of_a(0.5) == 0.25);
    CHECK(activation_info(Activation::tanh).value(1.0) == doctest::Approx(0.7615941559557649));
    CHECK(activation_info(Activation::tanh).derivative_of_a(0.5) == 0.75);
    CHECK(activation_info(Activation::relu).value(-2.0) == 0.0);
    CHECK(activation_info(Activation::relu).value(3.0) == 3.0);
    CHECK(activation_info(Activation::relu).derivative_of_a(0.0) == 0.0);
    CHECK(activation_info(Activation::leaky_relu).value(-2.0) == doctest::Approx(-2.0 * kLeakySlope));
    CHECK(activation_info(Activation::leaky_relu).derivative_of_a(-0.02) == kLeakySlope);
    CHECK(activation_info(Activation::linear).value(-2.5) == -2.5);
    CHECK(std::isnan(activation_info(Activation::relu).value(std::nan(""))));   // divergence stays visible
}

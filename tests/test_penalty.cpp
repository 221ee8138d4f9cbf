// Tests for engine/penalty.cpp: the L1 and L2 penalties against their definitions, and their
// gradients against central differences (the whole-network check with a penalty is in
// test_gradcheck.cpp).
#include <doctest/doctest.h>

#include <cmath>
#include <vector>
#include "penalty.hpp"

using bpl::Regularization;

namespace {

// Central difference of the penalty in weight i.
double numerical(Regularization reg, double rate, std::vector<double> W, size_t i, double eps = 1e-6) {
    const double saved = W[i];
    W[i] = saved + eps;
    const double plus = bpl::penalty_forward(reg, rate, W.data(), W.size());
    W[i] = saved - eps;
    const double minus = bpl::penalty_forward(reg, rate, W.data(), W.size());
    return (plus - minus) / (2 * eps);
}

}   // namespace

TEST_CASE("penalty: values by definition") {
    const std::vector<double> W{0.5, -2.0, 0.0, 1.5};
    CHECK(bpl::penalty_forward(Regularization::none, 0.1, W.data(), W.size()) == 0.0);
    CHECK(bpl::penalty_forward(Regularization::l1, 0.1, W.data(), W.size()) == doctest::Approx(0.1 * 4.0));
    CHECK(bpl::penalty_forward(Regularization::l2, 0.1, W.data(), W.size()) ==
          doctest::Approx(0.1 * 0.5 * (0.25 + 4.0 + 2.25)));
}

TEST_CASE("penalty: gradients agree with central differences away from 0; L1 takes 0 at 0") {
    const std::vector<double> W{0.37, -1.2, 0.004, -0.25, 2.5, 0.0};
    for (Regularization reg : {Regularization::l1, Regularization::l2}) {
        INFO("reg ", int(reg));
        std::vector<double> dW(W.size(), 0.25);   // added to whatever the data gave
        bpl::penalty_backward(reg, 0.03, dW.data(), W.data(), W.size());
        for (size_t i = 0; i + 1 < W.size(); ++i) {
            INFO("w ", W[i]);
            CHECK(dW[i] - 0.25 == doctest::Approx(numerical(reg, 0.03, W, i)).epsilon(1e-7));
        }
        CHECK(dW.back() == 0.25);   // w = 0: L1's subgradient 0, L2's slope 0
    }
    std::vector<double> dW(W.size(), 1.0);
    bpl::penalty_backward(Regularization::none, 0.03, dW.data(), W.data(), W.size());
    for (double d : dW) CHECK(d == 1.0);
}

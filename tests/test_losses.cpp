// Tests for engine/losses.cpp: per-sample values and the reported mean, and every loss's
// output delta against central finite differences of its objective w.r.t. the output
// pre-activation z, for each valid output activation.
#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include "losses.hpp"

using namespace bpl;

namespace {

const double kY[4] = {0, 1, 1, 0};
const double kZ[4] = {-1.3, 0.4, 2.1, -0.2};   // output pre-activations

double objective_at(Loss loss, Activation out_act, const double* z, const double* y, int n, int batch) {
    double out[4];
    activation_forward(out_act, out, z, n);
    return loss_objective(loss, out, y, n, batch);
}

// δ from loss_backward vs (J(z + h e_i) − J(z − h e_i)) / 2h, for all 4 rows with batch 4
// and for single rows with batch 1 (the per-sample mode).
void check_delta(Loss loss, Activation out_act) {
    const double h = 1e-6;
    for (int first = -1; first < 4; ++first) {
        const int row0 = first < 0 ? 0 : first;
        const int n = first < 0 ? 4 : 1;
        double z[4], out[4], delta[4];
        std::memcpy(z, kZ + row0, n * sizeof(double));
        activation_forward(out_act, out, z, n);
        loss_backward(loss, out_act, delta, out, kY + row0, n, n);
        for (int i = 0; i < n; ++i) {
            const double saved = z[i];
            z[i] = saved + h;
            const double plus = objective_at(loss, out_act, z, kY + row0, n, n);
            z[i] = saved - h;
            const double minus = objective_at(loss, out_act, z, kY + row0, n, n);
            z[i] = saved;
            CAPTURE(row0);
            CAPTURE(i);
            CHECK(delta[i] == doctest::Approx((plus - minus) / (2 * h)).epsilon(1e-7));
        }
    }
}

}   // namespace

TEST_CASE("losses: output delta matches finite differences of the objective") {
    SUBCASE("mse, sigmoid output") { check_delta(Loss::mse, Activation::sigmoid); }
    SUBCASE("mse, linear output") { check_delta(Loss::mse, Activation::linear); }
    SUBCASE("mse_mean, sigmoid output") { check_delta(Loss::mse_mean, Activation::sigmoid); }
    SUBCASE("mse_mean, linear output") { check_delta(Loss::mse_mean, Activation::linear); }
    SUBCASE("bce, sigmoid output") { check_delta(Loss::bce, Activation::sigmoid); }
}

TEST_CASE("losses: the reference's mse delta is (a − y) · a(1 − a)") {
    double out[4] = {0.2, 0.7, 0.9, 0.4}, delta[4];
    loss_backward(Loss::mse, Activation::sigmoid, delta, out, kY, 4, 4);
    for (int i = 0; i < 4; ++i) CHECK(delta[i] == (out[i] - kY[i]) * (out[i] * (1.0 - out[i])));
    loss_backward(Loss::bce, Activation::sigmoid, delta, out, kY, 4, 4);
    for (int i = 0; i < 4; ++i) CHECK(delta[i] == out[i] - kY[i]);
}

TEST_CASE("losses: per-sample values and the reported mean") {
    const double out[4] = {0.2, 0.7, 0.9, 0.4};
    SUBCASE("mse") {
        CHECK(loss_sample(Loss::mse, 0.2, 0.0) == doctest::Approx(0.04));
        CHECK(loss_sample(Loss::mse, 0.7, 1.0) == doctest::Approx(0.09));
        // The reference: mean((y - out)**2), summed in row order.
        double expected = ((0.04 + 0.09) + 0.01) + 0.16;
        CHECK(loss_forward(Loss::mse, out, kY, 4) == doctest::Approx(expected / 4));
        CHECK(loss_objective(Loss::mse, out, kY, 4, 4) == doctest::Approx(expected / 2));
    }
    SUBCASE("mse_mean") {
        CHECK(loss_sample(Loss::mse_mean, 0.2, 0.0) == doctest::Approx(0.04));
        CHECK(loss_forward(Loss::mse_mean, out, kY, 4) == doctest::Approx(0.3 / 4));
        CHECK(loss_objective(Loss::mse_mean, out, kY, 4, 4) == doctest::Approx(0.3 / 4));
        CHECK(loss_objective(Loss::mse_mean, out, kY, 2, 1) == doctest::Approx(0.13));
    }
    SUBCASE("bce") {
        CHECK(loss_sample(Loss::bce, 0.5, 1.0) == doctest::Approx(std::log(2.0)));
        CHECK(loss_sample(Loss::bce, 0.2, 0.0) == doctest::Approx(-std::log(0.8)));
        double expected = -(std::log(0.8) + std::log(0.7) + std::log(0.9) + std::log(0.6)) / 4;
        CHECK(loss_forward(Loss::bce, out, kY, 4) == doctest::Approx(expected));
        CHECK(loss_objective(Loss::bce, out, kY, 4, 4) == doctest::Approx(expected * 4));
    }
}

TEST_CASE("losses: bce is finite when the output saturates at 0 or 1") {
    CHECK(loss_sample(Loss::bce, 0.0, 0.0) == 0.0);
    CHECK(loss_sample(Loss::bce, 1.0, 1.0) == 0.0);
    const double wrong_high = loss_sample(Loss::bce, 1.0, 0.0);
    const double wrong_low = loss_sample(Loss::bce, 0.0, 1.0);
    CHECK(std::isfinite(wrong_high));
    CHECK(std::isfinite(wrong_low));
    CHECK(wrong_high > 100.0);   // large: a confident wrong answer
    CHECK(wrong_low > 100.0);
    double delta[1];
    const double a = 1.0, y = 0.0;
    loss_backward(Loss::bce, Activation::sigmoid, delta, &a, &y, 1, 1);
    CHECK(delta[0] == 1.0);   // the gradient is a − y, not the clamped log's
}

TEST_CASE("losses: table rows, names and lookup") {
    for (int i = 0; i < kLossCount; ++i) {
        const LossInfo& info = kLosses[i];
        CAPTURE(info.name);
        CHECK(static_cast<int>(info.id) == i);
        CHECK(&loss_info(info.id) == &info);
        CHECK(find_loss(info.name) == &info);
        CHECK(std::strlen(info.label) > 0);
        CHECK(std::strlen(info.formula) > 0);
        CHECK(std::strlen(info.delta_formula) > 0);
    }
    CHECK(find_loss("mse")->id == Loss::mse);
    CHECK(find_loss("MSE") == nullptr);
    CHECK(find_loss("hinge") == nullptr);
}

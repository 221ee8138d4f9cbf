// Tests for engine/gradcheck.cpp: entries cover every parameter at the right place, agree
// with backprop, do not touch the net, and ignore the net's batch mode.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include "check_helpers.hpp"
#include "net_helpers.hpp"
#include "gradcheck.hpp"
#include "trainer.hpp"

using namespace bpl;
using bpl_test::kXorRows;
using bpl_test::kXorX;
using bpl_test::kXorY;

namespace {

using bpl_test::make_net;

void check_net(const Config& cfg, double tolerance) {
    Network net = make_net(cfg);
    train_epochs(net, 50);   // away from the symmetric start
    const GradCheckResult result = gradient_check(net);
    REQUIRE(result.entries.size() == net.param_count);
    CHECK(result.rows == net.data.train);
    double worst = 0.0;
    for (const GradCheckEntry& e : result.entries)
        if (!e.at_kink) worst = std::fmax(worst, e.rel_error);
    CHECK(result.max_rel_error == worst);
    CHECK(result.max_rel_error < tolerance);
}

}   // namespace

// Tolerance 1e-5: with ε = 1e-6 the differences carry ~1e-10 of rounding noise, and some
// gradients here are only ~2e-5, so 1e-6 relative would test the noise, not backprop.
TEST_CASE("gradcheck: backprop agrees with central differences") {
    Config cfg;
    SUBCASE("2-4-1 sigmoid, mse (the reference)") { check_net(cfg, 1e-5); }
    SUBCASE("2-4-3-1 tanh, mse_mean") {
        cfg.hidden_layers = 2;
        cfg.hidden_units[1] = 3;
        cfg.activation = Activation::tanh;
        cfg.loss = Loss::mse_mean;
        check_net(cfg, 1e-5);
    }
    SUBCASE("2-5-1 sigmoid, bce") {
        cfg.hidden_units[0] = 5;
        cfg.loss = Loss::bce;
        check_net(cfg, 1e-5);
    }
    SUBCASE("perceptron (hidden=0), AND, bce") {
        std::string error;
        REQUIRE(bpl::config_parse(cfg, "data=and&hidden=0&loss=bce", error));
        check_net(cfg, 1e-5);
    }
    SUBCASE("2-6-4-1 tanh on a circle, bce, L2 penalty, over the training set") {
        std::string error;
        REQUIRE(bpl::config_parse(
            cfg, "data=circle&points=80&hidden=6,4&act=tanh&loss=bce&reg=l2&reg_rate=0.05&lr=0.03", error));
        check_net(cfg, 1e-5);
    }
    SUBCASE("2-4-1 tanh on a spiral, L1 penalty (weights near 0 skipped)") {
        std::string error;
        REQUIRE(bpl::config_parse(cfg, "data=spiral&points=60&act=tanh&reg=l1&reg_rate=0.02&lr=0.03", error));
        check_net(cfg, 1e-5);
    }
    SUBCASE("2-4-1 leaky relu, linear output, per-sample batches") {
        cfg.activation = Activation::leaky_relu;
        cfg.output_activation = Activation::linear;
        cfg.batch = BatchMode::sample;
        cfg.lr = 0.05;
        check_net(cfg, 1e-5);
    }
}

TEST_CASE("gradcheck: a mini-batch's gradient, and the penalty's, against central differences") {
    Config cfg;
    std::string error;
    REQUIRE(bpl::config_parse(cfg, "data=gauss&points=100&hidden=5&act=tanh&loss=bce&batch=10&reg=l2&reg_rate=0.01",
                              error));
    Network net = make_net(cfg);
    train_epochs(net, 3);
    for (int row0 : {0, 10, 40}) {
        INFO("batch at row ", row0);
        const GradCheckResult r = gradient_check(net, 1e-6, row0, 10);
        CHECK(r.rows == 10);
        CHECK(r.max_rel_error < 1e-5);
    }
    // The penalty is in the objective: without it the check would disagree with backprop's dW.
    Network no_penalty = net;
    no_penalty.config.reg = Regularization::none;
    const GradCheckResult with = gradient_check(net, 1e-6, 0, 10), without = gradient_check(no_penalty, 1e-6, 0, 10);
    bool differs = false;
    for (size_t i = 0; i < with.entries.size(); ++i)
        if (!with.entries[i].is_bias)
            differs = differs || std::fabs(with.entries[i].backprop - without.entries[i].backprop) > 1e-6;
    CHECK(differs);
    for (size_t i = 0; i < with.entries.size(); ++i)   // biases are not penalised
        if (with.entries[i].is_bias) CHECK(with.entries[i].backprop == without.entries[i].backprop);
}

TEST_CASE("gradcheck: an L1 weight at 0 is listed as at the kink and left out of the maximum") {
    Config cfg;
    std::string error;
    REQUIRE(bpl::config_parse(cfg, "reg=l1&reg_rate=0.05", error));
    Network net = make_net(cfg);
    layer_W(net, 0)[1] = 0.0;   // exactly at |w|'s kink: backprop takes the subgradient 0
    const GradCheckResult r = gradient_check(net);
    CHECK(r.at_kinks == 1);
    CHECK(r.entries[1].at_kink);
    CHECK(r.max_rel_error < 1e-5);   // the other parameters still agree
}

TEST_CASE("gradcheck: entries name their parameter and carry backprop's full-batch gradient") {
    Config cfg;
    cfg.hidden_layers = 2;
    cfg.hidden_units[1] = 3;
    Network net = make_net(cfg);
    train_epochs(net, 10);
    const GradCheckResult result = gradient_check(net, 1e-5);

    Network full = net;   // the expected gradient: one full-batch backward pass
    network_forward(full, 0, kXorRows);
    network_backward(full, 0, kXorRows);

    size_t i = 0;
    for (int l = 0; l < net.num_layers; ++l) {
        const LayerShape& s = net.layers[l];
        for (int row = 0; row <= s.fan_in; ++row) {   // row == fan_in stands for the bias
            for (int col = 0; col < s.fan_out; ++col, ++i) {
                const GradCheckEntry& e = result.entries[i];
                const bool bias = row == s.fan_in;
                CAPTURE(i);
                CHECK(e.layer == l);
                CHECK(e.is_bias == bias);
                CHECK(e.row == (bias ? 0 : row));
                CHECK(e.col == col);
                CHECK(e.backprop == full.grads[i]);
                CHECK(e.numerical == doctest::Approx(e.backprop).epsilon(1e-6));
            }
        }
    }
    CHECK(i == net.param_count);
}

TEST_CASE("gradcheck: leaves the network untouched and ignores its batch mode") {
    Config cfg;
    cfg.batch = BatchMode::sample;
    Network net = make_net(cfg);
    train_epoch(net);
    step_phase(net);
    step_phase(net);   // mid-batch: caches hold one row's forward
    const Network before = net;
    const GradCheckResult sample_mode = gradient_check(net);
    CHECK(bpl_test::same_bits(net.params, before.params));
    CHECK(bpl_test::same_bits(net.grads, before.grads));
    CHECK(bpl_test::same_bits(net.a, before.a));
    CHECK(bpl_test::same_bits(net.delta, before.delta));
    CHECK(net.phase == before.phase);
    CHECK(net.epoch == before.epoch);

    Network full = net;
    full.config.batch = BatchMode::full;
    const GradCheckResult full_mode = gradient_check(full);
    REQUIRE(full_mode.entries.size() == sample_mode.entries.size());
    for (size_t i = 0; i < full_mode.entries.size(); ++i) {
        CHECK(full_mode.entries[i].backprop == sample_mode.entries[i].backprop);
        CHECK(full_mode.entries[i].numerical == sample_mode.entries[i].numerical);
    }
}

TEST_CASE("gradient check on non-finite weights does not read as a pass") {
    bpl::Config cfg;
    bpl::Network net;
    std::string error;
    REQUIRE(bpl::network_init(net, cfg, error));
    net.params[0] = std::numeric_limits<double>::infinity();   // as after a divergence
    bpl::GradCheckResult r = bpl::gradient_check(net);
    CHECK(std::isnan(r.max_rel_error));
}

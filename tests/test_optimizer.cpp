// Tests for engine/optimizer.cpp: one parameters_update step of each optimizer against the
// formula written out by hand, last_step, the optimizer state, and the divergence flag.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include "check_helpers.hpp"
#include "net_helpers.hpp"
#include "network.hpp"
#include "optimizer.hpp"

using namespace bpl;

namespace {

Network make_net(Optimizer opt) {
    Config cfg;
    cfg.optimizer = opt;
    cfg.lr = 0.1;
    cfg.momentum = 0.9;
    return bpl_test::make_net(cfg);
}

// Made-up gradients of both signs and several sizes, one per parameter.
void set_grads(Network& net, double scale) {
    for (size_t i = 0; i < net.param_count; ++i) net.grads[i] = scale * (double(i % 5) - 2.0) * (1.0 + 0.1 * double(i));
}

}   // namespace

TEST_CASE("optimizer: each method's step equals its formula") {
    SUBCASE("sgd: w − g·lr, as the reference writes it") {
        Network net = make_net(Optimizer::sgd);
        set_grads(net, 0.3);
        const std::vector<double> w0 = net.params;
        parameters_update(net);
        for (size_t i = 0; i < net.param_count; ++i) {
            CHECK(net.params[i] == w0[i] - net.grads[i] * 0.1);   // same operations: exact
            CHECK(net.last_step[i] == net.params[i] - w0[i]);
        }
    }
    SUBCASE("momentum: v = μv − ηg, w += v") {
        Network net = make_net(Optimizer::momentum);
        const std::vector<double> w0 = net.params;
        set_grads(net, 0.3);
        const std::vector<double> g1 = net.grads;
        parameters_update(net);
        set_grads(net, -0.2);
        const std::vector<double> g2 = net.grads;
        parameters_update(net);
        for (size_t i = 0; i < net.param_count; ++i) {
            const double v1 = -0.1 * g1[i];
            const double v2 = 0.9 * v1 - 0.1 * g2[i];
            CHECK(net.opt_m[i] == doctest::Approx(v2));
            CHECK(net.params[i] == doctest::Approx(w0[i] + v1 + v2));
            CHECK(net.last_step[i] == doctest::Approx(v2));
        }
    }
    SUBCASE("adam: bias-corrected moments, β1 = momentum") {
        Network net = make_net(Optimizer::adam);
        const double b1 = 0.9, b2 = net.config.beta2, eps = net.config.adam_epsilon;
        std::vector<double> w = net.params, m(net.param_count, 0.0), v(net.param_count, 0.0);
        for (int t = 1; t <= 3; ++t) {
            set_grads(net, t == 2 ? -0.5 : 0.25);
            parameters_update(net);
            CHECK(net.adam_t == t);
            for (size_t i = 0; i < net.param_count; ++i) {
                const double g = net.grads[i];
                m[i] = b1 * m[i] + (1 - b1) * g;
                v[i] = b2 * v[i] + (1 - b2) * g * g;
                const double m_hat = m[i] / (1 - std::pow(b1, t));
                const double v_hat = v[i] / (1 - std::pow(b2, t));
                const double step = -0.1 * m_hat / (std::sqrt(v_hat) + eps);
                w[i] += step;
                CHECK(net.last_step[i] == doctest::Approx(step));
            }
        }
        bpl_test::MaxDiff d = bpl_test::max_difference(net.params.data(), w.data(), w.size());
        bpl_test::print_difference("adam after 3 steps vs the formula", d);
        CHECK(d.rel < 1e-12);
    }
}

TEST_CASE("optimizer: first adam step moves every parameter by about lr") {
    Network net = make_net(Optimizer::adam);
    set_grads(net, 1e-3);
    const std::vector<double> w0 = net.params;
    parameters_update(net);
    for (size_t i = 0; i < net.param_count; ++i) {
        if (net.grads[i] == 0.0) {
            CHECK(net.last_step[i] == 0.0);
            continue;
        }
        CHECK(std::fabs(net.last_step[i]) == doctest::Approx(0.1).epsilon(1e-4));
        CHECK((net.last_step[i] < 0) == (net.grads[i] > 0));   // downhill
    }
}

TEST_CASE("optimizer: a non-finite parameter after the step flags divergence") {
    const Optimizer opts[] = {Optimizer::sgd, Optimizer::momentum, Optimizer::adam};
    for (Optimizer opt : opts) {
        Network net = make_net(opt);
        set_grads(net, 0.1);
        parameters_update(net);
        CHECK_FALSE(net.diverged);
        net.grads[3] = std::numeric_limits<double>::quiet_NaN();
        parameters_update(net);
        CHECK(net.diverged);
        CHECK(std::isnan(net.params[3]));
    }
    Network net = make_net(Optimizer::sgd);
    net.grads[0] = -std::numeric_limits<double>::infinity();
    parameters_update(net);
    CHECK(net.diverged);
}

TEST_CASE("optimizer: a new optimizer starts from fresh state") {
    Network net = make_net(Optimizer::momentum);
    set_grads(net, 0.3);
    parameters_update(net);
    REQUIRE(net.opt_m[1] != 0.0);
    Config cfg = net.config;
    cfg.optimizer = Optimizer::adam;
    std::string error;
    REQUIRE(network_set_training(net, cfg, error));
    for (double m : net.opt_m) CHECK(m == 0.0);
    for (double v : net.opt_v) CHECK(v == 0.0);
    CHECK(net.adam_t == 0);
    cfg.lr = 0.01;   // same optimizer: state kept
    parameters_update(net);
    const std::vector<double> m = net.opt_m;
    REQUIRE(network_set_training(net, cfg, error));
    CHECK(bpl_test::same_bits(net.opt_m, m));
    CHECK(net.adam_t == 1);
}

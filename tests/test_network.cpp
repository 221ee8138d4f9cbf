// Tests for engine/network.cpp: storage layout, the initial draws against NumPy, the
// whole-network backward against central finite differences (every hidden activation ×
// loss × depth), and the prediction helpers against the forward pass.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdio>
#include "check_helpers.hpp"
#include "net_helpers.hpp"
#include "network.hpp"
#include "rng.hpp"
#include "optimizer.hpp"

using namespace bpl;
using bpl_test::kXorRows;
using bpl_test::kXorX;
using bpl_test::kXorY;

namespace {

using bpl_test::make_net;

Config shaped(int layers, int units) {
    Config cfg;
    cfg.hidden_layers = layers;
    for (int l = 0; l < kMaxHiddenLayers; ++l) cfg.hidden_units[l] = units;
    return cfg;
}

// Gives every bias a nonzero value (zero biases put row 00 exactly on the ReLU kink) and
// checks that no pre-activation lies within `margin` of 0, so differences stay smooth.
bool set_biases_away_from_kinks(Network& net, uint32_t seed, double margin) {
    Rng rng;
    rng_seed(rng, seed);
    for (int l = 0; l < net.num_layers; ++l)
        for (int j = 0; j < net.layers[l].fan_out; ++j) layer_b(net, l)[j] = 0.5 * rng_normal(rng);
    network_predict(net);
    for (double z : net.z)
        if (std::fabs(z) < margin) return false;
    return true;
}

// Full-batch gradient through the pieces the trainer runs.
void backward_rows(Network& net, int row0, int rows) {
    network_forward(net, row0, rows);
    network_backward(net, row0, rows);
}

double objective_rows(Network& net, int row0, int rows) {
    network_predict(net);
    return loss_objective(net.config.loss, network_output(net) + row0, kXorY + row0, rows, rows);
}

// Every parameter's backprop gradient vs central differences; returns the largest error.
double max_gradient_error(Network& net, int row0, int rows) {
    const double h = 1e-6;
    backward_rows(net, row0, rows);
    const std::vector<double> grads = net.grads;
    double worst = 0.0;
    for (size_t i = 0; i < net.param_count; ++i) {
        const double saved = net.params[i];
        net.params[i] = saved + h;
        const double plus = objective_rows(net, row0, rows);
        net.params[i] = saved - h;
        const double minus = objective_rows(net, row0, rows);
        net.params[i] = saved;
        const double numerical = (plus - minus) / (2 * h);
        const double err = std::fabs(grads[i] - numerical) / (1.0 + std::fabs(numerical));
        worst = std::fmax(worst, err);
    }
    return worst;
}

void check_whole_network(Activation act) {
    struct LossCase {
        Loss loss;
        Activation out;
    };
    const LossCase cases[] = {{Loss::mse, Activation::sigmoid},
                              {Loss::mse, Activation::linear},
                              {Loss::mse_mean, Activation::sigmoid},
                              {Loss::mse_mean, Activation::linear},
                              {Loss::bce, Activation::sigmoid}};
    for (const LossCase& c : cases) {
        for (int depth = 1; depth <= kMaxHiddenLayers; ++depth) {
            Config cfg = shaped(depth, 3);
            cfg.activation = act;
            cfg.output_activation = c.out;
            cfg.loss = c.loss;
            cfg.init = Init::xavier;   // keeps deep nets out of saturation
            Network net = make_net(cfg);
            uint32_t seed = 1;
            while (!set_biases_away_from_kinks(net, seed, 1e-3)) ++seed;
            CAPTURE(loss_info(c.loss).name);
            CAPTURE(activation_info(c.out).name);
            CAPTURE(depth);
            CHECK(max_gradient_error(net, 0, kXorRows) < 1e-7);   // full batch
            CHECK(max_gradient_error(net, 2, 1) < 1e-7);          // one row, batch 1
        }
    }
}

}   // namespace

TEST_CASE("network: whole-network gradients match finite differences") {
    SUBCASE("sigmoid") { check_whole_network(Activation::sigmoid); }
    SUBCASE("tanh") { check_whole_network(Activation::tanh); }
    SUBCASE("relu") { check_whole_network(Activation::relu); }
    SUBCASE("leaky_relu") { check_whole_network(Activation::leaky_relu); }
    SUBCASE("linear") { check_whole_network(Activation::linear); }
}

TEST_CASE("network: storage layout") {
    SUBCASE("2-4-1") {
        Network net = make_net(Config{});
        CHECK(net.num_layers == 2);
        CHECK(net.param_count == 17u);   // W1 2x4, b1 4, W2 4x1, b2 1
        CHECK(net.layers[0].fan_in == 2);
        CHECK(net.layers[0].fan_out == 4);
        CHECK(net.layers[0].w == 0u);
        CHECK(net.layers[0].b == 8u);
        CHECK(net.layers[1].w == 12u);
        CHECK(net.layers[1].b == 16u);
        CHECK(net.layers[1].unit == 16u);   // after layer 0's 4 x 4 block
        CHECK(net.z.size() == 20u);
        for (const std::vector<double>* v : {&net.params, &net.grads, &net.last_step, &net.opt_m, &net.opt_v})
            CHECK(v->size() == 17u);
        CHECK(net.a.size() == 20u);
        CHECK(net.delta.size() == 20u);
    }
    SUBCASE("2-8-5-3-1") {
        Config cfg = shaped(3, 8);
        cfg.hidden_units[1] = 5;
        cfg.hidden_units[2] = 3;
        Network net = make_net(cfg);
        CHECK(net.num_layers == 4);
        CHECK(net.param_count == size_t(2 * 8 + 8 + 8 * 5 + 5 + 5 * 3 + 3 + 3 + 1));
        CHECK(net.layers[2].fan_in == 5);
        CHECK(net.layers[2].fan_out == 3);
        CHECK(net.layers[3].fan_in == 3);
        CHECK(net.layers[3].w == size_t(16 + 8 + 40 + 5 + 15 + 3));
        CHECK(net.layers[3].unit == size_t(4 * (8 + 5 + 3)));
        CHECK(net.z.size() == size_t(4 * (8 + 5 + 3 + 1)));
        CHECK(layer_input(net, 0) == net.x.data());
        CHECK(bpl_test::same_bits(net.x.data(), kXorX, 8));
        CHECK(bpl_test::same_bits(net.y.data(), kXorY, 4));
        CHECK(layer_input(net, 2) == layer_a(net, 1));
        CHECK(network_output(net) == layer_a(net, 3));
    }
}

TEST_CASE("network: initial weights are NumPy's randn for seed 42, W1 then W2") {
    // np.random.seed(42); W1 = np.random.randn(2, 4); W2 = np.random.randn(4, 1)
    const double W1[8] = {0.49671415301123267,  -0.13826430117118466, 0.64768853810069249, 1.5230298564080254,
                          -0.23415337472333597, -0.23413695694918055, 1.5792128155073915,  0.76743472915290878};
    const double W2[4] = {-0.46947438593495211, 0.54256004358596466, -0.46341769281246226, -0.46572975357025687};
    Network net = make_net(Config{});
    bpl_test::MaxDiff d1 = bpl_test::max_difference(layer_W(net, 0), W1, 8);
    bpl_test::MaxDiff d2 = bpl_test::max_difference(layer_W(net, 1), W2, 4);
    bpl_test::print_difference("W1 vs numpy", d1);
    bpl_test::print_difference("W2 vs numpy", d2);
    CHECK(d1.abs == 0.0);
    CHECK(d2.abs == 0.0);
    for (int j = 0; j < 4; ++j) CHECK(layer_b(net, 0)[j] == 0.0);
    CHECK(layer_b(net, 1)[0] == 0.0);
}

TEST_CASE("network: Xavier and He scale the same draws") {
    Config cfg = shaped(2, 6);
    Network normal = make_net(cfg);
    cfg.init = Init::xavier;
    Network xavier = make_net(cfg);
    cfg.init = Init::he;
    Network he = make_net(cfg);
    for (int l = 0; l < normal.num_layers; ++l) {
        const LayerShape& s = normal.layers[l];
        const double xavier_scale = std::sqrt(2.0 / (s.fan_in + s.fan_out));
        const double he_scale = std::sqrt(2.0 / s.fan_in);
        for (int i = 0; i < s.fan_in * s.fan_out; ++i) {
            CHECK(layer_W(xavier, l)[i] == doctest::Approx(layer_W(normal, l)[i] * xavier_scale));
            CHECK(layer_W(he, l)[i] == doctest::Approx(layer_W(normal, l)[i] * he_scale));
        }
    }
}

TEST_CASE("network: a bad configuration is refused and leaves the net untouched") {
    Network net = make_net(Config{});
    const std::vector<double> before = net.params;
    std::string error;
    Config bad;
    bad.hidden_layers = -1;
    CHECK_FALSE(network_init(net, bad, error));
    CHECK_FALSE(error.empty());
    bad = Config{};
    bad.hidden_units[0] = kMaxHiddenUnits + 1;
    error.clear();
    CHECK_FALSE(network_init(net, bad, error));
    CHECK_FALSE(error.empty());
    bad = Config{};
    bad.loss = Loss::bce;
    bad.output_activation = Activation::linear;   // bce needs a sigmoid output
    error.clear();
    CHECK_FALSE(network_init(net, bad, error));
    CHECK_FALSE(error.empty());
    CHECK(net.num_layers == 2);
    CHECK(bpl_test::same_bits(net.params, before));
}

TEST_CASE("network: set_training keeps the weights; a new shape is refused") {
    Network net = make_net(Config{});
    const std::vector<double> before = net.params;
    Config cfg = net.config;
    cfg.lr = 0.5;
    cfg.optimizer = Optimizer::adam;
    cfg.loss = Loss::bce;
    std::string error;
    CHECK(network_set_training(net, cfg, error));
    CHECK(net.config == cfg);
    CHECK(bpl_test::same_bits(net.params, before));
    Config other = cfg;
    other.hidden_units[0] = 5;
    CHECK_FALSE(network_set_training(net, other, error));
    CHECK_FALSE(error.empty());
    CHECK(net.config == cfg);
}

TEST_CASE("network: reset redraws the initial weights and clears training state") {
    Network net = make_net(Config{});
    const std::vector<double> initial = net.params;
    network_forward(net, 0, kXorRows);
    network_backward(net, 0, kXorRows);
    parameters_update(net);
    net.epoch = 5;
    CHECK_FALSE(bpl_test::same_bits(net.params, initial));
    network_reset(net);
    CHECK(bpl_test::same_bits(net.params, initial));
    CHECK(net.epoch == 0);
    for (double g : net.grads) CHECK(g == 0.0);
    for (double s : net.last_step) CHECK(s == 0.0);
}

TEST_CASE("network: network_eval and network_predict agree with the forward pass") {
    const Activation acts[] = {Activation::sigmoid, Activation::tanh, Activation::relu, Activation::leaky_relu,
                               Activation::linear};
    for (Activation act : acts) {
        for (int depth = 1; depth <= kMaxHiddenLayers; ++depth) {
            Config cfg = shaped(depth, 5);
            cfg.activation = act;
            Network net = make_net(cfg);
            set_biases_away_from_kinks(net, 3, 0.0);
            for (int l = 0; l < net.num_layers; ++l) layer_forward(net, l, 0, kXorRows);
            const std::vector<double> a = net.a;
            for (int r = 0; r < kXorRows; ++r) {
                CAPTURE(r);
                CHECK(network_eval(net, kXorX[2 * r], kXorX[2 * r + 1]) == network_output(net)[r]);
            }
            network_predict(net);
            CHECK(bpl_test::same_bits(net.a, a));
            CHECK(net.epoch == 0);
            CHECK(net.phase == 0);
        }
    }
    Network net = make_net(Config{});
    const double x0 = 0.3, x1 = -1.7;   // an off-grid point, by hand
    double out_z = layer_b(net, 1)[0];
    double hidden_sum = 0.0;
    for (int j = 0; j < 4; ++j) {
        double z = x0 * layer_W(net, 0)[j] + x1 * layer_W(net, 0)[4 + j] + layer_b(net, 0)[j];
        hidden_sum += (1.0 / (1.0 + std::exp(-z))) * layer_W(net, 1)[j];
    }
    out_z += hidden_sum;
    CHECK(network_eval(net, x0, x1) == doctest::Approx(1.0 / (1.0 + std::exp(-out_z))));
}

// Tests for engine/trainer.cpp: the phase list, stepping vs whole epochs (bit for bit, for
// each batch mode and optimizer, switching at every phase), mini-batches and their per-epoch
// shuffle on point clouds, the reference program's numbers, XOR convergence over 100 seeds,
// the perceptron on the truth tables, the point clouds' test accuracy over seeds 0-19, and
// divergence detection.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>
#include <cstdio>
#include "check_helpers.hpp"
#include "net_helpers.hpp"
#include "network.hpp"
#include "trainer.hpp"

using namespace bpl;
using bpl_test::kXorRows;
using bpl_test::kXorX;
using bpl_test::kXorY;
using bpl_test::same_bits;

namespace {

using bpl_test::make_net;

// Everything training touches, compared bit for bit.
void check_same_state(const Network& a, const Network& b) {
    CHECK(same_bits(a.params, b.params));
    CHECK(same_bits(a.grads, b.grads));
    CHECK(same_bits(a.last_step, b.last_step));
    CHECK(same_bits(a.opt_m, b.opt_m));
    CHECK(same_bits(a.opt_v, b.opt_v));
    CHECK(same_bits(a.z, b.z));
    CHECK(same_bits(a.a, b.a));
    CHECK(same_bits(a.delta, b.delta));
    CHECK(same_bits(a.sample_loss, b.sample_loss));
    CHECK(same_bits(&a.epoch_loss, &b.epoch_loss, 1));
    CHECK(same_bits(&a.running_loss, &b.running_loss, 1));
    CHECK(a.adam_t == b.adam_t);
    CHECK(a.epoch == b.epoch);
    CHECK(a.batch_index == b.batch_index);
    CHECK(a.phase == b.phase);
    CHECK(a.diverged == b.diverged);
}

void check_stepping_matches_epochs(Optimizer opt, BatchMode batch, const char* data = "") {
    Config cfg;
    std::string error;
    REQUIRE(config_parse(cfg, data, error));
    cfg.hidden_layers = 2;
    cfg.hidden_units[0] = 4;
    cfg.hidden_units[1] = 3;
    cfg.activation = Activation::tanh;
    cfg.optimizer = opt;
    cfg.batch = batch;
    cfg.lr = opt == Optimizer::adam ? 0.05 : 0.3;
    const Network start = make_net(cfg);
    Network trained = start;
    for (int e = 0; e < 3; ++e) train_epoch(trained);

    Network stepped = start;
    while (stepped.epoch < 3) step_phase(stepped);
    check_same_state(stepped, trained);

    // Step k phases into epoch 2, then let train_epoch finish it: every k lands in the same place.
    const int phases_per_epoch = phase_count(start) * batches_per_epoch(start);
    for (int k = 0; k < phases_per_epoch; ++k) {
        CAPTURE(k);
        Network mixed = start;
        train_epoch(mixed);
        for (int i = 0; i < k; ++i) step_phase(mixed);
        train_epoch(mixed);
        CHECK(mixed.epoch == 2);
        CHECK(mixed.phase == 0);
        train_epoch(mixed);
        check_same_state(mixed, trained);
    }
}

// Fraction of seeds 0..99 whose net classifies all of XOR with |out − y| < 0.1.
double convergence_rate(Config cfg, long long epochs) {
    int converged = 0;
    for (uint32_t seed = 0; seed < 100; ++seed) {
        cfg.seed = seed;
        Network net = make_net(cfg);
        train_epochs(net, epochs);
        network_predict(net);
        double worst = 0.0;
        for (int r = 0; r < kXorRows; ++r) worst = std::fmax(worst, std::fabs(network_output(net)[r] - kXorY[r]));
        if (worst < 0.1) ++converged;
    }
    return converged / 100.0;
}

}   // namespace

TEST_CASE("trainer: phase list of one batch") {
    for (int hidden = 1; hidden <= kMaxHiddenLayers; ++hidden) {
        Config cfg;
        cfg.hidden_layers = hidden;
        Network net = make_net(cfg);
        const int L = hidden + 1;
        CAPTURE(L);
        REQUIRE(phase_count(net) == 2 * L + 3);
        int index = 0;
        for (int l = 0; l < L; ++l, ++index) {
            CHECK(phase_at(net, index).kind == PhaseKind::forward);
            CHECK(phase_at(net, index).layer == l);
        }
        CHECK(phase_at(net, index++).kind == PhaseKind::loss);
        CHECK(phase_at(net, index).kind == PhaseKind::output_delta);
        CHECK(phase_at(net, index++).layer == L - 1);
        for (int l = L - 2; l >= 0; --l, ++index) {
            CHECK(phase_at(net, index).kind == PhaseKind::hidden_delta);
            CHECK(phase_at(net, index).layer == l);
        }
        CHECK(phase_at(net, index++).kind == PhaseKind::gradients);
        CHECK(phase_at(net, index).kind == PhaseKind::update);
        CHECK(phase_at(net, index).layer == -1);
    }
    CHECK(std::string(phase_name(PhaseKind::forward)) == "forward");
    CHECK(std::string(phase_name(PhaseKind::output_delta)) == "output delta");
    CHECK(std::string(phase_name(PhaseKind::hidden_delta)) == "hidden delta");
    CHECK(std::string(phase_name(PhaseKind::update)) == "update");
}

TEST_CASE("trainer: batches and their rows") {
    Config cfg;
    Network net = make_net(cfg);
    int row0 = -1;
    CHECK(batches_per_epoch(net) == 1);
    CHECK(batch_rows(net, &row0) == 4);
    CHECK(row0 == 0);
    cfg.batch = BatchMode::sample;
    net = make_net(cfg);
    CHECK(batches_per_epoch(net) == 4);
    for (int b = 0; b < 4; ++b) {
        CHECK(batch_rows(net, &row0) == 1);
        CHECK(row0 == b);
        for (int p = 0; p < phase_count(net); ++p) CHECK(step_phase(net).kind == phase_at(net, p).kind);
    }
    CHECK(net.epoch == 1);
    CHECK(net.batch_index == 0);
}

TEST_CASE("trainer: stepping phases lands on the same bits as train_epoch") {
    SUBCASE("full batch, sgd") { check_stepping_matches_epochs(Optimizer::sgd, BatchMode::full); }
    SUBCASE("full batch, momentum") { check_stepping_matches_epochs(Optimizer::momentum, BatchMode::full); }
    SUBCASE("full batch, adam") { check_stepping_matches_epochs(Optimizer::adam, BatchMode::full); }
    SUBCASE("per sample, sgd") { check_stepping_matches_epochs(Optimizer::sgd, BatchMode::sample); }
    SUBCASE("per sample, momentum") { check_stepping_matches_epochs(Optimizer::momentum, BatchMode::sample); }
    SUBCASE("per sample, adam") { check_stepping_matches_epochs(Optimizer::adam, BatchMode::sample); }
    SUBCASE("circle, mini-batches of 7 (shuffled), sgd") {
        check_stepping_matches_epochs(Optimizer::sgd, BatchMode::minibatch, "data=circle&points=60&batch=7");
    }
    SUBCASE("spiral, per sample (shuffled), adam, L2") {
        check_stepping_matches_epochs(Optimizer::adam, BatchMode::sample, "data=spiral&points=50&reg=l2&reg_rate=0.01");
    }
    SUBCASE("xor cloud, full batch, momentum, L1") {
        check_stepping_matches_epochs(Optimizer::momentum, BatchMode::full, "data=xor-cloud&points=50&reg=l1");
    }
}

TEST_CASE("trainer: mini-batches on a point cloud cover the training rows, reshuffled each epoch") {
    Config cfg;
    std::string error;
    REQUIRE(config_parse(cfg, "data=gauss&points=100&train=70&batch=32", error));
    Network net = make_net(cfg);
    REQUIRE(net.data.train == 70);
    CHECK(batches_per_epoch(net) == 3);   // 32 + 32 + 6
    int row0 = -1;
    CHECK(batch_rows_at(net, 2, &row0) == 6);
    CHECK(row0 == 64);
    std::vector<int> previous;
    for (int e = 0; e < 3; ++e) {
        network_arrange_epoch(net);
        std::vector<int> order(net.row_point.begin(), net.row_point.begin() + 70);
        std::vector<int> sorted = order;
        std::sort(sorted.begin(), sorted.end());
        for (int i = 0; i < 70; ++i) CHECK(sorted[size_t(i)] == i);            // each training point once
        for (int r = 70; r < 100; ++r) CHECK(net.row_point[size_t(r)] == r);   // test rows stay put
        for (int r = 0; r < 100; ++r) {   // x and y are the data rows row_point names
            const int p = net.row_point[size_t(r)];
            CHECK(net.x[2 * size_t(r)] == net.data.x[2 * size_t(p)]);
            CHECK(net.y[size_t(r)] == net.data.y[size_t(p)]);
        }
        CHECK(order != previous);   // a new order each epoch
        previous = order;
        train_epoch(net);
    }
    // The order is a function of (seed, epoch): a copy replayed from the start meets the same batches.
    Network again = make_net(cfg);
    train_epochs(again, 3);
    CHECK(same_bits(again.params, net.params));
    CHECK(again.row_point == net.row_point);
}

TEST_CASE("trainer: the truth tables keep the reference's fixed row order") {
    Config cfg;
    std::string error;
    REQUIRE(config_parse(cfg, "data=and&batch=sample", error));
    Network net = make_net(cfg);
    for (int e = 0; e < 3; ++e) {
        train_epoch(net);
        for (int r = 0; r < 4; ++r) CHECK(net.row_point[size_t(r)] == r);
    }
}

TEST_CASE("trainer: the reference program's numbers (2-4-1, seed 42, lr 0.1)") {
    // The NumPy reference: epoch 0 prints its loss before the first update, then the
    // weights after 1 and 1000 epochs (W1, b1, W2, b2 flattened = our params layout).
    // clang-format off
    const double after_1[17] = {
        0.49577571802537596, -0.13705656324332344, 0.64638682468864517, 1.5222509547066365,
        -0.23517145798087027, -0.23294657848037689, 1.5784861404257502, 0.76617582905863157,
        -0.0015469267699736748, 0.0019109607638925358, -0.0011822535802599177, -0.0011750287502551682,
        -0.46185181269063158, 0.54881952173907445, -0.45157960723892404, -0.45365292195814905,
        0.014155536414352896};
    const double after_1000[17] = {
        0.56991632883078558, -0.085889508930045752, 0.6206915859720471, 1.6175397873870938,
        -0.2187039848320865, -0.23951017057525895, 1.5620763855379731, 0.95216628043121909,
        0.12815894586912341, -0.01998475111155696, -0.0080883409082765922, 0.028140549814362623,
        -0.64004375980099559, 0.39389604365721487, 0.17957952016228912, 0.52381303405959545,
        -0.31011322398713381};
    // clang-format on
    Network net = make_net(Config{});
    train_epoch(net);
    CHECK(net.epoch_loss == doctest::Approx(0.28318958906443981).epsilon(1e-14));
    bpl_test::MaxDiff d1 = bpl_test::max_difference(net.params.data(), after_1, 17);
    bpl_test::print_difference("params after 1 epoch vs numpy", d1);
    CHECK(d1.rel < 1e-14);
    train_epochs(net, 999);
    bpl_test::MaxDiff d1000 = bpl_test::max_difference(net.params.data(), after_1000, 17);
    bpl_test::print_difference("params after 1000 epochs vs numpy", d1000);
    CHECK(d1000.rel < 1e-12);
}

TEST_CASE("trainer: per-sample epoch loss is the mean of the losses before each update") {
    Config cfg;
    cfg.batch = BatchMode::sample;
    cfg.lr = 0.5;
    Network net = make_net(cfg);
    train_epoch(net);
    Network before_row0 = net;   // row 0's loss is measured on the weights at the epoch start
    network_predict(before_row0);
    const double expected_row0 = loss_sample(cfg.loss, network_output(before_row0)[0], kXorY[0]);
    train_epoch(net);
    CHECK(net.sample_loss[0] == expected_row0);
    const double mean = (((net.sample_loss[0] + net.sample_loss[1]) + net.sample_loss[2]) + net.sample_loss[3]) / 4;
    CHECK(net.epoch_loss == doctest::Approx(mean));
    // Later rows were measured after earlier rows' updates, so they differ from the start weights'.
    const double row3_at_start = loss_sample(cfg.loss, network_output(before_row0)[3], kXorY[3]);
    CHECK(net.sample_loss[3] != row3_at_start);
}

TEST_CASE("trainer: XOR convergence over seeds 0..99") {
    Config cfg;   // 2-4-1 sigmoid, mse, full batch
    cfg.lr = 1.0;
    const double mse_rate = convergence_rate(cfg, 10000);
    cfg.lr = 0.5;
    cfg.loss = Loss::bce;
    const double bce_rate = convergence_rate(cfg, 5000);
    cfg.hidden_units[0] = 2;   // the famous hard case: 2 hidden units, local minima
    cfg.loss = Loss::mse;
    cfg.lr = 1.0;
    const double h2_rate = convergence_rate(cfg, 10000);
    std::printf("XOR convergence (|out - y| < 0.1 on all rows), seeds 0..99:\n"
                "  2-4-1 sigmoid mse lr 1.0, 10000 epochs: %.0f%%\n"
                "  2-4-1 sigmoid bce lr 0.5,  5000 epochs: %.0f%%\n"
                "  2-2-1 sigmoid mse lr 1.0, 10000 epochs: %.0f%%\n",
                100 * mse_rate, 100 * bce_rate, 100 * h2_rate);
    CHECK(mse_rate >= 0.95);
    CHECK(bce_rate >= 0.95);
    CHECK(h2_rate >= 0.6);
}

namespace {

// Rows right out of 4 after `epochs`, for a truth table learnt with no hidden layer.
int perceptron_rows_right(const char* data, uint32_t seed, long long epochs) {
    Config cfg;
    std::string error;
    REQUIRE(config_parse(cfg, std::string(data) + "&hidden=0&lr=1&seed=" + std::to_string(seed), error));
    Network net = make_net(cfg);
    train_epochs(net, epochs);
    const Evaluation e = network_evaluate(net);
    CHECK(e.train_count == 4);
    CHECK(e.test_count == 0);
    return e.train_right;
}

}   // namespace

TEST_CASE("trainer: the perceptron (hidden=0) learns AND, OR, NAND, NOR but never XOR") {
    for (uint32_t seed = 0; seed < 20; ++seed) {
        INFO("seed ", seed);
        for (const char* data : {"data=and", "data=or", "data=nand", "data=nor"}) {
            INFO(data);
            CHECK(perceptron_rows_right(data, seed, 2000) == 4);
        }
        // A straight line cannot put 01 and 10 on one side and 00 and 11 on the other.
        CHECK(perceptron_rows_right("data=xor", seed, 2000) <= 3);
        CHECK(perceptron_rows_right("data=xnor", seed, 2000) <= 3);
    }
}

namespace {

struct CloudResult {
    double mean = 0.0, worst = 1.0;
};

// Test accuracy over seeds 0-19 after `epochs` for the settings in `query`.
CloudResult cloud_accuracy(const std::string& query, long long epochs) {
    CloudResult r;
    for (uint32_t seed = 0; seed < 20; ++seed) {
        Config cfg;
        std::string error;
        REQUIRE(config_parse(cfg, query + "&seed=" + std::to_string(seed), error));
        Network net = make_net(cfg);
        train_epochs(net, epochs);
        const Evaluation e = network_evaluate(net);
        const double accuracy = net.diverged ? 0.0 : double(e.test_right) / e.test_count;
        r.mean += accuracy / 20;
        r.worst = std::min(r.worst, accuracy);
    }
    return r;
}

}   // namespace

// The README's convergence table: 200 points, noise 0, half of them for training, the point
// clouds' defaults (tanh, cross-entropy, lr 0.03, batches of 10), a 2-8-8-1 net, 300 epochs.
TEST_CASE("trainer: point clouds reach their stated test accuracy over seeds 0..19") {
    const std::string net = "&hidden=8,8&act=tanh&loss=bce&lr=0.03&batch=10&points=200&noise=0&train=50";
    struct Row {
        const char* data;
        double mean_at_least, worst_at_least;
    } rows[] = {{"xor-cloud", 0.95, 0.90}, {"circle", 0.95, 0.90}, {"gauss", 0.97, 0.95}, {"spiral", 0.70, 0.60}};
    std::printf(
        "Point clouds, 2-8-8-1 tanh bce lr 0.03 batch 10, 200 points, 300 epochs, test accuracy over seeds 0..19:\n");
    for (const Row& row : rows) {
        const CloudResult r = cloud_accuracy(std::string("data=") + row.data + net, 300);
        std::printf("  %-9s mean %.3f  worst %.3f\n", row.data, r.mean, r.worst);
        INFO(row.data);
        CHECK(r.mean >= row.mean_at_least);
        CHECK(r.worst >= row.worst_at_least);
    }
}

namespace {

void check_divergence(Activation act, BatchMode batch) {
    Config cfg;
    cfg.lr = 100.0;
    cfg.activation = act;
    cfg.output_activation = Activation::linear;
    cfg.batch = batch;
    Network net = make_net(cfg);
    const long long ran = train_epochs(net, 1000);
    CHECK(net.diverged);
    CHECK(ran < 1000);
    bool any_non_finite = !std::isfinite(net.running_loss) || !std::isfinite(net.epoch_loss);
    for (double p : net.params) any_non_finite = any_non_finite || !std::isfinite(p);
    CHECK(any_non_finite);

    const Network frozen = net;   // from here on nothing may change
    CHECK(train_epochs(net, 10) == 0);
    train_epoch(net);
    for (int i = 0; i < 5; ++i) step_phase(net);
    check_same_state(net, frozen);

    network_reset(net);
    CHECK_FALSE(net.diverged);
    CHECK(net.epoch == 0);
}

}   // namespace

TEST_CASE("trainer: divergence at a huge learning rate is detected and stops training") {
    SUBCASE("sigmoid hidden, linear output, full batch") { check_divergence(Activation::sigmoid, BatchMode::full); }
    SUBCASE("relu hidden, linear output, per sample") { check_divergence(Activation::relu, BatchMode::sample); }
}

TEST_CASE("trainer: a sensible learning rate never flags divergence") {
    Config cfg;
    cfg.optimizer = Optimizer::adam;
    cfg.lr = 0.05;
    Network net = make_net(cfg);
    CHECK(train_epochs(net, 2000) == 2000);
    CHECK_FALSE(net.diverged);
    CHECK(net.epoch == 2000);
    CHECK(net.epoch_loss < 0.05);
}

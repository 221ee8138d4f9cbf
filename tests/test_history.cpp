// Tests for web/history.cpp (the page's rewind history): every epoch of the exact window
// restores bit for bit (keyframes + replay), also across live settings changes; the thinned
// tier, truncation and the bounds.
#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include <map>
#include "check_helpers.hpp"
#include "history.hpp"
#include "net_helpers.hpp"
#include "trainer.hpp"

using namespace bpl;
using bpl_test::make_net;
using bpl_test::same_bits;

namespace {

struct Truth {   // what the net held after an epoch, recorded the slow way
    std::vector<double> params, opt_m, opt_v;
    long long adam_t;
    double epoch_loss;
    Config config;
};

Truth truth_of(const Network& net) {
    return {net.params, net.opt_m, net.opt_v, net.adam_t, net.epoch_loss, net.config};
}

// Trains `n` epochs through the page's own recording loop, keeping the truth of each one.
void train_recorded(Network& net, History& h, long long n, std::map<long long, Truth>& truth) {
    CHECK(history_train_epochs(h, net, n, [&](const Network& trained) { truth[trained.epoch] = truth_of(trained); }) ==
          n);
}

void check_restores(const History& h, const Network& like, long long epoch, const Truth& t) {
    Network net = like;
    INFO("epoch ", epoch);
    REQUIRE(history_restore(h, epoch, net));
    CHECK(net.epoch == epoch);
    CHECK(same_bits(net.params, t.params));
    CHECK(same_bits(net.opt_m, t.opt_m));
    CHECK(same_bits(net.opt_v, t.opt_v));
    CHECK(net.adam_t == t.adam_t);
    CHECK(net.config == t.config);
    CHECK(std::memcmp(&net.epoch_loss, &t.epoch_loss, sizeof(double)) == 0);
    double loss = history_loss(h, epoch);
    CHECK(std::memcmp(&loss, &t.epoch_loss, sizeof(double)) == 0);
}

Network start(History& h, std::map<long long, Truth>& truth, Optimizer opt = Optimizer::sgd, const char* data = "") {
    Config cfg;
    std::string error;
    REQUIRE(config_parse(cfg, data, error));
    cfg.optimizer = opt;
    if (opt == Optimizer::adam) cfg.lr = 0.01;
    Network net = make_net(cfg);
    history_clear(h, net.param_count);
    history_record(h, net);
    truth[0] = truth_of(net);
    return net;
}

}   // namespace

TEST_CASE("every epoch of the window restores bit for bit, across live settings changes") {
    for (Optimizer opt : {Optimizer::sgd, Optimizer::momentum, Optimizer::adam}) {
        CAPTURE(int(opt));
        History h;
        std::map<long long, Truth> truth;
        Network net = start(h, truth, opt);
        train_recorded(net, h, 437, truth);
        // A live change mid-run, the way app_apply_config makes it: new η and a new optimizer
        // (its state zeroed), then the same settings again, which still zeroes the state.
        Config cfg = net.config;
        cfg.lr *= 2.0;
        std::string error;
        REQUIRE(network_set_training(net, cfg, error));
        history_mark_break(h);
        train_recorded(net, h, 5, truth);
        cfg.optimizer = opt == Optimizer::adam ? Optimizer::momentum : Optimizer::adam;
        REQUIRE(network_set_training(net, cfg, error));
        cfg.optimizer = opt;
        REQUIRE(network_set_training(net, cfg, error));   // back again: the config looks unchanged
        history_mark_break(h);
        train_recorded(net, h, 700, truth);

        CHECK(h.newest == 1142);
        CHECK(history_exact_count(h) == kRecentEpochs);
        CHECK(h.newest - history_exact_from(h) + 1 >= kRecentEpochs);       // the span: a few more
        CHECK(h.key_count <= size_t(kRecentEpochs / kKeyframeEvery + 4));   // the window's, one before it, 2 forced
        for (long long e = history_exact_from(h); e <= h.newest; ++e) check_restores(h, net, e, truth[e]);
        for (const SnapshotInfo& s : h.thinned) check_restores(h, net, s.epoch, truth[s.epoch]);
    }
}

TEST_CASE("a point cloud's shuffled mini-batches replay exactly on rewind") {
    History h;
    std::map<long long, Truth> truth;
    Network net = start(h, truth, Optimizer::momentum,
                        "data=circle&points=80&batch=9&act=tanh&loss=bce&lr=0.03&reg=l2");
    train_recorded(net, h, 300, truth);
    for (long long e : {0LL, 1LL, 77LL, 128LL, 129LL, 255LL, 299LL}) check_restores(h, net, e, truth[e]);
    // After a rewind, training on meets the same batches as the first time.
    Network rewound = net;
    REQUIRE(history_restore(h, 150, rewound));
    train_epochs(rewound, 150);
    CHECK(same_bits(rewound.params, net.params));
    CHECK(rewound.row_point == net.row_point);
}

TEST_CASE("stepping phases into an epoch, then training, keyframes that epoch") {
    History h;
    std::map<long long, Truth> truth;
    Network net = start(h, truth);
    train_recorded(net, h, 40, truth);
    step_phase(net);   // the page's step-through mode, then a change mid-epoch
    Config cfg = net.config;
    cfg.lr = 0.7;
    std::string error;
    REQUIRE(network_set_training(net, cfg, error));
    train_recorded(net, h, 30, truth);   // finishes epoch 41 first
    for (long long e = 0; e <= h.newest; ++e) check_restores(h, net, e, truth[e]);
}

TEST_CASE("truncating, then training on, gives the same history as never having gone further") {
    History h;
    std::map<long long, Truth> truth;
    Network net = start(h, truth);
    train_recorded(net, h, 3000, truth);
    CHECK(history_count(h) <= size_t(kRecentEpochs) + kThinnedCap);
    CHECK(history_oldest(h) == 0);
    CHECK(h.thinned_stride % kKeyframeEvery == 0);

    // Back into the exact window, replay: the same weights at 3000.
    REQUIRE(history_find(h, 2500) == 2500);
    REQUIRE(history_restore(h, 2500, net));
    history_truncate(h, 2500);
    CHECK(h.newest == 2500);
    train_recorded(net, h, 500, truth);
    CHECK(same_bits(net.params, truth[3000].params));

    // Into the thinned tier: the nearest stored epoch at or before.
    long long found = history_find(h, 1001);
    CHECK(found <= 1001);
    CHECK(found > 1001 - 2 * kKeyframeEvery);
    REQUIRE(history_restore(h, found, net));
    history_truncate(h, found);
    CHECK(h.newest == found);
    train_recorded(net, h, 3000 - found, truth);
    CHECK(same_bits(net.params, truth[3000].params));
    for (long long e = history_exact_from(h); e <= h.newest; e += 7) check_restores(h, net, e, truth[e]);
}

TEST_CASE("an epoch that is not stored is refused and the net is left alone") {
    History h;
    std::map<long long, Truth> truth;
    Network net = start(h, truth);
    train_recorded(net, h, 2500, truth);
    std::vector<double> before = net.params;
    long long missing = history_exact_from(h) - 1;
    if (history_find(h, missing) == missing) --missing;   // the keyframe before the window is stored
    CHECK_FALSE(history_restore(h, missing, net));
    CHECK_FALSE(history_restore(h, h.newest + 1, net));
    CHECK(same_bits(net.params, before));
    CHECK(std::isnan(history_loss(h, h.newest + 1)));
}

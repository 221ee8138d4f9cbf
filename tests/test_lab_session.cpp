// Tests for the training session (lab/session.cpp) on a clock the test moves by hand: start,
// step, reset, settings changes (live or rebuilding), per-frame training and its time budget,
// the run's record (loss history, printed losses, rewind history, gradient sizes) kept in step
// with the epochs, divergence, notices, and the state reports the page receives.
// The session trains through the engine's train_epoch, so its weights and records are compared
// bit for bit with the engine's own run of the same config (bpl_test::engine_run).
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>
#include "check_helpers.hpp"
#include "grad_history.hpp"
#include "history.hpp"
#include "lab_helpers.hpp"
#include "losses.hpp"
#include "session.hpp"

using bpl_test::config_of;
using bpl_test::engine_run;
using bpl_test::fresh_net;
using bpl_test::Lab;
using bpl_test::Reasons;
using bpl_test::same_bits;

namespace {

bool all_zero(const std::vector<double>& v) {
    for (double x : v)
        if (x != 0.0) return false;
    return true;
}

// The record a run leaves, for comparing two ways of training the same epochs.
void check_same_record(const AppState& a, const AppState& b) {
    CHECK(a.net.epoch == b.net.epoch);
    CHECK(same_bits(a.net.params, b.net.params));
    CHECK(a.loss_history == b.loss_history);
    CHECK(a.loss_history_stride == b.loss_history_stride);
    CHECK(a.print_log.lines == b.print_log.lines);
    CHECK(a.history.newest == b.history.newest);
    CHECK(a.grad_norms.norms == b.grad_norms.norms);
    CHECK(a.grad_norms.stride == b.grad_norms.stride);
}

}   // namespace

TEST_CASE("session_init: the engine's seeded start, epoch 0 recorded, nothing reported") {
    const bpl::Config cfg = config_of("hidden=3,5&act=tanh&seed=7");
    Lab lab(cfg);
    bpl::Network ref = fresh_net(cfg);
    CHECK(same_bits(lab.app.net.params, ref.params));   // the same seeded draws
    CHECK(lab.app.net.epoch == 0);
    CHECK(lab.app.running);   // plays from the start unless the link says autoplay=0
    CHECK(lab.app.loss_history.empty());
    CHECK(lab.app.history.newest == 0);   // the start can be rewound to
    CHECK(grad_history_points(lab.app.grad_norms) == 0);
    // The reported loss is the loss of these weights (before any update).
    bpl::network_predict(ref);
    double loss = bpl::loss_forward(cfg.loss, bpl::network_output(ref), bpl_test::kXorY, bpl_test::kXorRows);
    CHECK(same_bits(&lab.app.current_loss, &loss, 1));
    CHECK(lab.host.reasons.empty());
}

TEST_CASE("session_step(n): pauses, then trains exactly n epochs, as the engine does") {
    const bpl::Config cfg = config_of("seed=3");
    const auto ref = engine_run(cfg, 258);
    Lab lab(cfg);
    REQUIRE(lab.app.running);
    long long total = 0;
    for (long long n : {1, 7, 250}) {
        INFO("step(", n, ") after ", total);
        session_step(lab.app, n);
        total += n;
        CHECK(lab.app.net.epoch == total);
        CHECK_FALSE(lab.app.running);
        CHECK(lab.app.net.phase == 0);   // at an epoch boundary
        CHECK(same_bits(lab.app.net.params, ref[size_t(total)].params));
        CHECK(same_bits(&lab.app.net.epoch_loss, &ref[size_t(total)].epoch_loss, 1));
        // Paused once (it was playing), then one report per step.
        CHECK(lab.host.take_reasons() == (total == 1 ? Reasons{"pause", "step"} : Reasons{"step"}));
    }
}

TEST_CASE("the run's record stays in step with the epochs, however they are trained") {
    // 2,600 epochs: past the loss history's 2,048 points (thinned once, stride 2), past the
    // rewind history's exact span (1,000 epochs) and the gradient sizes' 1,024 points, and
    // three printed lines (epochs 0, 1000, 2000).
    const long long kEpochs = 2600;
    const bpl::Config cfg = config_of("seed=5");
    const auto ref = engine_run(cfg, kEpochs);

    Lab stepped(cfg);   // in uneven steps, crossing every boundary at odd places
    for (long long n : {1, 999, 1, 1, 1500, 98}) session_step(stepped.app, n);
    REQUIRE(stepped.app.net.epoch == kEpochs);
    const AppState& app = stepped.app;

    SUBCASE("loss history: point i is the loss of epoch (i + 1) * stride") {
        CHECK(app.loss_history_stride == 2);
        REQUIRE(app.loss_history.size() == size_t(kEpochs / app.loss_history_stride));
        CHECK(app.loss_history.size() < kLossHistoryCap);
        for (size_t i = 0; i < app.loss_history.size(); ++i) {
            long long e = (long long)(i + 1) * app.loss_history_stride;
            INFO("point ", i, " epoch ", e);
            CHECK(app.loss_history[i] == static_cast<float>(ref[size_t(e)].epoch_loss));
        }
    }
    SUBCASE("printed losses: the reference program's `Epoch N, Loss: X` every 1000 epochs") {
        // X is the loss before epoch N's update: the epoch_loss of the epoch that ends at N + 1.
        std::vector<std::pair<long long, double>> expected;
        for (long long n = 0; n < kEpochs; n += kPrintEvery) expected.push_back({n, ref[size_t(n + 1)].epoch_loss});
        CHECK(app.print_log.lines == expected);
        CHECK_FALSE(app.print_log.mixed);
        CHECK(app.print_log.seeded_start);
    }
    SUBCASE("rewind history: every epoch of the exact span, with its loss") {
        const History& h = app.history;
        CHECK(h.newest == kEpochs);
        CHECK(history_exact_count(h) == kRecentEpochs);
        const long long from = history_exact_from(h);
        CHECK(from <= kEpochs - kRecentEpochs + 1);
        for (long long e = from; e <= kEpochs; ++e) {
            double loss = history_loss(h, e);
            INFO("epoch ", e);
            CHECK(same_bits(&loss, &ref[size_t(e)].epoch_loss, 1));
        }
        CHECK(history_find(h, kEpochs + 50) == kEpochs);   // nothing after the newest
        // Older epochs: thinned, one every thinned_stride epochs, the oldest at or near the start.
        CHECK(history_oldest(h) >= 0);
        CHECK(history_oldest(h) <= h.thinned_stride);
        CHECK(history_find(h, 100) == 100 / h.thinned_stride * h.thinned_stride);
    }
    SUBCASE("gradient sizes: point i is ‖dW‖ per layer after epoch (i + 1) * stride") {
        const GradHistory& g = app.grad_norms;
        const size_t points = grad_history_points(g);
        CHECK(g.stride > 1);   // thinned
        CHECK(points * size_t(g.stride) <= size_t(kEpochs));
        CHECK((points + 1) * size_t(g.stride) > size_t(kEpochs));
        for (size_t i = 0; i < points; ++i) {
            const bpl::Network& at = ref[(i + 1) * size_t(g.stride)];
            for (int l = 0; l < g.layers; ++l)
                CHECK(g.norms[i * size_t(g.layers) + size_t(l)] == static_cast<float>(weight_grad_norm(at, l)));
        }
    }
    SUBCASE("frames of epochs_per_frame leave the same record as steps") {
        Lab framed(cfg);
        framed.app.epochs_per_frame = 37;   // 70 frames of 37, then one of 10
        for (int f = 0; f < 70; ++f) session_train_frame(framed.app);
        framed.app.epochs_per_frame = 10;
        session_train_frame(framed.app);
        check_same_record(framed.app, app);
    }
}

TEST_CASE("session_train_frame: epochs_per_frame each frame; the time budget can cut it short") {
    const bpl::Config cfg = config_of("seed=8");
    Lab lab(cfg);
    lab.app.epochs_per_frame = 37;
    // A stopped clock never passes the budget: each frame trains exactly epochs_per_frame.
    for (int frame = 1; frame <= 3; ++frame) {
        session_train_frame(lab.app);
        CHECK(lab.app.epochs_last_frame == 37);
        CHECK(lab.app.net.epoch == 37 * frame);
        CHECK_FALSE(lab.app.budget_limited);
        CHECK(lab.app.loss_history.size() == size_t(37 * frame));
    }
    CHECK(lab.host.reasons.empty());   // training frames are not state changes

    session_set_running(lab.app, false);   // paused: frames train nothing
    session_train_frame(lab.app);
    CHECK(lab.app.epochs_last_frame == 0);
    CHECK(lab.app.net.epoch == 111);

    // A clock that runs 1 ms per read against a 4 ms budget: the frame stops early, says so,
    // and what it did train is recorded as usual.
    session_set_running(lab.app, true);
    lab.app.epochs_per_frame = kMaxEpochsPerFrame;
    lab.app.train_budget_ms = 4.0;
    lab.host.ms_per_read = 1.0;
    session_train_frame(lab.app);
    lab.host.ms_per_read = 0.0;
    CHECK(lab.app.budget_limited);
    CHECK(lab.app.epochs_last_frame > 0);
    CHECK(lab.app.epochs_last_frame < kMaxEpochsPerFrame);
    CHECK(lab.app.net.epoch == 111 + lab.app.epochs_last_frame);
    CHECK(lab.app.loss_history.size() == size_t(lab.app.net.epoch));
    CHECK(lab.app.train_ms >= lab.app.train_budget_ms);
    CHECK(same_bits(lab.app.net.params, engine_run(cfg, lab.app.net.epoch).back().params));
}

TEST_CASE("session_reset: the same weights as a fresh start with the same seed") {
    const bpl::Config cfg = config_of("hidden=3,5&opt=adam&seed=11");
    Lab lab(cfg);
    session_step(lab.app, 300);
    const std::vector<double> at_300 = lab.app.net.params;
    lab.host.take_reasons();

    session_reset(lab.app);
    CHECK(lab.host.take_reasons() == Reasons{"reset"});
    CHECK(same_bits(lab.app.net.params, fresh_net(cfg).params));
    CHECK(lab.app.net.epoch == 0);
    CHECK(lab.app.net.adam_t == 0);
    CHECK(all_zero(lab.app.net.opt_m));   // Adam starts over too
    CHECK(all_zero(lab.app.net.opt_v));
    CHECK(lab.app.loss_history.empty());
    CHECK(lab.app.history.newest == 0);
    CHECK(grad_history_points(lab.app.grad_norms) == 0);
    CHECK_FALSE(lab.app.running);   // reset keeps play/pause as it was

    // The rerun is the same run.
    session_step(lab.app, 300);
    CHECK(same_bits(lab.app.net.params, at_300));
}

TEST_CASE("session_apply_config: training settings change live; shape, seed, init and batch rebuild") {
    const bpl::Config cfg = config_of("seed=5");
    const auto ref = engine_run(cfg, 100);

    SUBCASE("lr only: the weights and the record are kept; training goes on from them") {
        Lab lab(cfg);
        session_step(lab.app, 100);
        lab.host.take_reasons();
        bpl::Config faster = lab.app.config;
        faster.lr = 0.5;
        session_apply_config(lab.app, faster);
        CHECK(lab.host.take_reasons() == Reasons{"params"});
        CHECK(same_bits(lab.app.net.params, ref[100].params));
        CHECK(lab.app.net.epoch == 100);
        CHECK(lab.app.net.config.lr == 0.5);
        CHECK(lab.app.config == faster);
        CHECK(lab.app.loss_history.size() == 100);
        CHECK(lab.app.history.newest == 100);

        // The next epoch is the engine's epoch with the new rate, from the same weights.
        bpl::Network expected = ref[100];
        std::string error;
        REQUIRE(bpl::network_set_training(expected, faster, error));
        bpl::train_epoch(expected);
        session_step(lab.app, 1);
        CHECK(same_bits(lab.app.net.params, expected.params));
        CHECK(lab.app.loss_history.size() == 101);
        CHECK(lab.app.print_log.mixed);   // no longer one run of the reference program
    }
    SUBCASE("the optimizer: same weights, fresh optimizer state") {
        Lab lab(config_of("seed=5&opt=momentum"));
        session_step(lab.app, 50);
        const std::vector<double> before = lab.app.net.params;
        bpl::Config adam = lab.app.config;
        adam.optimizer = bpl::Optimizer::adam;
        session_apply_config(lab.app, adam);
        CHECK(same_bits(lab.app.net.params, before));
        CHECK(lab.app.net.epoch == 50);
        CHECK(all_zero(lab.app.net.opt_m));
        CHECK(lab.app.net.adam_t == 0);
    }
    SUBCASE("a rebuilding change: the fresh start of the new config, the record cleared") {
        for (const char* change : {"hidden=3,5", "hidden=4,4", "seed=6", "init=xavier", "batch=sample"}) {
            INFO(std::string(change));
            Lab lab(cfg);
            session_step(lab.app, 100);
            lab.host.take_reasons();
            bpl::Config next = lab.app.config;
            std::string error;
            REQUIRE(bpl::config_parse(next, change, error));
            session_apply_config(lab.app, next);
            CHECK(lab.host.take_reasons() == Reasons{"params"});
            CHECK(lab.app.config == next);
            CHECK(lab.app.net.epoch == 0);
            CHECK(same_bits(lab.app.net.params, fresh_net(next).params));
            CHECK(lab.app.loss_history.empty());
            CHECK(lab.app.history.newest == 0);
            CHECK(lab.app.history.param_count == lab.app.net.param_count);
        }
    }
    SUBCASE("the same config: nothing happens") {
        Lab lab(cfg);
        session_step(lab.app, 10);
        lab.host.take_reasons();
        session_apply_config(lab.app, lab.app.config);
        CHECK(lab.host.reasons.empty());
        CHECK(lab.app.net.epoch == 10);
        CHECK(lab.app.loss_history.size() == 10);
    }
    SUBCASE("a config the engine cannot build: an error notice, nothing else") {
        Lab lab(cfg);
        session_step(lab.app, 10);
        lab.host.take_reasons();
        bpl::Config broken = lab.app.config;
        broken.hidden_layers = 2;
        broken.hidden_units[1] = 0;   // not validated: the session must still refuse it
        session_apply_config(lab.app, broken);
        CHECK(lab.host.reasons.empty());
        CHECK(lab.app.config == cfg);
        CHECK(same_bits(lab.app.net.params, ref[10].params));
        REQUIRE(lab.app.notices.size() == 1);
        CHECK(lab.app.notices[0].kind == NoticeKind::error);
    }
}

TEST_CASE("session_set_running: play and pause are reported on a change only") {
    Lab lab;
    REQUIRE(lab.app.running);
    session_set_running(lab.app, true);
    CHECK(lab.host.take_reasons().empty());
    session_set_running(lab.app, false);
    CHECK(lab.host.take_reasons() == Reasons{"pause"});
    session_set_running(lab.app, false);
    CHECK(lab.host.take_reasons().empty());
    session_set_running(lab.app, true);
    CHECK(lab.host.take_reasons() == Reasons{"play"});
    CHECK(lab.app.running);
}

TEST_CASE("divergence: training stops, is reported, and the lower-rate action restarts it") {
    // A linear output with η = 1 grows without bound (the lr-too-large lesson's preset).
    const bpl::Config cfg = config_of("hidden=4&act=tanh&out=linear&lr=1&seed=42");
    Lab lab(cfg);
    lab.app.epochs_per_frame = 1000;
    session_train_frame(lab.app);
    CHECK(lab.app.net.diverged);
    CHECK_FALSE(lab.app.running);
    CHECK(lab.host.take_reasons() == Reasons{"diverged"});
    // The lesson says it overflows at epoch 123 (a native run); the last bits of tanh differ
    // between math libraries (this file also runs as WASM), so allow what the browser test allows.
    CHECK(lab.app.net.epoch > 100);
    CHECK(lab.app.net.epoch < 130);
    // The overflowing epoch is not recorded. (Finite losses above FLT_MAX, reached before it,
    // are stored as +inf in the float history; the loss panel skips those. No NaN either way.)
    for (float loss : lab.app.loss_history) CHECK_FALSE(std::isnan(loss));
    CHECK(lab.app.loss_history.size() < size_t(lab.app.net.epoch));
    const long long at = lab.app.net.epoch;

    // A diverged net does not train or play.
    session_step(lab.app, 5);
    session_set_running(lab.app, true);
    session_train_frame(lab.app);
    CHECK(lab.app.net.epoch == at);
    CHECK_FALSE(lab.app.running);
    CHECK(lab.host.take_reasons().empty());

    session_lower_learning_rate(lab.app);
    CHECK(lab.host.take_reasons() == Reasons{"params"});
    CHECK(lab.app.config.lr == 0.1);   // 1 / 10 rounds to the same double as 0.1
    CHECK_FALSE(lab.app.net.diverged);
    CHECK(lab.app.net.epoch == 0);
    CHECK(same_bits(lab.app.net.params, fresh_net(lab.app.config).params));   // the same start, lower rate
    session_step(lab.app, 200);
    CHECK_FALSE(lab.app.net.diverged);
}

TEST_CASE("notices: expire with the clock, refresh when repeated, at most kMaxNotices") {
    Lab lab;
    auto texts = [&] {
        std::vector<std::string> out;
        for (const Notice& n : lab.app.notices) out.push_back(n.text);
        return out;
    };
    auto expire = [&] { session_expire_notices(lab.app, session_now(lab.app)); };

    session_notice(lab.app, "eight seconds");   // the default
    session_notice(lab.app, "two seconds", NoticeKind::info, 2.0);
    session_notice(lab.app, "until dismissed", NoticeKind::error, 0.0);
    expire();
    CHECK(texts().size() == 3);
    lab.host.advance_seconds(1.9);
    expire();
    CHECK(texts().size() == 3);
    lab.host.advance_seconds(0.2);   // 2.1 s
    expire();
    CHECK(texts() == std::vector<std::string>{"eight seconds", "until dismissed"});
    lab.host.advance_seconds(5.8);   // 7.9 s
    expire();
    CHECK(texts().size() == 2);
    session_notice(lab.app, "eight seconds");   // repeated: one notice, its 8 s start again
    lab.host.advance_seconds(7.9);
    expire();
    CHECK(texts() == std::vector<std::string>{"eight seconds", "until dismissed"});
    lab.host.advance_seconds(0.2);
    expire();
    CHECK(texts() == std::vector<std::string>{"until dismissed"});
    lab.host.advance_seconds(1e6);
    expire();
    CHECK(texts() == std::vector<std::string>{"until dismissed"});

    // Too many: the oldest goes. Too long: cut, with "...".
    for (size_t i = 0; i < kMaxNotices + 2; ++i) session_notice(lab.app, "n" + std::to_string(i));
    REQUIRE(lab.app.notices.size() == kMaxNotices);
    CHECK(lab.app.notices.front().text == "n2");
    CHECK(lab.app.notices.back().text == "n" + std::to_string(kMaxNotices + 1));
    session_notice(lab.app, std::string(kMaxNoticeChars + 100, 'x'));
    CHECK(lab.app.notices.back().text.size() == kMaxNoticeChars);
    CHECK(lab.app.notices.back().text.substr(kMaxNoticeChars - 3) == "...");
}

// Tests for the lab's modes and the JS API around them: step-through phases (lab/learn.cpp),
// rewind (lab/insight.cpp), lessons (lab/lessons.cpp), the gradient check, state() and the
// bounds of step(n), stepPhase(n) and rewind(epoch) (lab/api.cpp).
// Stepping phases runs the engine's own phase functions in train_epoch's order, and a rewind
// replays train_epoch from a stored keyframe, so both must land on the engine's numbers bit for
// bit (compared with bpl_test::engine_run), not merely close to them.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>
#include "api.hpp"
#include "check_helpers.hpp"
#include "formula_view.hpp"
#include "history.hpp"
#include "insight.hpp"
#include "lab_helpers.hpp"
#include "learn.hpp"
#include "lessons.hpp"
#include "session.hpp"
#include "settings.hpp"

using bpl_test::config_of;
using bpl_test::engine_run;
using bpl_test::fresh_net;
using bpl_test::Json;
using bpl_test::json_of;
using bpl_test::Lab;
using bpl_test::member;
using bpl_test::Reasons;
using bpl_test::same_bits;

namespace {

const double kNaN = std::numeric_limits<double>::quiet_NaN();
const double kInf = std::numeric_limits<double>::infinity();

struct ExpectedPhase {
    const char* kind;   // phase()'s "kind"
    int layer;
};

// One batch's phases for L layers (trainer.hpp): forward 0..L-1, loss, output δ (layer L-1),
// hidden δ L-2..0, gradients, update.
std::vector<ExpectedPhase> batch_phases(int L) {
    std::vector<ExpectedPhase> out;
    for (int l = 0; l < L; ++l) out.push_back({"forward", l});
    out.push_back({"loss", -1});
    out.push_back({"outputDelta", L - 1});
    for (int l = L - 2; l >= 0; --l) out.push_back({"hiddenDelta", l});
    out.push_back({"gradients", -1});
    out.push_back({"update", -1});
    return out;
}

// What a rewind promises to bring back (History stores params and optimizer state per
// snapshot, and the epoch's loss), bit for bit.
void check_same_training_state(const bpl::Network& lab, const bpl::Network& engine) {
    CHECK(lab.epoch == engine.epoch);
    CHECK(lab.batch_index == engine.batch_index);
    CHECK(lab.phase == engine.phase);
    CHECK(same_bits(lab.params, engine.params));
    CHECK(same_bits(lab.opt_m, engine.opt_m));
    CHECK(same_bits(lab.opt_v, engine.opt_v));
    CHECK(lab.adam_t == engine.adam_t);
    CHECK(same_bits(&lab.epoch_loss, &engine.epoch_loss, 1));
}

// Everything an epoch leaves in the network, bit for bit. The session refreshes the
// predictions after every change (a forward of all 4 rows), so z and a are compared with the
// engine's net after that same forward; the gradients and δ are the last update's.
void check_same_net(const bpl::Network& lab, const bpl::Network& engine) {
    check_same_training_state(lab, engine);
    CHECK(same_bits(lab.grads, engine.grads));
    CHECK(same_bits(lab.delta, engine.delta));
    bpl::Network predicted = engine;
    bpl::network_predict(predicted);
    CHECK(same_bits(lab.z, predicted.z));
    CHECK(same_bits(lab.a, predicted.a));
}

long long epoch_of(const std::string& state_json) { return (long long)member(json_of(state_json), "epoch").number; }

}   // namespace

// ---- step-through -----------------------------------------------------------------------------

TEST_CASE("step-through: phases run in order, and a full cycle is one training epoch bit for bit") {
    for (const char* settings : {"hidden=4", "hidden=3,5&act=tanh&opt=adam", "batch=sample&loss=bce"}) {
        INFO(std::string(settings));
        const bpl::Config cfg = config_of(settings);
        const auto ref = engine_run(cfg, 1);
        Lab lab(cfg);
        const int L = lab.app.net.num_layers;
        const std::vector<ExpectedPhase> phases = batch_phases(L);
        const int batches = cfg.batch == bpl::BatchMode::full ? 1 : bpl_test::kXorRows;
        CHECK_FALSE(learn_phase_view(lab.app.net).ran);
        const std::vector<double> start = lab.app.net.params;

        for (int b = 0; b < batches; ++b) {
            for (size_t i = 0; i < phases.size(); ++i) {
                INFO("batch ", b, " phase ", i);
                Json p = json_of(api_step_phase(lab.app, 1));   // the phase that just ran
                CHECK(member(p, "kind").text == phases[i].kind);
                CHECK(member(p, "layer").number == phases[i].layer);
                CHECK(member(p, "index").number == double(i));
                CHECK(member(p, "count").number == double(phases.size()));
                CHECK(member(p, "batch").number == b);
                CHECK(member(p, "epoch").number == 0);   // all of them belong to the first epoch
                CHECK(member(p, "ran").boolean);
                const bool last = b == batches - 1 && i + 1 == phases.size();
                CHECK(member(p, "epochDone").boolean == last);
                const Json& rows = member(p, "rows");   // [first row, rows] of the batch
                REQUIRE(rows.items.size() == 2);
                CHECK(rows.items[0].number == (batches == 1 ? 0 : b));
                CHECK(rows.items[1].number == (batches == 1 ? bpl_test::kXorRows : 1));
                // Only the update phase moves the weights.
                if (b == 0 && phases[i].kind != std::string("update")) CHECK(same_bits(lab.app.net.params, start));
                if (phases[i].kind == std::string("update")) CHECK_FALSE(same_bits(lab.app.net.params, start));
                CHECK_FALSE(lab.app.running);
            }
        }
        check_same_net(lab.app.net, ref[1]);
        // The epoch's end went through the session: recorded like any epoch.
        CHECK(lab.app.loss_history == std::vector<float>{static_cast<float>(ref[1].epoch_loss)});
        CHECK(lab.app.history.newest == 1);
        CHECK(lab.app.print_log.lines == std::vector<std::pair<long long, double>>{{0, ref[1].epoch_loss}});
        // Each stepPhase reports "phase"; the epoch's end is also a "step" (the session's).
        Reasons expected{"pause"};
        for (size_t k = 0; k < phases.size() * size_t(batches); ++k) {
            if (k + 1 == phases.size() * size_t(batches)) expected.push_back("step");
            expected.push_back("phase");
        }
        CHECK(lab.host.take_reasons() == expected);
    }
}

TEST_CASE("step-through: phases across many epochs match whole epochs, and stepPhase(n) is capped") {
    const bpl::Config cfg = config_of("hidden=4&seed=12");
    const auto ref = engine_run(cfg, 143);
    Lab lab(cfg);
    const int per_epoch = bpl::phase_count(lab.app.net);
    REQUIRE(per_epoch == 7);
    // A huge n runs kMaxApiPhases phases: 1000 = 142 epochs and 6 phases (update is next).
    Json p = json_of(api_step_phase(lab.app, 1e9));
    CHECK(lab.app.net.epoch == kMaxApiPhases / per_epoch);
    CHECK(lab.app.net.phase == kMaxApiPhases % per_epoch);
    CHECK(member(member(p, "next"), "kind").text == "update");
    CHECK(same_bits(lab.app.net.params, ref[142].params));   // the update has not run yet
    CHECK(lab.app.loss_history.size() == 142);
    api_step_phase(lab.app, 1);
    check_same_net(lab.app.net, ref[143]);
    for (size_t i = 0; i < lab.app.loss_history.size(); ++i)
        CHECK(lab.app.loss_history[i] == static_cast<float>(ref[i + 1].epoch_loss));
}

TEST_CASE("stepPhase(n) and step(n): bad counts run one, huge ones are capped, nothing crashes") {
    const bpl::Config cfg = config_of("seed=2");
    for (double n : {kNaN, kInf, -kInf, -3.0, 0.0, 0.4, 1.9}) {
        INFO("n = ", n);
        Lab lab(cfg);
        json_of(api_step_phase(lab.app, n));
        CHECK(lab.app.net.phase == 1);   // one phase each (1.9 truncates to 1)
        CHECK(lab.app.net.epoch == 0);
    }
    for (double n : {kNaN, kInf, -kInf, -5.0, 0.0, 0.7}) {
        INFO("n = ", n);
        Lab lab(cfg);
        CHECK(epoch_of(api_step(lab.app, n)) == 1);   // non-finite or below 1: one epoch
        CHECK_FALSE(lab.app.running);
    }
    Lab lab(cfg);
    CHECK(epoch_of(api_step(lab.app, 2.9)) == 2);   // whole epochs: the fraction is dropped
    CHECK(epoch_of(api_step(lab.app, 1e300)) == 2 + kMaxStepEpochs);
    CHECK_FALSE(lab.app.net.diverged);
}

// ---- rewind ----------------------------------------------------------------------------------

TEST_CASE("rewind: an earlier epoch's weights and optimizer state, bit for bit; the run goes on from there") {
    // Adam: the optimizer state (moments, step count) must come back too, or the run would part.
    const bpl::Config cfg = config_of("hidden=3,5&opt=adam&lr=0.01&seed=9");
    const long long kEpochs = 1500;
    const auto ref = engine_run(cfg, kEpochs);
    Lab lab(cfg);
    session_step(lab.app, kEpochs);
    lab.host.take_reasons();

    SUBCASE("within the exact span, between keyframes (replayed)") {
        const long long e = kEpochs - 163;
        REQUIRE(e % kKeyframeEvery != 0);   // not a stored keyframe: it is replayed
        REQUIRE(e >= history_exact_from(lab.app.history));
        Json r = json_of(api_rewind(lab.app, double(e)));
        CHECK(member(r, "ok").boolean);
        CHECK(member(r, "epoch").number == double(e));
        check_same_net(lab.app.net, ref[size_t(e)]);
        CHECK(lab.host.take_reasons() == Reasons{"rewind"});
        CHECK_FALSE(lab.app.running);
        // The record is cut back to it.
        CHECK(lab.app.loss_history.size() == size_t(e));
        CHECK(lab.app.history.newest == e);
        CHECK(grad_history_points(lab.app.grad_norms) * size_t(lab.app.grad_norms.stride) <= size_t(e));
        // And training from there is the same run.
        session_step(lab.app, 100);
        check_same_net(lab.app.net, ref[size_t(e + 100)]);
        CHECK(lab.app.loss_history.size() == size_t(e + 100));
    }
    SUBCASE("before the exact span: the nearest thinned snapshot at or before it") {
        const long long stride = lab.app.history.thinned_stride;
        REQUIRE(100 < history_exact_from(lab.app.history));
        Json r = json_of(api_rewind(lab.app, 100.0));
        CHECK(member(r, "ok").boolean);
        const long long got = lab.app.net.epoch;
        CHECK(member(r, "epoch").number == double(got));
        CHECK(got <= 100);
        CHECK(100 - got < stride);
        check_same_training_state(lab.app.net, ref[size_t(got)]);   // gradients: see the next test case
    }
    SUBCASE("bad epochs: refused (NaN, negative), or the newest (beyond it); nothing breaks") {
        for (double e : {kNaN, -1.0, -kInf, kInf}) {
            INFO("epoch ", e);
            Json r = json_of(api_rewind(lab.app, e));
            CHECK_FALSE(member(r, "ok").boolean);
            CHECK(member(r, "epoch").number == double(kEpochs));
        }
        CHECK(lab.host.take_reasons().empty());
        CHECK(lab.app.net.epoch == kEpochs);
        Json r = json_of(api_rewind(lab.app, 1e300));   // after the newest: the newest
        CHECK(member(r, "ok").boolean);
        CHECK(member(r, "epoch").number == double(kEpochs));
        check_same_net(lab.app.net, ref[size_t(kEpochs)]);
    }
}

// An epoch that is itself a stored snapshot (a keyframe) brings back the gradients and deltas
// of the epoch that led to it, as every other epoch does, not those of the epoch the run was at.
TEST_CASE("rewind to a stored snapshot epoch also brings back that epoch's gradients") {
    const bpl::Config cfg = config_of("seed=9");
    const long long kEpochs = 200;
    const auto ref = engine_run(cfg, kEpochs);
    Lab lab(cfg);
    session_step(lab.app, kEpochs);
    for (long long keyframe :
         {5 * kKeyframeEvery, 4 * kKeyframeEvery + 1, 4 * kKeyframeEvery}) {   // rewind drops what follows
        INFO("rewind to ", keyframe);
        REQUIRE(keyframe >= history_exact_from(lab.app.history));
        REQUIRE(insight_rewind(lab.app, keyframe) == keyframe);
        check_same_training_state(lab.app.net, ref[size_t(keyframe)]);
        CHECK(same_bits(lab.app.net.grads, ref[size_t(keyframe)].grads));
        CHECK(same_bits(lab.app.net.delta, ref[size_t(keyframe)].delta));
    }
}

TEST_CASE("rewind across a settings change brings the old settings back") {
    const bpl::Config slow = config_of("seed=4");
    const auto ref = engine_run(slow, 30);
    Lab lab(slow);
    session_step(lab.app, 50);
    bpl::Config fast = lab.app.config;
    fast.lr = 0.5;
    session_apply_config(lab.app, fast);
    session_step(lab.app, 50);
    REQUIRE(insight_rewind(lab.app, 30) == 30);
    CHECK(lab.app.config == slow);
    CHECK(lab.app.net.config == slow);
    check_same_net(lab.app.net, ref[30]);
}

// ---- lessons ---------------------------------------------------------------------------------

TEST_CASE("lessons: each loads from any state, its preset applies, and the run starts") {
    REQUIRE(kLessonCount >= 1);
    for (int i = 0; i < kLessonCount; ++i) {
        const Lesson& lesson = kLessons[i];
        INFO("lesson ", std::string(lesson.id));
        // Settings from before must not leak into the preset.
        Lab lab(config_of("act=relu&opt=adam&batch=sample&hidden=7&seed=99"));
        lab.app.epochs_per_frame = 3;
        lab.app.gradient_view = !lesson.gradient_view;
        session_set_running(lab.app, false);
        session_step(lab.app, 20);

        CHECK(lesson_start(lab.app, lesson.id) == "");
        const bpl::Config expected = config_of(lesson.settings);   // the defaults, then the lesson's keys
        CHECK(lab.app.config == expected);
        CHECK(lab.app.net.epoch == 0);
        CHECK(same_bits(lab.app.net.params, fresh_net(expected).params));
        CHECK(lab.app.epochs_per_frame == lesson.speed);
        CHECK(lab.app.gradient_view == lesson.gradient_view);
        CHECK(lab.app.running);
        CHECK(active_lesson(lab.app) == &lesson);
        CHECK(find_lesson(lesson.id) == &lesson);
        CHECK(lab.app.insight.show_tab == InsightTab::lessons);
        CHECK(lesson_state_json(lab.app) == "\"" + std::string(lesson.id) + "\"");
        CHECK(member(json_of(api_state_json(lab.app)), "lesson").text == lesson.id);
        // And it trains: one frame of its speed.
        session_train_frame(lab.app);
        CHECK(lab.app.net.epoch == lesson.speed);
    }
}

TEST_CASE("lessons: an unknown id is refused naming the valid ones; none turns the lesson off") {
    Lab lab;
    const auto before = bpl_test::settled(lab.app);
    const std::string error = lesson_start(lab.app, "no-such-lesson");
    CHECK(error.find("no-such-lesson") != std::string::npos);
    for (int i = 0; i < kLessonCount; ++i) CHECK(error.find(kLessons[i].id) != std::string::npos);
    bpl_test::check_unchanged(before, lab.app);
    CHECK(active_lesson(lab.app) == nullptr);

    REQUIRE(lesson_start(lab.app, kLessons[0].id) == "");
    const bpl::Config preset = lab.app.config;
    CHECK(lesson_start(lab.app, "none") == "");
    CHECK(active_lesson(lab.app) == nullptr);
    CHECK(lab.app.config == preset);   // the settings stay
    CHECK(lesson_state_json(lab.app) == "null");
}

TEST_CASE("lessons_json: one entry per lesson, as the table has it") {
    Json list = json_of(lessons_json());
    REQUIRE(list.items.size() == size_t(kLessonCount));
    for (int i = 0; i < kLessonCount; ++i) {
        const Lesson& l = kLessons[i];
        const Json& j = list.items[size_t(i)];
        INFO("lesson ", std::string(l.id));
        CHECK(member(j, "id").text == l.id);
        CHECK(member(j, "title").text == l.title);
        CHECK(member(j, "settings").text == l.settings);
        CHECK(member(j, "speed").number == l.speed);
        CHECK(member(j, "text").text == l.text);
        CHECK(member(j, "action").text == l.action);
    }
}

// ---- gradient check --------------------------------------------------------------------------

TEST_CASE("gradient check: backprop agrees with central differences; the net is not touched") {
    // Smooth activations only: at ReLU's kink (every unit with z = 0, e.g. row 00 with zero
    // biases) a central difference measures the average of two slopes, not the derivative.
    // Central differences with ε = 1e-6 carry about 1e-10 of rounding in each derivative, a
    // relative error up to ~1e-6 on the smallest gradients here: 1e-5 leaves room for that and
    // still fails on any wrong term of backprop (those are off by O(1) relatively).
    const double kTolerance = 1e-5;
    for (const char* settings : {"hidden=4", "hidden=3,5&act=tanh&loss=bce", "loss=mse_mean&out=linear&opt=adam"}) {
        for (long long epochs : {0, 300}) {
            INFO(std::string(settings), " after ", epochs, " epochs");
            Lab lab(config_of(settings));
            if (epochs) session_step(lab.app, epochs);
            const bpl::Network before = lab.app.net;
            Json r = json_of(api_grad_check(lab.app));
            CHECK(member(r, "epoch").number == double(epochs));
            const Json& max_rel = member(r, "maxRelError");
            REQUIRE(max_rel.is(Json::Kind::number));
            CHECK(max_rel.number < kTolerance);
            const Json& entries = member(r, "entries");
            CHECK(entries.items.size() == lab.app.net.param_count);   // every weight and bias
            for (const Json& e : entries.items) {
                CHECK(member(e, "relError").number <= max_rel.number);
                const double b = member(e, "backprop").number, n = member(e, "numerical").number;
                CHECK(std::fabs(b - n) <= kTolerance * std::fmax(std::fabs(b) + std::fabs(n), 1e-12));
            }
            CHECK(lab.app.insight.show_tab == InsightTab::grad_check);
            CHECK(lab.app.insight.grad_check_epoch == epochs);
            check_same_net(lab.app.net, before);
        }
    }
    // A diverged net's check must not read as a pass.
    Lab diverged(config_of("hidden=4&act=tanh&out=linear&lr=1&seed=42"));
    session_step(diverged.app, 1000);
    REQUIRE(diverged.app.net.diverged);
    const Json report = json_of(api_grad_check(diverged.app));
    const Json& max_rel = member(report, "maxRelError");
    CHECK((max_rel.is(Json::Kind::null) || max_rel.number >= kTolerance));
}

// ---- state() -----------------------------------------------------------------------------------

TEST_CASE("state(): the fields the page and its tests read, with the session's values") {
    Lab lab(config_of("hidden=3&seed=6"));
    session_step(lab.app, 10);
    session_notice(lab.app, "a <notice> with \"quotes\" & more");   // escaped, and read back as given
    Json s = json_of(api_state_json(lab.app));
    CHECK(member(s, "epoch").text == "10");
    CHECK(member(s, "loss").number == lab.app.current_loss);
    CHECK(member(s, "running").is(Json::Kind::boolean));
    CHECK_FALSE(member(s, "running").boolean);
    CHECK_FALSE(member(s, "diverged").boolean);
    CHECK(member(s, "historyPoints").number == 10);
    CHECK(member(s, "epochsLastFrame").is(Json::Kind::number));
    for (const char* key : {"fps", "frameMs", "trainMs"}) CHECK(member(s, key).is(Json::Kind::number));
    CHECK(member(s, "glContextLost").is(Json::Kind::boolean));
    CHECK(member(s, "lesson").is(Json::Kind::null));
    const Json& predictions = member(s, "predictions");
    REQUIRE(predictions.items.size() == size_t(bpl_test::kXorRows));
    for (int r = 0; r < bpl_test::kXorRows; ++r)
        CHECK(predictions.items[size_t(r)].number == bpl::network_output(lab.app.net)[r]);
    int right = 0;
    for (int r = 0; r < bpl_test::kXorRows; ++r)
        right += (predictions.items[size_t(r)].number > 0.5) == (r == 1 || r == 2);
    CHECK(member(s, "rowsRight").number == right);
    const Json& notices = member(s, "notices");
    REQUIRE(notices.items.size() == 1);
    CHECK(notices.items[0].text == "a <notice> with \"quotes\" & more");
    CHECK(api_state_json(lab.app).find('<') == std::string::npos);   // safe to embed in HTML
    // params: exactly the rows the table reports in state(), each with its value.
    const Json& params = member(s, "params");
    size_t reported = 0;
    for (const bpl::Setting& row : bpl::kSettings) {
        INFO("row ", std::string(row.key));
        CHECK((params.find(row.key) != nullptr) == row.in_state);
        reported += row.in_state;
    }
    CHECK(params.members.size() == reported);
    CHECK(member(params, "hidden").text == "3");
    CHECK(member(params, "seed").text == "6");

    // A diverged net reports its loss as null, not a number that looks usable.
    Lab bad(config_of("hidden=4&act=tanh&out=linear&lr=1&seed=42"));
    session_step(bad.app, 1000);
    Json d = json_of(api_state_json(bad.app));
    CHECK(member(d, "diverged").boolean);
    CHECK(member(d, "loss").is(Json::Kind::null));
    CHECK(member(d, "rowsRight").number == 0);   // no finite output is right
}

TEST_CASE("state() on a point cloud: train and test loss and accuracy, the data's counts, no row outputs") {
    Lab lab(config_of("data=circle&points=120&train=75&act=tanh&loss=bce&lr=0.03&batch=10&hidden=8,8"));
    session_step(lab.app, 200);
    Json s = json_of(api_state_json(lab.app));
    const bpl::Evaluation e = bpl::network_evaluate(lab.app.net);
    CHECK(e.train_count == 90);
    CHECK(e.test_count == 30);
    CHECK(member(s, "trainLoss").number == e.train_loss);
    CHECK(member(s, "testLoss").number == e.test_loss);
    CHECK(member(s, "trainAccuracy").number == double(e.train_right) / 90);
    CHECK(member(s, "testAccuracy").number == double(e.test_right) / 30);
    CHECK(member(s, "testAccuracy").number > 0.9);   // 200 epochs learn the circle
    CHECK(member(s, "rowsRight").number == e.train_right);
    const Json& data = member(s, "data");
    CHECK(member(data, "samples").number == 120);
    CHECK(member(data, "train").number == 90);
    CHECK(member(data, "test").number == 30);
    CHECK(member(data, "cloud").boolean);
    CHECK(member(s, "predictions").items.empty());
    // The loss curve: one train and one test point per recorded epoch, the test loss as evaluated.
    REQUIRE(lab.app.test_loss_history.size() == lab.app.loss_history.size());
    CHECK(lab.app.loss_history.back() == float(e.train_loss));
    CHECK(lab.app.test_loss_history.back() == float(e.test_loss));

    Lab table;   // a truth table has no test set: its test values are null
    s = json_of(api_state_json(table.app));
    CHECK(member(s, "testLoss").is(Json::Kind::null));
    CHECK(member(s, "testAccuracy").is(Json::Kind::null));
    CHECK(member(s, "trainAccuracy").is(Json::Kind::number));
    CHECK(table.app.test_loss_history.empty());
}

TEST_CASE("step-through on a mini-batch: the batch's first rows, a count of the rest, the followed point") {
    Lab lab(config_of("data=gauss&points=100&batch=20&act=tanh&loss=bce&lr=0.03"));
    learn_set_active(lab.app, true);
    for (int i = 0; i < 2; ++i) api_step_phase(lab.app, 1);   // forward of layer 0 and 1 of batch 0
    const PhaseView pv = learn_phase_view(lab.app.net);
    CHECK(pv.rows == 20);
    const FormulaView v = formula_view(lab.app);
    REQUIRE_FALSE(v.matrices.empty());
    bool any = false;
    for (const MatrixView& m : v.matrices) {
        if (!m.sample_rows) continue;
        any = true;
        CHECK(m.rows == 8);
        CHECK(m.more_rows == 12);
        CHECK(m.row0 >= 0);
        CHECK(m.row0 + 8 <= 20);                                                 // a window of the batch
        CHECK(m.row0 + m.hl_row == bpl::network_row_of_point(lab.app.net, 0));   // point 0 is followed
    }
    CHECK(any);
    CHECK(v.subject.rfind("Point ", 0) == 0);
    // Follow a point of this batch: the formulas name it and its matrix row is highlighted.
    const int row = 13, point = lab.app.net.row_point[size_t(row)];
    REQUIRE(apply_param(lab.app, "point", std::to_string(point)));
    const FormulaView followed = formula_view(lab.app);
    CHECK(followed.subject.rfind("Point " + std::to_string(point) + " ", 0) == 0);
    for (const MatrixView& m : followed.matrices)
        if (m.sample_rows) CHECK(m.row0 + m.hl_row == row);
}

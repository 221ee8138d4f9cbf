// The lesson table and starting a lesson. Numbers in the texts come from native runs of the
// engine (sigmoid, SGD, full batch unless a lesson says otherwise) and are re-checked in
// tests/browser/lessons.test.mjs.
#include "lessons.hpp"
#include "session.hpp"
#include "json_text.hpp"
#include "number_text.hpp"

const Lesson kLessons[] = {
    {"hidden-layer", "Why XOR needs a hidden layer", "data=and&hidden=0&lr=1&seed=10", 20, false,
     "No hidden layer: the output unit alone, ŷ = σ(w₁x₁ + w₂x₂ + b), splits the input square along one "
     "straight line (watch the map). AND needs just that: only 11 is 1, and a line cuts that corner off. "
     "All 4 rows are right by epoch 4 and the loss is below 0.01 by epoch 300.",
     "Now set Data to XOR (same seed): no line puts 01 and 10 on one side and 00 and 11 on the other. "
     "The unit settles on ŷ = 0.5 for every row: loss 0.25, 2 of 4 right, still so after 200,000 epochs "
     "(one hidden unit is no better: 3 of 4, loss 0.167). Then add a hidden layer of 2 units: two lines, "
     "combined, get all 4 rows right by epoch 170 and the loss below 0.01 by epoch 400."},
    {"lr-too-small", "Learning rate too small: crawling", "hidden=2&lr=0.01&seed=10", 50, false,
     "Each update moves every weight by η·∂L/∂w. With η = 0.01 the steps are tiny: this net needs "
     "15,990 epochs before all 4 rows are right and 38,990 before the loss drops below 0.01.",
     "Set η to 1 and press Reset: the same starting weights get all 4 rows right by epoch 170 and "
     "the loss below 0.01 by epoch 400, about 100 times faster."},
    {"lr-too-large", "Learning rate too large: diverging", "hidden=4&act=tanh&out=linear&lr=1&seed=42", 1, false,
     "A linear output has nothing to stop it growing. With η = 1 each step overshoots further than "
     "the last: the loss passes 10²¹ by epoch 10 and overflows at epoch 123, where the page stops "
     "and flags the divergence.",
     "Press \"Lower learning rate (÷10) and reset\": with η = 0.1 the same start has all 4 rows right "
     "by epoch 55 and the loss below 0.01 by epoch 140."},
    {"saturation", "Sigmoid saturation: MSE vs cross-entropy", "hidden=16&lr=0.1&seed=944", 5, true,
     "Seed 944 starts with the output unit saturated: ŷ is between 0.0003 and 0.0006 for every row. With MSE, "
     "δ_out = (a − y)·a(1 − a) is almost 0, so the loss sits at 0.4996 for about 1,750 epochs "
     "(all rows right only at epoch 2,439). Watch the Gradient sizes tab stay flat and tiny.",
     "Switch Loss to Cross-entropy and press Reset: δ_out = a − y is large when the output is "
     "confidently wrong, the loss falls within 20 epochs and all rows are right by epoch 161."},
    {"seeds", "Initialisation: some seeds get stuck", "hidden=2&lr=1&seed=42", 20, false,
     "With only 2 hidden units the starting weights decide the outcome. Seed 42 falls into a local "
     "minimum: two rows settle at 0.5 and the loss levels off at 0.125 (still there after 1,000,000 "
     "epochs). Of seeds 0–99, 23 get stuck like this and 77 succeed.",
     "Type seed 10 (or press ⟳ New until one works): seed 10 has all 4 rows right by epoch 170 and "
     "the loss below 0.01 by epoch 400."},
};
const int kLessonCount = int(sizeof kLessons / sizeof kLessons[0]);

const Lesson* find_lesson(std::string_view id) {
    for (const Lesson& l : kLessons)
        if (id == l.id) return &l;
    return nullptr;
}

const Lesson* active_lesson(const AppState& app) {
    int i = app.insight.lesson;
    return i >= 0 && i < kLessonCount ? &kLessons[i] : nullptr;
}

std::string lesson_ids() {
    std::string ids;
    for (const Lesson& l : kLessons) ids += (ids.empty() ? "" : ", ") + std::string(l.id);
    return ids;
}

std::string lesson_start(AppState& app, std::string_view id) {
    if (id.empty() || id == "none") {
        app.insight.lesson = -1;
        app.url_dirty = true;
        return "";
    }
    const Lesson* lesson = find_lesson(id);
    if (!lesson) return "lesson=" + bpl::quote_for_message(id, 40) + ": unknown lesson (valid: " + lesson_ids() + ")";
    bpl::Config cfg;   // the defaults, then the lesson's keys: nothing carries over from before
    std::string error;
    if (!bpl::config_parse(cfg, lesson->settings, error)) return "lesson " + std::string(lesson->id) + ": " + error;
    session_apply_config(app, cfg);
    session_reset(app);
    app.epochs_per_frame = lesson->speed;
    app.gradient_view = lesson->gradient_view;
    app.insight.lesson = int(lesson - kLessons);
    app.insight.show_tab = InsightTab::lessons;
    session_set_running(app, true);
    app.insight.lesson_notice = true;   // shown once training starts, when the page turns out to be an embed
    return "";
}

void lesson_embed_notice(AppState& app) {
    const Lesson* lesson = active_lesson(app);
    if (!app.insight.lesson_notice || !lesson) return;
    app.insight.lesson_notice = false;
    if (app.embed) session_notice(app, std::string(lesson->title) + ". " + lesson->action, NoticeKind::info, 0.0);
}

std::string lessons_json() {
    std::string out = "[";
    for (const Lesson& l : kLessons) {
        if (out.size() > 1) out += ',';
        out += "{\"id\":" + json_string(l.id) + ",\"title\":" + json_string(l.title) +
               ",\"settings\":" + json_string(l.settings) + ",\"speed\":" + json_number(l.speed) +
               ",\"text\":" + json_string(l.text) + ",\"action\":" + json_string(l.action) + "}";
    }
    return out + "]";
}

std::string lesson_state_json(const AppState& app) {
    const Lesson* l = active_lesson(app);
    return l ? json_string(l->id) : "null";
}

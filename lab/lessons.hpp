// Guided lessons: each a preset (settings, speed, view) plus a few sentences and a suggested
// action, chosen in the page or by URL (lesson=<id>). Every number in the text was measured on
// this engine (native runs of engine/*.cpp; the browser tests check the same claims).
#pragma once
#include <string>
#include <string_view>
#include <vector>

struct AppState;

struct Lesson {
    const char* id;   // URL value: lesson=<id>
    const char* title;
    const char* settings;   // engine keys over the defaults (config_parse form)
    int speed;              // epochs per frame
    bool gradient_view;
    const char* text;     // 2–4 sentences: what you will see, with the measured numbers
    const char* action;   // the suggested next step and what it gives
};

extern const Lesson kLessons[];
extern const int kLessonCount;

const Lesson* find_lesson(std::string_view id);
const Lesson* active_lesson(const AppState& app);   // nullptr when no lesson is on
// Applies a lesson's preset from a fresh start (epoch 0) and plays it; "" on success, else a
// notice naming the valid ids. "none" (or "") turns the lesson off and keeps the settings.
std::string lesson_start(AppState& app, std::string_view id);
std::string lesson_ids();   // "hidden-layer, lr-too-small, …"
// The embed layout has no lesson tab: the lesson's title and action as a notice (once).
void lesson_embed_notice(AppState& app);

// JSON for the JS API: the lesson list, and the active lesson id (or null).
std::string lessons_json();
std::string lesson_state_json(const AppState& app);

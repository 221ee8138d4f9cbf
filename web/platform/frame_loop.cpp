// The main loop's pacing: idle when still, asleep out of view, capped in embeds (frame_loop.hpp).
#include "frame_loop.hpp"
#include <SDL.h>
#include <emscripten.h>
#include <emscripten/eventloop.h>
#include "guest.hpp"
#include "session.hpp"

namespace {

// After input ImGui needs a few frames to settle (hover state, a key release held back a frame,
// a window appearing, a click's result); 4 covers every case seen, at 60 fps well under 0.1 s.
constexpr int kSettleFrames = 4;
constexpr int kMaxTicksPerFrame = 8;   // an embed at 10 fps on a 60-80 Hz display
constexpr double kCapSlackMs = 4.0;    // a frame due within this is drawn now, not a tick later

AppState* g_app = nullptr;
bool g_paused = false;   // Emscripten's main loop is paused
bool g_in_view = true;   // as the page last reported
bool g_sized = true;     // the canvas had some size at the last frame
int g_settle = kSettleFrames;
int g_skipped = 0;   // browser frames skipped under the cap since the last drawn frame
double g_last_draw_ms = -1.0;
long g_timer = 0;   // pending wake-up (emscripten_set_timeout id), 0: none
void (*g_offscreen)() = nullptr;

void update_visible() { guest_set_visible(*g_app, g_in_view && g_sized); }

void pause_loop() {
    if (g_paused) return;
    g_paused = true;
    emscripten_pause_main_loop();
}

void resume_loop() {
    if (!g_paused) return;
    g_paused = false;
    g_skipped = 0;
    emscripten_resume_main_loop();
}

void clear_timer() {
    if (g_timer) emscripten_clear_timeout(g_timer);
    g_timer = 0;
}

void on_timer(void*) {
    g_timer = 0;
    g_offscreen();
    frame_loop_wake();
}

// A wake-up for the next change the lab expects (a notice expiring, the address-bar update).
void schedule_next_change() {
    clear_timer();
    double in = guest_next_change(*g_app, session_now(*g_app));
    if (in >= 0) g_timer = emscripten_set_timeout(on_timer, in * 1000.0 + 1.0, nullptr);
}

// Runs inside the browser's event handler. SDL_PollEvent pushes a sentinel at the end of each
// poll cycle, which watchers see too: it is not input, and waking on it would never idle.
int on_sdl_event(void*, SDL_Event* event) {
    if (event->type == SDL_POLLSENTINEL) return 0;
    frame_loop_wake();
    return 0;
}

}   // namespace

void frame_loop_start(AppState& app, void (*frame)(), void (*offscreen)()) {
    g_app = &app;
    g_offscreen = offscreen;
    update_visible();
    SDL_AddEventWatch(on_sdl_event, nullptr);
    emscripten_set_main_loop(frame, 0, false);
}

void frame_loop_wake() {
    if (!g_app) return;
    g_settle = kSettleFrames;
    if (g_in_view) {
        clear_timer();
        resume_loop();   // the canvas size is checked again by the next frame
    } else {
        schedule_next_change();   // the address bar still follows settings changed while asleep
    }
}

void frame_loop_set_in_view(bool in_view) {
    if (in_view == g_in_view) return;
    g_in_view = in_view;   // kept for the start when the page reports before the loop runs
    if (!g_app) return;
    update_visible();
    if (in_view) frame_loop_wake();
}

bool frame_loop_begin(double canvas_css_w, double canvas_css_h, int& ticks) {
    ticks = 1;
    g_sized = canvas_css_w >= 1.0 && canvas_css_h >= 1.0;   // display:none, or a zero-size frame
    update_visible();
    if (!g_app->guest.visible) {
        g_app->guest.idle = true;
        g_app->fps = 0.0;
        pause_loop();
        schedule_next_change();
        return false;
    }
    const int cap = guest_fps_cap(*g_app);
    const double now = emscripten_get_now();
    if (cap > 0 && g_last_draw_ms >= 0 && g_skipped + 1 < kMaxTicksPerFrame &&
        now - g_last_draw_ms < 1000.0 / cap - kCapSlackMs) {
        ++g_skipped;
        return false;
    }
    ticks = g_skipped + 1;
    g_skipped = 0;
    // Frames per second over drawn frames that follow each other (an idle gap is not a frame).
    const double gap = now - g_last_draw_ms;
    if (g_last_draw_ms >= 0 && !g_app->guest.idle && gap > 0 && gap < 250.0)
        g_app->fps = g_app->fps > 0 ? 0.9 * g_app->fps + 0.1 * (1000.0 / gap) : 1000.0 / gap;
    g_last_draw_ms = now;
    g_app->guest.idle = false;
    return true;
}

void frame_loop_end(bool input) {
    if (input) g_settle = kSettleFrames;
    bool busy = guest_busy(*g_app, session_now(*g_app)) || g_settle > 0;
    if (g_settle > 0) --g_settle;
    if (busy) return;
    g_app->guest.idle = true;
    g_app->fps = 0.0;
    pause_loop();
    schedule_next_change();
}

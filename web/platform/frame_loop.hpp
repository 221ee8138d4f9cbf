// When the page draws. The browser calls the main loop on every animation frame; this module
// pauses it whenever nothing moves (lab/guest.hpp decides what "moves" means), wakes it on input,
// API calls, resizes and its own timers, keeps it asleep out of view, and caps the embed's frame
// rate. Only the platform knows about the browser's loop: the lab only answers questions.
#pragma once
#include "app_state.hpp"

// Installs `frame` as Emscripten's main loop, and the SDL event watch that wakes it on input.
// `offscreen` runs at the loop's timed wake-ups whether or not a frame follows (the address bar
// follows settings changed while asleep).
void frame_loop_start(AppState& app, void (*frame)(), void (*offscreen)());

// Anything that may change what is on screen: draw the next frames (a few, for ImGui to settle).
void frame_loop_wake();

// The page reports whether it can be seen (IntersectionObserver, visibilitychange). Out of view
// the loop stops: nothing trains and nothing is drawn until it returns.
void frame_loop_set_in_view(bool in_view);

// At the top of a main-loop call: false when this call should do nothing (asleep, or an embed
// between two frames of its cap). `ticks` is how many browser frames this frame stands for, so
// training can keep its epochs per second under the cap.
bool frame_loop_begin(double canvas_css_w, double canvas_css_h, int& ticks);

// At the end of a drawn frame: `input` says events arrived. Keeps the loop going while something
// moves, else pauses it and sets a timer for the next change the lab knows of.
void frame_loop_end(bool input);

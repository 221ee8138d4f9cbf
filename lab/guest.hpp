// The page as a guest in someone else's page: theme and motion (the link's choice, else the
// reader's system setting), the embed's frame cap, sleeping out of view, and when a frame must be
// drawn at all. The platform asks guest_busy / guest_next_change after each frame and idles the
// loop when nothing moves; panels call guest_animate_for while an animation runs.
#pragma once
#include "app_state.hpp"

constexpr double kUrlUpdateSeconds = 0.5;   // the address bar follows the settings at most this often

bool guest_dark(const AppState& app);
bool guest_reduced_motion(const AppState& app);
// The reader's system preferences (prefers-color-scheme, prefers-reduced-motion), at start and
// whenever they change.
void guest_set_system(AppState& app, bool dark, bool reduced_motion);
// After the link's settings are read: reduced motion starts paused unless autoplay= was given,
// and Step-through's play runs epochs rather than phases in slow motion.
void guest_start(AppState& app);

// Draw every frame for the next `seconds` (an animation: pulses, easing, a map settling).
void guest_animate_for(AppState& app, double seconds);
// A frame must be drawn now: training, or an animation running.
bool guest_busy(const AppState& app, double now);
// Seconds until something on screen changes by itself (a notice expires, the address bar is due
// for its update), or a negative number when nothing will.
double guest_next_change(const AppState& app, double now);

// In view (and in a shown tab, with a canvas of some size) or not; reports "wake"/"sleep".
void guest_set_visible(AppState& app, bool visible);
// Frames per second the page draws at most: the embed's cap, 0 (no cap) on the full page.
int guest_fps_cap(const AppState& app);

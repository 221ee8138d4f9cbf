// How the page behaves as a guest in someone else's page: its theme and motion choices, the
// reader's system preferences the platform reports, its frame cap in embed mode, whether it is in
// view, and the deadlines that decide when a frame must be drawn (lab/guest.cpp).
#pragma once

enum class ThemeChoice { auto_, light, dark };
enum class MotionChoice { auto_, reduce, full };

struct GuestState {
    ThemeChoice theme = ThemeChoice::auto_;
    MotionChoice motion = MotionChoice::auto_;
    bool system_dark = false;             // prefers-color-scheme: dark (reported by the platform)
    bool system_reduced_motion = false;   // prefers-reduced-motion: reduce
    bool autoplay_given = false;          // autoplay= was in the link: it wins over reduced motion
    int fps_cap = 30;                     // embed mode only (fps=, 10 to 60)
    bool visible = true;                  // in view, in a shown tab, with a canvas of some size
    bool idle = false;                    // the loop is paused until something changes
    double animate_until = 0;             // seconds (session_now): draw every frame until then
};

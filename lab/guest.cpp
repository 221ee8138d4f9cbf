// The page as a guest: theme, motion, frame cap, visibility and when to draw (see guest.hpp).
#include "guest.hpp"
#include <algorithm>
#include "session.hpp"

bool guest_dark(const AppState& app) {
    switch (app.guest.theme) {
        case ThemeChoice::light: return false;
        case ThemeChoice::dark: return true;
        case ThemeChoice::auto_: break;
    }
    return app.guest.system_dark;
}

bool guest_reduced_motion(const AppState& app) {
    switch (app.guest.motion) {
        case MotionChoice::reduce: return true;
        case MotionChoice::full: return false;
        case MotionChoice::auto_: break;
    }
    return app.guest.system_reduced_motion;
}

void guest_set_system(AppState& app, bool dark, bool reduced_motion) {
    app.guest.system_dark = dark;
    app.guest.system_reduced_motion = reduced_motion;
}

void guest_start(AppState& app) {
    if (!guest_reduced_motion(app)) return;
    app.learn.play_phases = false;   // Step-through's play trains epochs, not phases in slow motion
    if (!app.guest.autoplay_given) session_set_running(app, false);
}

void guest_animate_for(AppState& app, double seconds) {
    app.guest.animate_until = std::max(app.guest.animate_until, session_now(app) + seconds);
}

bool guest_busy(const AppState& app, double now) {
    if (!app.guest.visible) return false;
    if (app.running && !app.net.diverged) return true;
    return now < app.guest.animate_until;
}

double guest_next_change(const AppState& app, double now) {
    double next = -1.0;
    auto consider = [&](double at) {
        double in = std::max(0.0, at - now);
        if (next < 0 || in < next) next = in;
    };
    for (const Notice& n : app.notices)
        if (n.expires_at > 0) consider(n.expires_at);
    if (app.url_dirty) consider(app.url_updated_at + kUrlUpdateSeconds);
    if (app.guest.animate_until > now) consider(app.guest.animate_until);
    return next;
}

void guest_set_visible(AppState& app, bool visible) {
    if (app.guest.visible == visible) return;
    app.guest.visible = visible;
    app.host->state_changed(visible ? "wake" : "sleep");
}

int guest_fps_cap(const AppState& app) { return app.embed ? app.guest.fps_cap : 0; }

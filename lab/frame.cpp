// Chooses who trains this frame: the session never calls a mode, so the choice is made here.
#include "frame.hpp"
#include "learn.hpp"
#include "lessons.hpp"
#include "session.hpp"

void lab_frame(AppState& app) {
    lesson_embed_notice(app);   // after the URL's keys (embed=1 may follow lesson=…)
    bool phase_play = app.learn.active && app.learn.play_phases && app.running && !app.net.diverged;
    if (!phase_play) return session_train_frame(app);
    app.epochs_last_frame = 0;
    app.budget_limited = false;
    learn_train_frame(app);   // Step-through mode plays phases in slow motion
}

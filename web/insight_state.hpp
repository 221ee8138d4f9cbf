// State of the "seeing why it learns" tools (one field of AppState): rewind history, gradient
// sizes per layer, the last gradient check, the active lesson and the tab to reveal.
#pragma once
#include "gradcheck.hpp"
#include "grad_history.hpp"
#include "history.hpp"

enum class InsightTab { none, loss, grad_sizes, grad_check, rewind, lessons };

struct InsightState {
    History history;                  // rewind snapshots (web/history.hpp)
    GradHistory grad_norms;           // ‖∂L/∂W‖ per layer over the run
    bpl::GradCheckResult grad_check;  // last gradient check (entries empty: none yet)
    long long grad_check_epoch = -1;  // net.epoch when it ran (-1: never)
    int lesson = -1;                  // index into kLessons, -1 = no lesson
    InsightTab show_tab = InsightTab::none;   // a tab to select on the next frame
    long long scrub_epoch = -1;       // the rewind slider's position while dragged
    bool lesson_notice = false;       // a lesson just started: embeds show its text as a notice
};

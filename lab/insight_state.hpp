// State of the "seeing why it learns" tools (one field of AppState): the last gradient check,
// the active lesson, the rewind slider and the tab to reveal.
#pragma once
#include "gradcheck.hpp"

enum class InsightTab { none, loss, grad_sizes, grad_check, rewind, lessons };

struct InsightState {
    bpl::GradCheckResult grad_check;          // last gradient check (entries empty: none yet)
    long long grad_check_epoch = -1;          // net.epoch when it ran (-1: never)
    int lesson = -1;                          // index into kLessons, -1 = no lesson
    InsightTab show_tab = InsightTab::none;   // a tab to select on the next frame
    long long scrub_epoch = -1;               // the rewind slider's position while dragged
    bool lesson_notice = false;               // a lesson just started: embeds show its text as a notice
};

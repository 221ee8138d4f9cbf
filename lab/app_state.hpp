// The page's one state: the network being trained, the record of its run, and everything the
// panels show about it. Updated then drawn each frame (lab_frame trains, then the panels draw).
// Plain data: the lab's modules change it, web/ui draws it.
#pragma once
#include <string>
#include <vector>
#include "config.hpp"
#include "guest_state.hpp"
#include "insight_state.hpp"
#include "grad_history.hpp"
#include "history.hpp"
#include "learn_state.hpp"
#include "network.hpp"
#include "print_log.hpp"
#include "session_host.hpp"

enum class NoticeKind { info, warning, error };

struct Notice {
    std::string text;    // shown as plain text, never interpreted
    double expires_at;   // seconds (session_now()); <= 0 means until dismissed
    NoticeKind kind = NoticeKind::warning;
};

struct HoverInfo {        // what the pointer is over in the network diagram (-1 = nothing)
    int layer = -1;       // neuron: layer index (-1 input layer = -2 here); connection: target layer
    int unit = -1;        // neuron index within the layer
    int from_unit = -1;   // connection: source unit (>= 0 means a connection is hovered)
};

struct AppState {
    // ---- training ------------------------------------------------------------------
    bpl::Config config;
    bpl::Network net;
    bool running = true;
    int epochs_per_frame = 20;                   // 1..10,000
    SessionHost* host = &quiet_session_host();   // clock and state reports (the platform sets its own)

    // ---- the run's record, kept in step with training by lab/session.cpp -----------
    std::vector<float> loss_history;        // one point per epoch (thinned when long, see loss panel)
    std::vector<float> test_loss_history;   // point clouds: the test loss at the same epochs (else empty)
    long long loss_history_stride = 1;      // epochs between stored points
    History history;                        // rewind snapshots (lab/history.hpp)
    GradHistory grad_norms;                 // ‖∂L/∂W‖ per layer over the run
    PrintLog print_log;                     // the reference program's printed losses

    // ---- view ----------------------------------------------------------------------
    int selected_row = 0;         // the data point followed: a truth-table row 0..3 (00/01/10/11) or a
                                  // cloud's point 0..N-1 (row= / point=); -1 = all rows (truth tables)
    bool gradient_view = false;   // diagram shows ∂L/∂w and δ instead of w and a
    bool log_loss_scale = true;
    bool embed = false;   // compact layout for iframes
    HoverInfo hover;
    LearnState learn;   // Step-through mode (lab/learn.cpp)
    GuestState guest;   // theme, motion, frame cap, visibility, when to draw (lab/guest.cpp)
    std::vector<Notice> notices;

    // ---- network diagram and maps panels (owned by their panel files) ---------------
    std::vector<double> prev_params;       // params before the last update, for Δw display
    double backprop_pulse_time = -1.0;     // start time of the current backward pulse animation
    long long backprop_pulse_epoch = -1;   // net.epoch when that pulse started (restart on new steps)
    int hover_frame = -1;                  // ImGui frame count when `hover` was last set (stale after)

    // ---- insight tools: gradient check, lessons, the tab to reveal ------------------
    InsightState insight;   // lab/insight.cpp, lab/lessons.cpp

    // ---- page bookkeeping ---------------------------------------------------------
    double fps = 0.0;
    double frame_ms = 0.0;             // time our code spent in the last frame
    bool url_dirty = false;            // settings changed: update the address bar
    double url_updated_at = -1.0;      // seconds; the address bar is updated at most twice a second
    double train_budget_ms = 4.0;      // training time allowed this frame: the platform gives it what the
                                       // rest of a 4 ms frame leaves (at least 0.5 ms)
    int frame_ticks = 1;               // browser frames this frame stands for (the embed's frame cap)
    long long epochs_last_frame = 0;   // epochs actually trained in the last frame
    double train_ms = 0.0;             // time the last frame spent training
    double ms_per_epoch = 0.0;         // measured training cost (0: not yet); sizes the steps between clock reads
    bool budget_limited = false;       // the last frame stopped early on the time budget
    double current_loss = 0.0;         // reported loss of the current weights (after predict)
    bpl::Evaluation eval;              // train/test loss and accuracy of the current weights
    bool gl_context_lost = false;      // WebGL context lost: skip drawing until restored
    int frames_drawn = 0;
};

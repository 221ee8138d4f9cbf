// Step-through mode: one engine phase at a time (forward layer 1…L, loss, output δ, hidden δ
// backwards, gradients, update), slow-motion play and jumps from the flowchart. Epoch ends
// always go through session_step (train_epoch), so the loss history and every other per-epoch
// record stay in step. The mode calls the session; the session never calls the mode.
#pragma once
#include <string>
#include "app_state.hpp"
#include "trainer.hpp"

// A phase's change shows for this long: values ease in over kLearnEaseSeconds, changed matrix
// cells flash for kLearnFlashSeconds (the page keeps drawing meanwhile).
constexpr double kLearnEaseSeconds = 0.3;
constexpr float kLearnFlashSeconds = 1.2f;

// The phase whose results are on screen: the one that ran last.
struct PhaseView {
    bool ran = false;   // false at the very start (nothing computed yet)
    int index = 0;      // within the batch, 0 .. count-1
    int count = 0;      // phases per batch: 2L + 3
    bpl::Phase phase{bpl::PhaseKind::forward, 0};
    int batch = 0;             // batch within its epoch
    long long epoch = 0;       // 0-based epoch it belongs to
    int row0 = 0, rows = 4;    // rows of that batch
    bool epoch_done = false;   // it was the last phase of its epoch
};
PhaseView learn_phase_view(const bpl::Network& net);
// Display name: "forward, layer 1", "output δ", "hidden δ, layer 1", …  (layers 1-based).
std::string learn_phase_title(const bpl::Network& net, const bpl::Phase& p);
// The row the formulas use: the selected row (row 00 when "all rows"), or the batch's row.
int learn_focus_row(const AppState& app, const PhaseView& v);
// The parameters before the update that produced the current ones, when this mode ran that
// update (nullptr otherwise: the panels then show only the values after it).
const std::vector<double>* learn_params_before_update(const AppState& app);
// 0..1: how far the easing from the previous values has gone (300 ms, smoothstep).
float learn_ease(const AppState& app);

void learn_set_active(AppState& app, bool active);
void learn_step_phases(AppState& app, int n);     // pauses; runs n phases (epoch ends via session_step)
void learn_jump_to_box(AppState& app, int box);   // flowchart box 0..4 in the next epoch
bool learn_train_frame(AppState& app);            // phase play; true when it handled the frame
// Follows the diagram's hover (sticky); `frame` is the UI's frame counter (hover_frame's clock).
void learn_update_focus(AppState& app, int frame);

// Empty when the settings are seed-faithful, else why not ("activation is tanh", …).
std::string learn_faithful_reasons(const AppState& app);
// How closely seed-faithful printed losses match the NumPy program's: to the digit only where
// both round `exp` alike (shown under the lines and returned by phase().printedNote).
const char* learn_faithful_note();

// JSON for the JS API (lab/learn_json.cpp).
std::string learn_phase_json(const AppState& app);
std::string learn_intermediates_json(const AppState& app);

// The "seeing why it learns" tools: hooks called by app.cpp (per epoch, on a fresh history),
// rewind, the gradient check, their JSON for the JS API, and the tabbed panel area.
#pragma once
#include <string>
#include "app_state.hpp"

// ---- hooks (web/app.cpp) -----------------------------------------------------------------
void insight_on_clear(AppState& app);                          // a new run: empty histories, snapshot epoch 0
long long insight_train_epochs(AppState& app, long long n);    // train_epochs, recording after each epoch
void insight_on_settings_changed(AppState& app);               // live settings change: the next epoch is a keyframe

// ---- actions -----------------------------------------------------------------------------
// Restores the stored state at or before `epoch` (pauses); returns the epoch restored or -1.
long long insight_rewind(AppState& app, long long epoch);
void insight_run_grad_check(AppState& app);

// ---- JSON for the JS API (web/insight_bridge.cpp) -----------------------------------------
void insight_bridge_attach(AppState* app);                      // called from js_bridge_attach
std::string grad_check_json(const AppState& app);
std::string history_json(const AppState& app);
std::string before_after_json(const AppState& app);

// ---- panels (web/panel_*.cpp); each draws inside the current window ------------------------
void draw_insights_area(AppState& app);        // tab bar: Loss | Gradient sizes | Gradient check | Rewind | Lessons
void draw_grad_check_panel(AppState& app);
void draw_grad_norms_panel(AppState& app);
void draw_rewind_panel(AppState& app);
void draw_lessons_panel(AppState& app);
void draw_before_after(const AppState& app);   // one or two lines; nothing when not valid

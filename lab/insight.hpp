// The "seeing why it learns" tools: rewind (back to a recorded epoch, through the session),
// the gradient check, and their JSON for the JS API. The session records the run; these read it.
#pragma once
#include <string>
#include "app_state.hpp"

// ---- actions -----------------------------------------------------------------------------
// Restores the stored state at or before `epoch` (pauses); returns the epoch restored or -1.
long long insight_rewind(AppState& app, long long epoch);
void insight_run_grad_check(AppState& app);

// ---- JSON for the JS API (web/platform/js_api.cpp) ----------------------------------------
std::string grad_check_json(const AppState& app);
std::string history_json(const AppState& app);
std::string before_after_json(const AppState& app);

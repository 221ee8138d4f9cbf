// Keyboard shortcuts: space play/pause, → step one epoch, . step one phase, r reset (not while typing in a field).
#pragma once
#include "app_state.hpp"

void handle_shortcuts(AppState& app);

// Where every panel goes: the full page (1280×800 and up, every panel visible at once), a
// stacked single column for narrow screens (phones), and the compact embed layout (480×360 up).
#pragma once
#include "app_state.hpp"

void draw_layout(AppState& app);

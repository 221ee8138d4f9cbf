// One frame of the lab: the mode that drives training this frame (step-through's slow-motion
// phase play, or the session's epochs under the time budget) and the one-off lesson notice.
// Above the session and the modes; the platform calls it once per drawn frame.
#pragma once
#include "app_state.hpp"

void lab_frame(AppState& app);

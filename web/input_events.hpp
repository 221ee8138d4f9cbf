// Feeds SDL events to ImGui so that no key tap is lost when the frame rate is low.
#pragma once

// Polls every pending SDL event into ImGui's SDL backend. A key released in the same batch
// in which it was pressed keeps its release for the next frame, so ImGui sees it down for
// one frame (ImGui 1.86 latches mouse clicks this way but not keys).
void pump_input_events();

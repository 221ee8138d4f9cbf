// Where the last frame put the parts a reader looks for first, in CSS px of the canvas. Tests read
// it (Module._bpl_debug_layout) to check that a phone's first screen shows the network, its map and
// the training controls, and that an embed at its preferred height cuts nothing off.
#pragma once
#include <string>
#include "imgui.h"

// At the start of each frame's layout: forgets the last frame's parts.
void layout_report_begin(const char* arrangement);
// A named part's rectangle; `cut`: its contents needed more room than it had.
void layout_report_rect(const char* part, ImVec2 min, ImVec2 max, bool cut = false);
void layout_report_item(const char* part);   // the last ImGui item's rectangle
void layout_report_scroll(float y, float max);
// {"arrangement", "width", "height", "scroll", "scrollMax", "tooltip" (one is shown), "mouse"
// ([x, y] or null when ImGui has no pointer), "parts": {name: {"x", "y", "w", "h", "cut"}}}
std::string layout_report_json();

// Where every panel goes: the full page (1280×800 and up, every panel visible at once), a
// stacked single column for narrow screens (phones), and the compact embed layout.
#pragma once
#include "app_state.hpp"

void draw_layout(AppState& app);

// The height (CSS px) at which the embed layout, `width` px wide, shows every part whole, without
// cutting or scrolling. Needs no frame and no ImGui context: the page reports it to the host page.
float embed_preferred_height(float width);

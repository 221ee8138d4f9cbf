// What the layouts share (layout.cpp, layout_stacked.cpp, layout_embed.cpp): the panel window
// flags, one fixed window per panel, the header's title, and the notices overlay.
#pragma once
#include "app_state.hpp"
#include "imgui.h"

constexpr ImGuiWindowFlags kPanelFlags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize |
                                         ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse |
                                         ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
constexpr ImGuiWindowFlags kFixedContent = ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse;

struct Rect {
    float x, y, w, h;
};

using PanelFn = void (*)(AppState&);

// One ImGui window at `r` with an optional heading; `report` names it in the layout report
// (layout_report.hpp), with whether its contents were cut.
void panel_window(AppState& app, const char* id, const char* title, const char* subtitle, Rect r, PanelFn draw,
                  ImGuiWindowFlags extra = 0, const char* report = nullptr);
// The height the decision map panel's contents need, `content_w` wide, for the widest square the
// width allows: panel_maps.cpp keeps the "x2" label's width left of the map (two glyphs of the
// 16 px font, + 10), half a line above, a line + 6 below, and 56 px for the colour bar right of it when
// the panel is wider than 220 px. Plain arithmetic: no frame needed (embed_preferred_height).
float decision_map_height(float content_w);
// The current window's rectangle in the layout report, and whether its contents were cut.
void report_current_window(const char* part);
// "Backprop Lab" and the tagline (short when `compact`; on its own line when `stacked`).
void header_contents(bool compact, bool stacked);
const char* network_subtitle(const AppState& app);
// Notices (and the diverged warning) in a box centred on anchor.x, hanging from anchor.y or
// standing on it (`from_bottom`).
void draw_notices_overlay(AppState& app, ImVec2 anchor, float width, bool from_bottom);

void layout_stacked(AppState& app, float W, float H);   // layout_stacked.cpp
void layout_embed(AppState& app, float W, float H);     // layout_embed.cpp

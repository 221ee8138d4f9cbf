// The page's look: fonts (DejaVu subsets embedded at build time, rasterised at the device pixel
// ratio so text stays crisp on HiDPI screens), the ImGui style, and the theme's colours.
#pragma once
#include <cstdint>
#include "imgui.h"
#include "palette.hpp"
#include "theme_colors.hpp"

struct AppState;

struct UiFonts {
    ImFont* regular = nullptr;   // body text, 16 px
    ImFont* bold = nullptr;      // panel headings
    ImFont* title = nullptr;     // page title
    ImFont* mono = nullptr;      // numbers in tables
};
extern UiFonts g_fonts;

// The current theme's colours (web/ui/theme_colors.hpp) and map palette (web/render/palette.hpp):
// panels read them here, each frame, never as literals.
const theme::Colors& ui_color();
const viz::Palette& ui_palette();
inline ImVec4 ui_vec4(uint32_t c) { return ImGui::ColorConvertU32ToFloat4(c); }

void ui_apply_style();   // sizes and roundings, and the light theme's colours
// Applies the theme guest_dark(app) resolves to (the link's choice, else the reader's system
// setting) when it differs from the one applied: once at the top of each frame.
void ui_theme_follow(const AppState& app);
// (Re)builds the font atlas for the device pixel ratio; returns true when it changed, so the
// caller re-uploads the font texture.
bool ui_fonts_update(float device_pixel_ratio);
// A panel heading: bold title and a dim one-line explanation under it.
void ui_heading(const char* title, const char* subtitle);
// A button in the accent colour (play, the mode that is on).
bool ui_primary_button(const char* label, ImVec2 size = ImVec2(0, 0));
// Help marker "(?)" showing `text` on hover or tap.
void ui_help(const char* text);

// The page's look: fonts (DejaVu subsets embedded at build time, rasterised at the device pixel
// ratio so text stays crisp on HiDPI screens), the ImGui style, and the shared colours.
#pragma once
#include "imgui.h"

struct UiFonts {
    ImFont* regular = nullptr;   // body text, 16 px
    ImFont* bold = nullptr;      // panel headings
    ImFont* title = nullptr;     // page title
    ImFont* mono = nullptr;      // numbers in tables
};
extern UiFonts g_fonts;

// Colours (Okabe–Ito based where they carry meaning, so they survive colour blindness).
namespace ui_color {
constexpr ImU32 page_bg = IM_COL32(236, 240, 245, 255);
constexpr ImU32 text = IM_COL32(30, 38, 51, 255);
constexpr ImU32 text_dim = IM_COL32(100, 110, 126, 255);
constexpr ImU32 accent = IM_COL32(0, 114, 178, 255);   // blue: primary buttons, loss curve
constexpr ImU32 good = IM_COL32(0, 158, 115, 255);     // bluish green: small error
constexpr ImU32 bad = IM_COL32(213, 94, 0, 255);       // vermillion: large error, warnings
constexpr ImU32 warn_bg = IM_COL32(255, 243, 224, 255);
constexpr ImU32 error_bg = IM_COL32(253, 232, 228, 255);
constexpr ImU32 info_bg = IM_COL32(228, 240, 250, 255);
constexpr ImU32 grid = IM_COL32(220, 225, 232, 255);
constexpr ImU32 plot_bg = IM_COL32(250, 251, 253, 255);
}   // namespace ui_color

void ui_apply_style();
// (Re)builds the font atlas for the device pixel ratio; returns true when it changed, so the
// caller re-uploads the font texture.
bool ui_fonts_update(float device_pixel_ratio);
// A panel heading: bold title and a dim one-line explanation under it.
void ui_heading(const char* title, const char* subtitle);
// Help marker "(?)" showing `text` on hover or tap.
void ui_help(const char* text);

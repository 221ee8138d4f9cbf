// The palette (web/render/palette.hpp) of the current theme as ImGui colours for the panels.
#pragma once
#include "imgui.h"
#include "palette.hpp"
#include "ui_theme.hpp"

namespace viz {

inline ImU32 solid(const Rgb& c, float alpha = 1.0f) {
    return ImGui::ColorConvertFloat4ToU32(ImVec4(c.r, c.g, c.b, alpha));
}

// t in [-1, 1] (clamped): -1 orange, 0 neutral, +1 blue; non-finite t: the diverged grey.
inline ImU32 diverging(double t, float alpha = 1.0f) { return solid(palette_at(ui_palette(), t), alpha); }

}   // namespace viz

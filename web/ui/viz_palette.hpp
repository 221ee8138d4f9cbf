// The palette (web/render/palette.hpp) as ImGui colours for the panels.
#pragma once
#include <cmath>
#include "imgui.h"
#include "palette.hpp"

namespace viz {

// t in [-1, 1] (clamped): -1 orange, 0 neutral grey, +1 blue. Non-finite t gives kDiverged.
inline ImU32 diverging(double t, float alpha = 1.0f) {
    if (!std::isfinite(t)) return ImGui::ColorConvertFloat4ToU32(ImVec4(kDiverged.r, kDiverged.g, kDiverged.b, alpha));
    float s = static_cast<float>(t < -1.0 ? -1.0 : (t > 1.0 ? 1.0 : t));
    const Rgb& end = s < 0.0f ? kNegative : kPositive;
    float k = std::fabs(s);
    return ImGui::ColorConvertFloat4ToU32(ImVec4(kNeutral.r + (end.r - kNeutral.r) * k,
                                                 kNeutral.g + (end.g - kNeutral.g) * k,
                                                 kNeutral.b + (end.b - kNeutral.b) * k, alpha));
}

inline ImU32 solid(const Rgb& c, float alpha = 1.0f) {
    return ImGui::ColorConvertFloat4ToU32(ImVec4(c.r, c.g, c.b, alpha));
}

}   // namespace viz

// The one diverging palette of the diagram, the maps and their legends: orange for negative
// (or low, below the neutral value), blue for positive (or high). Orange/blue stays distinct
// under the common colour-vision deficiencies; the map shader gets the same three colours.
#pragma once
#include <cmath>
#include "activations.hpp"
#include "imgui.h"

namespace viz {

struct Rgb { float r, g, b; };
constexpr Rgb kNegative = {0.96f, 0.58f, 0.13f};   // orange
constexpr Rgb kNeutral = {0.90f, 0.91f, 0.92f};    // light grey
constexpr Rgb kPositive = {0.11f, 0.50f, 0.80f};   // blue
constexpr Rgb kDiverged = {0.55f, 0.55f, 0.58f};   // non-finite values: never drawn as data

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

// How a unit's activation maps onto the palette: `center` is drawn neutral, center ± scale at
// full colour. Bounded activations use their range (sigmoid 0..1 around 0.5, tanh ±1);
// unbounded ones (ReLU, leaky ReLU, linear) use max_abs, the largest |a| being shown.
struct ValueScale { double center, scale; };
inline ValueScale activation_scale(bpl::Activation act, double max_abs) {
    if (act == bpl::Activation::sigmoid) return {0.5, 0.5};
    if (act == bpl::Activation::tanh) return {0.0, 1.0};
    return {0.0, max_abs > 1e-9 && std::isfinite(max_abs) ? max_abs : 1.0};
}
// The output ŷ is read against the targets 0 and 1, whatever its activation.
constexpr ValueScale kOutputScale = {0.5, 0.5};

}  // namespace viz

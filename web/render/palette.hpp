// The one diverging palette of the diagram, the maps and their legends: orange for negative
// (or low, below the neutral value), blue for positive (or high). Orange/blue stays distinct
// under the common colour-vision deficiencies. Light theme: a light grey midpoint and saturated
// ends; dark theme: a dark midpoint and lighter ends, so the strength of a value still reads as
// distance from the background. Plain numbers: the map shader gets them as uniforms
// (web/render), the panels as ImGui colours (web/ui/viz_palette.hpp).
#pragma once
#include <cmath>
#include "activations.hpp"

namespace viz {

struct Rgb {
    float r, g, b;
};
inline bool operator==(const Rgb& a, const Rgb& b) { return a.r == b.r && a.g == b.g && a.b == b.b; }

struct Palette {
    Rgb negative, neutral, positive;
    Rgb diverged;   // non-finite values: never drawn as data
    Rgb contour;    // the maps' contour line (ŷ = 0.5, z = 0)
};
constexpr Palette kLightPalette = {
    {0.96f, 0.58f, 0.13f}, {0.90f, 0.91f, 0.92f}, {0.11f, 0.50f, 0.80f}, {0.55f, 0.55f, 0.58f}, {0.12f, 0.15f, 0.20f}};
constexpr Palette kDarkPalette = {
    {0.96f, 0.62f, 0.20f}, {0.20f, 0.22f, 0.26f}, {0.36f, 0.66f, 0.94f}, {0.42f, 0.42f, 0.46f}, {0.93f, 0.94f, 0.96f}};
inline const Palette& palette(bool dark) { return dark ? kDarkPalette : kLightPalette; }
inline bool operator==(const Palette& a, const Palette& b) {
    return a.negative == b.negative && a.neutral == b.neutral && a.positive == b.positive && a.diverged == b.diverged &&
           a.contour == b.contour;
}

// t in [-1, 1] (clamped): -1 negative, 0 neutral, +1 positive, linear in between, as the map
// shader mixes them. Non-finite t gives `diverged`.
inline Rgb palette_at(const Palette& p, double t) {
    if (!std::isfinite(t)) return p.diverged;
    float k = static_cast<float>(std::fabs(t) > 1.0 ? 1.0 : std::fabs(t));
    const Rgb& end = t < 0.0 ? p.negative : p.positive;
    return {p.neutral.r + (end.r - p.neutral.r) * k, p.neutral.g + (end.g - p.neutral.g) * k,
            p.neutral.b + (end.b - p.neutral.b) * k};
}

// How a unit's activation maps onto the palette: `center` is drawn neutral, center ± scale at
// full colour. Bounded activations use their range (sigmoid 0..1 around 0.5, tanh ±1);
// unbounded ones (ReLU, leaky ReLU, linear) use max_abs, the largest |a| being shown.
struct ValueScale {
    double center, scale;
};
inline ValueScale activation_scale(bpl::Activation act, double max_abs) {
    if (act == bpl::Activation::sigmoid) return {0.5, 0.5};
    if (act == bpl::Activation::tanh) return {0.0, 1.0};
    return {0.0, max_abs > 1e-9 && std::isfinite(max_abs) ? max_abs : 1.0};
}
// The output ŷ is read against the targets 0 and 1, whatever its activation.
constexpr ValueScale kOutputScale = {0.5, 0.5};

}   // namespace viz

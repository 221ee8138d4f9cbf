// The one diverging palette of the diagram, the maps and their legends: orange for negative
// (or low, below the neutral value), blue for positive (or high). Orange/blue stays distinct
// under the common colour-vision deficiencies. Plain numbers: the map shader gets them as
// uniforms (web/render), the panels as ImGui colours (web/ui/viz_palette.hpp).
#pragma once
#include <cmath>
#include "activations.hpp"

namespace viz {

struct Rgb {
    float r, g, b;
};
constexpr Rgb kNegative = {0.96f, 0.58f, 0.13f};   // orange
constexpr Rgb kNeutral = {0.90f, 0.91f, 0.92f};    // light grey
constexpr Rgb kPositive = {0.11f, 0.50f, 0.80f};   // blue
constexpr Rgb kDiverged = {0.55f, 0.55f, 0.58f};   // non-finite values: never drawn as data

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

// GL side of the decision maps: the map shader, the params texture and two render targets
// (the output map and an atlas of per-neuron tiles), redrawn only when the weights change.
#pragma once
#include "network.hpp"
#include "palette.hpp"

// The input square every map of a net shows: [−0.5, 1.5]² around a truth table's 0/1 inputs,
// [−1, 1]² for a point cloud (its points' range).
struct MapBox {
    double lo, hi;   // the same range for x₁ and x₂
};
inline MapBox map_box(const bpl::Network& net) { return net.data.cloud ? MapBox{-1.0, 1.0} : MapBox{-0.5, 1.5}; }

struct MapImage {   // a GL texture and the corners to show; uv flipped so x₂ points up
    unsigned texture = 0;
    float u0 = 0, v0 = 0, u1 = 0, v1 = 0;
};

bool map_renderer_init();       // compiles shaders, creates textures; false + log on failure
void map_renderer_shutdown();   // frees GL objects (also called before rebuilding after context loss)
bool map_renderer_available();
const char* map_renderer_status();   // one line saying why the maps are unavailable

// Redraws the output map (output_px square) and every hidden unit's tile (tile_px square) in
// `palette` when net's params, shape, the sizes or the palette changed since the last call (nets wider than
// kPageMaxHiddenUnits units are not drawn). All GL state it touches
// is restored. Both sizes are clamped to what the render targets hold. Returns true when the
// params or shape changed (not for a size or palette change alone). `detail` (0..1] is the rendered size
// over the displayed size: contour lines get thinner in rendered pixels so they stay ~2 px on
// screen when a reduced map is magnified.
bool map_renderer_update(const bpl::Network& net, const viz::Palette& palette, int output_px, int tile_px,
                         float detail = 1.0f);
MapImage map_renderer_output();
MapImage map_renderer_neuron(int layer, int unit);
// Largest |a| of a hidden unit over a 9 x 9 grid of the square, as of the last redraw
// (0 for a ReLU unit that is off everywhere: a "dead" unit).
double map_renderer_unit_peak(int layer, int unit);

// Renders a size x size grid of raw values (float bits, no colour) for the output and for every
// hidden unit and returns the largest |shader − CPU| / max(1, |CPU|) against network_eval /
// net_probe_forward (absolute for values within ±1, relative beyond: the shader is float32).
// Negative when the renderer is unavailable or the net is wider than the page shows
// (kPageMaxHiddenUnits). For tests and the debug hook; allocates.
double map_renderer_check(const bpl::Network& net, int size);

// A data series drawn as a line in a plot. A curve may hold many more points than the plot has
// pixel columns (the loss history keeps up to 2,048): each column keeps only its lowest and
// highest point, in order, so the drawn shape is the same and the line costs at most two
// points per pixel to build and draw.
#pragma once
#include <vector>
#include "imgui.h"

// points: x ascending (screen pixels). One point draws a dot. `scratch` is reused between
// calls so that frames do not allocate.
void add_plot_line(ImDrawList* dl, const std::vector<ImVec2>& points, ImU32 color, float thickness,
                   std::vector<ImVec2>& scratch);
// The same line dashed (`dash` px drawn, `gap` px left out, along its length): a second series
// that reads apart from the first without colour.
void add_plot_line_dashed(ImDrawList* dl, const std::vector<ImVec2>& points, ImU32 color, float thickness, float dash,
                          float gap, std::vector<ImVec2>& scratch);

// See plot_line.hpp.
#include "plot_line.hpp"
#include <cmath>

void add_plot_line(ImDrawList* dl, const std::vector<ImVec2>& points, ImU32 color, float thickness,
                   std::vector<ImVec2>& scratch) {
    if (points.empty()) return;
    if (points.size() == 1) {
        dl->AddCircleFilled(points[0], thickness + 0.5f, color);
        return;
    }
    scratch.clear();
    size_t i = 0;
    while (i < points.size()) {
        // One pixel column: its first point, its extremes in x order, and its last point.
        const float column = std::floor(points[i].x);
        size_t lo = i, hi = i, end = i + 1;
        for (; end < points.size() && std::floor(points[end].x) == column; ++end) {
            if (points[end].y < points[lo].y) lo = end;
            if (points[end].y > points[hi].y) hi = end;
        }
        size_t keep[4] = {i, lo < hi ? lo : hi, lo < hi ? hi : lo, end - 1};
        for (size_t k = 0; k < 4; ++k)
            if (k == 0 || keep[k] != keep[k - 1]) scratch.push_back(points[keep[k]]);
        i = end;
    }
    dl->AddPolyline(scratch.data(), static_cast<int>(scratch.size()), color, 0, thickness);
}

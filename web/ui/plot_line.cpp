// See plot_line.hpp.
#include "plot_line.hpp"
#include <algorithm>
#include <cmath>

namespace {

// The points kept in scratch: per pixel column its first, lowest, highest and last point.
void thin_to_columns(const std::vector<ImVec2>& points, std::vector<ImVec2>& scratch) {
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
}

}   // namespace

void add_plot_line(ImDrawList* dl, const std::vector<ImVec2>& points, ImU32 color, float thickness,
                   std::vector<ImVec2>& scratch) {
    if (points.empty()) return;
    if (points.size() == 1) {
        dl->AddCircleFilled(points[0], thickness + 0.5f, color);
        return;
    }
    thin_to_columns(points, scratch);
    dl->AddPolyline(scratch.data(), static_cast<int>(scratch.size()), color, 0, thickness);
}

void add_plot_line_dashed(ImDrawList* dl, const std::vector<ImVec2>& points, ImU32 color, float thickness, float dash,
                          float gap, std::vector<ImVec2>& scratch) {
    if (points.empty()) return;
    if (points.size() == 1) {
        dl->AddCircle(points[0], thickness + 1.5f, color, 0, thickness * 0.75f);
        return;
    }
    thin_to_columns(points, scratch);
    // Walk the line by length: a dash of `dash` px is drawn, then `gap` px skipped; a dash may
    // span several segments (it is drawn as a polyline then).
    const float period = dash + gap;
    float along = 0.0f;   // position within the current period
    dl->PathClear();
    for (size_t k = 1; k < scratch.size(); ++k) {
        ImVec2 a = scratch[k - 1], b = scratch[k];
        float length = std::hypot(b.x - a.x, b.y - a.y), done = 0.0f;
        while (done < length) {
            bool drawing = along < dash;
            float step = std::min(length - done, (drawing ? dash : period) - along);
            float t0 = done / length, t1 = (done + step) / length;
            if (drawing) {
                if (dl->_Path.Size == 0) dl->PathLineTo(ImVec2(a.x + (b.x - a.x) * t0, a.y + (b.y - a.y) * t0));
                dl->PathLineTo(ImVec2(a.x + (b.x - a.x) * t1, a.y + (b.y - a.y) * t1));
            }
            done += step;
            along += step;
            if (along >= dash && dl->_Path.Size > 0) dl->PathStroke(color, 0, thickness);
            if (along >= period) along = 0.0f;
        }
    }
    if (dl->_Path.Size > 1) dl->PathStroke(color, 0, thickness);
    dl->PathClear();
}

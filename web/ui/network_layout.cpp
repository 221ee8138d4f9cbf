// Screen geometry of the network diagram (see network_layout.hpp).
#include "network_layout.hpp"
#include <algorithm>
#include <cmath>
#include "imgui_internal.h"   // ImBezierCubicClosestPointCasteljau

DiagramLayout make_layout(const bpl::Network& net, ImVec2 min, ImVec2 max, float loss_width) {
    DiagramLayout d;
    d.min = min;
    d.max = max;
    d.columns = net.num_layers + 1;
    d.units[0] = bpl::kInputs;
    int most = bpl::kInputs;
    for (int l = 0; l < net.num_layers; ++l) {
        d.units[l + 1] = net.layers[l].fan_out;
        most = std::max(most, d.units[l + 1]);
    }
    float height = max.y - min.y;
    float label_w = ImGui::GetFontSize() * 1.6f;
    float left = min.x + label_w, right = max.x - loss_width;
    float step_x = (right - left) / static_cast<float>(std::max(d.columns - 1, 1));
    float step_y = height / static_cast<float>(most);
    d.radius = std::clamp(std::min(step_x * 0.16f, step_y * 0.36f), 4.0f, 20.0f);
    left += d.radius;
    right -= d.radius;
    step_x = (right - left) / static_cast<float>(std::max(d.columns - 1, 1));
    float pitch = std::min(step_y, d.radius * 3.4f);   // small layers stay compact, centred
    for (int c = 0; c < d.columns; ++c) {
        float top = min.y + height * 0.5f - pitch * (d.units[c] - 1) * 0.5f;
        for (int u = 0; u < d.units[c]; ++u) d.pos[c][u] = ImVec2(left + step_x * c, top + pitch * u);
    }
    ImVec2 out = d.pos[d.columns - 1][0];
    d.loss_half = ImVec2(std::max(loss_width * 0.5f - 6.0f, 12.0f), ImGui::GetTextLineHeight() * 0.5f + 5.0f);
    d.loss_pos = ImVec2(max.x - d.loss_half.x - 2.0f, out.y);
    return d;
}

void connection_curve(const DiagramLayout& d, int column, int i, int j, ImVec2 (&p)[4]) {
    p[0] = d.pos[column - 1][i];
    p[3] = d.pos[column][j];
    float bend = (p[3].x - p[0].x) * 0.45f;
    p[1] = ImVec2(p[0].x + bend, p[0].y);
    p[2] = ImVec2(p[3].x - bend, p[3].y);
}

ImVec2 bias_marker_pos(const DiagramLayout& d, int column, int unit) {
    ImVec2 c = d.pos[column][unit];
    float k = d.radius * 0.78f;
    return ImVec2(c.x - k, c.y + k);
}

namespace {

float distance(ImVec2 a, ImVec2 b) { return std::hypot(a.x - b.x, a.y - b.y); }

bool near_curve(const ImVec2 (&p)[4], ImVec2 mouse, float reach, float& best) {
    float lo_x = std::min(p[0].x, p[3].x) - reach, hi_x = std::max(p[0].x, p[3].x) + reach;
    float lo_y = std::min(p[0].y, p[3].y) - reach, hi_y = std::max(p[0].y, p[3].y) + reach;
    if (mouse.x < lo_x || mouse.x > hi_x || mouse.y < lo_y || mouse.y > hi_y) return false;
    ImVec2 q = ImBezierCubicClosestPointCasteljau(p[0], p[1], p[2], p[3], mouse,
                                                  ImGui::GetStyle().CurveTessellationTol);
    float dist = distance(q, mouse);
    if (dist > reach || dist >= best) return false;
    best = dist;
    return true;
}

}   // namespace

DiagramHit diagram_hit_test(const DiagramLayout& d, ImVec2 mouse) {
    DiagramHit hit;
    if (mouse.x < d.min.x || mouse.y < d.min.y || mouse.x > d.max.x || mouse.y > d.max.y) return hit;
    if (std::fabs(mouse.x - d.loss_pos.x) <= d.loss_half.x && std::fabs(mouse.y - d.loss_pos.y) <= d.loss_half.y) {
        hit.loss = true;
        return hit;
    }
    float marker = std::max(d.radius * 0.3f, 3.0f) + 2.0f;
    for (int c = 0; c < d.columns; ++c)
        for (int u = 0; u < d.units[c]; ++u) {
            bool on_bias = c > 0 && distance(mouse, bias_marker_pos(d, c, u)) <= marker;
            if (distance(mouse, d.pos[c][u]) <= d.radius + 2.0f || on_bias) {
                hit.column = c;
                hit.unit = u;
                return hit;
            }
        }
    float best = 1e9f, reach = std::max(4.0f, d.radius * 0.3f);
    for (int c = 1; c < d.columns; ++c)
        for (int j = 0; j < d.units[c]; ++j)
            for (int i = 0; i < d.units[c - 1]; ++i) {
                ImVec2 p[4];
                connection_curve(d, c, i, j, p);
                if (near_curve(p, mouse, reach, best)) hit = DiagramHit{c, j, i, false};
            }
    return hit;
}

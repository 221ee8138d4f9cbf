// Gradient sizes: ‖∂L/∂W‖ of each layer over the whole run on a log scale, so vanishing
// (deep sigmoid stacks) and saturating (large weights, MSE on a saturated output) show up.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>
#include "insight.hpp"
#include "plot_line.hpp"
#include "ui_theme.hpp"

namespace {

struct Range {
    double x_max, lo, hi;
};   // epochs; log10 bounds

Range range_of(const GradHistory& g) {
    double lo = 1e300, hi = -1e300;
    for (float v : g.norms) {
        if (!(v > 0.0f) || !std::isfinite(v)) continue;
        lo = std::min(lo, std::log10(double(v)));
        hi = std::max(hi, std::log10(double(v)));
    }
    if (lo > hi) {
        lo = -6;
        hi = 0;
    }
    lo = std::floor(lo);
    hi = std::max(std::ceil(hi), lo + 1);
    return {std::max(1.0, double(grad_history_points(g)) * double(g.stride)), lo, hi};
}

void draw_axes(ImDrawList* dl, ImVec2 p0, ImVec2 p1, const Range& r) {
    float fh = ImGui::GetFontSize();
    char buf[24];
    int every = r.hi - r.lo > 6 ? 2 : 1;
    for (int d = int(r.lo); d <= int(r.hi); d += every) {
        float y = p1.y - float((d - r.lo) / (r.hi - r.lo)) * (p1.y - p0.y);
        dl->AddLine(ImVec2(p0.x, y), ImVec2(p1.x, y), ui_color().grid);
        std::snprintf(buf, sizeof buf, "1e%d", d);
        dl->AddText(ImVec2(p0.x - ImGui::CalcTextSize(buf).x - 6, y - fh * 0.5f), ui_color().text_dim, buf);
    }
    std::snprintf(buf, sizeof buf, "epoch %.0f", r.x_max);
    dl->AddText(ImVec2(p1.x - ImGui::CalcTextSize(buf).x, p1.y + 3), ui_color().text_dim, buf);
    dl->AddText(ImVec2(p0.x, p1.y + 3), ui_color().text_dim, "0");
}

void draw_lines(ImDrawList* dl, ImVec2 p0, ImVec2 p1, const GradHistory& g, const Range& r) {
    const size_t n = grad_history_points(g);
    static std::vector<ImVec2> pts, drawn;   // reused: no allocation per frame
    for (int l = 0; l < g.layers; ++l) {
        pts.clear();
        for (size_t i = 0; i < n; ++i) {
            float v = g.norms[i * size_t(g.layers) + size_t(l)];
            double y01 = v > 0.0f ? (std::log10(double(v)) - r.lo) / (r.hi - r.lo) : 0.0;
            float x = p0.x + float(double(i + 1) * double(g.stride) / r.x_max) * (p1.x - p0.x);
            pts.push_back(ImVec2(x, p1.y - float(std::clamp(y01, 0.0, 1.0)) * (p1.y - p0.y)));
        }
        add_plot_line(dl, pts, ui_color().series[l % theme::kSeriesCount], 2.0f, drawn);
    }
}

void legend(const AppState& app) {
    const GradHistory& g = app.grad_norms;
    for (int l = 0; l < g.layers; ++l) {
        if (l) ImGui::SameLine(0, 14);
        ImVec2 p = ImGui::GetCursorScreenPos();
        float s = ImGui::GetFontSize() * 0.6f, fh = ImGui::GetFontSize();
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y + (fh - s) * 0.5f + 2),
                                                  ImVec2(p.x + s, p.y + (fh + s) * 0.5f + 2),
                                                  ui_color().series[l % theme::kSeriesCount], 2.0f);
        ImGui::Dummy(ImVec2(s + 4, fh));
        ImGui::SameLine(0, 0);
        size_t n = grad_history_points(g);
        float last = n ? g.norms[(n - 1) * size_t(g.layers) + size_t(l)] : 0.0f;
        ImGui::Text("W%d%s %.1e", l + 1, l == g.layers - 1 ? " (output)" : "", double(last));
    }
}

void hover_tip(ImVec2 p0, ImVec2 p1, const GradHistory& g, const Range& r) {
    const size_t n = grad_history_points(g);
    if (!ImGui::IsItemHovered() || n == 0) return;
    double epoch = double(ImGui::GetIO().MousePos.x - p0.x) / double(p1.x - p0.x) * r.x_max;
    long long i = std::clamp<long long>(std::llround(epoch / double(g.stride)) - 1, 0, (long long)n - 1);
    std::string tip = "epoch " + std::to_string((i + 1) * g.stride);
    char buf[48];
    for (int l = 0; l < g.layers; ++l) {
        std::snprintf(buf, sizeof buf, "\n‖∂L/∂W%d‖ = %.3e", l + 1,
                      double(g.norms[size_t(i) * size_t(g.layers) + size_t(l)]));
        tip += buf;
    }
    ImGui::SetTooltip("%s", tip.c_str());
}

}   // namespace

void draw_grad_norms_panel(AppState& app) {
    const GradHistory& g = app.grad_norms;
    ImGui::PushStyleColor(ImGuiCol_Text, ui_color().text_dim);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted("Size of ∂L/∂W per layer (log scale). Tiny and flat: that layer barely learns.");
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    legend(app);
    ImVec2 avail = ImGui::GetContentRegionAvail();
    ImVec2 origin = ImGui::GetCursorScreenPos();
    ImVec2 size(std::max(avail.x, 60.0f), std::max(avail.y, 60.0f));
    ImGui::InvisibleButton("##gradplot", size);
    float left = ImGui::CalcTextSize("1e-10").x + 8, bottom = ImGui::GetFontSize() + 6;
    ImVec2 p0(origin.x + left, origin.y + 4), p1(origin.x + size.x - 8, origin.y + size.y - bottom);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p0, p1, ui_color().plot_bg, 4.0f);
    if (grad_history_points(g) == 0) {
        const char* hint = "Train a few epochs: one line per layer appears here.";
        ImVec2 ts = ImGui::CalcTextSize(hint);
        dl->AddText(ImVec2((p0.x + p1.x - ts.x) * 0.5f, (p0.y + p1.y - ts.y) * 0.5f), ui_color().text_dim, hint);
        return;
    }
    Range r = range_of(g);
    dl->PushClipRect(origin, ImVec2(origin.x + size.x, origin.y + size.y), true);
    draw_axes(dl, p0, p1, r);
    draw_lines(dl, p0, p1, g, r);
    dl->PopClipRect();
    hover_tip(p0, p1, g, r);
}

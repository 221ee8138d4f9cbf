// The loss curve over the whole run (the history is thinned, never cut), linear or log scale,
// drawn with ImDrawList: grid, axis labels, the curve, and the value under the pointer.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>
#include "panels.hpp"
#include "plot_line.hpp"
#include "ui_theme.hpp"

namespace {

struct PlotRange {
    double x_max, y_min, y_max;
    bool log;
};

double to_y(const PlotRange& r, double v) {   // 0 at the bottom, 1 at the top
    if (r.log) return (std::log10(std::max(v, 1e-12)) - r.y_min) / (r.y_max - r.y_min);
    return (v - r.y_min) / (r.y_max - r.y_min);
}

PlotRange plot_range(const AppState& app) {
    double lo = 1e300, hi = 0.0;
    for (float v : app.loss_history) {
        if (!std::isfinite(v)) continue;
        if (v > 0.0f) lo = std::min(lo, double(v));
        hi = std::max(hi, double(v));
    }
    if (hi <= 0.0) hi = 1.0;
    if (lo > hi) lo = hi;
    PlotRange r{double(app.loss_history.size()) * double(app.loss_history_stride), 0.0, hi * 1.08, app.log_loss_scale};
    if (r.log) {
        r.y_min = std::floor(std::log10(std::max(lo, 1e-12)));
        r.y_max = std::ceil(std::log10(hi));
        if (r.y_max <= r.y_min) r.y_max = r.y_min + 1;
    }
    r.x_max = std::max(r.x_max, 1.0);
    return r;
}

double nice_step(double span, int max_ticks) {
    double raw = span / std::max(max_ticks, 1);
    double p = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (m * p >= raw) return m * p;
    return 10 * p;
}

void format_tick(char* buf, size_t n, double v) {
    if (v >= 1e6) std::snprintf(buf, n, "%.3gM", v / 1e6);
    else if (v >= 1e4) std::snprintf(buf, n, "%.3gk", v / 1e3);
    else std::snprintf(buf, n, "%g", v);
}

void draw_grid(ImDrawList* dl, ImVec2 p0, ImVec2 p1, const PlotRange& r) {
    ImU32 label = ui_color().text_dim;
    float fh = ImGui::GetFontSize();
    char buf[32];
    if (r.log) {
        int decades = int(r.y_max - r.y_min);
        int every = std::max(
            1, int(std::ceil(decades * fh * 1.4f / std::max(p1.y - p0.y, 1.0f))));   // labels never overlap
        for (int d = int(r.y_min); d <= int(r.y_max); d += every) {
            float y = p1.y - float((d - r.y_min) / (r.y_max - r.y_min)) * (p1.y - p0.y);
            dl->AddLine(ImVec2(p0.x, y), ImVec2(p1.x, y), ui_color().grid);
            if (d >= 0 && d <= 3) std::snprintf(buf, sizeof buf, "%g", std::pow(10.0, d));
            else if (d < 0 && d >= -3) std::snprintf(buf, sizeof buf, "%.*f", -d, std::pow(10.0, d));
            else std::snprintf(buf, sizeof buf, "1e%d", d);
            dl->AddText(ImVec2(p0.x - ImGui::CalcTextSize(buf).x - 6, y - fh * 0.5f), label, buf);
        }
    } else {
        double step = nice_step(r.y_max - r.y_min, 4);
        for (double v = 0.0; v <= r.y_max + 1e-12; v += step) {
            float y = p1.y - float(to_y(r, v)) * (p1.y - p0.y);
            dl->AddLine(ImVec2(p0.x, y), ImVec2(p1.x, y), ui_color().grid);
            std::snprintf(buf, sizeof buf, "%.3g", v);
            dl->AddText(ImVec2(p0.x - ImGui::CalcTextSize(buf).x - 6, y - fh * 0.5f), label, buf);
        }
    }
    double xstep = nice_step(r.x_max, std::max(2, int((p1.x - p0.x) / 90.0f)));
    for (double e = 0.0; e <= r.x_max + 1e-9; e += xstep) {
        float x = p0.x + float(e / r.x_max) * (p1.x - p0.x);
        dl->AddLine(ImVec2(x, p0.y), ImVec2(x, p1.y), ui_color().grid);
        format_tick(buf, sizeof buf, e);
        float tw = ImGui::CalcTextSize(buf).x;
        dl->AddText(ImVec2(std::min(x - tw * 0.5f, p1.x - tw), p1.y + 3), label, buf);
    }
}

void draw_curve(ImDrawList* dl, ImVec2 p0, ImVec2 p1, const AppState& app, const PlotRange& r) {
    const std::vector<float>& h = app.loss_history;
    static std::vector<ImVec2> points, drawn;   // reused: no allocation per frame
    points.clear();
    for (size_t i = 0; i < h.size(); ++i) {
        if (!std::isfinite(h[i])) continue;
        double epoch = double(i + 1) * double(app.loss_history_stride);
        float x = p0.x + float(epoch / r.x_max) * (p1.x - p0.x);
        float y = p1.y - float(std::clamp(to_y(r, h[i]), 0.0, 1.0)) * (p1.y - p0.y);
        points.push_back(ImVec2(x, y));
    }
    add_plot_line(dl, points, ui_color().accent, 2.0f, drawn);
}

void draw_hover(ImVec2 p0, ImVec2 p1, const AppState& app, const PlotRange& r) {
    if (!ImGui::IsItemHovered() || app.loss_history.empty()) return;
    float mx = ImGui::GetIO().MousePos.x;
    double epoch = double(mx - p0.x) / double(p1.x - p0.x) * r.x_max;
    long long i = std::llround(epoch / double(app.loss_history_stride)) - 1;
    i = std::clamp<long long>(i, 0, (long long)app.loss_history.size() - 1);
    double e = double(i + 1) * double(app.loss_history_stride);
    float x = p0.x + float(e / r.x_max) * (p1.x - p0.x);
    ImGui::GetWindowDrawList()->AddLine(ImVec2(x, p0.y), ImVec2(x, p1.y), ui_color().text_dim);
    ImGui::SetTooltip("epoch %.0f\nloss %.6g", e, double(app.loss_history[size_t(i)]));
}

}   // namespace

void draw_loss_panel(AppState& app) {
    ImGui::Checkbox("Log scale", &app.log_loss_scale);
    float room = ImGui::GetContentRegionAvail().x - ImGui::GetItemRectSize().x;
    if (!app.loss_history.empty() && !app.net.diverged && room > ImGui::GetFontSize() * 8) {
        char text[64];
        std::snprintf(text, sizeof text, "now %.4g", app.current_loss);
        ImGui::PushFont(g_fonts.bold);
        ImGui::SameLine(ImGui::GetContentRegionMax().x - ImGui::CalcTextSize(text).x);
        ImGui::TextUnformatted(text);
        ImGui::PopFont();
    }
    ImVec2 avail = ImGui::GetContentRegionAvail();
    float left = ImGui::CalcTextSize("0.0000").x + 8, bottom = ImGui::GetFontSize() + 6;
    ImVec2 origin = ImGui::GetCursorScreenPos();
    ImVec2 size(std::max(avail.x, 60.0f), std::max(avail.y, 60.0f));
    ImGui::InvisibleButton("##lossplot", size);
    ImVec2 p0(origin.x + left, origin.y + 4), p1(origin.x + size.x - 8, origin.y + size.y - bottom);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p0, p1, ui_color().plot_bg, 4.0f);
    if (app.loss_history.empty()) {
        const char* hint = app.running ? "Training…" : "Press ▶ Play or Step → to start training";
        if (ImGui::CalcTextSize(hint).x > p1.x - p0.x - 8.0f && !app.running) hint = "▶ Play to start";
        ImVec2 ts = ImGui::CalcTextSize(hint);
        dl->AddText(ImVec2((p0.x + p1.x - ts.x) * 0.5f, (p0.y + p1.y - ts.y) * 0.5f), ui_color().text_dim, hint);
        return;
    }
    PlotRange r = plot_range(app);
    dl->PushClipRect(ImVec2(origin.x, origin.y), ImVec2(origin.x + size.x, origin.y + size.y), true);
    draw_grid(dl, p0, p1, r);
    draw_curve(dl, p0, p1, app, r);
    dl->PopClipRect();
    draw_hover(p0, p1, app, r);
}

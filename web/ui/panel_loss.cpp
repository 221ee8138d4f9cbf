// The loss curve over the whole run (the history is thinned, never cut), linear or log scale,
// drawn with ImDrawList: grid, axis labels, the curve, and the value under the pointer. Point
// clouds draw two: training loss solid, test loss dashed, at the same epochs.
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

// The test curve of a point cloud (empty for a truth table), as long as the training curve.
const std::vector<float>& test_curve(const AppState& app) {
    static const std::vector<float> none;
    return app.net.data.cloud && app.test_loss_history.size() == app.loss_history.size() ? app.test_loss_history : none;
}

PlotRange plot_range(const AppState& app) {
    double lo = 1e300, hi = 0.0;
    for (const std::vector<float>* h : {&app.loss_history, &test_curve(app)})
        for (float v : *h) {
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

void draw_curve(ImDrawList* dl, ImVec2 p0, ImVec2 p1, const AppState& app, const PlotRange& r,
                const std::vector<float>& h, bool dashed) {
    static std::vector<ImVec2> points, drawn;   // reused: no allocation per frame
    points.clear();
    for (size_t i = 0; i < h.size(); ++i) {
        if (!std::isfinite(h[i])) continue;
        double epoch = double(i + 1) * double(app.loss_history_stride);
        float x = p0.x + float(epoch / r.x_max) * (p1.x - p0.x);
        float y = p1.y - float(std::clamp(to_y(r, h[i]), 0.0, 1.0)) * (p1.y - p0.y);
        points.push_back(ImVec2(x, y));
    }
    if (dashed) add_plot_line_dashed(dl, points, ui_color().backward, 2.0f, 7.0f, 4.0f, drawn);
    else add_plot_line(dl, points, ui_color().accent, 2.0f, drawn);
}

// "— train 0.123   - - test 0.145" with samples of the two lines: at the panel's right beside
// the log-scale box, or on a line of its own when that is too narrow.
void draw_legend(const AppState& app) {
    char train[32], test[32];
    std::snprintf(train, sizeof train, "train %.4g", app.eval.train_loss);
    std::snprintf(test, sizeof test, "test %.4g", app.eval.test_loss);
    const float sample = 18.0f, gap = 5.0f, space = 12.0f;
    float width = 2.0f * (sample + gap) + ImGui::CalcTextSize(train).x + space + ImGui::CalcTextSize(test).x;
    if (ImGui::GetContentRegionAvail().x - ImGui::GetItemRectSize().x >= width + 8.0f)
        ImGui::SameLine(ImGui::GetContentRegionMax().x - width);
    ImVec2 at = ImGui::GetCursorScreenPos();
    float y = at.y + ImGui::GetFrameHeight() * 0.5f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    static std::vector<ImVec2> line, scratch;
    dl->AddLine(ImVec2(at.x, y), ImVec2(at.x + sample, y), ui_color().accent, 2.0f);
    ImGui::SetCursorScreenPos(ImVec2(at.x + sample + gap, at.y));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(train);
    ImGui::SameLine(0.0f, space);
    ImVec2 at2 = ImGui::GetCursorScreenPos();
    line.assign({ImVec2(at2.x, y), ImVec2(at2.x + sample, y)});
    add_plot_line_dashed(dl, line, ui_color().backward, 2.0f, 5.0f, 3.0f, scratch);
    ImGui::SetCursorScreenPos(ImVec2(at2.x + sample + gap, at.y));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(test);
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
    const std::vector<float>& test = test_curve(app);
    if (test.empty()) ImGui::SetTooltip("epoch %.0f\nloss %.6g", e, double(app.loss_history[size_t(i)]));
    else
        ImGui::SetTooltip("epoch %.0f\ntraining loss %.6g\ntest loss %.6g", e, double(app.loss_history[size_t(i)]),
                          double(test[size_t(i)]));
}

}   // namespace

void draw_loss_panel(AppState& app) {
    ImGui::Checkbox("Log scale", &app.log_loss_scale);
    float room = ImGui::GetContentRegionAvail().x - ImGui::GetItemRectSize().x;
    if (app.net.data.cloud && !app.loss_history.empty() && !app.net.diverged) {
        draw_legend(app);
    } else if (!app.loss_history.empty() && !app.net.diverged && room > ImGui::GetFontSize() * 8) {
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
    draw_curve(dl, p0, p1, app, r, app.loss_history, false);
    if (!test_curve(app).empty()) draw_curve(dl, p0, p1, app, r, test_curve(app), true);
    dl->PopClipRect();
    draw_hover(p0, p1, app, r);
}

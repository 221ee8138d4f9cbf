// The network diagram: every neuron and connection of the current shape, filled by activation
// (or δ) for the selected truth-table row or cloud point, connections by weight (or ∂L/∂w),
// backward pulses, legend.
// Geometry and hit testing live in network_layout.cpp, tooltips in network_tooltips.cpp.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include "control_names.hpp"
#include "guest.hpp"
#include "imgui.h"
#include "imgui_internal.h"   // ImBezierCubicCalc
#include "net_probe.hpp"
#include "network_layout.hpp"
#include "network_phase_overlay.hpp"
#include "network_rows.hpp"
#include "network_tooltips.hpp"
#include "panels.hpp"
#include "url_params.hpp"
#include "viz_labels.hpp"
#include "viz_palette.hpp"

namespace {

constexpr double kPulseStage = 0.32;   // seconds for the backward pulse to cross one layer
using bpl::kRowNames;

struct Scales {   // what full colour / full thickness means this frame
    double w_max = 1.0, g_max = 1.0, delta_max = 1.0;
    double hidden_abs[bpl::kMaxLayers] = {};   // largest |a| of each layer over the rows shown
    bool finite = true;
};

double signed_sqrt(double t) { return std::copysign(std::sqrt(std::fabs(t)), t); }

Scales make_scales(const bpl::Network& net, const DiagramRows& rows) {
    Scales s;
    double w = 0.0, g = 0.0, d = 0.0;
    for (size_t i = 0; i < net.param_count; ++i) {
        if (!std::isfinite(net.params[i])) s.finite = false;
        w = std::max(w, std::fabs(net.params[i]));
        if (std::isfinite(net.grads[i])) g = std::max(g, std::fabs(net.grads[i]));
    }
    for (double v : net.delta)
        if (std::isfinite(v)) d = std::max(d, std::fabs(v));
    for (int l = 0; l < net.num_layers; ++l)
        for (int r = 0; r < rows.count; ++r)
            for (int j = 0; j < net.layers[l].fan_out; ++j)
                s.hidden_abs[l] = std::max(s.hidden_abs[l], std::fabs(rows.probe[r].a[l][j]));
    s.finite = s.finite && !net.diverged;
    s.w_max = w > 1e-12 ? w : 1.0;
    s.g_max = g > 1e-30 ? g : 1.0;
    s.delta_max = d > 1e-30 ? d : 1.0;
    return s;
}

double input_of(const viz::DataPoint& p, int unit) { return unit == 0 ? p.x0 : p.x1; }

// Colour coordinate in [−1, 1] of a neuron for entry k of the rows: activation (or δ in
// gradient view; neutral when that point was not in the last batch). Inputs: a truth table's
// 0/1 as −1/+1, a cloud's coordinates as they are.
double neuron_value(const AppState& app, const Scales& s, const DiagramRows& rows, int column, int unit, int k) {
    const bpl::Network& net = app.net;
    if (column == 0) {
        double x = input_of(rows.point[k], unit);
        return app.gradient_view ? 0.0 : rows.cloud ? x : (x - 0.5) / 0.5;
    }
    int l = column - 1;
    if (app.gradient_view) {
        int row = rows.delta_row[k];
        return row < 0 ? 0.0 : signed_sqrt(bpl::layer_delta(net, l)[row * net.layers[l].fan_out + unit] / s.delta_max);
    }
    bool output = l == net.num_layers - 1;
    viz::ValueScale vs = output ? viz::kOutputScale : viz::activation_scale(net.config.activation, s.hidden_abs[l]);
    return (rows.probe[k].a[l][unit] - vs.center) / vs.scale;
}

// ---- toolbar and caption -----------------------------------------------------------------
bool toggle(const char* label, bool on) {
    if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    bool pressed = ImGui::SmallButton(label);
    if (on) ImGui::PopStyleColor();
    return pressed;
}

// SameLine when `label` still fits on this line as a small button.
void same_line_if_fits(const char* label) {
    ImGui::SameLine();
    float need = ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2.0f;
    if (ImGui::GetContentRegionAvail().x < need) ImGui::NewLine();
}

// Row and view go through the settings (as the URL and set() do): the address bar and the page's
// HTML controls follow them.
// Truth tables: the row buttons 00 01 10 11 all. A cloud has too many points for buttons: the
// followed point's number, and the map to pick another.
void draw_row_choice(AppState& app, const DiagramRows& d, bool compact) {
    if (d.cloud) {
        ImGui::AlignTextToFramePadding();
        ImGui::Text("point %d", d.point[0].index);
        if (!compact) {
            ImGui::SameLine();
            ImGui::TextDisabled("(click a point on the map to follow another)");
        }
        return;
    }
    const std::vector<std::string_view> rows = control_choice_labels(bpl::SettingId::row);
    if (!compact) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(control_label(ControlId::row));
        ImGui::SameLine();
    }
    for (int r = 0; r < d.count; ++r) {
        if (toggle(kRowNames[r], app.selected_row == r) && app.selected_row != r)
            apply_param(app, "row", std::to_string(r));
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("x = (%c, %c), target %g", kRowNames[r][0], kRowNames[r][1], d.point[r].target);
        ImGui::SameLine();
    }
    const std::string all(rows[d.count]);
    if (toggle(compact ? "all" : all.c_str(), app.selected_row < 0) && app.selected_row >= 0)
        apply_param(app, "row", "all");
}

void draw_toolbar(AppState& app, const DiagramRows& d, bool compact) {
    const std::vector<std::string_view> views = control_choice_labels(bpl::SettingId::view);
    draw_row_choice(app, d, compact);
    const std::string forward_label(views[0]), backward_label(views[1]);
    const char* forward = compact ? "a, w" : forward_label.c_str();
    const char* backward = compact ? "grad" : backward_label.c_str();
    ImGui::SameLine(0.0f, compact ? 8.0f : 20.0f);
    if (ImGui::GetContentRegionAvail().x < ImGui::CalcTextSize(forward).x + ImGui::CalcTextSize(backward).x + 40.0f)
        ImGui::NewLine();
    if (toggle(forward, !app.gradient_view) && app.gradient_view) apply_param(app, "view", "activations");
    same_line_if_fits(backward);
    if (toggle(backward, app.gradient_view) && !app.gradient_view) apply_param(app, "view", "gradients");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s",
                          viz::pick("Show ∂L/∂w on connections and δ on neurons, with the backward pass animated",
                                    "Show dL/dw on connections and delta on neurons, with the backward pass animated"));
}

// "point 17: x = (0.42, −0.13), target 1, ŷ = 0.873", and in gradient view whether its δ is shown.
void draw_cloud_caption(const AppState& app, const DiagramRows& d) {
    const viz::DataPoint& p = d.point[0];
    const char* minus = viz::pick("−", "-");
    char a[16], b[16], y[24];
    viz::signed_text(a, sizeof a, p.x0, 2, minus);
    viz::signed_text(b, sizeof b, p.x1, 2, minus);
    double out = d.probe[0].a[app.net.num_layers - 1][0];
    if (std::isfinite(out)) std::snprintf(y, sizeof y, " = %.3f", out);
    else std::snprintf(y, sizeof y, ": diverged");
    const char* set = p.train ? "" : "  (test)";
    if (!app.gradient_view)
        ImGui::TextDisabled("point %d: x = (%s, %s), target %g, %s%s%s", p.index, a, b, p.target, viz::pick("ŷ", "y^"),
                            y, set);
    else if (d.delta_row[0] >= 0)
        ImGui::TextDisabled("point %d: target %g, %s%s;  %s of this point from the last batch", p.index, p.target,
                            viz::pick("ŷ", "y^"), y, viz::pick("δ", "delta"));
    else
        ImGui::TextDisabled("point %d%s was not in the last batch: no %s to show (weights show %s)", p.index, set,
                            viz::pick("δ", "delta"), viz::pick("∂L/∂w", "dL/dw"));
}

void draw_caption(const AppState& app, const DiagramRows& rows) {
    if (rows.cloud) {
        draw_cloud_caption(app, rows);
        return;
    }
    const bpl::Network& net = app.net;
    int r = app.selected_row;
    if (r < 0 && app.gradient_view)
        ImGui::TextDisabled(
            "%s", viz::pick("All rows: each neuron's δ split like the input square:  01 | 11  over  00 | 10",
                            "All rows: each neuron's delta split like the input square: 01 | 11 over 00 | 10"));
    else if (r < 0)
        ImGui::TextDisabled("All rows: each neuron is split like the input square:  01 | 11  over  00 | 10");
    else if (!std::isfinite(rows.probe[r].a[net.num_layers - 1][0]))
        ImGui::TextDisabled("x = (%c, %c)   target %g   %s: diverged", kRowNames[r][0], kRowNames[r][1],
                            rows.point[r].target, viz::pick("ŷ", "y^"));
    else
        ImGui::TextDisabled("x = (%c, %c)   target %g   %s = %.3f", kRowNames[r][0], kRowNames[r][1],
                            rows.point[r].target, viz::pick("ŷ", "y^"), rows.probe[r].a[net.num_layers - 1][0]);
}

// ---- connections, neurons, labels ----------------------------------------------------------
void draw_connections(ImDrawList* dl, const AppState& app, const DiagramLayout& d, const Scales& s,
                      const DiagramHit& hit) {
    const bpl::Network& net = app.net;
    const std::vector<double>& values = app.gradient_view ? net.grads : net.params;
    double full = app.gradient_view ? s.g_max : s.w_max;
    float width_max = std::clamp(d.radius * 0.45f, 2.0f, 6.0f);
    // A few connections get ImGui's smooth adaptive curves; hundreds of them (deep, wide nets)
    // get 10 segments each and whole-pixel widths, which look the same at their size and cost a
    // fraction to build, upload and draw (a 4 x 16 net has 816).
    int connections = 0;
    for (int c = 1; c < d.columns; ++c) connections += d.units[c - 1] * d.units[c];
    const int segments = connections > 96 ? 10 : 0;
    for (int pass = 0; pass < 2; ++pass)   // weak connections first, strong ones on top
        for (int c = 1; c < d.columns; ++c)
            for (int j = 0; j < d.units[c]; ++j)
                for (int i = 0; i < d.units[c - 1]; ++i) {
                    double t = values[net.layers[c - 1].w + static_cast<size_t>(i) * d.units[c] + j] / full;
                    if (!s.finite || !std::isfinite(t)) t = NAN;
                    bool strong = std::fabs(t) >= 0.35;
                    if ((pass == 0) == strong) continue;
                    bool lit = hit.column == c && (hit.from_unit == i || hit.from_unit < 0) && hit.unit == j;
                    float alpha = std::isfinite(t) ? static_cast<float>(0.30 + 0.70 * std::sqrt(std::fabs(t))) : 0.4f;
                    float width = std::isfinite(t) ? 0.7f + width_max * static_cast<float>(std::fabs(t)) : 1.0f;
                    if (segments) width = std::max(1.0f, std::round(width));   // whole pixels: ImGui's
                    // anti-aliased line from its baked texture, half the vertices of a fractional one
                    ImVec2 p[4];
                    connection_curve(d, c, i, j, p);
                    if (lit)
                        dl->AddBezierCubic(p[0], p[1], p[2], p[3], ImGui::GetColorU32(ImGuiCol_Text), width + 3.0f,
                                           segments);
                    dl->AddBezierCubic(p[0], p[1], p[2], p[3], viz::diverging(0.15 + 0.85 * signed_sqrt(t), alpha),
                                       width, segments);
                }
}

// Four quadrant wedges (rows laid out as on the maps: x₁ across, x₂ up) or one fill.
void fill_neuron(ImDrawList* dl, ImVec2 c, float radius, int selected_row, const double (&t)[4]) {
    if (selected_row >= 0) {
        dl->AddCircleFilled(c, radius, viz::diverging(t[selected_row]));
        return;
    }
    const float pi = 3.14159265f;
    const int quadrant_row[4] = {3, 2, 0, 1};   // from −90°: top-right 11, bottom-right 10, bottom-left 00, top-left 01
    for (int q = 0; q < 4; ++q) {
        float a0 = -0.5f * pi + q * 0.5f * pi;
        dl->PathLineTo(c);
        dl->PathArcTo(c, radius, a0, a0 + 0.5f * pi);
        dl->PathFillConvex(viz::diverging(t[quadrant_row[q]]));
    }
    ImU32 split = theme::with_alpha(ui_color().neuron_edge, 120);
    dl->AddLine(ImVec2(c.x - radius, c.y), ImVec2(c.x + radius, c.y), split);
    dl->AddLine(ImVec2(c.x, c.y - radius), ImVec2(c.x, c.y + radius), split);
}

void draw_bias(ImDrawList* dl, const AppState& app, const DiagramLayout& d, const Scales& s, int c, int u) {
    size_t b = app.net.layers[c - 1].b + u;
    double t = app.gradient_view ? signed_sqrt(app.net.grads[b] / s.g_max) : signed_sqrt(app.net.params[b] / s.w_max);
    if (!s.finite) t = NAN;
    float k = std::max(d.radius * 0.28f, 2.5f);
    ImVec2 m = bias_marker_pos(d, c, u);
    dl->AddRectFilled(ImVec2(m.x - k - 1, m.y - k - 1), ImVec2(m.x + k + 1, m.y + k + 1), ui_color().neuron_edge, 2.0f);
    dl->AddRectFilled(ImVec2(m.x - k, m.y - k), ImVec2(m.x + k, m.y + k), viz::diverging(t), 1.5f);
}

void draw_neurons(ImDrawList* dl, const AppState& app, const DiagramLayout& d, const Scales& s, const DiagramRows& rows,
                  const DiagramHit& hit, bool linked) {
    ImU32 ring = ui_color().neuron_edge, ink = ImGui::GetColorU32(ImGuiCol_Text);
    const int shown = rows.selected;   // the entry whose values fill the neurons (-1: all four rows)
    for (int c = 0; c < d.columns; ++c)
        for (int u = 0; u < d.units[c]; ++u) {
            double t[4] = {0.0, 0.0, 0.0, 0.0};
            for (int r = 0; r < rows.count; ++r) t[r] = s.finite ? neuron_value(app, s, rows, c, u, r) : NAN;
            ImVec2 p = d.pos[c][u];
            bool lit = (hit.column == c && hit.unit == u && hit.from_unit < 0) ||
                       (linked && app.hover.layer == c - 1 && app.hover.unit == u);
            dl->AddCircleFilled(p, d.radius + 1.5f, ring);
            if (lit) dl->AddCircle(p, d.radius + 4.5f, ink, 0, 2.0f);
            if (c == 0 && app.gradient_view) dl->AddCircleFilled(p, d.radius, ImGui::GetColorU32(ImGuiCol_FrameBg));
            else fill_neuron(dl, p, d.radius, shown, t);
            if (c > 0) draw_bias(dl, app, d, s, c, u);
            if (shown >= 0 && d.radius >= 14.0f && !app.gradient_view && s.finite) {
                // Black or white, whichever reads on this neuron's fill.
                ImU32 value_ink = theme::ink_on(viz::diverging(t[shown]));
                char text[16];
                double a = c == 0 ? input_of(rows.point[shown], u) : rows.probe[shown].a[c - 1][u];
                std::snprintf(text, sizeof text, c == 0 && !rows.cloud ? "%.0f" : "%.2f", a);
                ImVec2 size = ImGui::CalcTextSize(text);
                float font = std::min(ImGui::GetFontSize(), d.radius * 0.85f);
                size.x *= font / ImGui::GetFontSize();
                dl->AddText(nullptr, font, ImVec2(p.x - size.x * 0.5f, p.y - font * 0.5f), value_ink, text);
            }
        }
}

void draw_labels(ImDrawList* dl, const AppState& app, const DiagramLayout& d) {
    ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text), faint = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    float line_h = ImGui::GetTextLineHeight();
    char name[32];
    for (int u = 0; u < bpl::kInputs; ++u) {
        viz::unit_label(name, sizeof name, -1, u, app.net.num_layers);
        ImVec2 p = d.pos[0][u];
        dl->AddText(ImVec2(p.x - d.radius - 4.0f - ImGui::CalcTextSize(name).x, p.y - line_h * 0.5f), ink, name);
    }
    for (int c = 1; c < d.columns; ++c) {
        bool output = c == d.columns - 1;
        if (output) viz::unit_label(name, sizeof name, c - 1, 0, app.net.num_layers);
        else
            std::snprintf(name, sizeof name, "%s",
                          viz::pick(c == 1   ? "h¹"
                                    : c == 2 ? "h²"
                                    : c == 3 ? "h³"
                                             : "h⁴",
                                    "h"));
        if (name[1] == '\0' && !output) std::snprintf(name, sizeof name, "h%d", c);
        ImVec2 top = d.pos[c][0];
        ImVec2 size = ImGui::CalcTextSize(name);
        dl->AddText(ImVec2(top.x - size.x * 0.5f, top.y - d.radius - line_h - 3.0f), output ? ink : faint, name);
    }
}

void draw_loss_node(ImDrawList* dl, const AppState& app, const DiagramLayout& d, bool lit, float glow) {
    ImVec2 from = d.pos[d.columns - 1][0];
    ImVec2 lo(d.loss_pos.x - d.loss_half.x, d.loss_pos.y - d.loss_half.y);
    ImVec2 hi(d.loss_pos.x + d.loss_half.x, d.loss_pos.y + d.loss_half.y);
    dl->AddLine(ImVec2(from.x + d.radius + 2.0f, from.y), ImVec2(lo.x, from.y),
                ImGui::GetColorU32(ImGuiCol_TextDisabled), 1.5f);
    ImU32 fill = ImGui::GetColorU32(ImGuiCol_FrameBg);
    dl->AddRectFilled(lo, hi, fill, 4.0f);
    if (glow > 0.0f) dl->AddRect(lo, hi, ImGui::GetColorU32(ImGuiCol_Text, glow), 4.0f, 0, 1.0f + 3.0f * glow);
    dl->AddRect(lo, hi, lit ? ImGui::GetColorU32(ImGuiCol_Text) : ImGui::GetColorU32(ImGuiCol_Border), 4.0f, 0,
                lit ? 2.0f : 1.0f);
    char text[32];
    double loss = app.net.epoch_loss;
    if (app.net.epoch == 0) std::snprintf(text, sizeof text, "L");
    else if (std::isfinite(loss)) std::snprintf(text, sizeof text, "L %.2g", loss);
    else std::snprintf(text, sizeof text, "L ?");
    if (ImGui::CalcTextSize(text).x > d.loss_half.x * 2.0f - 6.0f)
        std::snprintf(text, sizeof text, "L");   // value in the tooltip
    ImVec2 size = ImGui::CalcTextSize(text);
    dl->AddText(ImVec2(d.loss_pos.x - size.x * 0.5f, d.loss_pos.y - size.y * 0.5f), ImGui::GetColorU32(ImGuiCol_Text),
                text);
}

// ---- backward pulses -------------------------------------------------------------------------
double pulse_duration(const bpl::Network& net) { return kPulseStage * (net.num_layers + 1) + 0.4; }

// Restarts the pulse after a training step: at once when paused (single steps), else when
// the previous pulse has finished, so a running net shows a steady stream of passes.
void update_pulse(AppState& app, double now) {
    bool stepped = app.net.epoch != app.backprop_pulse_epoch;
    bool finished = now - app.backprop_pulse_time > pulse_duration(app.net);
    if (stepped && (finished || !app.running)) {
        app.backprop_pulse_time = now;
        app.backprop_pulse_epoch = app.net.epoch;
        guest_animate_for(app, pulse_duration(app.net));   // drawn to the end, also when paused
    }
}

void draw_pulses(ImDrawList* dl, const AppState& app, const DiagramLayout& d, const Scales& s, double t) {
    const bpl::Network& net = app.net;
    if (!s.finite || t < 0.0 || t > pulse_duration(net)) return;
    for (int c = d.columns - 1; c >= 1; --c) {
        double stage = net.num_layers + 1 - c;   // stage 0 is the loss -> ŷ hop
        double p = (t - stage * kPulseStage) / kPulseStage;
        if (p < 0.0 || p > 1.0) continue;
        float fade = static_cast<float>(std::min(1.0, std::min(p, 1.0 - p) * 6.0 + 0.2));
        for (int j = 0; j < d.units[c]; ++j)
            for (int i = 0; i < d.units[c - 1]; ++i) {
                double g = net.grads[net.layers[c - 1].w + static_cast<size_t>(i) * d.units[c] + j] / s.g_max;
                ImVec2 q[4];
                connection_curve(d, c, i, j, q);
                ImVec2 at = ImBezierCubicCalc(q[0], q[1], q[2], q[3], static_cast<float>(1.0 - p));
                float size = 1.5f +
                             std::clamp(d.radius * 0.3f, 1.5f, 4.0f) * static_cast<float>(std::sqrt(std::fabs(g)));
                dl->AddCircleFilled(at, size + 1.0f,
                                    theme::with_alpha(ui_color().neuron_edge, static_cast<int>(200 * fade)));
                dl->AddCircleFilled(at, size, viz::diverging(g >= 0.0 ? 1.0 : -1.0, fade));
            }
    }
    double p = t / kPulseStage;   // loss -> ŷ
    if (p <= 1.0) {
        ImVec2 a = d.pos[d.columns - 1][0];
        ImVec2 at(
            d.loss_pos.x - d.loss_half.x + static_cast<float>(p) * (a.x + d.radius - d.loss_pos.x + d.loss_half.x),
            a.y);
        dl->AddCircleFilled(at, 5.0f, ImGui::GetColorU32(ImGuiCol_Text));
    }
}

// Rings on the neurons whose δ the pulse has just reached.
void draw_delta_arrivals(ImDrawList* dl, const DiagramLayout& d, int num_layers, double t) {
    for (int c = d.columns - 1; c >= 1; --c) {
        double since = t - (num_layers + 1 - c) * kPulseStage;
        if (since < 0.0 || since > 0.5) continue;
        float k = static_cast<float>(1.0 - since / 0.5);
        for (int u = 0; u < d.units[c]; ++u)
            dl->AddCircle(d.pos[c][u], d.radius + 3.0f + 5.0f * (1.0f - k),
                          (ImGui::GetColorU32(ImGuiCol_Text) & 0x00FFFFFF) | (static_cast<ImU32>(160 * k) << 24), 0,
                          2.0f);
    }
}

// ---- legend ------------------------------------------------------------------------------------
void draw_legend(ImDrawList* dl, const AppState& app, const Scales& s, ImVec2 at, float width) {
    ImU32 faint = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    float bar_w = std::min(120.0f, width * 0.2f), line_h = ImGui::GetTextLineHeight(), half = bar_w * 0.5f;
    ImVec2 bar(at.x, at.y + line_h * 0.5f - 4.0f);
    ImU32 orange = viz::diverging(-1.0), grey = viz::diverging(0.0), blue = viz::diverging(1.0);
    dl->AddRectFilledMultiColor(bar, ImVec2(bar.x + half, bar.y + 8.0f), orange, grey, grey, orange);
    dl->AddRectFilledMultiColor(ImVec2(bar.x + half, bar.y), ImVec2(bar.x + bar_w, bar.y + 8.0f), grey, blue, blue,
                                grey);
    double full = app.gradient_view ? s.g_max : s.w_max;
    char text[160];
    const char* meanings[3] = {
        // longest first; the first that fits is shown
        app.gradient_view
            ? viz::pick("∂L/∂w: colour = sign, width = size   δ on neurons", "dL/dw: colour = sign, width = size")
            : "weight: colour = sign, width = |w|   fill = activation",
        app.gradient_view ? viz::pick("∂L/∂w: colour = sign, width = size", "dL/dw: sign and size")
                          : "weight: colour = sign, width = |w|",
        app.gradient_view ? viz::pick("∂L/∂w", "dL/dw") : "w"};
    for (const char* meaning : meanings) {
        std::snprintf(text, sizeof text, app.gradient_view ? "%s%.2g  0  +%.2g   %s" : "%s%.2f  0  +%.2f   %s",
                      viz::pick("−", "-"), full, full, meaning);
        if (bar_w + 6.0f + ImGui::CalcTextSize(text).x <= width) break;
    }
    float x = bar.x + bar_w + 6.0f;
    if (!s.finite) std::snprintf(text, sizeof text, "diverged: no finite weights to show");
    ImGui::PushClipRect(ImVec2(at.x, at.y), ImVec2(at.x + width, at.y + line_h), true);
    dl->AddText(ImVec2(x, at.y), faint, text);
    ImGui::PopClipRect();
}

void draw_diverged(ImDrawList* dl, const DiagramLayout& d) {
    const char* text = "Diverged: the weights are no longer finite. Reset or lower the learning rate.";
    ImVec2 size = ImGui::CalcTextSize(text, nullptr, false, d.max.x - d.min.x - 20.0f);
    ImVec2 c((d.min.x + d.max.x) * 0.5f, (d.min.y + d.max.y) * 0.5f);
    ImVec2 lo(c.x - size.x * 0.5f - 8.0f, c.y - size.y * 0.5f - 6.0f),
        hi(c.x + size.x * 0.5f + 8.0f, c.y + size.y * 0.5f + 6.0f);
    dl->AddRectFilled(lo, hi, ui_color().alert_bg, 4.0f);
    dl->AddText(nullptr, 0.0f, ImVec2(lo.x + 8.0f, lo.y + 6.0f), ui_color().on_alert, text, nullptr,
                d.max.x - d.min.x - 20.0f);
}

}   // namespace

// ---- the panel ------------------------------------------------------------------------------------
void draw_network_panel(AppState& app) {
    if (app.net.num_layers == 0) {
        ImGui::TextDisabled("(no network)");
        return;
    }
    bool compact = ImGui::GetContentRegionAvail().x < 420.0f;
    DiagramRows rows;
    diagram_rows(app, rows);
    draw_toolbar(app, rows, compact);
    if (!compact || rows.cloud) draw_caption(app, rows);
    Scales s = make_scales(app.net, rows);
    ImVec2 min = ImGui::GetCursorScreenPos(), avail = ImGui::GetContentRegionAvail();
    float line_h = ImGui::GetTextLineHeight(), legend_h = line_h + ImGui::GetStyle().ItemSpacing.y;
    ImVec2 max(min.x + avail.x, min.y + std::max(avail.y - legend_h, 40.0f));
    DiagramLayout d = make_layout(app.net, ImVec2(min.x, min.y + line_h + 2.0f), max, compact ? 40.0f : 96.0f);
    ImGui::InvisibleButton("network_diagram", ImVec2(avail.x, max.y - min.y));
    DiagramHit hit = ImGui::IsItemHovered() ? diagram_hit_test(d, ImGui::GetIO().MousePos) : DiagramHit{};
    bool linked = hit.column < 0 && !hit.loss && app.hover.unit >= 0 && app.hover.from_unit < 0 &&
                  ImGui::GetFrameCount() - app.hover_frame <= 1;
    double now = ImGui::GetTime();
    const bool pulses = app.gradient_view && !guest_reduced_motion(app);   // reduced motion: none
    if (pulses) update_pulse(app, now);
    double t = pulses ? now - app.backprop_pulse_time : -1.0;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    draw_connections(dl, app, d, s, hit);
    if (pulses) draw_pulses(dl, app, d, s, t);
    draw_neurons(dl, app, d, s, rows, hit, linked);
    if (app.gradient_view && s.finite) draw_delta_arrivals(dl, d, app.net.num_layers, t);
    draw_labels(dl, app, d);
    draw_loss_node(dl, app, d, hit.loss,
                   app.gradient_view && t >= 0.0 && t < 0.3 ? static_cast<float>(1.0 - t / 0.3) : 0.0f);
    if (!s.finite) draw_diverged(dl, d);
    draw_network_phase_overlay(app, d);   // Step-through mode: what the last phase touched
    draw_legend(dl, app, s, ImVec2(min.x, max.y + ImGui::GetStyle().ItemSpacing.y), avail.x);
    ImGui::Dummy(ImVec2(avail.x, line_h));
    if (hit.column >= 0) {
        app.hover = HoverInfo{hit.column == 0 ? -2 : hit.column - 1, hit.unit, hit.from_unit};
        app.hover_frame = ImGui::GetFrameCount();
    }
    if (s.finite) diagram_tooltip(app, hit, rows);
}

// Step-through highlights over the network diagram (see network_phase_overlay.hpp). Values come
// from the Network; labels ease from the value before the phase to the new one over 300 ms.
#include "network_phase_overlay.hpp"
#include <algorithm>
#include <cmath>
#include <cstdio>
#include "session.hpp"
#include "formula_view.hpp"
#include "imgui_internal.h"   // ImBezierCubicCalc
#include "learn.hpp"
#include "ui_theme.hpp"

namespace {

// Signals in the accent blue, δ in reddish purple (Okabe–Ito): rings, flows and cues in these,
// labels in the shades that read as text (accent, backward_ink, bad_text).
ImU32 forward_color() { return ui_color().accent; }
ImU32 backward_color() { return ui_color().backward; }
ImU32 backward_ink() { return ui_color().backward_ink; }

struct Overlay {
    const AppState& app;
    const DiagramLayout& d;
    ImDrawList* dl;
    int row;
    float ease;
    double now;
};

double eased(const Overlay& o, const std::vector<double>& prev, const std::vector<double>& cur, size_t i) {
    if (prev.size() != cur.size() || !std::isfinite(prev[i])) return cur[i];
    return prev[i] + (cur[i] - prev[i]) * o.ease;
}

void label(const Overlay& o, ImVec2 at, const char* text, ImU32 ink, float alpha = 1.0f) {
    float size = 13.0f;
    ImFont* font = ImGui::GetFont();
    ImVec2 ts = font->CalcTextSizeA(size, 1e9f, 0.0f, text);
    ImVec2 lo(at.x - ts.x * 0.5f - 3, at.y - ts.y * 0.5f - 1), hi(at.x + ts.x * 0.5f + 3, at.y + ts.y * 0.5f + 1);
    o.dl->AddRectFilled(lo, hi, theme::with_alpha(ui_color().panel_bg, static_cast<int>(225 * alpha)), 3.0f);
    o.dl->AddRect(lo, hi, (ink & 0x00FFFFFF) | (static_cast<ImU32>(160 * alpha) << 24), 3.0f);
    o.dl->AddText(font, size, ImVec2(lo.x + 3, lo.y + 1), (ink & 0x00FFFFFF) | (static_cast<ImU32>(255 * alpha) << 24),
                  text);
}

void value_text(char* buf, size_t n, const char* name, double v) {
    std::snprintf(buf, n, "%s%s%.3g", name, v < 0 ? "−" : "", std::fabs(v));
}

// Two significant digits, short: 0.0030, 0.41, 1.3e−5.
void short_text(char* buf, size_t n, double v) {
    double m = std::fabs(v);
    const char* sign = v < 0 ? "−" : "+";
    if (m == 0.0 || !std::isfinite(v)) {
        std::snprintf(buf, n, "%g", v);
        return;
    }
    int e = static_cast<int>(std::floor(std::log10(m)));
    if (e >= -3) std::snprintf(buf, n, "%s%.*f", sign, std::max(0, 1 - e), m);
    else std::snprintf(buf, n, "%s%.1fe%s%d", sign, m / std::pow(10.0, e), "−", -e);
}

// Highlights connections into column c and moves dots along them (forward or backward).
void flow(const Overlay& o, int c, ImU32 col, bool backward) {
    float phase = static_cast<float>(std::fmod(o.now * 0.9, 1.0));
    for (int j = 0; j < o.d.units[c]; ++j)
        for (int i = 0; i < o.d.units[c - 1]; ++i) {
            ImVec2 p[4];
            connection_curve(o.d, c, i, j, p);
            o.dl->AddBezierCubic(p[0], p[1], p[2], p[3], (col & 0x00FFFFFF) | 0x50000000u, 4.0f);
            float t = backward ? 1.0f - phase : phase;
            ImVec2 at = ImBezierCubicCalc(p[0], p[1], p[2], p[3], t);
            o.dl->AddCircleFilled(at, 4.0f, col);
            o.dl->AddCircle(at, 4.0f, ui_color().point_ring, 0, 1.0f);
        }
}

void ring(const Overlay& o, int c, int u, ImU32 col) {
    o.dl->AddCircle(o.d.pos[c][u], o.d.radius + 4.0f, col, 0, 3.0f);
}

// Labels under every neuron of engine layer l: name + value (z, or δ) for the focus row.
void unit_labels(const Overlay& o, int l, const std::vector<double>& prev, const std::vector<double>& cur,
                 const char* name, ImU32 ring_col, ImU32 ink) {
    const bpl::LayerShape& s = o.app.net.layers[l];
    for (int u = 0; u < s.fan_out; ++u) {
        size_t i = s.unit + static_cast<size_t>(o.row) * s.fan_out + u;
        char text[48];
        value_text(text, sizeof text, name, eased(o, prev, cur, i));
        ImVec2 p = o.d.pos[l + 1][u];
        ring(o, l + 1, u, ring_col);
        bool room_below = p.y + o.d.radius + 22.0f < o.d.max.y;   // else lower right, clear of the legend
        label(o,
              room_below ? ImVec2(p.x, p.y + o.d.radius + 13.0f)
                         : ImVec2(p.x + o.d.radius + 34.0f, p.y + o.d.radius * 0.6f),
              text, ink);
    }
}

struct ConnLabel {
    int c, i, j;
    double v;
    bool focus;
};

bool overlaps(const ImVec4& a, const ImVec4& b) { return a.x < b.z && b.x < a.z && a.y < b.w && b.y < a.w; }

// Every connection drawn again with its value as the cue (colour = sign, width = size), so the
// whole layer's change reads at a glance even where no number is written.
void connection_cue(const Overlay& o, const std::vector<double>& values, float alpha) {
    const bpl::Network& net = o.app.net;
    double max_abs = 0.0;
    for (int l = 0; l < net.num_layers; ++l)
        for (int k = 0; k < net.layers[l].fan_in * net.layers[l].fan_out; ++k)
            max_abs = std::max(max_abs, std::fabs(values[net.layers[l].w + k]));
    if (!(max_abs > 0.0) || !std::isfinite(max_abs)) return;
    for (int c = 1; c < o.d.columns; ++c)
        for (int j = 0; j < o.d.units[c]; ++j)
            for (int i = 0; i < o.d.units[c - 1]; ++i) {
                double v = values[net.layers[c - 1].w + static_cast<size_t>(i) * o.d.units[c] + j];
                float f = static_cast<float>(std::fabs(v) / max_abs);
                ImU32 col = ((v < 0 ? ui_color().bad : forward_color()) & 0x00FFFFFF) |
                            (static_cast<ImU32>((70 + 150 * f) * alpha) << 24);
                ImVec2 p[4];
                connection_curve(o.d, c, i, j, p);
                o.dl->AddBezierCubic(p[0], p[1], p[2], p[3], col, 1.0f + 5.0f * f);
            }
}

// Numbers (∂L/∂w or Δw) on a few connections only: those of the hovered/selected neuron or
// connection first, then the largest; each placed along its curve where it overlaps no other
// label, neuron or the loss box, else left out (the tooltip and the tables have them all).
void connection_labels(const Overlay& o, const std::vector<double>& values, float alpha) {
    const bpl::Network& net = o.app.net;
    const LearnFocus& f = o.app.learn.focus;
    std::vector<ConnLabel> all;
    for (int c = 1; c < o.d.columns; ++c)
        for (int j = 0; j < o.d.units[c]; ++j)
            for (int i = 0; i < o.d.units[c - 1]; ++i) {
                double v = values[net.layers[c - 1].w + static_cast<size_t>(i) * o.d.units[c] + j];
                bool into = f.layer == c - 1 && f.unit == j && (f.from_unit < 0 || f.from_unit == i);
                bool out_of = f.from_unit < 0 && f.layer == c - 2 && f.unit == i;
                all.push_back({c, i, j, v, into || out_of});
            }
    std::stable_sort(all.begin(), all.end(), [](const ConnLabel& a, const ConnLabel& b) {
        return a.focus != b.focus ? a.focus : std::fabs(a.v) > std::fabs(b.v);
    });
    std::vector<ImVec4> taken;
    for (int c = 0; c < o.d.columns; ++c)
        for (int u = 0; u < o.d.units[c]; ++u) {
            ImVec2 p = o.d.pos[c][u];
            float r = o.d.radius + 2.0f;
            taken.push_back(ImVec4(p.x - r, p.y - r, p.x + r, p.y + r));
        }
    taken.push_back(ImVec4(o.d.loss_pos.x - o.d.loss_half.x, o.d.loss_pos.y - o.d.loss_half.y,
                           o.d.loss_pos.x + o.d.loss_half.x, o.d.loss_pos.y + o.d.loss_half.y));
    const size_t fixed = taken.size();
    ImFont* font = ImGui::GetFont();
    static const float kAlong[] = {0.5f, 0.35f, 0.65f, 0.25f, 0.75f, 0.42f, 0.58f};
    int placed_other = 0;
    for (const ConnLabel& cl : all) {
        if (!cl.focus && (placed_other >= 4 || taken.size() - fixed >= 8)) break;
        char text[48];
        short_text(text, sizeof text, cl.v);
        ImVec2 ts = font->CalcTextSizeA(13.0f, 1e9f, 0.0f, text);
        ImVec2 p[4];
        connection_curve(o.d, cl.c, cl.i, cl.j, p);
        for (float t : kAlong) {
            ImVec2 at = ImBezierCubicCalc(p[0], p[1], p[2], p[3], t);
            ImVec4 r(at.x - ts.x * 0.5f - 4, at.y - ts.y * 0.5f - 2, at.x + ts.x * 0.5f + 4, at.y + ts.y * 0.5f + 2);
            if (std::any_of(taken.begin(), taken.end(), [&](const ImVec4& q) { return overlaps(r, q); })) continue;
            taken.push_back(r);
            label(o, at, text, cl.v < 0 ? ui_color().bad_text : ui_color().accent, alpha);
            placed_other += cl.focus ? 0 : 1;
            break;
        }
    }
}

void loss_marks(const Overlay& o, bool backward) {
    ImVec2 out = o.d.pos[o.d.columns - 1][0];
    ImVec2 lo(o.d.loss_pos.x - o.d.loss_half.x, o.d.loss_pos.y - o.d.loss_half.y);
    ImVec2 hi(o.d.loss_pos.x + o.d.loss_half.x, o.d.loss_pos.y + o.d.loss_half.y);
    ImU32 col = backward ? backward_color() : forward_color();
    o.dl->AddRect(ImVec2(lo.x - 3, lo.y - 3), ImVec2(hi.x + 3, hi.y + 3), col, 6.0f, 0, 3.0f);
    float phase = static_cast<float>(std::fmod(o.now * 0.9, 1.0));
    float t = backward ? 1.0f - phase : phase;
    o.dl->AddCircleFilled(ImVec2(out.x + o.d.radius + t * (lo.x - out.x - o.d.radius), out.y), 4.0f, col);
}

// Bottom right of the diagram (clear of the neurons): which phase this is, what its labels show.
void phase_banner(const Overlay& o, const PhaseView& v) {
    static const char* const shows[] = {"labels: z",         "label: ℓ of the row", "label: δ = ∂L/∂z",
                                        "labels: δ = ∂L/∂z", "labels: ∂L/∂w",       "labels: Δw"};
    std::string layer = v.phase.layer >= 0 && v.phase.kind != bpl::PhaseKind::output_delta
                          ? (v.phase.layer == o.app.net.num_layers - 1 ? " ŷ" : " h" + formula_sup(v.phase.layer + 1))
                          : "";
    std::string first = "Step " + std::to_string(v.index + 1) + "/" + std::to_string(v.count) + ": " +
                        bpl::phase_name(v.phase.kind) + layer;
    const char* second = shows[static_cast<int>(v.phase.kind)];
    float line = ImGui::GetTextLineHeight();
    float w = std::max(ImGui::CalcTextSize(first.c_str()).x, ImGui::CalcTextSize(second).x) + 14.0f;
    ImVec2 hi(o.d.max.x, o.d.max.y), lo(hi.x - w, hi.y - 2.0f * line - 8.0f);
    bool back = v.phase.kind != bpl::PhaseKind::forward && v.phase.kind != bpl::PhaseKind::loss &&
                v.phase.kind != bpl::PhaseKind::update;
    o.dl->AddRectFilled(lo, hi, back ? backward_ink() : ui_color().accent, 7.0f);
    o.dl->AddText(ImVec2(lo.x + 7.0f, lo.y + 4.0f), ui_color().on_accent, first.c_str());
    o.dl->AddText(ImVec2(lo.x + 7.0f, lo.y + 4.0f + line), ui_color().on_accent, second);
}

}   // namespace

void draw_network_phase_overlay(AppState& app, const DiagramLayout& d) {
    const bpl::Network& net = app.net;
    PhaseView v = learn_phase_view(net);
    if (!app.learn.active || !v.ran || net.diverged || d.columns != net.num_layers + 1) return;
    const LearnState& s = app.learn;
    Overlay o{app, d, ImGui::GetWindowDrawList(), learn_focus_row(app, v), learn_ease(app), session_now(app)};
    int l = v.phase.layer;
    char text[48];
    switch (v.phase.kind) {
        case bpl::PhaseKind::forward:
            flow(o, l + 1, forward_color(), false);
            unit_labels(o, l, s.prev_z, net.z, "z ", forward_color(), ui_color().accent);
            break;
        case bpl::PhaseKind::loss:
            loss_marks(o, false);
            value_text(text, sizeof text, "ℓ ", net.sample_loss[o.row]);
            label(o, ImVec2(d.loss_pos.x, d.loss_pos.y + d.loss_half.y + 13.0f), text, ui_color().accent);
            break;
        case bpl::PhaseKind::output_delta:
            loss_marks(o, true);
            unit_labels(o, l, s.prev_delta, net.delta, "δ ", backward_color(), backward_ink());
            break;
        case bpl::PhaseKind::hidden_delta:
            flow(o, l + 2, backward_color(), true);
            unit_labels(o, l, s.prev_delta, net.delta, "δ ", backward_color(), backward_ink());
            break;
        case bpl::PhaseKind::gradients:
            for (int c = 1; c < d.columns; ++c) flow(o, c, backward_color(), true);
            connection_labels(o, net.grads, 1.0f);
            break;
        case bpl::PhaseKind::update:
            connection_cue(o, net.last_step, std::max(o.ease, 0.15f));
            connection_labels(o, net.last_step, std::max(o.ease, 0.15f));
            break;
    }
    phase_banner(o, v);
}

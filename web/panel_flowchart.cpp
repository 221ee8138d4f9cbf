// The learning loop as a flowchart (1 Forward pass → 2 Loss → 3 Backpropagation → 4 Update →
// 5 Repeat, and back), the phase that ran last lit, with the phase transport above it. Clicking
// a box finishes the epoch in progress and runs the next one up to that box.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include "app.hpp"
#include "formula_view.hpp"
#include "imgui_internal.h"   // ImBezierCubicCalc
#include "learn.hpp"
#include "panels.hpp"
#include "ui_theme.hpp"

namespace {

constexpr ImU32 kLitFill = IM_COL32(0, 114, 178, 38);
constexpr ImU32 kBoxBorder = IM_COL32(170, 180, 194, 255);

struct Pill { std::string text; bool lit; };
struct Box { ImVec2 lo, hi; const char* title; std::vector<Pill> pills; bool lit; };

int box_of(bpl::PhaseKind kind) {
    switch (kind) {
        case bpl::PhaseKind::forward: return 0;
        case bpl::PhaseKind::loss: return 1;
        case bpl::PhaseKind::output_delta:
        case bpl::PhaseKind::hidden_delta:
        case bpl::PhaseKind::gradients: return 2;
        case bpl::PhaseKind::update: return 3;
    }
    return 0;
}

// The phases inside each box, as small pills; the one that ran last is lit.
std::vector<Pill> pills_of(const bpl::Network& net, const PhaseView& v, int box) {
    std::vector<Pill> out;
    for (int i = 0; i < v.count; ++i) {
        bpl::Phase p = bpl::phase_at(net, i);
        if (box_of(p.kind) != box) continue;
        bool lit = v.ran && v.index == i;
        std::string sup = formula_sup(p.layer + 1);
        switch (p.kind) {
            case bpl::PhaseKind::forward: out.push_back({p.layer == net.num_layers - 1 ? "ŷ" : "h" + sup, lit}); break;
            case bpl::PhaseKind::loss: out.push_back({"L", lit}); break;
            case bpl::PhaseKind::output_delta: out.push_back({"δ out", lit}); break;
            case bpl::PhaseKind::hidden_delta: out.push_back({"δ" + sup, lit}); break;
            case bpl::PhaseKind::gradients: out.push_back({"∂W ∂b", lit}); break;
            case bpl::PhaseKind::update: out.push_back({"W −= η·∂W", lit}); break;
        }
    }
    return out;
}

void draw_box(ImDrawList* dl, const Box& b) {
    dl->AddRectFilled(b.lo, b.hi, b.lit ? kLitFill : IM_COL32_WHITE, 6.0f);
    dl->AddRect(b.lo, b.hi, b.lit ? ui_color::accent : kBoxBorder, 6.0f, 0, b.lit ? 2.5f : 1.0f);
    ImVec2 t(b.lo.x + 8.0f, b.lo.y + 6.0f);
    ImGui::PushFont(g_fonts.bold);
    dl->PushClipRect(b.lo, b.hi, true);
    dl->AddText(t, ui_color::text, b.title);
    ImGui::PopFont();
    float x = t.x, y = t.y + ImGui::GetTextLineHeight() + 6.0f;
    for (const Pill& p : b.pills) {
        ImVec2 size = ImGui::CalcTextSize(p.text.c_str());
        if (x + size.x + 12.0f > b.hi.x - 4.0f && x > t.x) { x = t.x; y += size.y + 8.0f; }
        ImVec2 lo(x, y), hi(x + size.x + 12.0f, y + size.y + 4.0f);
        dl->AddRectFilled(lo, hi, p.lit ? ui_color::accent : IM_COL32(228, 233, 240, 255), 9.0f);
        dl->AddText(ImVec2(x + 6.0f, y + 2.0f), p.lit ? IM_COL32_WHITE : ui_color::text_dim, p.text.c_str());
        x = hi.x + 5.0f;
    }
    dl->PopClipRect();
}

void arrow(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 col, float thick = 1.8f) {
    dl->AddLine(a, b, col, thick);
    ImVec2 d(b.x - a.x, b.y - a.y);
    float len = std::sqrt(d.x * d.x + d.y * d.y);
    if (len < 1.0f) return;
    d = ImVec2(d.x / len, d.y / len);
    ImVec2 n(-d.y, d.x);
    dl->AddTriangleFilled(b, ImVec2(b.x - d.x * 9 + n.x * 5, b.y - d.y * 9 + n.y * 5),
                          ImVec2(b.x - d.x * 9 - n.x * 5, b.y - d.y * 9 - n.y * 5), col);
}

float box_need(const Box& b) {
    ImGui::PushFont(g_fonts.bold);
    float w = ImGui::CalcTextSize(b.title).x;
    ImGui::PopFont();
    float pills = 0.0f;
    for (const Pill& p : b.pills) pills += ImGui::CalcTextSize(p.text.c_str()).x + 17.0f;
    return std::max(w, pills) + 18.0f;
}

// Five boxes on two rows: 1 2 3 across the top (each as wide as it needs, spare room shared),
// 4 under 2-3, 5 under 1; the loop goes 5 → 1.
void layout_boxes(Box (&boxes)[5], ImVec2 o, float w, float h) {
    float gap_x = 20.0f, gap_y = std::min(30.0f, h * 0.2f);
    float need[3], total = 0.0f;
    for (int i = 0; i < 3; ++i) total += need[i] = box_need(boxes[i]);
    float spare = (w - 2 * gap_x - total) / 3.0f, scale = spare < 0 ? (w - 2 * gap_x) / total : 1.0f;
    float bh = (h - gap_y) / 2.0f, x = o.x;
    for (int i = 0; i < 3; ++i) {
        float bw = spare < 0 ? need[i] * scale : need[i] + spare;
        boxes[i].lo = ImVec2(x, o.y);
        boxes[i].hi = ImVec2(x + bw, o.y + bh);
        x += bw + gap_x;
    }
    boxes[4].lo = ImVec2(o.x, o.y + bh + gap_y);
    boxes[4].hi = ImVec2(boxes[0].hi.x, boxes[4].lo.y + bh);
    boxes[3].lo = ImVec2(boxes[1].lo.x, boxes[4].lo.y);
    boxes[3].hi = ImVec2(boxes[2].hi.x, boxes[4].hi.y);
}

void draw_arrows(ImDrawList* dl, const Box (&b)[5], bool looping) {
    ImU32 col = IM_COL32(110, 120, 136, 255);
    for (int i = 0; i < 2; ++i) {
        float y = (b[i].lo.y + b[i].hi.y) * 0.5f;
        arrow(dl, ImVec2(b[i].hi.x + 3, y), ImVec2(b[i + 1].lo.x - 3, y), col);
    }
    float x3 = std::max((b[2].lo.x + b[2].hi.x) * 0.5f, b[3].lo.x + 20.0f);
    arrow(dl, ImVec2(x3, b[2].hi.y + 3), ImVec2(x3, b[3].lo.y - 3), col);
    float y4 = (b[3].lo.y + b[3].hi.y) * 0.5f;
    arrow(dl, ImVec2(b[3].lo.x - 3, y4), ImVec2(b[4].hi.x + 3, y4), col);
    float x1 = b[0].lo.x + 18.0f;
    ImU32 loop = looping ? ui_color::accent : col;
    arrow(dl, ImVec2(x1, b[4].lo.y - 3), ImVec2(x1, b[0].hi.y + 3), loop, looping ? 3.0f : 1.8f);
    dl->AddText(ImVec2(x1 + 8, (b[0].hi.y + b[4].lo.y) * 0.5f - ImGui::GetTextLineHeight() * 0.5f), loop, "next epoch");
}

void draw_transport(AppState& app) {
    LearnState& s = app.learn;
    const char* play = app.running ? (s.play_phases ? "❚❚ Pause" : "❚❚ Pause (epochs)") : (s.play_phases ? "▶ Play phases" : "▶ Play epochs");
    if (ImGui::Button(play)) app_set_running(app, !app.running);
    ImGui::SameLine();
    if (ImGui::Button("Step phase  ( . )")) learn_step_phases(app, 1);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Run the next phase of backprop only (. key)");
    ImGui::SameLine();
    if (ImGui::Button("Step epoch  (→)")) app_step(app, 1);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Finish the epoch in progress (→ key); stepping and epochs never get out of step");
    ImGui::Checkbox("Slow motion", &s.play_phases);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Play runs one phase at a time at this pace (off: whole epochs)");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(std::min(180.0f, ImGui::GetContentRegionAvail().x));
    ImGui::BeginDisabled(!s.play_phases);
    ImGui::SliderFloat("##pace", &s.seconds_per_phase, 0.1f, 3.0f, "%.1f s / phase", ImGuiSliderFlags_AlwaysClamp);
    ImGui::EndDisabled();
}

void draw_status(const AppState& app, const PhaseView& v) {
    const bpl::Network& net = app.net;
    char text[200];
    std::string next = learn_phase_title(net, bpl::phase_at(net, net.phase));
    if (!v.ran) std::snprintf(text, sizeof text, "Epoch 0: nothing run yet.  Next: %s.", next.c_str());
    else if (v.epoch_done) std::snprintf(text, sizeof text, "Epoch %lld done.  Next: epoch %lld, %s.", v.epoch, v.epoch + 1, next.c_str());
    else std::snprintf(text, sizeof text, "Epoch %lld, step %d of %d done.  Next: %s.", v.epoch, v.index + 1, v.count, next.c_str());
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
}

}  // namespace

void draw_flowchart_panel(AppState& app) {
    draw_transport(app);
    PhaseView v = learn_phase_view(app.net);
    draw_status(app, v);
    ImVec2 o = ImGui::GetCursorScreenPos(), avail = ImGui::GetContentRegionAvail();
    float h = std::max(avail.y - 4.0f, 120.0f);
    static const char* const titles[5] = {"1 Forward pass", "2 Loss", "3 Backpropagation", "4 Gradient-descent update", "5 Repeat"};
    Box boxes[5];
    int lit = v.ran ? box_of(v.phase.kind) : -1;
    for (int i = 0; i < 5; ++i) {
        boxes[i].title = titles[i];
        boxes[i].lit = i == lit || (i == 4 && v.epoch_done);
        if (i < 4) boxes[i].pills = pills_of(app.net, v, i);
        else boxes[i].pills = {{"done: " + std::to_string(app.net.epoch), false}};
    }
    layout_boxes(boxes, ImVec2(o.x + 2.0f, o.y + 2.0f), avail.x - 4.0f, h - 4.0f);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    draw_arrows(dl, boxes, v.epoch_done);
    for (int i = 0; i < 5; ++i) {
        draw_box(dl, boxes[i]);
        ImGui::SetCursorScreenPos(boxes[i].lo);
        ImGui::PushID(i);
        if (ImGui::InvisibleButton("box", ImVec2(boxes[i].hi.x - boxes[i].lo.x, boxes[i].hi.y - boxes[i].lo.y)))
            learn_jump_to_box(app, i);
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip(i == 4 ? "Click: finish this epoch (or run one more)" : "Click: finish this epoch, then run the next one up to this step");
        ImGui::PopID();
    }
    ImGui::SetCursorScreenPos(ImVec2(o.x, o.y + h));
}

// The learning loop as a flowchart (1 Forward pass → 2 Loss → 3 Backpropagation → 4 Update →
// 5 Repeat, and back), the phase that ran last lit, with the phase transport above it. Clicking
// a box finishes the epoch in progress and runs the next one up to that box.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include "control_names.hpp"
#include "session.hpp"
#include "formula_view.hpp"
#include "imgui_internal.h"   // ImBezierCubicCalc
#include "learn.hpp"
#include "panels.hpp"
#include "ui_theme.hpp"

namespace {

struct Pill {
    std::string text;
    bool lit;
};
struct Box {
    ImVec2 lo, hi;
    const char* title;
    const char* short_title;
    std::vector<Pill> pills;
    bool lit;
};

constexpr float kPad = 8.0f, kPillPad = 10.0f, kPillGap = 4.0f, kPillRowGap = 4.0f;

float title_width(const char* title) {
    ImGui::PushFont(g_fonts.bold);
    float w = ImGui::CalcTextSize(title).x;
    ImGui::PopFont();
    return w;
}

// The title that fits the box: the full one ("1 Forward pass") if it does, else the short one.
const char* title_to_show(const Box& b) {
    return title_width(b.title) + 2 * kPad <= b.hi.x - b.lo.x ? b.title : b.short_title;
}

// Lays the pills out in rows from the box's left edge (wrapping inside `inner_w`); calls
// place(lo, hi, pill) for each and returns the height the rows take.
template <class Place>
float lay_pills(const Box& b, float inner_w, Place place) {
    float x = 0.0f, y = 0.0f, row_h = ImGui::GetTextLineHeight() + 4.0f;
    for (const Pill& p : b.pills) {
        float pw = ImGui::CalcTextSize(p.text.c_str()).x + kPillPad;
        if (x > 0.0f && x + pw > inner_w) {
            x = 0.0f;
            y += row_h + kPillRowGap;
        }
        place(ImVec2(x, y), ImVec2(x + pw, y + row_h), p);
        x += pw + kPillGap;
    }
    return b.pills.empty() ? 0.0f : y + row_h;
}

float box_height_for(const Box& b, float width) {
    float pills = lay_pills(b, width - 2 * kPad, [](ImVec2, ImVec2, const Pill&) {});
    return 6.0f + ImGui::GetTextLineHeight() + 6.0f + pills + 7.0f;
}

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
    dl->AddRectFilled(b.lo, b.hi, b.lit ? ui_color().lit_fill : ui_color().panel_bg, 6.0f);
    dl->AddRect(b.lo, b.hi, b.lit ? ui_color().accent : ui_color().box_border, 6.0f, 0, b.lit ? 2.5f : 1.0f);
    ImVec2 t(b.lo.x + kPad, b.lo.y + 6.0f);
    dl->PushClipRect(b.lo, b.hi, true);
    ImGui::PushFont(g_fonts.bold);
    dl->AddText(t, ui_color().text, title_to_show(b));
    ImGui::PopFont();
    ImVec2 o(t.x, t.y + ImGui::GetTextLineHeight() + 6.0f);
    lay_pills(b, b.hi.x - b.lo.x - 2 * kPad, [&](ImVec2 lo, ImVec2 hi, const Pill& p) {
        lo = ImVec2(o.x + lo.x, o.y + lo.y), hi = ImVec2(o.x + hi.x, o.y + hi.y);
        dl->AddRectFilled(lo, hi, p.lit ? ui_color().accent : ui_color().pill_bg, 9.0f);
        dl->AddText(ImVec2(lo.x + kPillPad * 0.5f, lo.y + 2.0f), p.lit ? ui_color().on_accent : ui_color().text_dim,
                    p.text.c_str());
    });
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

// Widths of a box in three sizes: full title and pills on one row; short title, pills on one
// row; short title, pills wrapped (as narrow as the widest pill).
struct Need {
    float full, one_row, narrow;
};

Need box_need(const Box& b, const Box* under) {
    float pills = 0.0f, widest = 0.0f;
    for (const Pill& p : b.pills) {
        float pw = ImGui::CalcTextSize(p.text.c_str()).x + kPillPad;
        pills += pw + kPillGap;
        widest = std::max(widest, pw);
    }
    float base = under ? std::max(title_width(under->short_title),
                                  ImGui::CalcTextSize(under->pills[0].text.c_str()).x + kPillPad)
                       : 0.0f;
    float s = std::max(title_width(b.short_title), base);
    return {std::max({title_width(b.title), pills, base}) + 2 * kPad, std::max(s, pills) + 2 * kPad,
            std::max(s, widest) + 2 * kPad};
}

// Shares `avail` between boxes wanting between lo[i] and hi[i]: each gets lo plus the same
// fraction of its (hi − lo); false when even lo does not fit.
bool share(const float (&lo)[3], const float (&hi)[3], float avail, float (&out)[3]) {
    float sum_lo = lo[0] + lo[1] + lo[2], sum_hi = hi[0] + hi[1] + hi[2];
    if (sum_lo > avail) return false;
    float f = sum_hi > sum_lo ? std::min(1.0f, (avail - sum_lo) / (sum_hi - sum_lo)) : 1.0f;
    float spare = std::max(0.0f, avail - sum_hi) / 3.0f;
    for (int i = 0; i < 3; ++i) out[i] = lo[i] + (hi[i] - lo[i]) * f + (f >= 1.0f ? spare : 0.0f);
    return true;
}

// Five boxes on two rows: 1 2 3 across the top (each as wide as it needs, spare room shared;
// short titles and wrapped pills when room is tight), 4 under 2-3, 5 under 1; the loop goes 5 → 1.
void layout_boxes(Box (&boxes)[5], ImVec2 o, float w, float h) {
    float gap_x = 20.0f, avail = w - 2 * gap_x;
    float full[3], one_row[3], narrow[3], bw[3];
    for (int i = 0; i < 3; ++i) {
        Need n = box_need(boxes[i], i == 0 ? &boxes[4] : nullptr);
        full[i] = n.full, one_row[i] = n.one_row, narrow[i] = n.narrow;
    }
    if (!share(one_row, full, avail, bw) && !share(narrow, one_row, avail, bw))
        for (int i = 0; i < 3; ++i) bw[i] = narrow[i] * avail / (narrow[0] + narrow[1] + narrow[2]);
    float top = 0.0f, x = o.x;
    for (int i = 0; i < 3; ++i) top = std::max(top, box_height_for(boxes[i], bw[i]));
    float gap_y = std::clamp(h - top - box_height_for(boxes[4], bw[0]), 16.0f, 30.0f);
    top = std::max(top, (h - gap_y) * 0.5f);
    for (int i = 0; i < 3; ++i) {
        boxes[i].lo = ImVec2(x, o.y);
        boxes[i].hi = ImVec2(x + bw[i], o.y + top);
        x += bw[i] + gap_x;
    }
    float bottom = std::max(o.y + h, boxes[0].hi.y + gap_y + box_height_for(boxes[4], bw[0]));
    boxes[4].lo = ImVec2(o.x, boxes[0].hi.y + gap_y);
    boxes[4].hi = ImVec2(boxes[0].hi.x, bottom);
    boxes[3].lo = ImVec2(boxes[1].lo.x, boxes[4].lo.y);
    boxes[3].hi = ImVec2(boxes[2].hi.x, boxes[4].hi.y);
}

void draw_arrows(ImDrawList* dl, const Box (&b)[5], bool looping) {
    ImU32 col = ui_color().text_dim;
    for (int i = 0; i < 2; ++i) {
        float y = (b[i].lo.y + b[i].hi.y) * 0.5f;
        arrow(dl, ImVec2(b[i].hi.x + 3, y), ImVec2(b[i + 1].lo.x - 3, y), col);
    }
    float x3 = std::max((b[2].lo.x + b[2].hi.x) * 0.5f, b[3].lo.x + 20.0f);
    arrow(dl, ImVec2(x3, b[2].hi.y + 3), ImVec2(x3, b[3].lo.y - 3), col);
    float y4 = (b[3].lo.y + b[3].hi.y) * 0.5f;
    arrow(dl, ImVec2(b[3].lo.x - 3, y4), ImVec2(b[4].hi.x + 3, y4), col);
    float x1 = b[0].lo.x + 18.0f;
    ImU32 loop = looping ? ui_color().accent : col;
    arrow(dl, ImVec2(x1, b[4].lo.y - 3), ImVec2(x1, b[0].hi.y + 3), loop, looping ? 3.0f : 1.8f);
    dl->AddText(ImVec2(x1 + 8, (b[0].hi.y + b[4].lo.y) * 0.5f - ImGui::GetTextLineHeight() * 0.5f), loop, "next epoch");
}

void draw_transport(AppState& app) {
    LearnState& s = app.learn;
    std::string play = app.running
                         ? std::string("❚❚ ") + control_label(ControlId::pause) + (s.play_phases ? "" : " (epochs)")
                         : std::string("▶ ") + control_label(ControlId::play) + (s.play_phases ? " phases" : " epochs");
    if (ImGui::Button(play.c_str())) session_set_running(app, !app.running);
    ImGui::SameLine();
    if (ImGui::Button(control_caption(ControlId::step_phase).c_str())) learn_step_phases(app, 1);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", control_name(ControlId::step_phase).help);
    ImGui::SameLine();
    if (ImGui::Button(control_caption(ControlId::step).c_str())) session_step(app, 1);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Finish the epoch in progress; stepping and epochs never get out of step");
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
    else if (v.epoch_done)
        std::snprintf(text, sizeof text, "Epoch %lld done.  Next: epoch %lld, %s.", v.epoch, v.epoch + 1, next.c_str());
    else
        std::snprintf(text, sizeof text, "Epoch %lld, step %d of %d done.  Next: %s.", v.epoch, v.index + 1, v.count,
                      next.c_str());
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
}

}   // namespace

void draw_flowchart_panel(AppState& app) {
    draw_transport(app);
    PhaseView v = learn_phase_view(app.net);
    draw_status(app, v);
    ImVec2 o = ImGui::GetCursorScreenPos(), avail = ImGui::GetContentRegionAvail();
    float h = std::max(avail.y - 4.0f, 120.0f);
    static const char* const titles[5] = {"1 Forward pass", "2 Loss", "3 Backpropagation", "4 Gradient-descent update",
                                          "5 Repeat"};
    static const char* const short_titles[5] = {"1 Forward", "2 Loss", "3 Backprop", "4 Update", "5 Repeat"};
    Box boxes[5];
    int lit = v.ran ? box_of(v.phase.kind) : -1;
    for (int i = 0; i < 5; ++i) {
        boxes[i].title = titles[i];
        boxes[i].short_title = short_titles[i];
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
            ImGui::SetTooltip(i == 4 ? "Click: finish this epoch (or run one more)"
                                     : "Click: finish this epoch, then run the next one up to this step");
        ImGui::PopID();
    }
    ImGui::SetCursorScreenPos(ImVec2(o.x, o.y + h));
}

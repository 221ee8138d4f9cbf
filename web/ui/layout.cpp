// Layout: places one ImGui window per panel, draws its heading, then calls the panel (which
// draws inside it). The full page and Step-through here; the stacked column for narrow screens in
// layout_stacked.cpp, the embed in layout_embed.cpp.
#include "layout.hpp"
#include <algorithm>
#include <cmath>
#include <cstdio>
#include "session.hpp"
#include "imgui_internal.h"   // a window's clip rectangle and content extent, for the layout report
#include "insight.hpp"
#include "layout_parts.hpp"
#include "layout_report.hpp"
#include "learn.hpp"
#include "panels.hpp"
#include "ui_theme.hpp"
#include "url_params.hpp"

const char* network_subtitle(const AppState& app) {
    return app.gradient_view
             ? "Backward pass: neurons show δ = ∂L/∂z, lines show ∂L/∂w (the push each weight gets)."
             : "Forward pass: neurons show their activation a; lines show weights (width = size, colour = sign).";
}

void panel_window(AppState& app, const char* id, const char* title, const char* subtitle, Rect r, PanelFn draw,
                  ImGuiWindowFlags extra, const char* report) {
    ImGui::SetNextWindowPos(ImVec2(r.x, r.y));
    ImGui::SetNextWindowSize(ImVec2(r.w, r.h));
    if (ImGui::Begin(id, nullptr, kPanelFlags | extra)) {
        if (title) ui_heading(title, subtitle);
        draw(app);
        if (report) report_current_window(report);
    }
    ImGui::End();
}

void report_current_window(const char* part) {
    const ImGuiWindow* w = ImGui::GetCurrentWindow();   // cut: contents went on below its bottom edge
    ImVec2 max(w->Pos.x + w->Size.x, w->Pos.y + w->Size.y);
    layout_report_rect(part, w->Pos, max, w->DC.CursorMaxPos.y > max.y - w->WindowBorderSize + 0.5f);
}

float decision_map_height(float content_w) {
    float side = content_w - 30.0f - (content_w > 220.0f ? 56.0f : 0.0f);
    return std::ceil(side + 10.0f + 22.0f + 2.0f);   // + 2: rounding of the text widths
}

void header_contents(bool compact, bool stacked) {
    ImGui::PushFont(g_fonts.title);
    ImGui::TextUnformatted("Backprop Lab");
    ImGui::PopFont();
    if (!stacked) {
        ImGui::SameLine(0, 14);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 4);
    }
    ImGui::PushStyleColor(ImGuiCol_Text, ui_color().text_dim);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(compact ? "A tiny neural network learning XOR, live."
                                   : "A tiny neural network learning XOR, live: the forward pass computes an output, "
                                     "backpropagation nudges every weight to shrink the loss.");
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
}

namespace {

constexpr float kGap = 8.0f;

void draw_header(AppState& app, float w, float h) {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(w, h));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
    if (ImGui::Begin("##header", nullptr, kPanelFlags | kFixedContent)) {
        ImGui::SetCursorPosY((h - ImGui::GetFontSize() * 22.0f / 16.0f) * 0.5f - 2);
        header_contents(w < 1560, false);   // short tagline: room for the mode switch
        char fps[48];
        std::snprintf(fps, sizeof fps, "%.0f fps · %.1f ms", app.fps, app.frame_ms);
        float tw = ImGui::CalcTextSize(fps).x;
        if (w >= 1300) {   // room for it beside the full tagline
            ImGui::SameLine(w - tw - 16);
            ImGui::TextDisabled("%s", fps);
        }
        draw_mode_switch(app, w >= 1300 ? w - tw - 32 : w - 12);
    }
    ImGui::End();
    ImGui::PopStyleVar();
}

}   // namespace

void draw_notices_overlay(AppState& app, ImVec2 anchor, float width, bool from_bottom) {
    if (app.notices.empty() && !app.net.diverged) return;
    ImGui::SetNextWindowPos(anchor, ImGuiCond_Always, ImVec2(0.5f, from_bottom ? 1.0f : 0.0f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, ImGui::GetIO().DisplaySize.y * 0.6f));
    bool only_info = !app.net.diverged;
    for (const Notice& n : app.notices) only_info = only_info && n.kind == NoticeKind::info;
    ImGui::PushStyleColor(ImGuiCol_Border, only_info ? ui_color().accent : ui_color().bad);
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                             ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove |
                             ImGuiWindowFlags_NoFocusOnAppearing;
    if (ImGui::Begin("##notices", nullptr, flags)) draw_notices(app);
    ImGui::End();
    ImGui::PopStyleColor();
}

namespace {

// ---- full page: controls | network over loss + neuron maps | decision map over predictions ----

void layout_full(AppState& app, float W, float H) {
    const float header = 56.0f;
    draw_header(app, W, header);
    float left = std::clamp(W * 0.24f, 300.0f, 360.0f);
    float right = std::clamp(W * 0.27f, 330.0f, 460.0f);
    float mid = W - left - right - 4 * kGap;
    float y0 = header + kGap, body = H - y0 - kGap;
    float xm = left + 2 * kGap, xr = xm + mid + kGap;
    float net_h = std::floor(body * 0.6f), low_h = body - net_h - kGap;
    float pred_h = std::min(250.0f, body * 0.4f), map_h = body - pred_h - kGap;

    panel_window(app, "##controls", "Controls", "Train the network and change how it learns.", {kGap, y0, left, body},
                 draw_controls_panel);
    panel_window(app, "##network", "Network", network_subtitle(app), {xm, y0, mid, net_h}, draw_network_panel,
                 kFixedContent);
    // Tabs (web/panel_insights.cpp): loss + hidden neurons | gradient sizes | gradient check | rewind | lessons
    panel_window(app, "##insights", nullptr, nullptr, {xm, y0 + net_h + kGap, mid, low_h}, draw_insights_area,
                 kFixedContent);
    panel_window(app, "##decision", "Decision map", "The output over the input square; the line marks 0.5.",
                 {xr, y0, right, map_h}, draw_decision_map_panel, kFixedContent);
    panel_window(app, "##predictions", "Predictions", nullptr, {xr, y0 + map_h + kGap, right, pred_h},
                 draw_predictions_panel);
    draw_notices_overlay(app, ImVec2(xm + mid * 0.5f, y0 + 6), std::min(mid, 620.0f), false);
}

// ---- Step through (learn=1): controls | network over the flowchart | formulas over the code ----

void layout_learn(AppState& app, float W, float H) {
    const float header = 56.0f;
    draw_header(app, W, header);
    float left = std::clamp(W * 0.22f, 290.0f, 340.0f);
    float mid = std::floor((W - left - 4 * kGap) * 0.46f), right = W - left - mid - 4 * kGap;
    float y0 = header + kGap, body = H - y0 - kGap;
    float xm = left + 2 * kGap, xr = xm + mid + kGap;
    float net_h = std::floor(body * 0.56f), formula_h = std::floor(body * 0.57f);   // room for two rows of tables
    panel_window(app, "##controls", "Controls", "Train the network and change how it learns.", {kGap, y0, left, body},
                 draw_controls_panel);
    // The base drawing's caption would contradict the step overlay (e.g. "Forward pass" during
    // the update), so step-through mode names what the overlay adds instead.
    panel_window(app, "##network", "Network",
                 "Each step marks what it computes on the diagram; the banner says which step it is.",
                 {xm, y0, mid, net_h}, draw_network_panel, kFixedContent);
    panel_window(app, "##flowchart", "The learning loop", "Click a box to run the next epoch up to that step.",
                 {xm, y0 + net_h + kGap, mid, body - net_h - kGap}, draw_flowchart_panel, kFixedContent);
    panel_window(app, "##formulas", "Formulas, with this step's numbers", nullptr, {xr, y0, right, formula_h},
                 draw_formulas_panel);
    panel_window(app, "##code", "The code", nullptr, {xr, y0 + formula_h + kGap, right, body - formula_h - kGap},
                 draw_code_panel, kFixedContent);
    draw_notices_overlay(app, ImVec2(xm + mid * 0.5f, y0 + 6), std::min(mid, 620.0f), false);
}

}   // namespace

void draw_layout(AppState& app) {
    ImVec2 size = ImGui::GetIO().DisplaySize;
    layout_report_begin("none");
    if (size.x < 8 || size.y < 8) return;   // hidden or 1×1 iframe: nothing useful to draw
    if (app.embed) {
        layout_embed(app, size.x, size.y);
    } else if (size.x >= 1000 && size.y >= 600) {
        layout_report_begin(app.learn.active ? "learn" : "full");
        (app.learn.active ? layout_learn : layout_full)(app, size.x, size.y);
    } else {
        layout_stacked(app, size.x, size.y);
    }
}

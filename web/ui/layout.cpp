// Layout: places one ImGui window per panel, draws its heading, then calls the panel (which
// draws inside it). Three arrangements: full page, stacked (narrow screens) and embed.
#include "layout.hpp"
#include <algorithm>
#include <cmath>
#include <cstdio>
#include "session.hpp"
#include "insight.hpp"
#include "learn.hpp"
#include "panels.hpp"
#include "ui_theme.hpp"
#include "url_params.hpp"

namespace {

constexpr ImGuiWindowFlags kPanelFlags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize |
                                         ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse |
                                         ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
constexpr ImGuiWindowFlags kFixedContent = ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse;
constexpr float kGap = 8.0f;

struct Rect {
    float x, y, w, h;
};

const char* network_subtitle(const AppState& app) {
    return app.gradient_view
             ? "Backward pass: neurons show δ = ∂L/∂z, lines show ∂L/∂w (the push each weight gets)."
             : "Forward pass: neurons show their activation a; lines show weights (width = size, colour = sign).";
}

using PanelFn = void (*)(AppState&);

void panel_window(AppState& app, const char* id, const char* title, const char* subtitle, Rect r, PanelFn draw,
                  ImGuiWindowFlags extra = 0) {
    ImGui::SetNextWindowPos(ImVec2(r.x, r.y));
    ImGui::SetNextWindowSize(ImVec2(r.w, r.h));
    if (ImGui::Begin(id, nullptr, kPanelFlags | extra)) {
        if (title) ui_heading(title, subtitle);
        draw(app);
    }
    ImGui::End();
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

// ---- stacked: one scrolling column for narrow screens (drag anywhere empty to scroll) ----------

// A section `h` tall; with `fit`, grown to what its contents needed last frame (ImGui 1.86
// children cannot size themselves). Panels that fill the space they get must not use `fit`.
void section(AppState& app, int index, const char* title, const char* subtitle, float h, PanelFn draw,
             bool fit = false) {
    static float needed[8] = {};
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(10, 8));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ui_color().panel_bg);
    ImGui::PushID(index);
    ImGui::BeginChild("section", ImVec2(0, fit ? std::max(h, needed[index]) : h), true,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_AlwaysUseWindowPadding);
    ui_heading(title, subtitle);
    draw(app);
    needed[index] = ImGui::GetCursorPosY() + 8;
    ImGui::EndChild();
    ImGui::PopID();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
}

void drag_to_scroll() {
    ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows) && ImGui::IsMouseDragging(ImGuiMouseButton_Left) &&
        !ImGui::IsAnyItemActive())
        ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);
}

void layout_stacked(AppState& app, float W, float H) {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(W, H));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ui_color().page_bg);
    if (ImGui::Begin("##stacked", nullptr, kPanelFlags)) {
        header_contents(true, true);
        float inner = ImGui::GetContentRegionAvail().x;
        section(app, 0, "Controls", nullptr, 400, draw_controls_panel, true);
        section(app, 1, "Network", network_subtitle(app), std::clamp(inner * 0.9f, 300.0f, 520.0f), draw_network_panel);
        section(app, 2, "Decision map", "The output over the input square; the line marks 0.5.",
                std::clamp(inner + 40, 300.0f, 560.0f), draw_decision_map_panel);
        section(app, 3, "Predictions", nullptr, 200, draw_predictions_panel, true);
        section(app, 4, "Loss", "How wrong the outputs are, over every epoch so far.", 260, draw_loss_panel);
        section(app, 5, "Hidden neurons", nullptr, 320, draw_neuron_maps_panel);
        section(app, 6, "Look closer", nullptr, 360, draw_insights_area);
        drag_to_scroll();
    }
    ImGui::End();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
    draw_notices_overlay(app, ImVec2(W * 0.5f, H - 8), W - 16, true);
}

// ---- embed: a toolbar, the network, the decision map and the loss -----------------------------

void embed_toolbar(AppState& app) {
    if (ImGui::Button(app.running ? "❚❚" : "▶", ImVec2(ImGui::GetFrameHeight() * 1.4f, 0)))
        session_set_running(app, !app.running);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip(app.running ? "Pause (space)" : "Play (space)");
    ImGui::SameLine();
    if (ImGui::Button("Step")) session_step(app, 1);
    ImGui::SameLine();
    if (ImGui::Button("↺")) session_reset(app);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Reset (r)");
    ImGui::SameLine();
    float link_w = ImGui::CalcTextSize("Backprop Lab ↗").x + 16;
    float slider_w = ImGui::GetContentRegionAvail().x - link_w - 8;
    float lr = static_cast<float>(app.config.lr);
    if (slider_w > 90) {
        ImGui::SetNextItemWidth(slider_w);
        if (ImGui::SliderFloat("##lr", &lr, 0.001f, 10.0f, "η = %.3g", ImGuiSliderFlags_Logarithmic)) {
            char buf[32];
            std::snprintf(buf, sizeof buf, "%.3g", static_cast<double>(lr));
            apply_param(app, "lr", buf);
        }
        ImGui::SameLine();
    }
    if (ImGui::Button("Backprop Lab ↗", ImVec2(link_w, 0))) {
        AppState full_page_view = app;
        full_page_view.embed = false;
        app.host->open_full_page(params_query(full_page_view));
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Open the full page in a new tab");
}

void layout_embed(AppState& app, float W, float H) {
    const float bar = 40.0f, g = 6.0f;
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(W, bar));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(6, 6));
    if (ImGui::Begin("##toolbar", nullptr, kPanelFlags | kFixedContent)) embed_toolbar(app);
    ImGui::End();
    float y0 = bar + g, body = H - y0 - g;
    float left = std::floor((W - 3 * g) * 0.58f), right = W - 3 * g - left;
    float map_h = std::floor(body * 0.62f);
    panel_window(app, "##network", nullptr, nullptr, {g, y0, left, body}, draw_network_panel, kFixedContent);
    panel_window(app, "##decision", nullptr, nullptr, {2 * g + left, y0, right, map_h}, draw_decision_map_panel,
                 kFixedContent);
    panel_window(app, "##loss", nullptr, nullptr, {2 * g + left, y0 + map_h + g, right, body - map_h - g},
                 draw_loss_panel, kFixedContent);
    ImGui::PopStyleVar(2);
    draw_notices_overlay(app, ImVec2(W * 0.5f, H - g), W - 2 * g, true);
}

}   // namespace

void draw_layout(AppState& app) {
    ImVec2 size = ImGui::GetIO().DisplaySize;
    if (size.x < 8 || size.y < 8) return;   // hidden or 1×1 iframe: nothing useful to draw
    if (app.embed) layout_embed(app, size.x, size.y);
    else if (size.x >= 1000 && size.y >= 600) (app.learn.active ? layout_learn : layout_full)(app, size.x, size.y);
    else layout_stacked(app, size.x, size.y);
}

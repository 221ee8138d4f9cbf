// The stacked layout for narrow screens (phones, narrow windows): one column that scrolls under a
// finger (drag_scroll.hpp) or the wheel. The first screen holds what a newcomer came for: the
// network training and its decision map, with play/pause, step, reset, the learning rate, the
// epoch and the loss. The settings, predictions, loss curve, hidden-neuron maps and the insight
// tabs follow below it.
#include <algorithm>
#include <cmath>
#include "drag_scroll.hpp"
#include "layout_parts.hpp"
#include "layout_report.hpp"
#include "panels.hpp"
#include "ui_theme.hpp"

namespace {

constexpr float kPad = 10.0f;               // the column's padding, left and right
constexpr float kInner = 10.0f;             // a section's padding, left and right
constexpr float kPeek = 22.0f;              // the next section shows this much under the first screen: there is more
constexpr float kSideBySideFrom = 600.0f;   // wider (tablets, phones held sideways): network beside its map
constexpr int kSections = 10;

struct Section {
    const char* title;
    const char* subtitle;
    PanelFn draw;
    const char* report;
};

// A bordered section `w` × `h` (w = 0: the column's width); with `fit`, grown to what its contents
// needed last frame (ImGui 1.86 children cannot size themselves). Panels that fill the space they
// get must not use `fit`.
void section(AppState& app, int index, const Section& s, float w, float h, bool fit = false) {
    static float needed[kSections] = {};
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(kInner, 8));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ui_color().panel_bg);
    ImGui::PushID(index);
    ImGui::BeginChild("section", ImVec2(w, fit ? std::max(h, needed[index]) : h), true,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_AlwaysUseWindowPadding);
    if (s.title) ui_heading(s.title, s.subtitle);
    s.draw(app);
    needed[index] = ImGui::GetCursorPosY() + 8;
    if (s.report) report_current_window(s.report);
    ImGui::EndChild();
    ImGui::PopID();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
}

void decision_map_reported(AppState& app) {
    draw_decision_map_panel(app);
    layout_report_item("map");   // the panel's last item is the map's square
}

// "Backprop Lab", and the tagline beside it when it fits.
void title_line(float width) {
    ImGui::PushFont(g_fonts.title);
    ImGui::TextUnformatted("Backprop Lab");
    ImGui::PopFont();
    const char* tagline = "a network learning XOR, live";
    ImGui::SameLine(0, 12);
    if (ImGui::GetCursorPosX() + ImGui::CalcTextSize(tagline).x > width - kPad) {
        ImGui::NewLine();
        return;
    }
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 4);
    ImGui::PushStyleColor(ImGuiCol_Text, ui_color().text_dim);
    ImGui::TextUnformatted(tagline);
    ImGui::PopStyleColor();
}

// The first screen: the controls, then the network and its map, sized so both fit above the fold.
void first_screen(AppState& app, float W, float H) {
    const Section transport{nullptr, nullptr, draw_touch_transport, "transport"};
    const Section network{"Network", nullptr, draw_network_panel, "network"};
    const Section decision{"Decision map", nullptr, decision_map_reported, "decision"};
    const float spacing = ImGui::GetStyle().ItemSpacing.y, heading = ImGui::GetTextLineHeight() + spacing;
    section(app, 0, transport, 0.0f, 0.0f, true);
    // What is left of the first screen for the network and the map, leaving a peek at what follows.
    float rest = H - ImGui::GetCursorPosY() - 2 * spacing - kPeek;
    float content_w = W - 2 * kPad - 2 * kInner;
    if (W >= kSideBySideFrom) {
        float map_w = std::floor((W - 2 * kPad - ImGui::GetStyle().ItemSpacing.x) * 0.42f);
        float row_h = std::max(rest + spacing + kPeek, decision_map_height(map_w - 2 * kInner) + heading + 16.0f);
        section(app, 1, network, W - 2 * kPad - map_w - ImGui::GetStyle().ItemSpacing.x, row_h);
        ImGui::SameLine();
        section(app, 2, decision, map_w, row_h);
        return;
    }
    // A square map as wide as the column, unless that leaves the network too little room.
    float map_h = decision_map_height(content_w) + heading + 16.0f;
    map_h = std::max(std::min(map_h, std::floor(rest * 0.52f)), 220.0f);
    float net_h = std::max(rest - map_h, 260.0f);
    section(app, 1, network, 0.0f, net_h);
    section(app, 2, decision, 0.0f, map_h);
}

}   // namespace

void layout_stacked(AppState& app, float W, float H) {
    layout_report_begin("stacked");
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(W, H));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(kPad, 8));
    ImGui::PushStyleVar(ImGuiStyleVar_ScrollbarSize, 4.0f);   // a thin bar: where you are, not a handle
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ui_color().page_bg);
    if (ImGui::Begin("##stacked", nullptr, kPanelFlags)) {
        title_line(W);
        first_screen(app, W, H);
        section(app, 3, {"Settings", "How the network learns, and its shape.", draw_settings_panel, "settings"}, 0, 0,
                true);
        section(app, 4, {"Predictions", nullptr, draw_predictions_panel, "predictions"}, 0, 200, true);
        section(app, 5, {"Loss", "How wrong the outputs are, over every epoch so far.", draw_loss_panel, "loss"}, 0,
                260);
        section(app, 6, {"Hidden neurons", nullptr, draw_neuron_maps_panel, "neurons"}, 0, 320);
        section(app, 7, {"Look closer", nullptr, draw_insights_area, "insights"}, 0, 360);
        drag_scroll(app);
        layout_report_scroll(ImGui::GetScrollY(), ImGui::GetScrollMaxY());
    }
    ImGui::End();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(3);
    draw_notices_overlay(app, ImVec2(W * 0.5f, H - 8), W - 16, true);
}

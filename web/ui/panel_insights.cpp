// The tabbed area under the network diagram: the loss curve with the hidden-neuron maps
// (the default), gradient sizes, the gradient check, rewind and the guided lessons.
#include <algorithm>
#include <cmath>
#include "insight.hpp"
#include "lessons.hpp"
#include "panels.hpp"
#include "ui_theme.hpp"

namespace {

using PanelFn = void (*)(AppState&);

// A bordered-less child `w` wide filling the height left, with a heading, holding one panel.
void titled_child(AppState& app, const char* id, const char* title, const char* subtitle, float w, PanelFn draw,
                  ImGuiWindowFlags flags = 0) {
    ImGui::BeginChild(id, ImVec2(w, 0), false, flags);
    if (title) ui_heading(title, subtitle);
    draw(app);
    ImGui::EndChild();
}

void loss_tab(AppState& app) {
    float w = ImGui::GetContentRegionAvail().x;
    float loss_w = std::floor(w * 0.56f);
    titled_child(app, "##loss_tab_loss", nullptr, nullptr, loss_w, draw_loss_panel,
                 ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::SameLine();
    titled_child(app, "##loss_tab_neurons", "Hidden neurons", nullptr, 0, draw_neuron_maps_panel);
}

ImGuiTabItemFlags select_if(AppState& app, InsightTab tab) {
    return app.insight.show_tab == tab ? ImGuiTabItemFlags_SetSelected : 0;
}

void tab(AppState& app, const char* label, InsightTab which, PanelFn draw, const char* tip) {
    bool open = ImGui::BeginTabItem(label, nullptr, select_if(app, which));
    if (tip && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tip);
    if (!open) return;
    ImGui::BeginChild("##tab_body", ImVec2(0, 0), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    draw(app);
    ImGui::EndChild();
    ImGui::EndTabItem();
}

}   // namespace

void draw_insights_area(AppState& app) {
    if (!ImGui::BeginTabBar("##insights", ImGuiTabBarFlags_FittingPolicyResizeDown)) return;
    tab(app, "Loss", InsightTab::loss, loss_tab, "The loss over the run and what each hidden neuron computes");
    tab(app, "Gradient sizes", InsightTab::grad_sizes, draw_grad_norms_panel,
        "How big ∂L/∂W is in each layer over the run: vanishing or saturating gradients show here");
    tab(app, "Gradient check", InsightTab::grad_check, draw_grad_check_panel,
        "Compare backprop's gradients with finite differences on the current weights");
    tab(app, "Rewind", InsightTab::rewind, draw_rewind_panel, "Go back to an earlier epoch and replay or branch");
    const char* lessons_label = active_lesson(app) ? "Lesson ●###lessons" : "Lessons###lessons";
    tab(app, lessons_label, InsightTab::lessons, draw_lessons_panel, "Short guided experiments");
    app.insight.show_tab = InsightTab::none;
    ImGui::EndTabBar();
}

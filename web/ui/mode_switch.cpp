// The header's mode switch: "Explore" | "Step through backprop" (lab/learn.cpp does the switching).
#include "control_names.hpp"
#include "imgui.h"
#include "learn.hpp"
#include "panels.hpp"
#include "ui_theme.hpp"

void draw_mode_switch(AppState& app, float right) {
    const ControlId modes[2] = {ControlId::explore, ControlId::step_through};
    const char* labels[2] = {control_label(modes[0]), control_label(modes[1])};
    float pad = ImGui::GetStyle().FramePadding.x * 2.0f;
    float w0 = ImGui::CalcTextSize(labels[0]).x + pad, w1 = ImGui::CalcTextSize(labels[1]).x + pad;
    ImGui::SameLine(right - w0 - w1 - ImGui::GetWindowPos().x);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 3.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));
    for (int i = 0; i < 2; ++i) {
        bool on = app.learn.active == (i == 1);
        if (i == 1) ImGui::SameLine();
        if (on ? ui_primary_button(labels[i]) : ImGui::Button(labels[i])) learn_set_active(app, i == 1);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", control_name(modes[i]).help);
    }
    ImGui::PopStyleVar();
}

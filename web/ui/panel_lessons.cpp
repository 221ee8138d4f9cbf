// Guided lessons: pick one (or open it by URL, lesson=<id>), read what it shows and what to
// try, and watch the loss beside the text.
#include <algorithm>
#include <cmath>
#include "session.hpp"
#include "insight.hpp"
#include "lessons.hpp"
#include "panels.hpp"
#include "ui_theme.hpp"

namespace {

void lesson_picker(AppState& app) {
    const Lesson* active = active_lesson(app);
    float restart_w = ImGui::CalcTextSize("↺ Restart lesson").x + ImGui::GetStyle().FramePadding.x * 2;
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - (active ? restart_w + 8 : 0));
    if (ImGui::BeginCombo("##lesson", active ? active->title : "Choose a lesson…")) {
        for (int i = 0; i < kLessonCount; ++i) {
            if (ImGui::Selectable(kLessons[i].title, active == &kLessons[i])) lesson_start(app, kLessons[i].id);
        }
        if (active && ImGui::Selectable("No lesson (keep these settings)")) lesson_start(app, "none");
        ImGui::EndCombo();
    }
    if (!active) return;
    ImGui::SameLine();
    if (ImGui::Button("↺ Restart lesson")) lesson_start(app, active->id);
}

void lesson_text(const Lesson& l) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(l.text);
    ImGui::Spacing();
    ImGui::PushFont(g_fonts.bold);
    ImGui::PushStyleColor(ImGuiCol_Text, ui_color().accent);
    ImGui::TextUnformatted("Try this");
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::TextUnformatted(l.action);
    ImGui::PopTextWrapPos();
}

void lesson_list() {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted("Short experiments on this network, each with settings that show one idea:");
    ImGui::PopTextWrapPos();
    for (int i = 0; i < kLessonCount; ++i) ImGui::BulletText("%s", kLessons[i].title);
}

}   // namespace

void draw_lessons_panel(AppState& app) {
    lesson_picker(app);
    const Lesson* active = active_lesson(app);
    float w = ImGui::GetContentRegionAvail().x;
    float text_w = active ? std::floor(w * 0.62f) : w;
    ImGui::BeginChild("##lesson_text", ImVec2(text_w, 0), false);
    if (active) lesson_text(*active);
    else lesson_list();
    ImGui::EndChild();
    if (!active) return;
    ImGui::SameLine();
    ImGui::BeginChild("##lesson_loss", ImVec2(0, 0), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    draw_loss_panel(app);
    ImGui::EndChild();
}

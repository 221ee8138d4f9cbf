// Keyboard shortcuts. ImGui 1.86 indexes keys by the backend's native codes (SDL scancodes).
#include "keyboard.hpp"
#include <SDL.h>
#include "session.hpp"
#include "learn.hpp"
#include "imgui.h"

void handle_shortcuts(AppState& app) {
    ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput || ImGui::IsAnyItemActive()) return;   // typing in a widget
    if (io.KeyCtrl || io.KeyAlt || io.KeySuper) return;         // leave browser shortcuts alone
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Space), false)) session_set_running(app, !app.running);
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow), true)) session_step(app, 1);
    if (ImGui::IsKeyPressed(SDL_SCANCODE_R, false)) session_reset(app);
    if (ImGui::IsKeyPressed(SDL_SCANCODE_PERIOD, true)) learn_step_phases(app, 1);   // one backprop phase
}

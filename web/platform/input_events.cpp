// Event pump with deferred key releases (see input_events.hpp).
#include "input_events.hpp"
#include <SDL.h>
#include "imgui.h"
#include "imgui_impl_sdl.h"

namespace {

constexpr int kMaxDeferred = 16;
SDL_Event g_deferred[kMaxDeferred];   // key releases held back from the previous batch
int g_deferred_count = 0;

}   // namespace

int pump_input_events() {
    SDL_Event held[kMaxDeferred];
    int held_count = g_deferred_count;
    for (int i = 0; i < held_count; ++i) held[i] = g_deferred[i];
    g_deferred_count = 0;
    for (int i = 0; i < held_count; ++i) ImGui_ImplSDL2_ProcessEvent(&held[i]);
    int count = held_count;

    bool pressed[SDL_NUM_SCANCODES] = {};   // pressed in this batch
    SDL_Event event;
    while (SDL_PollEvent(&event)) {
        ++count;
        if (event.type == SDL_KEYDOWN) pressed[event.key.keysym.scancode] = true;
        if (event.type == SDL_KEYUP && pressed[event.key.keysym.scancode] && g_deferred_count < kMaxDeferred) {
            g_deferred[g_deferred_count++] = event;
            continue;
        }
        ImGui_ImplSDL2_ProcessEvent(&event);
    }
    return count;
}

void track_mouse_without_focus(SDL_Window* window) {
    if (SDL_GetMouseFocus() != window || (SDL_GetWindowFlags(window) & SDL_WINDOW_INPUT_FOCUS)) return;
    int x = 0, y = 0;
    SDL_GetMouseState(&x, &y);
    ImGui::GetIO().MousePos = ImVec2(static_cast<float>(x), static_cast<float>(y));
}

// Event pump with deferred key releases, and the pointer ImGui sees (see input_events.hpp).
#include "input_events.hpp"
#include <SDL.h>
#include <cfloat>
#include "imgui.h"
#include "imgui_impl_sdl.h"

namespace {

constexpr int kMaxDeferred = 16;
SDL_Event g_deferred[kMaxDeferred];   // key releases held back from the previous batch
int g_deferred_count = 0;

// Touch: SDL turns the first finger into mouse events, and its mouse stays where the finger
// lifted, so ImGui would go on hovering there (a tooltip stuck on screen).
bool g_touch = false;          // the pointer is a finger (until a real mouse moves)
int g_fingers = 0;             // fingers down
int g_frames_since_lift = 0;   // frames drawn since ImGui last saw the button down

void note_pointer(const SDL_Event& event) {
    switch (event.type) {
        case SDL_FINGERDOWN:
            g_touch = true;
            ++g_fingers;
            break;
        case SDL_FINGERUP:
            if (g_fingers > 0) --g_fingers;
            break;
        case SDL_MOUSEMOTION:
            if (event.motion.which != SDL_TOUCH_MOUSEID) g_touch = false;
            break;
        case SDL_MOUSEBUTTONDOWN:
            if (event.button.which != SDL_TOUCH_MOUSEID) g_touch = false;
            break;
        default: break;
    }
}

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
        note_pointer(event);
        if (event.type == SDL_KEYDOWN) pressed[event.key.keysym.scancode] = true;
        if (event.type == SDL_KEYUP && pressed[event.key.keysym.scancode] && g_deferred_count < kMaxDeferred) {
            g_deferred[g_deferred_count++] = event;
            continue;
        }
        ImGui_ImplSDL2_ProcessEvent(&event);
    }
    return count;
}

void update_mouse_position(SDL_Window* window) {
    ImGuiIO& io = ImGui::GetIO();
    if (SDL_GetMouseFocus() == window && !(SDL_GetWindowFlags(window) & SDL_WINDOW_INPUT_FOCUS)) {
        int x = 0, y = 0;
        SDL_GetMouseState(&x, &y);
        io.MousePos = ImVec2(static_cast<float>(x), static_cast<float>(y));
    }
    if (!g_touch || g_fingers > 0 || io.MouseDown[0]) {
        g_frames_since_lift = 0;
        return;
    }
    // The frame after the lift still sees the finger where it was: ImGui clicks on release, over
    // the item pressed. From the next one on, the pointer is nowhere.
    if (++g_frames_since_lift >= 2) io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
}

// Backprop Lab's page: setup (SDL window with a WebGL2 context, Dear ImGui, the app state from
// the URL) and the frame loop (events, canvas size, training, layout, render). Nothing else.
#include <SDL.h>
#include <GLES3/gl3.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <algorithm>
#include "frame.hpp"
#include "frame_loop.hpp"
#include "guest.hpp"
#include "session.hpp"
#include "host.hpp"
#include "imgui.h"
#include "imgui_impl_sdl.h"
#include "imgui_renderer.hpp"
#include "input_events.hpp"
#include "js_api.hpp"
#include "keyboard.hpp"
#include "layout.hpp"
#include "map_renderer.hpp"
#include "panels.hpp"
#include "ui_theme.hpp"
#include "url_params.hpp"

namespace {

// Our code's share of a frame: events, training, the ImGui build and the GL submit together aim
// at 4 ms (a quarter of a 60 Hz frame, leaving the browser and the GPU the rest). Training gets
// what the rest of the frame leaves, never less than kMinTrainMs so it always moves forward.
constexpr double kFrameBudgetMs = 4.0;
constexpr double kMinTrainMs = 0.5;

AppState g_app;
double g_untrained_ms = 2.0;   // moving average of a frame's cost without its training
SDL_Window* g_window = nullptr;
double g_canvas_dpr = 0.0;   // device pixel ratio the canvas backing store was last sized for

// The canvas is sized by CSS (it fills its container): follow it, at the device pixel ratio.
// A zoom or a move to another screen changes the ratio without a resize event: SDL re-reads
// the ratio on SDL_SetWindowSize, even at the same size.
void follow_canvas_size(double css_w, double css_h) {
    int w = 0, h = 0;
    SDL_GetWindowSize(g_window, &w, &h);
    int want_w = css_w < 1 ? 1 : int(css_w), want_h = css_h < 1 ? 1 : int(css_h);
    double dpr = emscripten_get_device_pixel_ratio();
    if (want_w != w || want_h != h || dpr != g_canvas_dpr) {
        SDL_SetWindowSize(g_window, want_w, want_h);
        g_canvas_dpr = dpr;
    }
    if (ui_fonts_update(float(dpr))) imgui_renderer_reload_fonts();
}

// Notices expire and the address bar follows the settings, drawn or not (also while asleep).
void update_offscreen() {
    double now = session_now(g_app);
    session_expire_notices(g_app, now);
    if (g_app.url_dirty && now - g_app.url_updated_at >= kUrlUpdateSeconds) {
        host_replace_url(params_query(g_app));
        g_app.url_dirty = false;
        g_app.url_updated_at = now;
    }
}

EM_BOOL on_context_lost(int, const void*, void*) {
    g_app.gl_context_lost = true;
    session_notice(g_app, "The graphics context was lost; training goes on and drawing resumes when it returns.",
                   NoticeKind::warning, 0.0);
    return EM_TRUE;   // preventDefault: lets the browser restore the context
}

// Every GL object died with the context: both renderers make theirs again (deleting the dead
// names raises GL errors, which their init drains before checking for its own).
EM_BOOL on_context_restored(int, const void*, void*) {
    map_renderer_shutdown();
    ui_fonts_update(float(emscripten_get_device_pixel_ratio()));
    imgui_renderer_init();
    map_renderer_init();
    g_app.gl_context_lost = false;
    g_app.notices.clear();
    session_notice(g_app, "Graphics restored.", NoticeKind::info, 3.0);
    frame_loop_wake();
    return EM_TRUE;
}

void render_frame() {
    ui_theme_follow(g_app);
    ImGui_ImplSDL2_NewFrame();
    update_mouse_position(g_window);
    ImGui::NewFrame();
    handle_shortcuts(g_app);
    draw_layout(g_app);
    ImGui::Render();
    ImGuiIO& io = ImGui::GetIO();
    glViewport(0, 0, int(io.DisplaySize.x * io.DisplayFramebufferScale.x),
               int(io.DisplaySize.y * io.DisplayFramebufferScale.y));
    ImVec4 bg = ImGui::ColorConvertU32ToFloat4(ui_color().page_bg);
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    imgui_renderer_draw(ImGui::GetDrawData());
}

void frame() {
    double css_w = 0, css_h = 0;
    emscripten_get_element_css_size("#canvas", &css_w, &css_h);
    int ticks = 1;
    if (!frame_loop_begin(css_w, css_h, ticks)) return;   // asleep, or between two capped frames
    double start = emscripten_get_now();
    bool input = pump_input_events() > 0;
    follow_canvas_size(css_w, css_h);
    // Under the embed's frame cap one frame stands for `ticks` browser frames: it trains as many.
    g_app.frame_ticks = ticks;
    g_app.train_budget_ms = ticks * std::clamp(kFrameBudgetMs - g_untrained_ms, kMinTrainMs, kFrameBudgetMs);
    double train_start = emscripten_get_now();
    lab_frame(g_app);
    double train_ms = emscripten_get_now() - train_start;
    if (!g_app.gl_context_lost) render_frame();
    update_offscreen();
    double frame_ms = emscripten_get_now() - start;
    g_app.frame_ms = 0.9 * g_app.frame_ms + 0.1 * frame_ms;
    g_untrained_ms = 0.9 * g_untrained_ms + 0.1 * (frame_ms - train_ms);
    if (++g_app.frames_drawn == 1) host_frame_drawn();
    frame_loop_end(input || ImGui::GetIO().WantTextInput);   // a text field's cursor blinks
}

bool setup() {
    SDL_SetHint(SDL_HINT_EMSCRIPTEN_ASYNCIFY, "0");
    // Keys go to SDL (and the shortcuts) only while the canvas has focus: Tab and the arrows
    // keep working in the page's own controls (SDL prevents their default where it listens).
    SDL_SetHint(SDL_HINT_EMSCRIPTEN_KEYBOARD_ELEMENT, "#canvas");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) return false;
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
    SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);
    g_window = SDL_CreateWindow("Backprop Lab", SDL_WINDOWPOS_UNDEFINED, SDL_WINDOWPOS_UNDEFINED, 1280, 800,
                                SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    if (!g_window) return false;
    SDL_GLContext gl = SDL_GL_CreateContext(g_window);
    if (!gl) return false;
    SDL_GL_MakeCurrent(g_window, gl);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ui_apply_style();
    ui_fonts_update(float(emscripten_get_device_pixel_ratio()));
    ImGui_ImplSDL2_InitForOpenGL(g_window, gl);
    if (!imgui_renderer_init()) {
        SDL_SetError("%s", imgui_renderer_status());
        return false;
    }
    if (!map_renderer_init())
        session_notice(g_app, "The maps could not be drawn on this device.", NoticeKind::error, 0.0);
    emscripten_set_webglcontextlost_callback("#canvas", nullptr, EM_TRUE, on_context_lost);
    emscripten_set_webglcontextrestored_callback("#canvas", nullptr, EM_TRUE, on_context_restored);

    g_app.host = &page_session_host();
    session_init(g_app);
    js_api_attach(&g_app);
    host_guest_attach();   // reports the reader's theme and motion preferences, then visibility
    ParamResult from_url = apply_params(g_app, host_location_search());
    g_app.url_dirty = !from_url.notices.empty();   // tidy a bad link in the address bar
    guest_start(g_app);
    return true;
}

}   // namespace

int main() {
    if (!setup()) {
        EM_ASM({ if (window.__bplHost) window.__bplHost.fatal(UTF8ToString($0)); }, SDL_GetError());
        return 1;
    }
    frame_loop_start(g_app, frame, update_offscreen);
    host_started();   // backpropLab.ready: the API answers from now on, drawn or not
    return 0;
}

// Draws Dear ImGui's frames with WebGL2. Ours instead of ImGui's stock OpenGL3 backend, which
// backs up and restores the GL state around every frame with about twenty glGet* queries: in
// WebGL each is a synchronous round trip to the GPU process that waits for all queued drawing
// (92.6% of the page's main-thread time in a profile under software GL). This renderer reads
// nothing back: it sets every piece of state it draws with, and leaves the defaults the map
// renderer and main.cpp expect (scissor test off, no program, no VAO).
#pragma once
#include "imgui.h"

// Program, buffers and the font texture. False when the shaders fail; the reason is in
// imgui_renderer_status().
bool imgui_renderer_init();
// Deletes what init made (after a lost context these names are dead: GL errors, drained by init).
void imgui_renderer_shutdown();
// Uploads the font atlas again after it was rebuilt (a device pixel ratio change).
void imgui_renderer_reload_fonts();
void imgui_renderer_draw(const ImDrawData* data);
const char* imgui_renderer_status();

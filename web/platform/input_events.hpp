// Feeds SDL events to ImGui so that no key tap is lost when the frame rate is low, and the
// pointer's position: the mouse even when the page does not have keyboard focus, and a finger
// only while it touches.
#pragma once

struct SDL_Window;

// Polls every pending SDL event into ImGui's SDL backend. A key released in the same batch
// in which it was pressed keeps its release for the next frame, so ImGui sees it down for
// one frame (ImGui 1.86 latches mouse clicks this way but not keys). Returns how many events
// reached ImGui (0: nothing happened since the last frame).
int pump_input_events();

// Call after ImGui_ImplSDL2_NewFrame. ImGui 1.86's SDL backend reads the mouse position on
// Emscripten only while the window has keyboard focus, so an unfocused page or embed ignored
// hovering and lost a click shorter than a frame (seen with Playwright's clicks). While the
// pointer is over the canvas (SDL's mouse focus), its position is passed on regardless.
// A finger hovers nothing once lifted: from the second frame after the lift (the first one
// completes a tap's click) ImGui sees no pointer, so no tooltip or hover highlight stays behind.
void update_mouse_position(SDL_Window* window);

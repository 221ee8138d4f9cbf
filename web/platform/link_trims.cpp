// Download size: stand-ins for library code the page links but never runs. A definition here
// keeps the linker from pulling the library's object file (and everything it references).
// On the gzipped download: about 14 KB for the first, 33 KB for the rest.

extern "C" {

// The page calls WebGL functions directly and never looks one up by name. Emscripten's
// eglGetProcAddress holds a name -> function table of every GL entry point, which keeps all
// of their JS glue and WASM wrappers in the build (SDL references it when it loads EGL).
void* eglGetProcAddress(const char*) { return nullptr; }

// The page draws with WebGL only and never blits or RLE-encodes an SDL surface; SDL's video
// core references its software blitters (SDL_blit*.c, SDL_RLEaccel.c, ~100 KB of WASM) through
// its surface helpers. The stand-ins report "unsupported" as SDL's own code does.
int SDL_SetError(const char* fmt, ...);
int SDL_CalculateBlit(void*) { return SDL_SetError("surface blits are not built into this page"); }
int SDL_RLESurface(void*) { return -1; }
void SDL_UnRLESurface(void*, int) {}

// Dear ImGui's SDL backend opens a game controller only for gamepad navigation, which the page
// never enables (ImGuiConfigFlags_NavEnableGamepad), and this SDL has no joystick support to
// open one with. Without these, SDL's game-controller and joystick layers and their table of
// controller mappings are linked for nothing. The stand-ins answer as SDL does with no controller.
void* SDL_GameControllerOpen(int) { return nullptr; }
unsigned char SDL_GameControllerGetButton(void*, int) { return 0; }
short SDL_GameControllerGetAxis(void*, int) { return 0; }

}   // extern "C"

// The C++ side of window.backpropLab (web/bridge.js): exported functions that take and return
// JSON or URL-encoded text, all validated here the same way as the URL and the controls.
#pragma once
#include "app_state.hpp"

void js_bridge_attach(AppState* app);   // the one AppState the exported functions act on

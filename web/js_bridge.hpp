// The C++ side of window.backpropLab (web/bridge.js): exported functions that take and return
// JSON or URL-encoded text, all validated here the same way as the URL and the controls.
#pragma once
#include <string>
#include "app_state.hpp"

void js_bridge_attach(AppState* app);   // the one AppState the exported functions act on

// Keeps the text alive until the next call and returns it to JS (which copies it at once):
// the return path of every exported function that answers with JSON.
const char* js_bridge_return(std::string text);

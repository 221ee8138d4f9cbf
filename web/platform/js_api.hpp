// The C++ side of window.backpropLab (site/bridge.js): every exported function of the page, in
// web/platform/js_api.cpp, acting on one AppState. The answers are built in lab/api.cpp.
#pragma once
#include "app_state.hpp"

void js_api_attach(AppState* app);   // the one AppState the exported functions act on

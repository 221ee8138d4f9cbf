// Scrolling a window by dragging it, as a finger scrolls a phone's page: a vertical drag over the
// window scrolls it unless a widget that takes drags holds the press (a slider, a drag field, a
// text field, a scrollbar). A press that started on a button or a diagram becomes a scroll once it
// moves a few pixels up or down, and then clicks nothing. Let go while moving and the scroll runs
// on, slowing down (a fling); a new press stops it.
#pragma once
#include "app_state.hpp"

// Call inside the window, after its contents. Keeps frames coming while a fling runs.
void drag_scroll(AppState& app);

// Drag to scroll with a fling (drag_scroll.hpp). ImGui 1.86 has no touch scrolling of its own: this
// reads its active item to leave drags to the widgets that take them.
#include "drag_scroll.hpp"
#include <algorithm>
#include <cmath>
#include "guest.hpp"
#include "imgui_internal.h"   // the active item and its window, SetActiveID

namespace {

constexpr float kSlop = 8.0f;                 // px a press moves up or down before it becomes a scroll
constexpr float kFlingTimeConstant = 0.35f;   // s: the fling loses 63% of its speed in this time
constexpr float kMinFlingSpeed = 40.0f;       // px/s: slower than this, the fling stops
constexpr float kMaxFlingSpeed = 6000.0f;
constexpr float kStillAfter = 0.15f;    // s without movement before the lift: no fling (a 7 fps device still flings)
constexpr float kMaxFrameTime = 0.1f;   // s: the longest step a fling takes in one frame

struct DragState {
    bool pressed = false;         // the press started over this window
    bool scrolling = false;       // ... and became a scroll
    float velocity = 0.0f;        // px/s of the scroll position (positive: the content moves up)
    double last_move_at = -1.0;   // ImGui time of the frame that last saw the finger move (or press)
};

// A slider, drag field or text field (they claim the arrow keys while active), or a scrollbar.
// Clicking a window's empty space activates its move handle, which claims them too: not a widget.
bool widget_takes_drag() {
    const ImGuiContext& g = *GImGui;
    ImGuiWindow* w = g.ActiveIdWindow;
    if (g.ActiveId == 0 || !w || g.ActiveId == w->MoveId) return false;
    return g.ActiveIdUsingNavDirMask != 0 || g.ActiveId == ImGui::GetWindowScrollbarID(w, ImGuiAxis_X) ||
           g.ActiveId == ImGui::GetWindowScrollbarID(w, ImGuiAxis_Y);
}

void scroll_by(ImGuiWindow* window, float dy) {
    ImGui::SetScrollY(window, std::clamp(window->Scroll.y + dy, 0.0f, window->ScrollMax.y));
}

// Follows the finger: scrolls by its move `dy` this frame and keeps its speed over the last moves
// (time between the frames that saw it move: a busy device draws unevenly, the finger moves on).
void follow(DragState& s, ImGuiWindow* window, float dy, double now) {
    scroll_by(window, dy);
    if (dy == 0.0f) return;
    double since = now - s.last_move_at;
    s.last_move_at = now;
    if (since > kStillAfter) {   // moving again after a pause: no speed yet
        s.velocity = 0.0f;
        return;
    }
    float v = std::clamp(dy / float(std::max(since, 1.0 / 120.0)), -kMaxFlingSpeed, kMaxFlingSpeed);
    s.velocity = s.velocity == 0.0f ? v : 0.5f * (s.velocity + v);
}

}   // namespace

void drag_scroll(AppState& app) {
    static DragState s;   // one scrolling column per page
    ImGuiIO& io = ImGui::GetIO();
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const ImGuiID id = window->GetID("##drag_scroll");
    const float dt = io.DeltaTime;
    const double now = ImGui::GetTime();
    if (io.MouseClicked[0]) {
        s = DragState{};   // a new press stops a fling
        s.last_move_at = now;
        s.pressed = ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows |
                                           ImGuiHoveredFlags_AllowWhenBlockedByActiveItem);
    }
    if (s.pressed && io.MouseDown[0]) {
        ImVec2 moved(io.MousePos.x - io.MouseClickedPos[0].x, io.MousePos.y - io.MouseClickedPos[0].y);
        if (!s.scrolling && !widget_takes_drag() && std::fabs(moved.y) > kSlop &&
            std::fabs(moved.y) > std::fabs(moved.x)) {
            s.scrolling = true;
            ImGui::SetActiveID(id, window);   // the button under the finger is not clicked, nothing hovers
        }
        if (s.scrolling) {
            ImGui::KeepAliveID(id);
            follow(s, window, -io.MouseDelta.y, now);
        }
        return;
    }
    s.pressed = false;
    if (s.scrolling) {   // lifted; this frame may still carry the finger's last move
        s.scrolling = false;
        if (GImGui->ActiveId == id) ImGui::ClearActiveID();
        follow(s, window, -io.MouseDelta.y, now);
        if (now - s.last_move_at > kStillAfter) s.velocity = 0.0f;   // held still, then lifted: no fling
        if (s.velocity != 0.0f) guest_animate_for(app, 0.1);         // the fling starts next frame
        return;
    }
    if (s.velocity == 0.0f) return;
    float step = std::min(dt, kMaxFrameTime), before = window->Scroll.y;
    scroll_by(window, s.velocity * step);
    s.velocity *= std::exp(-step / kFlingTimeConstant);
    bool at_end = (s.velocity < 0.0f && before <= 0.0f) || (s.velocity > 0.0f && before >= window->ScrollMax.y);
    if (std::fabs(s.velocity) < kMinFlingSpeed || at_end) s.velocity = 0.0f;
    else guest_animate_for(app, 0.1);
}

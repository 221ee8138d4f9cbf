// The layout report (layout_report.hpp): a handful of named rectangles, kept for one frame.
#include "layout_report.hpp"
#include <cstdio>
#include <cstring>
#include "imgui_internal.h"   // the window list, to see whether a tooltip is shown

namespace {

struct Part {
    const char* name;   // a string literal
    ImVec2 min, max;
    bool cut;
};

constexpr int kMaxParts = 24;
Part g_parts[kMaxParts];
int g_count = 0;
const char* g_arrangement = "";
float g_scroll = 0.0f, g_scroll_max = 0.0f;

// ,"key":value with a number written as %g (CSS px: whole or a fraction of a pixel)
void field(std::string& out, const char* key, double value) {
    char buf[64];
    std::snprintf(buf, sizeof buf, ",\"%s\":%g", key, value);
    out += buf;
}

}   // namespace

void layout_report_begin(const char* arrangement) {
    g_arrangement = arrangement;
    g_count = 0;
    g_scroll = g_scroll_max = 0.0f;
}

void layout_report_rect(const char* part, ImVec2 min, ImVec2 max, bool cut) {
    for (int i = 0; i < g_count; ++i)
        if (std::strcmp(g_parts[i].name, part) == 0) {
            g_parts[i] = Part{part, min, max, cut};
            return;
        }
    if (g_count < kMaxParts) g_parts[g_count++] = Part{part, min, max, cut};
}

void layout_report_item(const char* part) {
    layout_report_rect(part, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
}

void layout_report_scroll(float y, float max) {
    g_scroll = y;
    g_scroll_max = max;
}

std::string layout_report_json() {
    if (!ImGui::GetCurrentContext()) return "null";
    const ImGuiContext& g = *GImGui;
    bool tooltip = false;
    for (const ImGuiWindow* w : g.Windows) tooltip = tooltip || ((w->Flags & ImGuiWindowFlags_Tooltip) && w->Active);
    std::string out = std::string("{\"arrangement\":\"") + g_arrangement + "\"";
    field(out, "width", g.IO.DisplaySize.x);
    field(out, "height", g.IO.DisplaySize.y);
    field(out, "scroll", g_scroll);
    field(out, "scrollMax", g_scroll_max);
    out += tooltip ? ",\"tooltip\":true" : ",\"tooltip\":false";
    if (ImGui::IsMousePosValid(&g.IO.MousePos)) {
        char buf[64];
        std::snprintf(buf, sizeof buf, ",\"mouse\":[%g,%g]", g.IO.MousePos.x, g.IO.MousePos.y);
        out += buf;
    } else {
        out += ",\"mouse\":null";
    }
    out += ",\"parts\":{";
    for (int i = 0; i < g_count; ++i) {
        const Part& p = g_parts[i];
        out += std::string(i ? ",\"" : "\"") + p.name + "\":{\"cut\":" + (p.cut ? "true" : "false");
        field(out, "x", p.min.x);
        field(out, "y", p.min.y);
        field(out, "w", p.max.x - p.min.x);
        field(out, "h", p.max.y - p.min.y);
        out += "}";
    }
    return out + "}}";
}

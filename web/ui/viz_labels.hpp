// Names of layers and units in the diagram and the maps (x₁, h¹₃, ŷ), in Unicode when the
// page's font has the glyphs and in ASCII otherwise, so nothing is ever drawn as '?'.
#pragma once
#include <cstdio>
#include "imgui.h"
#include "imgui_internal.h"   // ImTextCharFromUtf8

namespace viz {

// True when the current font has every code point of the UTF-8 text.
inline bool font_has(const char* utf8) {
    ImFont* font = ImGui::GetFont();
    for (const char* p = utf8; *p;) {
        unsigned int c = 0;
        int n = ImTextCharFromUtf8(&c, p, nullptr);
        if (n <= 0) return false;
        p += n;
        if (c >= 0x80 && !font->FindGlyphNoFallback(static_cast<ImWchar>(c))) return false;
    }
    return true;
}

// `unicode` when the font can draw it, else `ascii`.
inline const char* pick(const char* unicode, const char* ascii) { return font_has(unicode) ? unicode : ascii; }

// Unit label: layer -1 = input (x₁ x₂), hidden layer l (0-based) unit j = h¹₃ style, the
// output layer = ŷ. Writes into buf (size >= 24).
inline void unit_label(char* buf, size_t size, int layer, int unit, int num_layers) {
    static const char* const kSub[] = {"₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"};
    static const char* const kSup[] = {"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};
    bool fancy = font_has("₀₁₂₃₄₅₆₇₈₉¹²³⁴");
    int n = unit + 1;
    char sub[16];
    if (fancy && n >= 10) std::snprintf(sub, sizeof sub, "%s%s", kSub[n / 10], kSub[n % 10]);
    else if (fancy) std::snprintf(sub, sizeof sub, "%s", kSub[n]);
    else std::snprintf(sub, sizeof sub, "%d", n);
    if (layer < 0) std::snprintf(buf, size, "x%s", sub);
    else if (layer == num_layers - 1) std::snprintf(buf, size, "%s", pick("ŷ", "y^"));
    else if (fancy) std::snprintf(buf, size, "h%s%s", kSup[layer + 1], sub);
    else std::snprintf(buf, size, "h%d_%s", layer + 1, sub);
}

}   // namespace viz

// The page's colours, light and dark: one table per theme, and the list of every text/background
// pair the panels draw, which tests/test_theme_contrast.cpp holds to WCAG 2.1 AA (4.5:1). Plain
// numbers (no ImGui), packed like IM_COL32 (web/ui/ui_theme.cpp checks the packing).
#pragma once
#include <cmath>
#include <cstdint>

namespace theme {

// 0xAABBGGRR, as IM_COL32 packs it.
constexpr uint32_t rgb(int r, int g, int b, int a = 255) {
    return uint32_t(r) | uint32_t(g) << 8 | uint32_t(b) << 16 | uint32_t(a) << 24;
}
constexpr int red(uint32_t c) { return int(c & 0xFF); }
constexpr int green(uint32_t c) { return int(c >> 8 & 0xFF); }
constexpr int blue(uint32_t c) { return int(c >> 16 & 0xFF); }
constexpr int alpha(uint32_t c) { return int(c >> 24); }
constexpr uint32_t with_alpha(uint32_t c, int a) { return (c & 0x00FFFFFFu) | uint32_t(a) << 24; }

// `top` at `amount` (0..1) over the opaque `base`, as the GPU blends it.
constexpr uint32_t over(uint32_t top, double amount, uint32_t base) {
    auto mix = [&](int t, int b) { return int(b + (t - b) * amount + 0.5); };
    return rgb(mix(red(top), red(base)), mix(green(top), green(base)), mix(blue(top), blue(base)));
}

constexpr int kSeriesCount = 5;   // lines of the gradient-size plot, one per layer

struct Colors {
    // Surfaces, from the page behind everything to the marks drawn on panels.
    uint32_t page_bg, panel_bg, popup_bg, plot_bg;
    uint32_t frame_bg, frame_bg_hovered, frame_bg_active;   // sliders, inputs, combo boxes
    uint32_t button, button_hovered, button_active, header, header_hovered, header_active;
    uint32_t slider_grab, slider_grab_active;   // the slider's value is drawn over its grab
    uint32_t border, separator, grid, box_border;
    uint32_t table_header_bg, table_row_alt, table_border_light, table_border_strong;
    uint32_t warn_bg, error_bg, info_bg;   // notices
    uint32_t mark_bg;                      // the code line running now, a matrix cell that changed
    uint32_t pill_bg, lit_fill;            // the flowchart's step pills and its lit boxes
    uint32_t alert_bg;                     // the "diverged" box over the diagram
    // Text and the colours that carry meaning. *_text variants are the ones dark (or light)
    // enough to be read as text; the plain ones are for lines, bars and rings.
    uint32_t text, text_dim;
    uint32_t accent, accent_hovered, accent_active, on_accent;   // primary buttons, forward signals
    uint32_t good, good_text, bad, bad_text, warn_text;
    uint32_t backward, backward_ink;    // δ: rings and lines; labels and the phase banner
    uint32_t neuron_edge, point_ring;   // outlines of neurons and markers, and the ring inside
    uint32_t on_alert;
    uint32_t series[kSeriesCount];
};

// The table: each colour in the light theme and in the dark one, side by side. Okabe–Ito hues
// where a colour carries meaning, so they survive colour blindness; on the dark theme's surfaces
// (a step apart from each other) they are lightened to read as well.
using Field = uint32_t Colors::*;
struct Row {
    Field field;
    uint32_t light, dark;
};
constexpr Row kRows[] = {
    {&Colors::page_bg, rgb(236, 240, 245), rgb(16, 19, 24)},
    {&Colors::panel_bg, rgb(255, 255, 255), rgb(28, 32, 40)},
    {&Colors::popup_bg, rgb(255, 255, 255, 250), rgb(36, 41, 50, 250)},
    {&Colors::plot_bg, rgb(250, 251, 253), rgb(22, 26, 32)},
    {&Colors::frame_bg, rgb(232, 237, 244), rgb(44, 50, 61)},
    {&Colors::frame_bg_hovered, rgb(220, 229, 241), rgb(54, 62, 76)},
    {&Colors::frame_bg_active, rgb(208, 222, 240), rgb(64, 74, 92)},
    {&Colors::button, rgb(226, 233, 243), rgb(46, 54, 68)},
    {&Colors::button_hovered, rgb(206, 221, 242), rgb(58, 70, 90)},
    {&Colors::button_active, rgb(186, 208, 238), rgb(70, 86, 112)},
    {&Colors::header, rgb(214, 228, 246), rgb(44, 60, 84)},
    {&Colors::header_hovered, rgb(200, 219, 244), rgb(54, 74, 102)},
    {&Colors::header_active, rgb(186, 208, 238), rgb(64, 86, 118)},
    {&Colors::slider_grab, rgb(128, 178, 219), rgb(50, 88, 128)},
    {&Colors::slider_grab_active, rgb(92, 156, 208), rgb(58, 100, 146)},
    {&Colors::border, rgb(214, 220, 228), rgb(56, 63, 76)},
    {&Colors::separator, rgb(222, 227, 234), rgb(50, 56, 68)},
    {&Colors::grid, rgb(220, 225, 232), rgb(46, 52, 63)},
    {&Colors::box_border, rgb(170, 180, 194), rgb(84, 94, 110)},
    {&Colors::table_header_bg, rgb(240, 243, 247), rgb(38, 43, 53)},
    {&Colors::table_row_alt, rgb(247, 249, 251), rgb(33, 37, 46)},
    {&Colors::table_border_light, rgb(228, 232, 238), rgb(46, 52, 63)},
    {&Colors::table_border_strong, rgb(214, 220, 228), rgb(60, 68, 82)},
    {&Colors::warn_bg, rgb(255, 243, 224), rgb(62, 46, 18)},
    {&Colors::error_bg, rgb(253, 232, 228), rgb(70, 30, 28)},
    {&Colors::info_bg, rgb(228, 240, 250), rgb(20, 46, 70)},
    {&Colors::mark_bg, rgb(255, 214, 102), rgb(110, 86, 20)},
    {&Colors::pill_bg, rgb(228, 233, 240), rgb(44, 50, 61)},
    {&Colors::lit_fill, rgb(217, 234, 244), rgb(37, 54, 69)},   // the accent at 15% over the panel
    {&Colors::alert_bg, rgb(120, 30, 30), rgb(120, 30, 30)},
    {&Colors::text, rgb(30, 38, 51), rgb(226, 231, 238)},
    {&Colors::text_dim, rgb(92, 102, 118), rgb(158, 168, 184)},
    {&Colors::accent, rgb(0, 114, 178), rgb(86, 180, 233)},
    {&Colors::accent_hovered, rgb(0, 96, 153), rgb(120, 198, 242)},
    {&Colors::accent_active, rgb(0, 80, 128), rgb(62, 156, 214)},
    {&Colors::on_accent, rgb(255, 255, 255), rgb(12, 16, 22)},
    {&Colors::good, rgb(0, 158, 115), rgb(0, 180, 130)},
    {&Colors::good_text, rgb(0, 122, 89), rgb(72, 204, 158)},
    {&Colors::bad, rgb(213, 94, 0), rgb(240, 128, 48)},
    {&Colors::bad_text, rgb(180, 68, 0), rgb(255, 150, 96)},
    {&Colors::warn_text, rgb(138, 98, 0), rgb(232, 186, 64)},
    {&Colors::backward, rgb(204, 121, 167), rgb(220, 140, 185)},
    {&Colors::backward_ink, rgb(158, 62, 118), rgb(232, 160, 204)},
    {&Colors::neuron_edge, rgb(20, 22, 28), rgb(150, 158, 172)},
    {&Colors::point_ring, rgb(255, 255, 255), rgb(16, 19, 24)},
    {&Colors::on_alert, rgb(255, 255, 255), rgb(255, 255, 255)},
};
struct SeriesRow {
    uint32_t light, dark;
};
// The gradient-size plot's lines, layer 1 first.
constexpr SeriesRow kSeries[kSeriesCount] = {
    {rgb(0, 114, 178), rgb(86, 180, 233)},      // blue
    {rgb(213, 94, 0), rgb(240, 140, 60)},       // vermillion
    {rgb(0, 158, 115), rgb(30, 190, 140)},      // bluish green
    {rgb(204, 121, 167), rgb(220, 140, 185)},   // reddish purple
    {rgb(86, 180, 233), rgb(240, 228, 66)},     // sky blue; yellow on dark
};
// With the fields distinct (tests/test_theme_contrast.cpp), every colour has its row.
static_assert(sizeof(kRows) / sizeof(Row) + kSeriesCount == sizeof(Colors) / sizeof(uint32_t),
              "one row per colour of Colors");

constexpr Colors build(bool dark) {
    Colors c{};
    for (const Row& r : kRows) c.*r.field = dark ? r.dark : r.light;
    for (int i = 0; i < kSeriesCount; ++i) c.series[i] = dark ? kSeries[i].dark : kSeries[i].light;
    return c;
}
constexpr Colors kLight = build(false);
constexpr Colors kDark = build(true);
inline const Colors& colors(bool dark) { return dark ? kDark : kLight; }

// ---- what the contrast test checks -------------------------------------------------------------
// Text drawn in `text` over `bg`; with bg_alpha < 1 the background is `bg` at that opacity over
// `base` (a highlight over a table cell). Every pair the panels draw is listed here.
struct TextPair {
    const char* where;
    Field text, bg;
    double bg_alpha = 1.0;
    Field base = nullptr;
};

constexpr TextPair kTextPairs[] = {
    {"body text on the page", &Colors::text, &Colors::page_bg},
    {"body text on panels", &Colors::text, &Colors::panel_bg},
    {"tooltips and menus", &Colors::text, &Colors::popup_bg},
    {"plots and the code listing", &Colors::text, &Colors::plot_bg},
    {"sliders and inputs", &Colors::text, &Colors::frame_bg},
    {"hovered slider", &Colors::text, &Colors::frame_bg_hovered},
    {"active slider", &Colors::text, &Colors::frame_bg_active},
    {"slider value over its grab", &Colors::text, &Colors::slider_grab},
    {"slider value over its active grab", &Colors::text, &Colors::slider_grab_active},
    {"buttons and tabs", &Colors::text, &Colors::button},
    {"hovered buttons", &Colors::text, &Colors::button_hovered},
    {"pressed buttons, toggles that are on", &Colors::text, &Colors::button_active},
    {"selected items", &Colors::text, &Colors::header},
    {"hovered items", &Colors::text, &Colors::header_hovered},
    {"active tab", &Colors::text, &Colors::header_active},
    {"table headers", &Colors::text, &Colors::table_header_bg},
    {"striped table rows", &Colors::text, &Colors::table_row_alt},
    {"warning notices", &Colors::text, &Colors::warn_bg},
    {"error notices", &Colors::text, &Colors::error_bg},
    {"info notices", &Colors::text, &Colors::info_bg},
    {"the code line running now", &Colors::text, &Colors::mark_bg, 150.0 / 255.0, &Colors::plot_bg},
    {"a matrix cell that just changed", &Colors::text, &Colors::mark_bg, 200.0 / 255.0, &Colors::panel_bg},
    {"the matrix cell the formula uses", &Colors::text, &Colors::accent, 60.0 / 255.0, &Colors::panel_bg},
    {"the matrix row the formula uses", &Colors::text, &Colors::accent, 24.0 / 255.0, &Colors::panel_bg},
    {"a lit flowchart box", &Colors::text, &Colors::lit_fill},
    {"dim text on the page (header)", &Colors::text_dim, &Colors::page_bg},
    {"dim text on panels (subtitles, captions)", &Colors::text_dim, &Colors::panel_bg},
    {"dim text in tooltips", &Colors::text_dim, &Colors::popup_bg},
    {"dim text on plots (axes, hints)", &Colors::text_dim, &Colors::plot_bg},
    {"dim text in table headers", &Colors::text_dim, &Colors::table_header_bg},
    {"dim text in striped rows", &Colors::text_dim, &Colors::table_row_alt},
    {"the flowchart's step pills", &Colors::text_dim, &Colors::pill_bg},
    {"dim text on sliders", &Colors::text_dim, &Colors::frame_bg},
    {"accent text on panels (lessons, formulas)", &Colors::accent, &Colors::panel_bg},
    {"accent text on plots", &Colors::accent, &Colors::plot_bg},
    {"accent text in striped rows", &Colors::accent, &Colors::table_row_alt},
    {"primary buttons", &Colors::on_accent, &Colors::accent},
    {"hovered primary buttons", &Colors::on_accent, &Colors::accent_hovered},
    {"pressed primary buttons", &Colors::on_accent, &Colors::accent_active},
    {"the forward phase banner", &Colors::on_accent, &Colors::accent},
    {"the backward phase banner", &Colors::on_accent, &Colors::backward_ink},
    {"δ labels on the diagram", &Colors::backward_ink, &Colors::panel_bg},
    {"small errors, checks that pass", &Colors::good_text, &Colors::panel_bg},
    {"small errors in striped rows", &Colors::good_text, &Colors::table_row_alt},
    {"seed-faithful note in the code panel", &Colors::good_text, &Colors::plot_bg},
    {"large errors, warnings", &Colors::bad_text, &Colors::panel_bg},
    {"large errors in striped rows", &Colors::bad_text, &Colors::table_row_alt},
    {"diverged heading in an error notice", &Colors::bad_text, &Colors::error_bg},
    {"gradient check: look closer", &Colors::warn_text, &Colors::panel_bg},
    {"gradient check in striped rows", &Colors::warn_text, &Colors::table_row_alt},
    {"the diverged box on the diagram", &Colors::on_alert, &Colors::alert_bg},
};

// ---- WCAG 2.1 relative luminance and contrast ratio --------------------------------------------
inline double channel_linear(int c8) {
    double c = c8 / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}
inline double relative_luminance(uint32_t c) {
    return 0.2126 * channel_linear(red(c)) + 0.7152 * channel_linear(green(c)) + 0.0722 * channel_linear(blue(c));
}
inline double contrast_ratio(uint32_t a, uint32_t b) {
    double la = relative_luminance(a), lb = relative_luminance(b);
    return (std::fmax(la, lb) + 0.05) / (std::fmin(la, lb) + 0.05);
}

// Black or white, whichever reads better on `fill`: at least 4.58:1 on any colour.
inline uint32_t ink_on(uint32_t fill) {
    constexpr uint32_t black = rgb(0, 0, 0), white = rgb(255, 255, 255);
    return contrast_ratio(black, fill) >= contrast_ratio(white, fill) ? black : white;
}

// The background a pair's text is read on (opaque).
inline uint32_t pair_background(const Colors& c, const TextPair& p) {
    uint32_t bg = c.*p.bg;
    return p.base ? over(bg, p.bg_alpha, c.*p.base) : bg;
}

}   // namespace theme

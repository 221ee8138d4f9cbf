// Tests for the page's colours (web/ui/theme_colors.hpp, web/render/palette.hpp), in both themes:
// every text/background pair the panels draw reads at WCAG 2.1 AA (4.5:1), the dark theme is
// dark, the numbers written on neurons read on any fill of the palette, and the palette's ends
// stay apart from each other and from its midpoint under simulated colour-vision deficiencies.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdio>
#include <string>
#include "palette.hpp"
#include "theme_colors.hpp"

namespace {

constexpr double kAA = 4.5;   // WCAG 2.1 AA, normal-size text

struct Theme {
    const char* name;
    const theme::Colors& colors;
    const viz::Palette& palette;
};
const Theme kThemes[] = {{"light", theme::kLight, viz::kLightPalette}, {"dark", theme::kDark, viz::kDarkPalette}};

uint32_t to_rgb(const viz::Rgb& c) {   // as ImGui converts float colours
    auto c8 = [](float v) { return int(v * 255.0f + 0.5f); };
    return theme::rgb(c8(c.r), c8(c.g), c8(c.b));
}

std::string hex(uint32_t c) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", theme::red(c), theme::green(c), theme::blue(c));
    return buf;
}

// ---- CIE L*a*b* (D65) and colour-vision deficiency simulation --------------------------------
struct Lab {
    double l, a, b;
};

// sRGB (0..1) -> CIELAB.
Lab lab_of(const double (&srgb)[3]) {
    double lin[3];
    for (int i = 0; i < 3; ++i)
        lin[i] = srgb[i] <= 0.04045 ? srgb[i] / 12.92 : std::pow((srgb[i] + 0.055) / 1.055, 2.4);
    double x = (0.4124 * lin[0] + 0.3576 * lin[1] + 0.1805 * lin[2]) / 0.95047;
    double y = 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2];
    double z = (0.0193 * lin[0] + 0.1192 * lin[1] + 0.9505 * lin[2]) / 1.08883;
    auto f = [](double t) { return t > 0.008856 ? std::cbrt(t) : 7.787 * t + 16.0 / 116.0; };
    return {116.0 * f(y) - 16.0, 500.0 * (f(x) - f(y)), 200.0 * (f(y) - f(z))};
}

double delta_e(const Lab& p, const Lab& q) {   // CIE76
    return std::sqrt((p.l - q.l) * (p.l - q.l) + (p.a - q.a) * (p.a - q.a) + (p.b - q.b) * (p.b - q.b));
}

// Machado, Oliveira and Fernandes (2009), severity 1.0, applied to linear RGB.
struct Deficiency {
    const char* name;
    double m[3][3];
};
const Deficiency kDeficiencies[] = {
    {"none", {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}},
    {"protanopia", {{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}}},
    {"deuteranopia",
     {{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}}},
    {"tritanopia", {{1.255528, -0.076749, -0.178779}, {-0.078411, 0.930809, 0.147602}, {0.004733, 0.691367, 0.303900}}},
};

Lab seen_as(const viz::Rgb& c, const Deficiency& d) {
    const double in[3] = {c.r, c.g, c.b};
    double lin[3], out[3];
    for (int i = 0; i < 3; ++i) lin[i] = in[i] <= 0.04045 ? in[i] / 12.92 : std::pow((in[i] + 0.055) / 1.055, 2.4);
    for (int i = 0; i < 3; ++i) {
        double v = d.m[i][0] * lin[0] + d.m[i][1] * lin[1] + d.m[i][2] * lin[2];
        v = v < 0.0 ? 0.0 : (v > 1.0 ? 1.0 : v);
        out[i] = v <= 0.0031308 ? 12.92 * v : 1.055 * std::pow(v, 1.0 / 2.4) - 0.055;
    }
    return lab_of(out);
}

}   // namespace

TEST_CASE("WCAG contrast: the formula gives the published reference values") {
    const uint32_t black = theme::rgb(0, 0, 0), white = theme::rgb(255, 255, 255);
    CHECK(theme::contrast_ratio(black, white) == doctest::Approx(21.0));
    CHECK(theme::contrast_ratio(white, white) == doctest::Approx(1.0));
    CHECK(theme::contrast_ratio(white, black) == theme::contrast_ratio(black, white));
    // #767676 is the lightest grey that passes AA on white; #777777 just fails.
    CHECK(theme::contrast_ratio(theme::rgb(0x76, 0x76, 0x76), white) == doctest::Approx(4.54).epsilon(0.005));
    CHECK(theme::contrast_ratio(theme::rgb(0x77, 0x77, 0x77), white) < kAA);
    CHECK(theme::relative_luminance(theme::rgb(255, 0, 0)) == doctest::Approx(0.2126));
    CHECK(theme::over(theme::rgb(0, 0, 0), 0.5, theme::rgb(255, 255, 255)) == theme::rgb(128, 128, 128));
}

TEST_CASE("theme: every text/background pair the panels draw reads at 4.5:1 or more") {
    for (const Theme& t : kThemes) {
        SUBCASE(t.name) {
            for (const theme::TextPair& p : theme::kTextPairs) {
                uint32_t text = t.colors.*p.text, bg = theme::pair_background(t.colors, p);
                double ratio = theme::contrast_ratio(text, bg);
                INFO(std::string(t.name) << ": " << std::string(p.where) << ": " << hex(text) << " on " << hex(bg)
                                         << " is " << ratio << ":1");
                CHECK(ratio >= kAA);
                CHECK(theme::alpha(text) == 255);   // text is never see-through
            }
        }
    }
}

TEST_CASE("theme: the table has one row per colour, opaque except the see-through popups") {
    const size_t rows = sizeof(theme::kRows) / sizeof(theme::kRows[0]);
    for (size_t i = 0; i < rows; ++i) {
        for (size_t j = i + 1; j < rows; ++j) CHECK(theme::kRows[i].field != theme::kRows[j].field);
        if (theme::kRows[i].field == &theme::Colors::popup_bg) continue;
        CHECK(theme::alpha(theme::kRows[i].light) == 255);
        CHECK(theme::alpha(theme::kRows[i].dark) == 255);
    }
}

TEST_CASE("theme: light is light and dark is dark, with text of the opposite lightness") {
    const theme::Field surfaces[] = {&theme::Colors::page_bg,  &theme::Colors::panel_bg, &theme::Colors::plot_bg,
                                     &theme::Colors::popup_bg, &theme::Colors::frame_bg, &theme::Colors::button};
    for (theme::Field f : surfaces) {
        CHECK(theme::relative_luminance(theme::kLight.*f) > 0.6);
        CHECK(theme::relative_luminance(theme::kDark.*f) < 0.05);
    }
    CHECK(theme::relative_luminance(theme::kLight.text) < 0.05);
    CHECK(theme::relative_luminance(theme::kDark.text) > 0.6);
    // The page under the panels differs from them in both themes, so panels stand out.
    for (const Theme& t : kThemes) CHECK(t.colors.page_bg != t.colors.panel_bg);
}

TEST_CASE("theme: numbers written on a neuron read on any fill of the palette") {
    for (const Theme& t : kThemes) {
        INFO("theme " << std::string(t.name));
        for (int k = -20; k <= 20; ++k) {
            uint32_t fill = to_rgb(viz::palette_at(t.palette, k / 20.0));
            double ratio = theme::contrast_ratio(theme::ink_on(fill), fill);
            INFO("t = " << k / 20.0 << ": " << hex(fill) << " gives " << ratio << ":1");
            CHECK(ratio >= kAA);
        }
    }
}

TEST_CASE("palette: its ends stay apart, and apart from the midpoint, for every colour vision") {
    for (const Theme& t : kThemes) {
        for (const Deficiency& d : kDeficiencies) {
            INFO(std::string(t.name) << " theme, seen with " << std::string(d.name));
            Lab neg = seen_as(t.palette.negative, d), mid = seen_as(t.palette.neutral, d);
            Lab pos = seen_as(t.palette.positive, d);
            // A red/green palette scores about 10 between its ends under deuteranopia.
            CHECK(delta_e(neg, pos) >= 40.0);
            CHECK(delta_e(neg, mid) >= 30.0);
            CHECK(delta_e(pos, mid) >= 30.0);
        }
        // Strength reads as distance from the midpoint in lightness too: both ends on the same
        // side of it (darker in the light theme, lighter in the dark one).
        double mid = theme::relative_luminance(to_rgb(t.palette.neutral));
        double neg = theme::relative_luminance(to_rgb(t.palette.negative));
        double pos = theme::relative_luminance(to_rgb(t.palette.positive));
        CHECK((neg - mid) * (pos - mid) > 0.0);
        // The contour line reads on the midpoint, where it is drawn.
        CHECK(theme::contrast_ratio(to_rgb(t.palette.contour), to_rgb(t.palette.neutral)) >= 3.0);
    }
}

TEST_CASE("palette: palette_at clamps, mixes linearly and marks non-finite values") {
    const viz::Palette& p = viz::kLightPalette;
    auto same = [](const viz::Rgb& a, const viz::Rgb& b) {
        return a.r == doctest::Approx(b.r) && a.g == doctest::Approx(b.g) && a.b == doctest::Approx(b.b);
    };
    CHECK(same(viz::palette_at(p, -1.0), p.negative));
    CHECK(same(viz::palette_at(p, -7.0), p.negative));
    CHECK(same(viz::palette_at(p, 0.0), p.neutral));
    CHECK(same(viz::palette_at(p, 3.0), p.positive));
    CHECK(viz::palette_at(p, NAN) == p.diverged);
    viz::Rgb half = viz::palette_at(p, 0.5);
    CHECK(half.r == doctest::Approx((p.neutral.r + p.positive.r) / 2));
    CHECK(half.b == doctest::Approx((p.neutral.b + p.positive.b) / 2));
}

// Fonts, the ImGui style in the current theme, and small shared widgets (headings, help markers).
#include "ui_theme.hpp"
#include <cmath>
#include "fonts_embedded.hpp"
#include "guest.hpp"

UiFonts g_fonts;

namespace {

const ImWchar kFullRanges[] = {BPL_FONT_RANGES};   // from cmake/page.cmake, 0-terminated
const ImWchar kTitleRanges[] = {0x0020, 0x007E, 0x2013, 0x2014, 0x2190, 0x2193, 0};
const ImWchar kMonoRanges[] = {0x0020, 0x007E, 0x00B2, 0x00B3, 0x00B7, 0x00B7, 0x00B9, 0x00B9, 0x00D7,
                               0x00D7, 0x0370, 0x03FF, 0x2070, 0x209F, 0x2212, 0x2212, 0};

const bpl_fonts::EmbeddedFile* find_font(const char* name) {
    for (const auto& f : bpl_fonts::kFiles) {
        const char* a = f.name;
        const char* b = name;
        while (*a && *a == *b) {
            ++a;
            ++b;
        }
        if (*a == *b) return &f;
    }
    return nullptr;
}

ImFont* add_font(const char* file, float size_px, float scale, const ImWchar* ranges) {
    const bpl_fonts::EmbeddedFile* f = find_font(file);
    ImGuiIO& io = ImGui::GetIO();
    // The build embeds every face named here. ImGui's own font is not built in to fall back on
    // (cmake/imgui/patch_imgui_draw.py): a missing face leaves ImGui's default, the first added.
    if (!f) return nullptr;
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false;   // the bytes live in the WASM data segment
    cfg.OversampleH = scale > 1.5f ? 1 : 2;
    cfg.OversampleV = 1;
    cfg.PixelSnapH = scale > 1.5f;
    return io.Fonts->AddFontFromMemoryTTF(const_cast<char*>(f->data), static_cast<int>(f->size),
                                          std::round(size_px * scale), &cfg, ranges);
}

float g_loaded_scale = 0.0f;

}   // namespace

bool ui_fonts_update(float device_pixel_ratio) {
    float scale = std::fmin(std::fmax(device_pixel_ratio, 1.0f), 3.0f);
    if (std::fabs(scale - g_loaded_scale) < 0.01f) return false;
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    io.Fonts->Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
    g_fonts.regular = add_font("DejaVuSans-subset.ttf", 16.0f, scale, kFullRanges);
    g_fonts.bold = add_font("DejaVuSans-Bold-subset.ttf", 16.0f, scale, kFullRanges);
    g_fonts.title = add_font("DejaVuSans-Bold-subset.ttf", 22.0f, scale, kTitleRanges);
    g_fonts.mono = add_font("DejaVuSansMono-subset.ttf", 15.0f, scale, kMonoRanges);
    io.Fonts->Build();
    io.FontGlobalScale = 1.0f / scale;
    io.FontDefault = g_fonts.regular;
    g_loaded_scale = scale;
    return true;
}

namespace {

static_assert(theme::rgb(1, 2, 3, 4) == IM_COL32(1, 2, 3, 4), "theme_colors.hpp packs colours as ImGui does");

bool g_dark = false;
bool g_applied = false;   // the colours of g_dark are in the ImGui style

// Which table colour each ImGui style colour takes; the rest come from ImGui's own light or dark
// style (scrollbars, resize grips, navigation highlight).
struct StyleColor {
    ImGuiCol col;
    theme::Field field;
};
constexpr StyleColor kStyleColors[] = {
    {ImGuiCol_Text, &theme::Colors::text},
    {ImGuiCol_TextDisabled, &theme::Colors::text_dim},
    {ImGuiCol_WindowBg, &theme::Colors::panel_bg},
    {ImGuiCol_PopupBg, &theme::Colors::popup_bg},
    {ImGuiCol_Border, &theme::Colors::border},
    {ImGuiCol_FrameBg, &theme::Colors::frame_bg},
    {ImGuiCol_FrameBgHovered, &theme::Colors::frame_bg_hovered},
    {ImGuiCol_FrameBgActive, &theme::Colors::frame_bg_active},
    {ImGuiCol_Button, &theme::Colors::button},
    {ImGuiCol_ButtonHovered, &theme::Colors::button_hovered},
    {ImGuiCol_ButtonActive, &theme::Colors::button_active},
    {ImGuiCol_Header, &theme::Colors::header},
    {ImGuiCol_HeaderHovered, &theme::Colors::header_hovered},
    {ImGuiCol_HeaderActive, &theme::Colors::header_active},
    {ImGuiCol_Tab, &theme::Colors::button},
    {ImGuiCol_TabHovered, &theme::Colors::button_hovered},
    {ImGuiCol_TabActive, &theme::Colors::header_active},
    {ImGuiCol_TabUnfocused, &theme::Colors::button},
    {ImGuiCol_TabUnfocusedActive, &theme::Colors::header},
    {ImGuiCol_SliderGrab, &theme::Colors::slider_grab},   // light, so the value drawn over it stays readable
    {ImGuiCol_SliderGrabActive, &theme::Colors::slider_grab_active},
    {ImGuiCol_CheckMark, &theme::Colors::accent},
    {ImGuiCol_Separator, &theme::Colors::separator},
    {ImGuiCol_TableHeaderBg, &theme::Colors::table_header_bg},
    {ImGuiCol_TableRowBgAlt, &theme::Colors::table_row_alt},
    {ImGuiCol_TableBorderLight, &theme::Colors::table_border_light},
    {ImGuiCol_TableBorderStrong, &theme::Colors::table_border_strong},
};

void apply_colors(bool dark) {
    ImGuiStyle& s = ImGui::GetStyle();
    if (dark) ImGui::StyleColorsDark(&s);
    else ImGui::StyleColorsLight(&s);
    const theme::Colors& c = theme::colors(dark);
    for (const StyleColor& sc : kStyleColors) s.Colors[sc.col] = ui_vec4(c.*sc.field);
    s.Colors[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    s.Colors[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
    g_dark = dark;
    g_applied = true;
}

}   // namespace

const theme::Colors& ui_color() { return theme::colors(g_dark); }
const viz::Palette& ui_palette() { return viz::palette(g_dark); }

void ui_apply_style() {
    ImGuiStyle& s = ImGui::GetStyle();
    s.WindowPadding = ImVec2(12, 10);
    s.FramePadding = ImVec2(8, 5);
    s.ItemSpacing = ImVec2(8, 7);
    s.ItemInnerSpacing = ImVec2(6, 4);
    s.ScrollbarSize = 12;
    s.GrabMinSize = 12;
    s.WindowRounding = 8;
    s.ChildRounding = 6;
    s.FrameRounding = 5;
    s.PopupRounding = 6;
    s.GrabRounding = 5;
    s.ScrollbarRounding = 6;
    s.WindowBorderSize = 1;
    s.FrameBorderSize = 0;
    s.TouchExtraPadding = ImVec2(2, 2);
    apply_colors(false);
}

void ui_theme_follow(const AppState& app) {
    bool dark = guest_dark(app);
    if (!g_applied || dark != g_dark) apply_colors(dark);
}

void ui_heading(const char* title, const char* subtitle) {
    ImGui::PushFont(g_fonts.bold);
    ImGui::TextUnformatted(title);
    ImGui::PopFont();
    if (subtitle && *subtitle) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(subtitle);
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
    }
}

bool ui_primary_button(const char* label, ImVec2 size) {
    const theme::Colors& c = ui_color();
    ImGui::PushStyleColor(ImGuiCol_Button, c.accent);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, c.accent_hovered);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, c.accent_active);
    ImGui::PushStyleColor(ImGuiCol_Text, c.on_accent);
    bool pressed = ImGui::Button(label, size);
    ImGui::PopStyleColor(4);
    return pressed;
}

void ui_help(const char* text) {
    ImGui::SameLine();
    ImGui::TextDisabled("(?)");
    if (ImGui::IsItemHovered() || (ImGui::IsItemClicked())) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 22.0f);
        ImGui::TextUnformatted(text);
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
}

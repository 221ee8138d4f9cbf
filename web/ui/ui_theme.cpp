// Fonts, ImGui style and small shared widgets (headings, help markers).
#include "ui_theme.hpp"
#include <cmath>
#include "fonts_embedded.hpp"

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
    if (!f) return io.Fonts->AddFontDefault();
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

void ui_apply_style() {
    ImGuiStyle& s = ImGui::GetStyle();
    ImGui::StyleColorsLight(&s);
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
    ImVec4* c = s.Colors;
    auto rgb = [](int r, int g, int b, float a = 1.0f) { return ImVec4(r / 255.f, g / 255.f, b / 255.f, a); };
    c[ImGuiCol_Text] = rgb(30, 38, 51);
    c[ImGuiCol_TextDisabled] = rgb(110, 120, 136);
    c[ImGuiCol_WindowBg] = rgb(255, 255, 255);
    c[ImGuiCol_ChildBg] = rgb(255, 255, 255, 0);
    c[ImGuiCol_PopupBg] = rgb(255, 255, 255, 0.98f);
    c[ImGuiCol_Border] = rgb(214, 220, 228);
    c[ImGuiCol_FrameBg] = rgb(232, 237, 244);
    c[ImGuiCol_FrameBgHovered] = rgb(220, 229, 241);
    c[ImGuiCol_FrameBgActive] = rgb(208, 222, 240);
    c[ImGuiCol_Button] = rgb(226, 233, 243);
    c[ImGuiCol_ButtonHovered] = rgb(206, 221, 242);
    c[ImGuiCol_ButtonActive] = rgb(186, 208, 238);
    c[ImGuiCol_Header] = rgb(214, 228, 246);
    c[ImGuiCol_HeaderHovered] = rgb(200, 219, 244);
    c[ImGuiCol_HeaderActive] = rgb(186, 208, 238);
    c[ImGuiCol_SliderGrab] = rgb(128, 178, 219);   // light, so the value drawn over it stays readable
    c[ImGuiCol_SliderGrabActive] = rgb(92, 156, 208);
    c[ImGuiCol_CheckMark] = rgb(0, 114, 178);
    c[ImGuiCol_Separator] = rgb(222, 227, 234);
    c[ImGuiCol_TableHeaderBg] = rgb(240, 243, 247);
    c[ImGuiCol_TableRowBgAlt] = rgb(247, 249, 251);
    c[ImGuiCol_TableBorderLight] = rgb(228, 232, 238);
    c[ImGuiCol_TableBorderStrong] = rgb(214, 220, 228);
    c[ImGuiCol_ScrollbarBg] = rgb(0, 0, 0, 0);
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

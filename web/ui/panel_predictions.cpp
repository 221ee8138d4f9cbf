// The predictions table: the 4 XOR rows with input, target, output (with a bar) and error, live.
// Clicking a row selects it for the network diagram.
#include <cmath>
#include <cstdio>
#include <string>
#include "network.hpp"
#include "panels.hpp"
#include "ui_theme.hpp"
#include "url_params.hpp"


static void output_bar(double out) {
    ImVec2 p = ImGui::GetCursorScreenPos();
    float w = ImGui::GetContentRegionAvail().x, h = ImGui::GetFontSize() * 0.55f;
    float y = p.y + (ImGui::GetTextLineHeight() - h) * 0.5f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(p.x, y), ImVec2(p.x + w, y + h), ui_color().grid, 3.0f);
    if (std::isfinite(out)) {
        float f = float(std::fmin(std::fmax(out, 0.0), 1.0));
        dl->AddRectFilled(ImVec2(p.x, y), ImVec2(p.x + w * f, y + h), ui_color().accent, 3.0f);
    }
    ImGui::Dummy(ImVec2(w, ImGui::GetTextLineHeight()));
}

// Fixed four decimals for outputs in the usual range; a diverged or linear output that has
// grown huge switches to 3 significant digits so the column keeps its width.
static void number_cell(double v, ImU32 colour) {
    ImGui::PushFont(g_fonts.mono);
    if (!std::isfinite(v)) {
        ImGui::TextDisabled("—");
    } else {
        char buf[32];
        std::snprintf(buf, sizeof buf, std::fabs(v) < 1000.0 ? "%+.4f" : "%+.2e", v);
        ImGui::PushStyleColor(ImGuiCol_Text, colour);
        ImGui::TextUnformatted(v >= 0 ? buf + 1 : buf);   // no '+' on positive values
        ImGui::PopStyleColor();
    }
    ImGui::PopFont();
}

static void draw_row(AppState& app, int r) {
    const double out = bpl::network_output(app.net)[r];
    const double target = bpl::kXorTargets[r];
    const double err = out - target;
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::PushID(r);
    bool selected = app.selected_row == r;
    ImGui::PushFont(g_fonts.mono);
    const char* name = bpl::kRowNames[r];
    char label[8] = {name[0], ' ', ' ', name[1], '\0'};   // "0  1": the inputs x₁ and x₂
    if (ImGui::Selectable(label, selected, ImGuiSelectableFlags_SpanAllColumns))
        apply_param(app, "row", selected ? "all" : std::to_string(r));   // the address bar follows
    ImGui::PopFont();
    ImGui::PopID();
    ImGui::TableNextColumn();
    ImGui::PushFont(g_fonts.mono);
    ImGui::Text("%.0f", target);
    ImGui::PopFont();
    ImGui::TableNextColumn();
    if (app.net.diverged) {   // the last outputs before the overflow are not data to read
        ImGui::TextDisabled("diverged");
    } else {
        number_cell(out, ui_color().text);
    }
    ImGui::TableNextColumn();
    output_bar(app.net.diverged ? NAN : out);
    ImGui::TableNextColumn();
    ImU32 colour = std::fabs(err) < 0.1 ? ui_color().good_text
                 : std::fabs(err) > 0.4 ? ui_color().bad_text
                                        : ui_color().text;
    if (app.net.diverged) ImGui::TextDisabled("—");
    else number_cell(err, colour);
    ImGui::TableNextColumn();
    bool right = !app.net.diverged && std::isfinite(out) && (out >= 0.5) == (target >= 0.5);
    ImGui::PushStyleColor(ImGuiCol_Text, right ? ui_color().good_text : ui_color().bad_text);
    ImGui::TextUnformatted(std::isfinite(out) && !app.net.diverged ? (right ? "✓" : "✕") : "");
    ImGui::PopStyleColor();
}

void draw_predictions_panel(AppState& app) {
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("predictions", 6, flags)) return;
    float num = ImGui::CalcTextSize("-0.0000").x;
    ImGui::TableSetupColumn("x₁ x₂", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("y", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("ŷ (output)", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("ŷ − y", ImGuiTableColumnFlags_WidthFixed, num);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize());
    ImGui::TableHeadersRow();
    for (int r = 0; r < bpl::kSamples; ++r) draw_row(app, r);
    ImGui::EndTable();
    ImGui::PushStyleColor(ImGuiCol_Text, ui_color().text_dim);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted("✓ when the output rounds to the target. Click a row to follow it in the network.");
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
}

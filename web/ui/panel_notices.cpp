// Notices: messages about refused settings and other events, shown as plain text (never
// interpreted) with a dismiss button, and the divergence banner with its two remedies.
#include "session.hpp"
#include "panels.hpp"
#include "ui_theme.hpp"

static bool notice_row(const char* text, ImU32 bg, int id) {
    ImGui::PushID(id);
    ImVec2 start = ImGui::GetCursorScreenPos();
    float w = ImGui::GetContentRegionAvail().x;
    float close_w = ImGui::GetFrameHeight();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(start.x - ImGui::GetWindowPos().x + w - close_w - 8);
    ImGui::SetCursorScreenPos(ImVec2(start.x + 8, start.y + 5));
    ImGui::TextUnformatted(text);   // plain text: whatever a URL or a message sent, it is only shown
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    float h = ImGui::GetItemRectMax().y - start.y + 5;
    ImGui::SetCursorScreenPos(ImVec2(start.x + w - close_w, start.y + 1));
    bool dismissed = ImGui::Button("✕", ImVec2(close_w, close_w));
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Dismiss");
    dl->ChannelsSetCurrent(0);
    dl->AddRectFilled(start, ImVec2(start.x + w, start.y + h), bg, 5.0f);
    dl->ChannelsMerge();
    ImGui::SetCursorScreenPos(ImVec2(start.x, start.y + h + 4));
    ImGui::Dummy(ImVec2(w, 0));
    ImGui::PopID();
    return dismissed;
}

static void draw_divergence(AppState& app) {
    ImGui::PushStyleColor(ImGuiCol_Text, ui_color().bad_text);
    ImGui::PushFont(g_fonts.bold);
    ImGui::TextUnformatted("⚠ Training diverged");
    ImGui::PopFont();
    ImGui::PopStyleColor();
    ImGui::PushTextWrapPos(0.0f);
    ImGui::Text("With learning rate %.3g the updates overshot until the loss or a weight stopped "
                "being a finite number. Training is paused.",
                app.config.lr);
    ImGui::PopTextWrapPos();
    if (ImGui::Button("↺ Reset")) session_reset(app);
    ImGui::SameLine();
    if (ImGui::Button("Lower learning rate (÷10) and reset")) session_lower_learning_rate(app);
    ImGui::Spacing();
}

void draw_notices(AppState& app) {
    if (app.net.diverged) draw_divergence(app);
    int remove = -1;
    for (size_t i = 0; i < app.notices.size(); ++i) {
        const Notice& n = app.notices[i];
        ImU32 bg = n.kind == NoticeKind::error ? ui_color().error_bg
                 : n.kind == NoticeKind::info  ? ui_color().info_bg
                                               : ui_color().warn_bg;
        if (notice_row(n.text.c_str(), bg, int(i))) remove = int(i);
    }
    if (remove >= 0) app.notices.erase(app.notices.begin() + remove);
}

// The embed (embed=1): a toolbar over the network, the decision map and the loss; side by side
// when the frame is wide enough, one under another below that. embed_preferred_height says how
// tall a frame of a given width must be for every part to show whole: plain arithmetic on the
// style's sizes, so the page can answer before (and without) drawing a frame.
#include <algorithm>
#include <cmath>
#include "control_names.hpp"
#include "layout.hpp"
#include "layout_parts.hpp"
#include "layout_report.hpp"
#include "panels.hpp"
#include "session.hpp"
#include "url_params.hpp"

namespace {

constexpr float kGap = 6.0f;                // between panels, and the panels' own padding
constexpr float kRow = 40.0f;               // one toolbar row: a 26 px button and the padding
constexpr float kSideBySideFrom = 520.0f;   // narrower: toolbar, network, map and loss one under another
constexpr float kFixedBarWidth = 300.0f;    // play, step, reset and the link button, with their spacing
constexpr float kMinSlider = 140.0f;        // narrower than this, η gets a toolbar row of its own
constexpr float kLossHeight = 120.0f;       // the loss panel: its checkbox and a readable curve
constexpr float kNetworkMin = 260.0f;       // row buttons, a diagram whose labels do not collide, the legend

float map_panel_height(float w) { return decision_map_height(w - 2 * kGap) + 2 * kGap; }

struct EmbedPlan {
    bool side_by_side = true;
    bool two_row_bar = false;   // η under the buttons
    float bar = kRow;
    Rect network{}, decision{}, loss{};
    float height = 0;   // the height at which every part shows whole
};

// Network left, the map over the loss right. The map is as wide as its column; a short frame
// makes it smaller, down to 60% of the column's height, then the loss gives way.
void plan_side_by_side(EmbedPlan& p, float W, float H) {
    p.side_by_side = true;
    float y0 = p.bar + kGap;
    float left = std::floor((W - 3 * kGap) * 0.58f), right = W - 3 * kGap - left;
    float map_h = map_panel_height(right);
    float body_need = std::max(map_h + kGap + kLossHeight, kNetworkMin);
    p.height = y0 + body_need + kGap;
    float body = H > 0 ? H - y0 - kGap : body_need;
    map_h = std::min(map_h, std::max(body - kGap - kLossHeight, std::floor(body * 0.6f)));
    p.network = {kGap, y0, left, body};
    p.decision = {2 * kGap + left, y0, right, map_h};
    p.loss = {2 * kGap + left, y0 + map_h + kGap, right, body - map_h - kGap};
}

// The network over the map over the loss, each as wide as the frame. A taller frame gives the
// network the rest; a slightly short one shrinks all three alike.
void plan_stacked(EmbedPlan& p, float W, float H) {
    p.side_by_side = false;
    float y0 = p.bar + kGap, w = W - 2 * kGap;
    float net_h = std::clamp(std::floor(W * 0.75f), kNetworkMin, 380.0f), map_h = map_panel_height(w);
    float loss_h = kLossHeight, need = net_h + map_h + loss_h + 2 * kGap;
    p.height = y0 + need + kGap;
    float avail = H > 0 ? H - y0 - kGap : need;
    if (avail < need) {
        float k = (avail - 2 * kGap) / (need - 2 * kGap);
        net_h = std::floor(net_h * k), map_h = std::floor(map_h * k), loss_h = std::floor(loss_h * k);
    } else {
        net_h += avail - need;
    }
    p.network = {kGap, y0, w, net_h};
    p.decision = {kGap, y0 + net_h + kGap, w, map_h};
    p.loss = {kGap, y0 + net_h + map_h + 2 * kGap, w, loss_h};
}

// Where each part goes in a W×H frame (H <= 0: at the preferred height). Stacked below
// kSideBySideFrom, unless the frame is much shorter than that needs (a host that keeps the
// embed code's 640:420 shape on a phone): then side by side, smaller, but whole.
EmbedPlan plan_embed(float W, float H) {
    EmbedPlan p;
    p.two_row_bar = W - kFixedBarWidth < kMinSlider;
    p.bar = p.two_row_bar ? 2 * kRow - kGap : kRow;
    if (W >= kSideBySideFrom) {
        plan_side_by_side(p, W, H);
        return p;
    }
    plan_stacked(p, W, H);
    if (H > 0 && H < 0.8f * p.height) plan_side_by_side(p, W, H);
    return p;
}

void embed_toolbar(AppState& app, bool two_rows) {
    const float h = ImGui::GetFrameHeight();
    if (ImGui::Button(app.running ? "❚❚" : "▶", ImVec2(h * 1.4f, 0))) session_set_running(app, !app.running);
    layout_report_item("play");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", control_caption(app.running ? ControlId::pause : ControlId::play).c_str());
    ImGui::SameLine();
    if (ImGui::Button(control_label(ControlId::step))) session_step(app, 1);
    layout_report_item("step");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", control_caption(ControlId::step).c_str());
    ImGui::SameLine();
    if (ImGui::Button("↺")) session_reset(app);
    layout_report_item("reset");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", control_caption(ControlId::reset).c_str());
    ImGui::SameLine();
    const char* link = "Backprop Lab ↗";
    if (ImGui::GetContentRegionAvail().x < ImGui::CalcTextSize(link).x + 24) link = "↗";   // very narrow frames
    const float link_w = ImGui::CalcTextSize(link).x + 16;
    if (!two_rows) {
        draw_lr_slider(app, ImGui::GetContentRegionAvail().x - link_w - 8, "η = %.3g");
        ImGui::SameLine();
    } else {
        ImGui::SetCursorPosX(ImGui::GetContentRegionMax().x - link_w);
    }
    if (ImGui::Button(link, ImVec2(link_w, 0))) {
        AppState full_page_view = app;
        full_page_view.embed = false;
        app.host->open_full_page(params_query(full_page_view));
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Open the full page in a new tab");
    if (two_rows) draw_lr_slider(app, ImGui::GetContentRegionAvail().x, "learning rate η = %.3g");
}

// The decision map panel, and the map's own square for the layout report.
void decision_map_reported(AppState& app) {
    draw_decision_map_panel(app);
    layout_report_item("map");   // the panel's last item is the map's square
}

}   // namespace

float embed_preferred_height(float width) { return plan_embed(width, 0.0f).height; }

void layout_embed(AppState& app, float W, float H) {
    EmbedPlan p = plan_embed(W, H);
    layout_report_begin(p.side_by_side ? "embed" : "embed-stacked");
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(W, p.bar));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(kGap, kGap));
    if (ImGui::Begin("##toolbar", nullptr, kPanelFlags | kFixedContent)) embed_toolbar(app, p.two_row_bar);
    ImGui::End();
    panel_window(app, "##network", nullptr, nullptr, p.network, draw_network_panel, kFixedContent, "network");
    panel_window(app, "##decision", nullptr, nullptr, p.decision, decision_map_reported, kFixedContent, "decision");
    panel_window(app, "##loss", nullptr, nullptr, p.loss, draw_loss_panel, kFixedContent, "loss");
    ImGui::PopStyleVar(2);
    draw_notices_overlay(app, ImVec2(W * 0.5f, H - kGap), W - 2 * kGap, true);
}

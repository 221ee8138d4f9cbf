// The decision map panels: the network's output over the input square with the data points
// (a truth table's 4 rows, or a cloud's training and test points; click one to follow it) and
// the 0.5 contour, and one small map per hidden unit. The pixels come from map_renderer.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>
#include "imgui.h"
#include "guest.hpp"
#include "map_renderer.hpp"
#include "net_probe.hpp"
#include "panels.hpp"
#include "url_params.hpp"
#include "viz_labels.hpp"
#include "viz_palette.hpp"
#include "viz_points.hpp"

namespace {

ImTextureID texture_id(const MapImage& image) {
    return reinterpret_cast<ImTextureID>(static_cast<intptr_t>(image.texture));
}

int requested_output_px = 256;   // display size in framebuffer pixels, remembered so either
int requested_tile_px = 48;      // panel can redraw both maps

// Map resolution and refresh while the weights change (training). Software GL and weak GPUs
// cannot run the per-pixel network at full size every frame, so when frames get slow (under
// 45 fps) the maps refresh every other frame and drop resolution (down to 35%), and below
// 20 fps refresh at most every 0.4 s; once the weights have been still for a moment they are
// redrawn once at full resolution.
// While the net changes the maps may draw at a lower resolution; once it is still for
// kSettleSeconds they are drawn again at full resolution, so the page keeps drawing until then.
constexpr double kSettleSeconds = 0.3;

struct MapQuality {
    double frame_ema = 1.0 / 60.0;
    float scale = 1.0f;
    double last_change = -1.0, last_redraw = -1.0;
    int frame = -1;
    float effective = 1.0f;
    bool redraw = true;
} quality;

void update_quality(const AppState& app) {
    int frame = ImGui::GetFrameCount();
    if (quality.frame == frame) return;
    quality.frame = frame;
    double now = ImGui::GetTime(), dt = ImGui::GetIO().DeltaTime;
    if (dt > 0.25) dt = quality.frame_ema;   // the first frame after an idle spell: not a slow frame
    quality.frame_ema += (dt - quality.frame_ema) * 0.2;
    bool moving = app.running || now - quality.last_change < kSettleSeconds;
    if (moving && dt > 1.0 / 20.0) quality.scale = std::max(0.35f, quality.scale * 0.8f);
    else if (moving && quality.frame_ema > 1.0 / 30.0) quality.scale = std::max(0.35f, quality.scale * 0.95f);
    else if (quality.frame_ema < 1.0 / 45.0) quality.scale = std::min(1.0f, quality.scale * 1.05f);
    quality.effective = moving ? quality.scale : 1.0f;
    bool slow = quality.scale <= 0.36f && quality.frame_ema > 1.0 / 20.0;
    bool busy = quality.frame_ema > 1.0 / 45.0;
    quality.redraw = !moving || (slow ? now - quality.last_redraw >= 0.4 : !busy || frame % 2 == 0);
}

int quantised(float px, int step) { return (static_cast<int>(px) + step - 1) / step * step; }

bool params_finite(const bpl::Network& net) {
    if (net.diverged) return false;
    for (double p : net.params)
        if (!std::isfinite(p)) return false;
    return true;
}

// The text shown instead of a map; true when the map can be drawn.
bool map_usable(const AppState& app) {
    if (!map_renderer_available()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextWrapped("Maps unavailable: %s", map_renderer_status());
        ImGui::PopStyleColor();
        return false;
    }
    if (!params_finite(app.net)) {
        ImGui::TextColored(ui_vec4(ui_color().bad_text), "Diverged");
        ImGui::TextWrapped("%s", "The weights are no longer finite numbers, so there is nothing to map. "
                                 "Reset, or lower the learning rate.");
        return false;
    }
    return true;
}

void update_maps(AppState& app) {
    update_quality(app);
    if (!quality.redraw) return;
    float k = quality.effective;
    if (map_renderer_update(app.net, ui_palette(), quantised(requested_output_px * k, 16),
                            quantised(requested_tile_px * k, 8), k)) {
        quality.last_change = ImGui::GetTime();
        quality.last_redraw = quality.last_change;
        if (k < 1.0f) guest_animate_for(app, kSettleSeconds + 0.05);
    }
}

// Where a map sits on screen and which input square it shows.
struct MapFrame {
    ImVec2 origin;   // top-left corner
    float side;
    MapBox box;
    ImVec2 screen(double x0, double x1) const {   // input space -> screen (x₂ up)
        float u = static_cast<float>((x0 - box.lo) / (box.hi - box.lo));
        float v = static_cast<float>((x1 - box.lo) / (box.hi - box.lo));
        return ImVec2(origin.x + u * side, origin.y + (1.0f - v) * side);
    }
    void input(ImVec2 m, double& x0, double& x1) const {   // screen -> input space
        x0 = box.lo + (box.hi - box.lo) * (m.x - origin.x) / side;
        x1 = box.lo + (box.hi - box.lo) * (1.0 - (m.y - origin.y) / side);
    }
};

void draw_axes(ImDrawList* dl, const MapFrame& f, bool cloud) {
    ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text);
    ImU32 faint = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    float tick = 4.0f, line_h = ImGui::GetTextLineHeight();
    ImVec2 origin = f.origin;
    float side = f.side;
    const char* x1 = viz::pick("x₁", "x1");
    const char* x2 = viz::pick("x₂", "x2");
    if (!cloud) {   // ticks at 0 and 1 inside [−0.5, 1.5]; names at the far ends
        for (int k = 0; k <= 1; ++k) {
            char text[4];
            std::snprintf(text, sizeof text, "%d", k);
            ImVec2 tx = f.screen(k, f.box.lo);
            dl->AddLine(tx, ImVec2(tx.x, tx.y + tick), faint);
            dl->AddText(ImVec2(tx.x - ImGui::CalcTextSize(text).x * 0.5f, tx.y + tick), faint, text);
            ImVec2 ty = f.screen(f.box.lo, k);
            dl->AddLine(ImVec2(ty.x - tick, ty.y), ty, faint);
            dl->AddText(ImVec2(ty.x - tick - 2.0f - ImGui::CalcTextSize(text).x, ty.y - line_h * 0.5f), faint, text);
        }
        dl->AddText(ImVec2(origin.x + side - ImGui::CalcTextSize(x1).x, origin.y + side + tick), ink, x1);
        dl->AddText(ImVec2(origin.x - tick - 2.0f - ImGui::CalcTextSize(x2).x, origin.y), ink, x2);
    } else {   // ticks at −1, −0.5, 0, 0.5, 1; labels at −1, 0, 1 kept inside the corners
        const char* minus = viz::pick("−", "-");
        for (int h = -2; h <= 2; ++h) {
            double k = h * 0.5;
            ImVec2 tx = f.screen(k, f.box.lo), ty = f.screen(f.box.lo, k);
            dl->AddLine(tx, ImVec2(tx.x, tx.y + tick), faint);
            dl->AddLine(ImVec2(ty.x - tick, ty.y), ty, faint);
            if (h % 2 != 0) continue;
            char text[8];
            viz::signed_text(text, sizeof text, k, 0, minus);
            ImVec2 size = ImGui::CalcTextSize(text);
            float align = h < 0 ? 0.0f : h > 0 ? 1.0f : 0.5f;   // 0: starts at the tick, 1: ends there
            dl->AddText(ImVec2(tx.x - size.x * align, tx.y + tick), faint, text);
            dl->AddText(ImVec2(ty.x - tick - 2.0f - size.x, ty.y - line_h * (1.0f - align)), faint, text);
        }
        ImVec2 mx = f.screen(0.5, f.box.lo), my = f.screen(f.box.lo, 0.5);
        dl->AddText(ImVec2(mx.x - ImGui::CalcTextSize(x1).x * 0.5f, mx.y + tick), ink, x1);
        dl->AddText(ImVec2(my.x - tick - 2.0f - ImGui::CalcTextSize(x2).x, my.y - line_h * 0.5f), ink, x2);
    }
    dl->AddRect(origin, ImVec2(origin.x + side, origin.y + side), faint);
}

void draw_table_points(ImDrawList* dl, const bpl::Network& net, const MapFrame& f) {
    float radius = std::clamp(f.side * 0.035f, 4.0f, 9.0f);
    for (int row = 0; row < net.data.samples; ++row) {
        viz::DataPoint d = viz::data_point(net, row);
        ImVec2 c = f.screen(d.x0, d.x1);
        dl->AddCircleFilled(c, radius + 2.0f, ui_color().neuron_edge);
        dl->AddCircleFilled(c, radius + 0.5f, ui_color().point_ring);
        dl->AddCircleFilled(c, radius - 1.5f, viz::diverging(d.target > 0.5 ? 1.0 : -1.0));
    }
}

float cloud_point_radius(float side) { return std::clamp(side * 0.016f, 3.0f, 6.0f); }

// Training points filled, test points hollow (a hole in the middle), both in their target's
// colour inside a ring of the theme's marker ring, so they read over the map's colours; the
// followed point ringed. Kept cheap for 1,000 points: ImGui's table-driven circles (automatic
// segment count, no trigonometry), and anti-aliasing only on the outer edge, the one that
// meets the map.
void draw_cloud_points(ImDrawList* dl, const AppState& app, const MapFrame& f) {
    const bpl::Network& net = app.net;
    float radius = cloud_point_radius(f.side);
    const ImU32 ring = ui_color().point_ring, one = viz::diverging(1.0), zero = viz::diverging(-1.0);
    const ImDrawListFlags flags = dl->Flags;
    dl->PushClipRect(f.origin, ImVec2(f.origin.x + f.side, f.origin.y + f.side), true);
    for (int p = 0; p < net.data.samples; ++p) {
        viz::DataPoint d = viz::data_point(net, p);
        ImVec2 c = f.screen(d.x0, d.x1);
        dl->Flags = flags;
        dl->AddCircleFilled(c, radius + 1.0f, ring);
        dl->Flags = flags & ~ImDrawListFlags_AntiAliasedFill;
        dl->AddCircleFilled(c, radius, d.target > 0.5 ? one : zero);
        if (!d.train) dl->AddCircleFilled(c, radius * 0.45f, ring);
    }
    dl->Flags = flags;
    viz::DataPoint s = viz::data_point(net, viz::followed_point(app));
    ImVec2 c = f.screen(s.x0, s.x1);
    dl->AddCircle(c, radius + 4.5f, ring, 0, 3.5f);
    dl->AddCircle(c, radius + 4.5f, ImGui::GetColorU32(ImGuiCol_Text), 0, 2.0f);
    dl->PopClipRect();
}

// The point under the pointer (nearest within a few pixels), or -1.
int point_under(const bpl::Network& net, const MapFrame& f, ImVec2 m) {
    float reach = std::max(8.0f, cloud_point_radius(f.side) + 3.0f), best = reach * reach;
    int found = -1;
    for (int p = 0; p < net.data.samples; ++p) {
        viz::DataPoint d = viz::data_point(net, p);
        ImVec2 c = f.screen(d.x0, d.x1);
        float dd = (m.x - c.x) * (m.x - c.x) + (m.y - c.y) * (m.y - c.y);
        if (dd <= best) best = dd, found = p;
    }
    return found;
}

// Vertical bar: ŷ = 1 blue at the top, 0.5 neutral, 0 orange at the bottom.
void draw_color_bar(ImDrawList* dl, ImVec2 top, float height) {
    float width = 10.0f, half = height * 0.5f;
    ImU32 blue = viz::diverging(1.0), grey = viz::diverging(0.0), orange = viz::diverging(-1.0);
    dl->AddRectFilledMultiColor(top, ImVec2(top.x + width, top.y + half), blue, blue, grey, grey);
    dl->AddRectFilledMultiColor(ImVec2(top.x, top.y + half), ImVec2(top.x + width, top.y + height), grey, grey, orange,
                                orange);
    ImU32 faint = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    dl->AddRect(top, ImVec2(top.x + width, top.y + height), faint);
    const char* labels[3] = {"1", "0.5", "0"};
    float line_h = ImGui::GetTextLineHeight();
    for (int k = 0; k < 3; ++k) {
        float y = top.y + height * 0.5f * k;
        dl->AddLine(ImVec2(top.x + width, y), ImVec2(top.x + width + 3.0f, y), faint);
        dl->AddText(ImVec2(top.x + width + 5.0f, y - line_h * 0.5f), faint, labels[k]);
    }
    const char* y_hat = viz::pick("ŷ", "y^");
    dl->AddText(ImVec2(top.x, top.y - line_h * 1.5f - 2.0f), ImGui::GetColorU32(ImGuiCol_Text), y_hat);
}

void table_map_tooltip(const AppState& app, const MapFrame& f) {
    const bpl::Network& net = app.net;
    ImVec2 m = ImGui::GetIO().MousePos;
    double x0, x1;
    f.input(m, x0, x1);
    ImGui::BeginTooltip();
    for (int row = 0; row < net.data.samples; ++row) {
        viz::DataPoint d = viz::data_point(net, row);
        ImVec2 c = f.screen(d.x0, d.x1);
        if (std::hypot(m.x - c.x, m.y - c.y) > 10.0f) continue;
        ImGui::Text("%s row %s: target %g", bpl::data_info(net.config.data.kind).label, bpl::kRowNames[row & 3],
                    d.target);
        x0 = d.x0;
        x1 = d.x1;
    }
    ImGui::Text("%s = %.3f   %s = %.3f", viz::pick("x₁", "x1"), x0, viz::pick("x₂", "x2"), x1);
    ImGui::Text("%s = %.5f", viz::pick("ŷ", "y^"), bpl::network_eval(net, x0, x1));
    ImGui::EndTooltip();
}

void cloud_map_tooltip(const AppState& app, const MapFrame& f, int point) {
    const bpl::Network& net = app.net;
    const char* minus = viz::pick("−", "-");
    const char* y_hat = viz::pick("ŷ", "y^");
    ImGui::BeginTooltip();
    if (point >= 0) {
        viz::DataPoint d = viz::data_point(net, point);
        char a[16], b[16];
        viz::signed_text(a, sizeof a, d.x0, 2, minus);
        viz::signed_text(b, sizeof b, d.x1, 2, minus);
        ImGui::Text("point %d  (%s)", point, d.train ? "training" : "test");
        ImGui::Text("x = (%s, %s)   target %g", a, b, d.target);
        double out = bpl::network_eval(net, d.x0, d.x1);
        bool right = (out >= 0.5) == (d.target >= 0.5);
        ImGui::Text("%s = %.4f   %s", y_hat, out, right ? "right" : "wrong");
        if (point != app.selected_row) ImGui::TextDisabled("click to follow it in the network");
    } else {
        double x0, x1;
        f.input(ImGui::GetIO().MousePos, x0, x1);
        char a[16], b[16];
        viz::signed_text(a, sizeof a, x0, 3, minus);
        viz::signed_text(b, sizeof b, x1, 3, minus);
        ImGui::Text("%s = %s   %s = %s", viz::pick("x₁", "x1"), a, viz::pick("x₂", "x2"), b);
        ImGui::Text("%s = %.5f", y_hat, bpl::network_eval(net, x0, x1));
        ImGui::TextDisabled("filled: training points, rings: test points");
    }
    ImGui::EndTooltip();
}

}   // namespace

// ---- output decision map ---------------------------------------------------------------
void draw_decision_map_panel(AppState& app) {
    if (!map_usable(app)) return;
    ImVec2 avail = ImGui::GetContentRegionAvail();
    float line_h = ImGui::GetTextLineHeight();
    float left = ImGui::CalcTextSize("x2").x + 10.0f, bottom = line_h + 6.0f;
    // The colour bar's room: 14 px gap, the 10 px bar, 5 px to its "0.5" label and the label.
    float right = avail.x > 220.0f ? 56.0f : 0.0f, top = line_h * 0.5f + 2.0f;
    float side = std::floor(std::min(avail.x - left - right, avail.y - bottom - top));
    if (side < 32.0f) {
        ImGui::TextDisabled("(too small)");
        return;
    }
    float scale = ImGui::GetIO().DisplayFramebufferScale.x;
    requested_output_px = static_cast<int>(side * (scale > 0.0f ? scale : 1.0f));
    update_maps(app);
    MapImage image = map_renderer_output();
    ImVec2 cursor = ImGui::GetCursorScreenPos();
    float extra = std::floor((avail.x - left - right - side) * 0.5f);   // centre horizontally
    ImVec2 origin(cursor.x + left + std::max(extra, 0.0f), cursor.y + top);
    const MapFrame f{origin, side, map_box(app.net)};
    const bool cloud = app.net.data.cloud;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddImage(texture_id(image), origin, ImVec2(origin.x + side, origin.y + side), ImVec2(image.u0, image.v0),
                 ImVec2(image.u1, image.v1));
    draw_axes(dl, f, cloud);
    if (cloud) draw_cloud_points(dl, app, f);
    else draw_table_points(dl, app.net, f);
    if (right > 0.0f) draw_color_bar(dl, ImVec2(origin.x + side + 14.0f, origin.y + side * 0.2f), side * 0.6f);
    ImGui::SetCursorScreenPos(origin);
    ImGui::InvisibleButton("decision_map", ImVec2(side, side));
    if (cloud && (ImGui::IsItemHovered() || ImGui::IsItemClicked())) {
        int point = point_under(app.net, f, ImGui::GetIO().MousePos);
        if (ImGui::IsItemClicked() && point >= 0 && point != app.selected_row)
            apply_param(app, "point", std::to_string(point));   // the address bar follows
        if (ImGui::IsItemHovered()) cloud_map_tooltip(app, f, point);
    } else if (ImGui::IsItemHovered()) {
        table_map_tooltip(app, f);
    }
    ImGui::SetCursorScreenPos(ImVec2(cursor.x, origin.y + side + bottom));
}

// ---- per-neuron maps ---------------------------------------------------------------------
namespace {

// Largest tile side (px) with which every hidden layer fits the region, wrapping long layers.
float fit_tile(const bpl::Network& net, ImVec2 avail, float label_w, float gap) {
    float line_h = ImGui::GetTextLineHeight();
    for (float tile = 88.0f; tile > 18.0f; tile -= 2.0f) {
        int per_row = std::max(1, static_cast<int>((avail.x - label_w + gap) / (tile + gap)));
        float height = 0.0f;
        for (int l = 0; l + 1 < net.num_layers; ++l) {
            int rows = (net.layers[l].fan_out + per_row - 1) / per_row;
            height += rows * (tile + gap) + gap;
        }
        if (height + line_h <= avail.y) return tile;
    }
    return 18.0f;
}

void neuron_tooltip(const AppState& app, int layer, int unit, ImVec2 origin, float tile) {
    char name[32];
    viz::unit_label(name, sizeof name, layer, unit, app.net.num_layers);
    double x0, x1;
    MapFrame{origin, tile, map_box(app.net)}.input(ImGui::GetIO().MousePos, x0, x1);
    NetProbe probe;
    net_probe_forward(app.net, x0, x1, probe);
    ImGui::BeginTooltip();
    ImGui::Text("%s: %s of hidden layer %d", name, bpl::activation_info(app.net.config.activation).label, layer + 1);
    ImGui::TextDisabled("line: where z = 0 (the unit's own boundary)");
    ImGui::Text("at (%.2f, %.2f):  z = %.4f   a = %.4f", x0, x1, probe.z[layer][unit], probe.a[layer][unit]);
    ImGui::EndTooltip();
}

// One tile: the unit's map, its frame (thick when linked to the diagram's hover), a mark
// when a ReLU unit is off over the whole square, hover tooltip.
void draw_tile(AppState& app, ImDrawList* dl, int l, int j, ImVec2 p, float tile, bool linked) {
    MapImage image = map_renderer_neuron(l, j);
    dl->AddImage(texture_id(image), p, ImVec2(p.x + tile, p.y + tile), ImVec2(image.u0, image.v0),
                 ImVec2(image.u1, image.v1));
    if (app.net.config.activation == bpl::Activation::relu && map_renderer_unit_peak(l, j) == 0.0) {
        const char* off = tile >= 40.0f ? "off" : "-";
        ImVec2 size = ImGui::CalcTextSize(off);
        dl->AddText(ImVec2(p.x + (tile - size.x) * 0.5f, p.y + (tile - size.y) * 0.5f),
                    ImGui::GetColorU32(ImGuiCol_TextDisabled), off);
    }
    ImGui::SetCursorScreenPos(p);
    ImGui::PushID(l * 64 + j);
    ImGui::InvisibleButton("unit_map", ImVec2(tile, tile));
    ImGui::PopID();
    bool hovered = ImGui::IsItemHovered();
    if (hovered) {
        neuron_tooltip(app, l, j, p, tile);
        app.hover = HoverInfo{l, j, -1};
        app.hover_frame = ImGui::GetFrameCount();
    }
    dl->AddRect(ImVec2(p.x - 1, p.y - 1), ImVec2(p.x + tile + 1, p.y + tile + 1),
                linked || hovered ? ImGui::GetColorU32(ImGuiCol_Text) : ImGui::GetColorU32(ImGuiCol_Border), 0.0f, 0,
                linked ? 2.0f : 1.0f);
}

}   // namespace

void draw_neuron_maps_panel(AppState& app) {
    if (!map_usable(app)) return;
    const bpl::Network& net = app.net;
    if (net.num_layers == 1) {   // hidden=0: the output unit alone, one straight boundary
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextWrapped("%s", "No hidden layer: the output unit alone splits the square with one straight "
                                 "line (the decision map's boundary). Add a hidden layer to bend it.");
        ImGui::PopStyleColor();
        return;
    }
    if (ImGui::GetContentRegionAvail().y > 160.0f) {
        const char* caption = "Each hidden unit's activation over the input square; the line is where its z = 0.";
        if (ImGui::CalcTextSize(caption).x > ImGui::GetContentRegionAvail().x)
            caption = "Colour: activation a.  Line: z = 0.";
        ImGui::TextDisabled("%s", caption);
    }
    ImVec2 avail = ImGui::GetContentRegionAvail();
    float gap = 4.0f, label_w = ImGui::CalcTextSize("Leaky ReLU").x * 0.5f + 14.0f;
    float tile = fit_tile(net, avail, label_w, gap);
    float scale = ImGui::GetIO().DisplayFramebufferScale.x;
    requested_tile_px = static_cast<int>(tile * (scale > 0.0f ? scale : 1.0f));
    update_maps(app);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    int per_row = std::max(1, static_cast<int>((avail.x - label_w + gap) / (tile + gap)));
    bool hover_live = app.hover.unit >= 0 && app.hover.from_unit < 0 && ImGui::GetFrameCount() - app.hover_frame <= 1;
    float line_h = ImGui::GetTextLineHeight();
    for (int l = 0; l + 1 < net.num_layers; ++l) {
        ImVec2 row_start = ImGui::GetCursorScreenPos();
        char label[32];
        std::snprintf(label, sizeof label, "%s", viz::pick(l == 0 ? "h¹" : l == 1 ? "h²" : l == 2 ? "h³" : "h⁴", "h"));
        if (label[1] == '\0') std::snprintf(label, sizeof label, "h%d", l + 1);
        float mid = row_start.y + std::min(tile, 2.0f * line_h + 4.0f) * 0.5f;
        dl->AddText(ImVec2(row_start.x, mid - line_h), ImGui::GetColorU32(ImGuiCol_Text), label);
        if (tile >= 2.0f * line_h)
            dl->AddText(nullptr, ImGui::GetFontSize() * 0.8f, ImVec2(row_start.x, mid + 2.0f),
                        ImGui::GetColorU32(ImGuiCol_TextDisabled), bpl::activation_info(net.config.activation).label);
        for (int j = 0; j < net.layers[l].fan_out; ++j) {
            ImVec2 p(row_start.x + label_w + (j % per_row) * (tile + gap), row_start.y + (j / per_row) * (tile + gap));
            draw_tile(app, dl, l, j, p, tile, hover_live && app.hover.layer == l && app.hover.unit == j);
        }
        int rows = (net.layers[l].fan_out + per_row - 1) / per_row;
        ImGui::SetCursorScreenPos(ImVec2(row_start.x, row_start.y + rows * (tile + gap) + gap));
    }
    ImGui::Dummy(ImVec2(0, 0));
}

// Rewind: a scrubber over the stored epochs (every epoch of the last 1,000, thinned before),
// step-back buttons, and the before/after of the last update. Rewinding pauses; Play replays
// (same settings, same weights) or branches (change a setting first: the weights are kept).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include "session.hpp"
#include "before_after.hpp"
#include "insight.hpp"
#include "ui_theme.hpp"

namespace {

void dim_wrapped(const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ui_color().text_dim);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
}

void coverage_line(const History& h) {
    long long oldest = history_oldest(h);
    long long exact_from = history_exact_from(h);
    if (exact_from >= 0 && exact_from <= oldest + 1)
        ImGui::Text("Stored: every epoch from %lld to %lld", oldest, h.newest);
    else if (exact_from >= 0)
        ImGui::Text("Stored: every epoch from %lld to %lld, one per %lld epochs before (from %lld)", exact_from,
                    h.newest, h.thinned_stride, oldest);
    else ImGui::Text("Stored: epochs %lld to %lld, one per %lld", oldest, h.newest, h.thinned_stride);
}

void scrubber(AppState& app) {
    InsightState& s = app.insight;
    const History& h = app.history;
    long long lo = std::max(0LL, history_oldest(h)), hi = std::max(lo, h.newest);
    long long v = s.scrub_epoch >= 0 ? s.scrub_epoch : app.net.epoch;
    v = std::clamp(v, lo, hi);
    long long shown = std::max(0LL, history_find(h, v));
    char fmt[64];
    double loss = history_loss(h, shown);
    if (shown > 0 && std::isfinite(loss)) std::snprintf(fmt, sizeof fmt, "epoch %lld · loss %.4g", shown, loss);
    else std::snprintf(fmt, sizeof fmt, "epoch %lld", shown);
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
    if (ImGui::SliderScalar("##scrub", ImGuiDataType_S64, &v, &lo, &hi, fmt, ImGuiSliderFlags_AlwaysClamp))
        s.scrub_epoch = v;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Drag to an earlier epoch and let go to rewind there");
    if (ImGui::IsItemDeactivated() && s.scrub_epoch >= 0) {
        insight_rewind(app, s.scrub_epoch);
        s.scrub_epoch = -1;
    }
}

void back_buttons(AppState& app) {
    const long long steps[] = {1, 10, 100, 1000};
    const History& h = app.history;
    ImGui::BeginDisabled(h.newest <= history_oldest(h));
    if (ImGui::Button("⟲ Start")) insight_rewind(app, 0);
    for (long long n : steps) {
        ImGui::SameLine();
        char label[24];
        std::snprintf(label, sizeof label, "◀ %lld", n);
        if (ImGui::Button(label)) insight_rewind(app, std::max(0LL, app.net.epoch - n));
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("Back %lld epoch%s (or to the nearest stored one before)", n, n == 1 ? "" : "s");
    }
    ImGui::EndDisabled();
}

}   // namespace

void draw_before_after(const AppState& app) {
    BeforeAfter ba = update_before_after(app.net);
    if (!ba.valid) return;
    const bpl::Network& net = app.net;
    char what[48];
    if (!net.data.cloud && ba.rows == net.data.samples) std::snprintf(what, sizeof what, "all 4 rows");
    else if (!net.data.cloud) std::snprintf(what, sizeof what, "row %d%d", ba.row0 >> 1, ba.row0 & 1);
    else if (ba.rows == 1 && ba.row0 < static_cast<int>(net.row_point.size()))
        std::snprintf(what, sizeof what, "point %d", net.row_point[static_cast<size_t>(ba.row0)]);
    else if (ba.rows == net.data.train) std::snprintf(what, sizeof what, "all %d training points", ba.rows);
    else std::snprintf(what, sizeof what, "this batch (%d points)", ba.rows);
    ImGui::PushFont(g_fonts.bold);
    ImGui::TextUnformatted(ba.pending ? "The coming update (w ← w − η·∂L/∂w)" : "The last update (w ← w − η·∂L/∂w)");
    ImGui::PopFont();
    double change = ba.after - ba.before;
    ImGui::Text("loss on %s: %.6g → %.6g", what, ba.before, ba.after);
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, change <= 0 ? ui_color().good_text : ui_color().bad_text);
    ImGui::Text("(%+.3g)", change);
    ImGui::PopStyleColor();
}

void draw_rewind_panel(AppState& app) {
    coverage_line(app.history);
    scrubber(app);
    back_buttons(app);
    ImGui::Spacing();
    dim_wrapped("Rewinding pauses and cuts the loss curve there. Press Play to replay: same settings give the "
                "very same weights. Or change a setting first (η, loss, optimiser) to branch from that point.");
    ImGui::Separator();
    draw_before_after(app);
}

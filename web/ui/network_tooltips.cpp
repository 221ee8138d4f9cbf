// The diagram's hover tooltips (see network_tooltips.hpp).
#include "network_tooltips.hpp"
#include <cstdio>
#include "imgui.h"
#include "losses.hpp"
#include "viz_labels.hpp"

namespace {

using bpl::kRowNames;

double input_of(const viz::DataPoint& p, int unit) { return unit == 0 ? p.x0 : p.x1; }

// "row 01" or "point 17".
void row_name(char* buf, size_t size, const DiagramRows& rows, int k) {
    if (rows.cloud) std::snprintf(buf, size, "point %d", rows.point[k].index);
    else std::snprintf(buf, size, "%s", kRowNames[k]);
}

void input_tooltip(const AppState& app, int unit, const DiagramRows& rows) {
    char name[32];
    viz::unit_label(name, sizeof name, -1, unit, app.net.num_layers);
    ImGui::Text("%s: input %d", name, unit + 1);
    if (rows.cloud) {
        ImGui::TextDisabled("the %s coordinate of each point", unit == 0 ? "first" : "second");
        ImGui::Text("point %d: %s = %+.4f", rows.point[0].index, name, input_of(rows.point[0], unit));
        return;
    }
    ImGui::TextDisabled("the %s digit of each %s row", unit == 0 ? "first" : "second",
                        bpl::data_info(app.net.config.data.kind).label);
    for (int r = 0; r < rows.count; ++r)
        ImGui::Text("%s row %s: %s = %g", r == app.selected_row ? ">" : " ", kRowNames[r], name,
                    input_of(rows.point[r], unit));
}

// Rows of z, a, δ (δ from the last backward pass), the selected row marked.
void unit_rows_table(const AppState& app, int l, int j, const DiagramRows& rows) {
    const bpl::Network& net = app.net;
    int fan_out = net.layers[l].fan_out;
    if (!ImGui::BeginTable("unit_rows", 4, ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg)) return;
    ImGui::TableSetupColumn(rows.cloud ? "point" : "row");
    ImGui::TableSetupColumn("z");
    ImGui::TableSetupColumn("a");
    ImGui::TableSetupColumn(viz::pick("δ", "delta"));
    ImGui::TableHeadersRow();
    char name[24];
    for (int r = 0; r < rows.count; ++r) {
        ImGui::TableNextRow();
        if (r == rows.selected) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, ImGui::GetColorU32(ImGuiCol_Header));
        ImGui::TableNextColumn();
        row_name(name, sizeof name, rows, r);
        ImGui::TextUnformatted(name);
        ImGui::TableNextColumn();
        ImGui::Text("%+.5f", rows.probe[r].z[l][j]);
        ImGui::TableNextColumn();
        ImGui::Text("%+.5f", rows.probe[r].a[l][j]);
        ImGui::TableNextColumn();
        if (rows.delta_row[r] >= 0) ImGui::Text("%+.5g", bpl::layer_delta(net, l)[rows.delta_row[r] * fan_out + j]);
        else ImGui::TextDisabled("not in the last batch");
    }
    ImGui::EndTable();
}

void unit_tooltip(const AppState& app, int l, int j, const DiagramRows& rows) {
    const bpl::Network& net = app.net;
    bool output = l == net.num_layers - 1;
    bpl::Activation act = bpl::layer_activation(net, l);
    char name[32];
    viz::unit_label(name, sizeof name, l, j, net.num_layers);
    if (output) ImGui::Text("%s: the output  (%s)", name, bpl::activation_info(act).label);
    else ImGui::Text("%s: hidden layer %d, unit %d  (%s)", name, l + 1, j + 1, bpl::activation_info(act).label);
    ImGui::TextDisabled("z = in . w + b,   a = %s", bpl::activation_info(act).formula);
    unit_rows_table(app, l, j, rows);
    size_t b = net.layers[l].b + j;
    ImGui::Text("bias b = %+.5f", net.params[b]);
    ImGui::Text("%s = %+.5g   last %s = %+.3g", viz::pick("∂L/∂b", "dL/db"), net.grads[b], viz::pick("Δb", "step b"),
                net.last_step[b]);
    ImGui::TextDisabled("%s from the last backward pass", viz::pick("δ and ∂L/∂b", "delta and dL/db"));
}

void connection_tooltip(const AppState& app, int column, int j, int i) {
    const bpl::Network& net = app.net;
    int l = column - 1;
    char from[32], to[32];
    viz::unit_label(from, sizeof from, l - 1 < 0 ? -1 : l - 1, i, net.num_layers);
    viz::unit_label(to, sizeof to, l, j, net.num_layers);
    size_t w = net.layers[l].w + static_cast<size_t>(i) * net.layers[l].fan_out + j;
    ImGui::Text("%s %s %s   weight W%d[%d][%d]", from, viz::pick("→", "->"), to, l + 1, i, j);
    ImGui::Separator();
    ImGui::Text("w      = %+.6f", net.params[w]);
    ImGui::Text("%s  = %+.6g", viz::pick("∂L/∂w", "dL/dw"), net.grads[w]);
    ImGui::Text("last %s = %+.4g", viz::pick("Δw", "step"), net.last_step[w]);
    ImGui::TextDisabled("%s", viz::pick("∂L/∂w = Σ rows: (input a) × (δ of the target)",
                                        "dL/dw = sum over rows of input a * target delta"));
}

void loss_tooltip(const AppState& app, const DiagramRows& rows) {
    const bpl::Network& net = app.net;
    const bpl::LossInfo& info = bpl::loss_info(net.config.loss);
    ImGui::Text("Loss: %s", info.label);
    ImGui::TextDisabled("%s", info.formula);
    ImGui::Text("L = %.6g  (epoch %lld)", net.epoch_loss, net.epoch);
    if (rows.cloud) {
        const bpl::Evaluation& e = app.eval;
        ImGui::Text("training loss %.5g   test loss %.5g", e.train_loss, e.test_loss);
        const viz::DataPoint& p = rows.point[0];
        double out = rows.probe[0].a[net.num_layers - 1][0];
        ImGui::Text("> point %d: l = %.5g", p.index, bpl::loss_sample(net.config.loss, out, p.target));
    } else {
        for (int r = 0; r < rows.count; ++r)
            ImGui::Text("%s row %s: l = %.5g", r == app.selected_row ? ">" : " ", kRowNames[r], net.sample_loss[r]);
    }
    ImGui::Separator();
    ImGui::TextDisabled("backprop starts here: %s", info.delta_formula);
}

}   // namespace

void diagram_tooltip(const AppState& app, const DiagramHit& hit, const DiagramRows& rows) {
    if (!hit.loss && hit.column < 0) return;
    ImGui::BeginTooltip();
    if (hit.loss) loss_tooltip(app, rows);
    else if (hit.from_unit >= 0) connection_tooltip(app, hit.column, hit.unit, hit.from_unit);
    else if (hit.column == 0) input_tooltip(app, hit.unit, rows);
    else unit_tooltip(app, hit.column - 1, hit.unit, rows);
    ImGui::EndTooltip();
}

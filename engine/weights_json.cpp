// Weights files: the expected document walked with JsonReader, then the shape checks
// (2 -> hidden... -> 1), and the writer. Unknown keys are skipped (so a file may carry notes
// or the CLI's settings/losses); a repeated "layers", "W" or "b" is an error.
#include "weights_json.hpp"
#include <algorithm>
#include <cmath>
#include <cstdio>
#include "json_reader.hpp"

namespace bpl {

namespace {

static_assert(kMaxLayers == 5 && kMaxHiddenUnits == 32, "the messages below spell out these limits");

struct RawLayer {
    bool has_W = false, has_b = false;
    std::vector<std::vector<double>> W;
    int extra_rows = 0;   // rows past kMaxHiddenUnits: skipped and only counted (always an error)
    std::vector<double> b;
};

std::string indexed(const std::string& place, int index) { return place + "[" + std::to_string(index) + "]"; }

bool read_numbers(JsonReader& reader, const std::string& place, std::vector<double>& out) {
    return reader.read_array(place, [&](int i) {
        double value = 0.0;
        if (!reader.read_number(indexed(place, i), value)) return false;
        out.push_back(value);
        return true;
    });
}

bool read_layer(JsonReader& reader, const std::string& place, RawLayer& layer) {
    return reader.read_object(place, [&](const std::string& key) {
        if (key == "W") {
            if (layer.has_W) return reader.fail(place, "duplicate key \"W\"");
            layer.has_W = true;
            return reader.read_array(place + ".W", [&](int row) {
                if (row >= kMaxHiddenUnits) {
                    ++layer.extra_rows;
                    return reader.skip_value(place + ".W");
                }
                layer.W.emplace_back();
                return read_numbers(reader, indexed(place + ".W", row), layer.W.back());
            });
        }
        if (key == "b") {
            if (layer.has_b) return reader.fail(place, "duplicate key \"b\"");
            layer.has_b = true;
            return read_numbers(reader, place + ".b", layer.b);
        }
        return reader.skip_value(place);
    });
}

// Layers past kMaxLayers are skipped and only counted into extra_layers: a megabyte of "{},"
// would otherwise cost tens of megabytes of RawLayers before the count check refuses it.
bool read_document(std::string_view text, std::vector<RawLayer>& layers, int& extra_layers, std::string& error) {
    JsonReader reader(text, error);
    const char* top = "weights JSON";
    bool has_layers = false;
    bool ok = reader.read_object(top, [&](const std::string& key) {
        if (key != "layers") return reader.skip_value(top);
        if (has_layers) return reader.fail(top, "duplicate key \"layers\"");
        has_layers = true;
        return reader.read_array("layers", [&](int l) {
            if (l >= kMaxLayers) {
                ++extra_layers;
                return reader.skip_value("layers");
            }
            layers.emplace_back();
            return read_layer(reader, indexed("layers", l), layers.back());
        });
    });
    if (!ok) return false;
    if (!reader.at_end()) return reader.fail(top, "unexpected text after the JSON object");
    if (!has_layers) {
        error = "weights JSON: missing \"layers\" (expected {\"layers\": [{\"W\": [[...], ...], \"b\": [...]}, ...]})";
        return false;
    }
    return true;
}

// One layer's shape against the fan_in the previous layer produced.
bool check_layer(const RawLayer& raw, int l, int count, int fan_in, std::string& error) {
    std::string place = indexed("layers", l);
    if (!raw.has_W) {
        error = place + ": missing \"W\"";
        return false;
    }
    if (!raw.has_b) {
        error = place + ": missing \"b\"";
        return false;
    }
    int rows = static_cast<int>(raw.W.size()) + raw.extra_rows;
    if (rows != fan_in) {
        error = place + ".W: expected " + std::to_string(fan_in) + " rows, got " + std::to_string(rows) +
                (l == 0 ? " (one per input)" : " (one per unit of layers[" + std::to_string(l - 1) + "])");
        return false;
    }
    size_t cols = raw.W[0].size();
    for (int r = 1; r < rows; ++r)
        if (raw.W[r].size() != cols) {
            error = indexed(place + ".W", r) + ": expected " + std::to_string(cols) + " numbers like row 0, got " +
                    std::to_string(raw.W[r].size());
            return false;
        }
    bool output = l == count - 1;
    if (output && cols != kOutputs) {
        error = place + ".W: expected 1 column (the single output), got " + std::to_string(cols);
        return false;
    }
    if (!output && (cols < 1 || cols > static_cast<size_t>(kMaxHiddenUnits))) {
        error = place + ".W: a hidden layer needs 1 to 32 units (columns), got " + std::to_string(cols);
        return false;
    }
    if (raw.b.size() != cols) {
        error = place + ".b: expected " + std::to_string(cols) + " numbers (one per unit), got " +
                std::to_string(raw.b.size());
        return false;
    }
    return true;
}

void append_number(std::string& out, double x) {
    char text[32];
    if (std::isfinite(x)) std::snprintf(text, sizeof text, "%.17g", x);
    else std::snprintf(text, sizeof text, "null");   // JSON has no NaN/Infinity; reading it back fails clearly
    out += text;
}

void append_row(std::string& out, const double* values, int n) {
    out += '[';
    for (int i = 0; i < n; ++i) {
        if (i) out += ", ";
        append_number(out, values[i]);
    }
    out += ']';
}

}   // namespace

bool weights_from_json(std::string_view text, WeightsFile& out, std::string& error) {
    if (text.size() > kMaxWeightsJsonBytes) {
        error = "weights JSON: too large (" + std::to_string(text.size()) + " bytes; the limit is " +
                std::to_string(kMaxWeightsJsonBytes) + ")";
        return false;
    }
    std::vector<RawLayer> raw;
    int extra_layers = 0;
    if (!read_document(text, raw, extra_layers, error)) return false;
    int count = static_cast<int>(raw.size()) + extra_layers;
    if (count < 1 || count > kMaxLayers) {
        error = "layers: expected 1 to 5 layers (0 to 4 hidden layers, then the output layer), got " +
                std::to_string(count);
        return false;
    }
    WeightsFile file;
    int fan_in = kInputs;
    for (int l = 0; l < count; ++l) {
        if (!check_layer(raw[l], l, count, fan_in, error)) return false;
        LayerWeights layer;
        layer.fan_in = fan_in;
        layer.fan_out = static_cast<int>(raw[l].b.size());
        for (const std::vector<double>& row : raw[l].W) layer.W.insert(layer.W.end(), row.begin(), row.end());
        layer.b = raw[l].b;
        fan_in = layer.fan_out;
        file.layers.push_back(std::move(layer));
    }
    out = std::move(file);
    return true;
}

std::string weights_to_json(const Network& net) {
    std::string out = "{\"layers\": [\n";
    for (int l = 0; l < net.num_layers; ++l) {
        const LayerShape& shape = net.layers[l];
        out += "  {\"W\": [";
        for (int r = 0; r < shape.fan_in; ++r) {
            if (r) out += ", ";
            append_row(out, layer_W(net, l) + static_cast<size_t>(r) * shape.fan_out, shape.fan_out);
        }
        out += "], \"b\": ";
        append_row(out, layer_b(net, l), shape.fan_out);
        out += l + 1 < net.num_layers ? "},\n" : "}\n";
    }
    return out + "]}\n";
}

WeightsFile weights_of(const Network& net) {
    WeightsFile file;
    for (int l = 0; l < net.num_layers; ++l) {
        const LayerShape& shape = net.layers[l];
        LayerWeights layer;
        layer.fan_in = shape.fan_in;
        layer.fan_out = shape.fan_out;
        layer.W.assign(layer_W(net, l), layer_W(net, l) + static_cast<size_t>(shape.fan_in) * shape.fan_out);
        layer.b.assign(layer_b(net, l), layer_b(net, l) + shape.fan_out);
        file.layers.push_back(std::move(layer));
    }
    return file;
}

void config_set_shape_from(Config& cfg, const WeightsFile& w) {
    int hidden = static_cast<int>(w.layers.size()) - 1;
    if (hidden < 0 || hidden > kMaxHiddenLayers) return;   // not a checked file: leave cfg alone
    cfg.hidden_layers = hidden;
    for (int l = 0; l < hidden; ++l) cfg.hidden_units[l] = w.layers[l].fan_out;
}

bool weights_load(Network& net, const WeightsFile& w, std::string& error) {
    bool same = static_cast<int>(w.layers.size()) == net.num_layers;
    for (int l = 0; same && l < net.num_layers; ++l) {
        const LayerWeights& layer = w.layers[l];
        same = layer.fan_in == net.layers[l].fan_in && layer.fan_out == net.layers[l].fan_out &&
               layer.W.size() == static_cast<size_t>(layer.fan_in) * layer.fan_out &&
               layer.b.size() == static_cast<size_t>(layer.fan_out);
    }
    if (!same) {
        std::string file_hidden;
        for (size_t l = 0; l + 1 < w.layers.size(); ++l)
            file_hidden += (l ? "," : "") + std::to_string(w.layers[l].fan_out);
        error = "weights have hidden layers " + (file_hidden.empty() ? "(none)" : file_hidden) +
                " but the network has " + config_hidden_string(net.config);
        return false;
    }
    for (int l = 0; l < net.num_layers; ++l) {
        std::copy(w.layers[l].W.begin(), w.layers[l].W.end(), layer_W(net, l));
        std::copy(w.layers[l].b.begin(), w.layers[l].b.end(), layer_b(net, l));
    }
    network_clear_training(net);   // as network_reset does after drawing weights
    return true;
}

}   // namespace bpl

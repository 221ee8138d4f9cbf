// Series that always span the whole run in fixed memory: point i stands for epoch (i + 1)·stride.
// When full, the odd points (epochs 2·stride, 4·stride, …) are kept and the stride doubles, so
// the same rule holds afterwards. Used by the loss curve and the gradient sizes.
#pragma once
#include <cstddef>
#include <vector>

// `values` holds points of `width` numbers each; keeps points 1, 3, 5, … and doubles `stride`.
template <typename T>
void thin_to_odd_points(std::vector<T>& values, size_t width, long long& stride) {
    const size_t points = width ? values.size() / width : 0;
    size_t kept = 0;
    for (size_t i = 1; i < points; i += 2, ++kept)
        for (size_t k = 0; k < width; ++k) values[kept * width + k] = values[i * width + k];
    values.resize(kept * width);
    stride *= 2;
}

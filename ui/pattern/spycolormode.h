#pragma once

namespace fs::ui {

// What the colour of a bin in the sparsity plot stands for.
enum class SpyColorMode {
    Count,  ///< nonzeros in the bin: where the pattern is dense
    MaxAbs, ///< largest |value| in the bin: where the weight of the matrix lies
};

} // namespace fs::ui

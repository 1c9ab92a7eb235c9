#pragma once
// Bins a sparse matrix's entries onto a display grid, so a pattern with 10^7 nonzeros is drawn as
// one image of a few hundred thousand pixels instead of one marker per nonzero.

#include "sparse/matrix.h"

#include <cstdint>
#include <vector>

namespace fs::sparse {

/// Half-open index window [row_begin, row_end) x [col_begin, col_end) of a matrix.
struct BinWindow {
    Index row_begin = 0;
    Index row_end = 0;
    Index col_begin = 0;
    Index col_end = 0;

    static BinWindow whole(const Matrix &A) { return {0, static_cast<Index>(A.rows()), 0, static_cast<Index>(A.cols())}; }
};

struct PatternBins {
    BinWindow window;
    int bins_x = 0; ///< bins along the columns
    int bins_y = 0; ///< bins along the rows
    std::vector<std::uint32_t> counts; ///< nonzeros per bin, row-major: counts[y * bins_x + x]
    std::vector<double> max_abs;       ///< largest |value| per bin (0 for empty bins)
    std::int64_t total = 0;            ///< nonzeros inside the window (= sum of counts)
    std::uint32_t max_count = 0;

    /// Index range [begin, end) of rows covered by bin row y (and likewise for columns).
    Index rowOfBin(int y) const;
    Index colOfBin(int x) const;
};

/// Counts the entries of A inside `window` on a bins_x x bins_y grid. Bins never get smaller than
/// one matrix cell: the grid is shrunk to the window's size when the window is smaller.
/// Cost: O(columns in window · log(column length) + nonzeros in window).
PatternBins bin_pattern(const Matrix &A, BinWindow window, int bins_x, int bins_y);

} // namespace fs::sparse

#pragma once
// Bins a sparse matrix's entries onto a display grid, so a pattern with 10^7 nonzeros is drawn as
// one image of a few hundred thousand pixels instead of one marker per nonzero.

#include "sparse/matrix.h"

#include <cstdint>
#include <span>
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

/// Bins entries given column by column onto a grid (what bin_pattern does for a whole matrix), so
/// that a caller assembling a matrix column by column bins each column while it is still in cache.
class PatternBinner {
public:
    /// A grid over a rows × cols matrix; sizes as bin_pattern.
    PatternBinner(Index rows, Index cols, int bins_x, int bins_y);
    /// Entries of column `c`, in any order (ascending rows are the fast case); rows outside
    /// [0, rows) are ignored.
    void add_column(Index c, std::span<const Index> rows, std::span<const double> values);
    /// The bins so far (max_count set); the binner is left empty.
    PatternBins take();

private:
    PatternBins m_out;
    std::int64_t m_rows = 0, m_cols = 0;
    double m_ratioX = 0.0, m_ratioY = 0.0;
};

/// Counts the entries of A inside `window` on a bins_x x bins_y grid. Bins never get smaller than
/// one matrix cell: the grid is shrunk to the window's size when the window is smaller.
/// Cost: O(columns in window · log(column length) + nonzeros in window).
PatternBins bin_pattern(const Matrix &A, BinWindow window, int bins_x, int bins_y);

} // namespace fs::sparse

#include "sparse/pattern_bins.h"

#include <algorithm>
#include <cmath>

namespace fs::sparse {

Index PatternBins::rowOfBin(int y) const
{
    const std::int64_t span = window.row_end - window.row_begin;
    return static_cast<Index>(window.row_begin + (span * y + bins_y - 1) / std::max(bins_y, 1));
}

Index PatternBins::colOfBin(int x) const
{
    const std::int64_t span = window.col_end - window.col_begin;
    return static_cast<Index>(window.col_begin + (span * x + bins_x - 1) / std::max(bins_x, 1));
}

PatternBins bin_pattern(const Matrix &A, BinWindow w, int bins_x, int bins_y)
{
    w.row_begin = std::clamp<Index>(w.row_begin, 0, static_cast<Index>(A.rows()));
    w.row_end = std::clamp<Index>(w.row_end, w.row_begin, static_cast<Index>(A.rows()));
    w.col_begin = std::clamp<Index>(w.col_begin, 0, static_cast<Index>(A.cols()));
    w.col_end = std::clamp<Index>(w.col_end, w.col_begin, static_cast<Index>(A.cols()));

    PatternBins out;
    out.window = w;
    const std::int64_t nrows = w.row_end - w.row_begin;
    const std::int64_t ncols = w.col_end - w.col_begin;
    out.bins_x = static_cast<int>(std::clamp<std::int64_t>(bins_x, std::min<std::int64_t>(1, ncols), ncols));
    out.bins_y = static_cast<int>(std::clamp<std::int64_t>(bins_y, std::min<std::int64_t>(1, nrows), nrows));
    const std::size_t cells = static_cast<std::size_t>(out.bins_x) * static_cast<std::size_t>(out.bins_y);
    out.counts.assign(cells, 0);
    out.max_abs.assign(cells, 0.0);
    if (cells == 0)
        return out;

    // floor(k · bins / span) without a 64-bit division per entry (it dominated on large factors):
    // a floating-point estimate, corrected exactly with integer products.
    const auto binOf = [](std::int64_t k, std::int64_t bins, std::int64_t span, double ratio) {
        auto y = static_cast<std::int64_t>(static_cast<double>(k) * ratio);
        const std::int64_t t = k * bins;
        while (y > 0 && y * span > t)
            --y;
        while ((y + 1) * span <= t)
            ++y;
        return static_cast<int>(y);
    };
    const double ratioX = double(out.bins_x) / double(ncols), ratioY = double(out.bins_y) / double(nrows);
    const Index *outer = A.outerIndexPtr();
    const Index *inner = A.innerIndexPtr();
    const double *vals = A.valuePtr();
    const Index *nnzPerCol = A.innerNonZeroPtr(); // null when compressed
    for (Index c = w.col_begin; c < w.col_end; ++c) {
        const int x = binOf(c - w.col_begin, out.bins_x, ncols, ratioX);
        const Index *b = inner + outer[c];
        const Index *e = nnzPerCol ? b + nnzPerCol[c] : inner + outer[c + 1];
        const Index *lo = std::lower_bound(b, e, w.row_begin);
        const Index *hi = std::lower_bound(lo, e, w.row_end);
        for (const Index *p = lo; p < hi; ++p) {
            const int y = binOf(*p - w.row_begin, out.bins_y, nrows, ratioY);
            const std::size_t cell = static_cast<std::size_t>(y) * static_cast<std::size_t>(out.bins_x) + static_cast<std::size_t>(x);
            ++out.counts[cell];
            out.max_abs[cell] = std::max(out.max_abs[cell], std::abs(vals[p - inner]));
        }
        out.total += hi - lo;
    }
    out.max_count = out.counts.empty() ? 0 : *std::max_element(out.counts.begin(), out.counts.end());
    return out;
}

} // namespace fs::sparse

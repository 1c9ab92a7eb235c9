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

namespace {

// floor(k · bins / span) without a 64-bit division per entry (it dominated on large factors):
// a floating-point estimate, corrected exactly with integer products.
int bin_index(std::int64_t k, std::int64_t bins, std::int64_t span, double ratio)
{
    auto y = static_cast<std::int64_t>(static_cast<double>(k) * ratio);
    const std::int64_t t = k * bins;
    while (y > 0 && y * span > t)
        --y;
    while ((y + 1) * span <= t)
        ++y;
    return static_cast<int>(y);
}

// The grid of a window: bins never smaller than one cell, counts and maxima zero.
PatternBins empty_bins(BinWindow w, int bins_x, int bins_y)
{
    PatternBins out;
    out.window = w;
    const std::int64_t nrows = w.row_end - w.row_begin;
    const std::int64_t ncols = w.col_end - w.col_begin;
    out.bins_x = static_cast<int>(std::clamp<std::int64_t>(bins_x, std::min<std::int64_t>(1, ncols), ncols));
    out.bins_y = static_cast<int>(std::clamp<std::int64_t>(bins_y, std::min<std::int64_t>(1, nrows), nrows));
    const std::size_t cells = static_cast<std::size_t>(out.bins_x) * static_cast<std::size_t>(out.bins_y);
    out.counts.assign(cells, 0);
    out.max_abs.assign(cells, 0.0);
    return out;
}

void finish_bins(PatternBins &out)
{
    out.max_count = out.counts.empty() ? 0 : *std::max_element(out.counts.begin(), out.counts.end());
}

} // namespace

PatternBinner::PatternBinner(Index rows, Index cols, int bins_x, int bins_y)
    : m_out(empty_bins({0, std::max<Index>(rows, 0), 0, std::max<Index>(cols, 0)}, bins_x, bins_y))
    , m_rows(std::max<Index>(rows, 0))
    , m_cols(std::max<Index>(cols, 0))
{
    m_ratioX = m_cols > 0 ? double(m_out.bins_x) / double(m_cols) : 0.0;
    m_ratioY = m_rows > 0 ? double(m_out.bins_y) / double(m_rows) : 0.0;
}

void PatternBinner::add_column(Index c, std::span<const Index> rows, std::span<const double> values)
{
    if (m_out.counts.empty() || c < 0 || c >= m_cols)
        return;
    const auto bx = static_cast<std::size_t>(m_out.bins_x);
    const std::size_t x = static_cast<std::size_t>(bin_index(c, m_out.bins_x, m_cols, m_ratioX));
    // Rows usually ascend: a run of entries in one bin row [start, next) is written once, and the
    // bin is looked up again only when a row leaves it.
    int y = 0;
    Index start = 0, next = 0;
    std::uint32_t runCount = 0;
    double runMax = 0.0;
    const auto flush = [&] {
        if (runCount == 0)
            return;
        const std::size_t cell = static_cast<std::size_t>(y) * bx + x;
        m_out.counts[cell] += runCount;
        m_out.max_abs[cell] = std::max(m_out.max_abs[cell], runMax);
        m_out.total += runCount;
        runCount = 0;
        runMax = 0.0;
    };
    for (std::size_t k = 0; k < rows.size(); ++k) {
        const Index r = rows[k];
        if (r < 0 || r >= m_rows)
            continue;
        if (r < start || r >= next) {
            flush();
            y = bin_index(r, m_out.bins_y, m_rows, m_ratioY);
            start = m_out.rowOfBin(y);
            next = m_out.rowOfBin(y + 1);
        }
        ++runCount;
        runMax = std::max(runMax, std::abs(values[k]));
    }
    flush();
}

PatternBins PatternBinner::take()
{
    finish_bins(m_out);
    PatternBins out = std::move(m_out);
    m_out = PatternBins{};
    return out;
}

PatternBins bin_pattern(const Matrix &A, BinWindow w, int bins_x, int bins_y)
{
    w.row_begin = std::clamp<Index>(w.row_begin, 0, static_cast<Index>(A.rows()));
    w.row_end = std::clamp<Index>(w.row_end, w.row_begin, static_cast<Index>(A.rows()));
    w.col_begin = std::clamp<Index>(w.col_begin, 0, static_cast<Index>(A.cols()));
    w.col_end = std::clamp<Index>(w.col_end, w.col_begin, static_cast<Index>(A.cols()));

    PatternBins out = empty_bins(w, bins_x, bins_y);
    if (out.counts.empty())
        return out;
    const std::int64_t nrows = w.row_end - w.row_begin;
    const std::int64_t ncols = w.col_end - w.col_begin;
    const double ratioX = double(out.bins_x) / double(ncols), ratioY = double(out.bins_y) / double(nrows);
    const Index *outer = A.outerIndexPtr();
    const Index *inner = A.innerIndexPtr();
    const double *vals = A.valuePtr();
    const Index *nnzPerCol = A.innerNonZeroPtr(); // null when compressed
    for (Index c = w.col_begin; c < w.col_end; ++c) {
        const int x = bin_index(c - w.col_begin, out.bins_x, ncols, ratioX);
        const Index *b = inner + outer[c];
        const Index *e = nnzPerCol ? b + nnzPerCol[c] : inner + outer[c + 1];
        const Index *lo = std::lower_bound(b, e, w.row_begin);
        const Index *hi = std::lower_bound(lo, e, w.row_end);
        for (const Index *p = lo; p < hi; ++p) {
            const int y = bin_index(*p - w.row_begin, out.bins_y, nrows, ratioY);
            const std::size_t cell = static_cast<std::size_t>(y) * static_cast<std::size_t>(out.bins_x) + static_cast<std::size_t>(x);
            ++out.counts[cell];
            out.max_abs[cell] = std::max(out.max_abs[cell], std::abs(vals[p - inner]));
        }
        out.total += hi - lo;
    }
    finish_bins(out);
    return out;
}

} // namespace fs::sparse

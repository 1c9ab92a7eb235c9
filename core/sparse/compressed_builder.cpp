#include "sparse/compressed_builder.h"

#include <algorithm>
#include <numeric>
#include <utility>

namespace fs::sparse {

CompressedBuilder::CompressedBuilder(Index rows, Index cols, std::size_t expected_entries)
    : m_nrows(rows), m_ncols(cols)
{
    // Cap the reservation: the caller's estimate comes from a file header.
    const std::size_t cap = std::min<std::size_t>(expected_entries, std::size_t{1} << 26);
    m_rows.reserve(cap);
    m_cols.reserve(cap);
    m_vals.reserve(cap);
}

std::int64_t CompressedBuilder::firstDuplicate() const
{
    std::vector<std::int64_t> order(m_rows.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::int64_t a, std::int64_t b) {
        return std::pair(m_cols[a], m_rows[a]) < std::pair(m_cols[b], m_rows[b]);
    });
    std::int64_t first = -1;
    for (std::size_t k = 1; k < order.size(); ++k) {
        const auto a = order[k - 1], b = order[k];
        if (m_rows[a] == m_rows[b] && m_cols[a] == m_cols[b] && (first < 0 || b < first))
            first = b;
    }
    return first;
}

Matrix CompressedBuilder::build(Mirror mirror, std::int64_t *duplicates) const
{
    const std::size_t n = m_rows.size();
    std::vector<std::int64_t> colStart(static_cast<std::size_t>(m_ncols) + 1, 0);
    for (std::size_t k = 0; k < n; ++k) {
        ++colStart[static_cast<std::size_t>(m_cols[k]) + 1];
        if (mirror != Mirror::None && m_rows[k] != m_cols[k])
            ++colStart[static_cast<std::size_t>(m_rows[k]) + 1];
    }
    std::partial_sum(colStart.begin(), colStart.end(), colStart.begin());
    const std::int64_t total = colStart.back();

    std::vector<Index> rowIdx(static_cast<std::size_t>(total));
    std::vector<double> vals(static_cast<std::size_t>(total));
    std::vector<std::int64_t> next(colStart.begin(), colStart.end() - 1);
    const double mirrorSign = mirror == Mirror::Skew ? -1.0 : 1.0;
    for (std::size_t k = 0; k < n; ++k) {
        auto &p = next[static_cast<std::size_t>(m_cols[k])];
        rowIdx[p] = m_rows[k];
        vals[p] = m_vals[k];
        ++p;
        if (mirror != Mirror::None && m_rows[k] != m_cols[k]) {
            auto &q = next[static_cast<std::size_t>(m_rows[k])];
            rowIdx[q] = m_cols[k];
            vals[q] = mirrorSign * m_vals[k];
            ++q;
        }
    }

    // Sort each column by row (skipped when already sorted) and sum repeated rows in place.
    std::vector<std::pair<Index, double>> scratch;
    std::int64_t out = 0;
    std::int64_t dups = 0;
    std::vector<Index> outer(static_cast<std::size_t>(m_ncols) + 1, 0);
    for (Index c = 0; c < m_ncols; ++c) {
        const std::int64_t b = colStart[static_cast<std::size_t>(c)];
        const std::int64_t e = colStart[static_cast<std::size_t>(c) + 1];
        if (!std::is_sorted(rowIdx.begin() + b, rowIdx.begin() + e)) {
            scratch.clear();
            for (std::int64_t k = b; k < e; ++k)
                scratch.emplace_back(rowIdx[k], vals[k]);
            std::stable_sort(scratch.begin(), scratch.end(),
                             [](const auto &x, const auto &y) { return x.first < y.first; });
            for (std::int64_t k = b; k < e; ++k) {
                rowIdx[k] = scratch[static_cast<std::size_t>(k - b)].first;
                vals[k] = scratch[static_cast<std::size_t>(k - b)].second;
            }
        }
        const std::int64_t colOut = out;
        for (std::int64_t k = b; k < e; ++k) {
            if (out > colOut && rowIdx[out - 1] == rowIdx[k]) {
                vals[out - 1] += vals[k];
                // A mirrored off-diagonal duplicate shows up in both triangles; count it once.
                if (mirror == Mirror::None || rowIdx[k] >= c)
                    ++dups;
            } else {
                rowIdx[out] = rowIdx[k];
                vals[out] = vals[k];
                ++out;
            }
        }
        outer[static_cast<std::size_t>(c) + 1] = static_cast<Index>(out);
    }
    if (duplicates)
        *duplicates = dups;

    Matrix A(m_nrows, m_ncols);
    A.resizeNonZeros(static_cast<Index>(out));
    std::copy(outer.begin(), outer.end(), A.outerIndexPtr());
    std::copy(rowIdx.begin(), rowIdx.begin() + out, A.innerIndexPtr());
    std::copy(vals.begin(), vals.begin() + out, A.valuePtr());
    return A;
}

} // namespace fs::sparse

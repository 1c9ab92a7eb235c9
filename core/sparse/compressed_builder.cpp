#include "sparse/compressed_builder.h"

#include <algorithm>
#include <numeric>
#include <utility>

namespace fs::sparse {

CompressedBuilder::CompressedBuilder(Index rows, Index cols, std::size_t expected_entries)
    : m_nrows(rows), m_ncols(cols), m_segments(1)
{
    // Cap the reservation: the caller's estimate comes from a file header.
    const std::size_t cap = std::min<std::size_t>(expected_entries, std::size_t{1} << 20);
    m_segments[0].rows.reserve(cap);
    m_segments[0].cols.reserve(cap);
    m_segments[0].vals.reserve(cap);
}

void CompressedBuilder::adopt(std::vector<Index> &&rows, std::vector<Index> &&cols, std::vector<double> &&vals)
{
    m_segments.push_back(Segment{std::move(rows), std::move(cols), std::move(vals)});
    m_segments.emplace_back(); // later add() calls keep insertion order
}

std::int64_t CompressedBuilder::size() const
{
    std::int64_t n = 0;
    for (const Segment &s : m_segments)
        n += static_cast<std::int64_t>(s.rows.size());
    return n;
}

std::int64_t CompressedBuilder::firstDuplicate() const
{
    std::vector<std::pair<Index, Index>> coord;
    coord.reserve(static_cast<std::size_t>(size()));
    forEach([&](Index r, Index c, double) { coord.emplace_back(c, r); });
    std::vector<std::int64_t> order(coord.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::int64_t a, std::int64_t b) {
        return coord[static_cast<std::size_t>(a)] < coord[static_cast<std::size_t>(b)];
    });
    std::int64_t first = -1;
    for (std::size_t k = 1; k < order.size(); ++k) {
        const auto a = order[k - 1], b = order[k];
        if (coord[static_cast<std::size_t>(a)] == coord[static_cast<std::size_t>(b)] && (first < 0 || b < first))
            first = b;
    }
    return first;
}

Matrix CompressedBuilder::build(Mirror mirror, std::int64_t *duplicates) const
{
    // Two counting passes (by row, then by column while walking rows in order) leave every column
    // sorted by row without a comparison sort; duplicates are then adjacent and summed in place.
    const bool mirrored = mirror != Mirror::None;
    const double mirrorSign = mirror == Mirror::Skew ? -1.0 : 1.0;
    const std::size_t nr = static_cast<std::size_t>(m_nrows), nc = static_cast<std::size_t>(m_ncols);

    std::vector<std::int64_t> rowStart(nr + 1, 0), colStart(nc + 1, 0);
    forEach([&](Index r, Index c, double) {
        ++rowStart[static_cast<std::size_t>(r) + 1];
        ++colStart[static_cast<std::size_t>(c) + 1];
        if (mirrored && r != c) {
            ++rowStart[static_cast<std::size_t>(c) + 1];
            ++colStart[static_cast<std::size_t>(r) + 1];
        }
    });
    std::partial_sum(rowStart.begin(), rowStart.end(), rowStart.begin());
    std::partial_sum(colStart.begin(), colStart.end(), colStart.begin());
    const std::int64_t total = colStart.back();

    // Pass 1: bucket by row (column index and value).
    std::vector<Index> byRowCol(static_cast<std::size_t>(total));
    std::vector<double> byRowVal(static_cast<std::size_t>(total));
    {
        std::vector<std::int64_t> next(rowStart.begin(), rowStart.end() - 1);
        forEach([&](Index r, Index c, double v) {
            auto &p = next[static_cast<std::size_t>(r)];
            byRowCol[static_cast<std::size_t>(p)] = c;
            byRowVal[static_cast<std::size_t>(p)] = v;
            ++p;
            if (mirrored && r != c) {
                auto &q = next[static_cast<std::size_t>(c)];
                byRowCol[static_cast<std::size_t>(q)] = r;
                byRowVal[static_cast<std::size_t>(q)] = mirrorSign * v;
                ++q;
            }
        });
    }

    // Pass 2: walk rows in order and scatter into columns, straight into the result's storage.
    Matrix A(m_nrows, m_ncols);
    A.resizeNonZeros(static_cast<Index>(total));
    Index *inner = A.innerIndexPtr();
    double *vals = A.valuePtr();
    {
        std::vector<std::int64_t> next(colStart.begin(), colStart.end() - 1);
        for (std::size_t r = 0; r < nr; ++r)
            for (std::int64_t k = rowStart[r]; k < rowStart[r + 1]; ++k) {
                auto &p = next[static_cast<std::size_t>(byRowCol[static_cast<std::size_t>(k)])];
                inner[p] = static_cast<Index>(r);
                vals[p] = byRowVal[static_cast<std::size_t>(k)];
                ++p;
            }
    }
    byRowCol = {};
    byRowVal = {};

    std::int64_t out = 0, dups = 0;
    Index *outer = A.outerIndexPtr();
    outer[0] = 0;
    for (std::size_t c = 0; c < nc; ++c) {
        const std::int64_t colOut = out;
        for (std::int64_t k = colStart[c]; k < colStart[c + 1]; ++k) {
            if (out > colOut && inner[out - 1] == inner[k]) {
                vals[out - 1] += vals[k];
                // A mirrored off-diagonal duplicate shows up in both triangles; count it once.
                if (!mirrored || inner[k] >= static_cast<Index>(c))
                    ++dups;
            } else {
                inner[out] = inner[k];
                vals[out] = vals[k];
                ++out;
            }
        }
        outer[c + 1] = static_cast<Index>(out);
    }
    A.resizeNonZeros(static_cast<Index>(out)); // shrinking keeps the storage in place
    if (duplicates)
        *duplicates = dups;
    return A;
}

} // namespace fs::sparse

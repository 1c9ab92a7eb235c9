#pragma once
// Assembles coordinate entries into a compressed-column matrix, summing duplicates.
//
// Written by hand rather than with Eigen's setFromTriplets because the reader needs two things
// that one does not give: the number of summed duplicates (reported to the user) and the index of
// the first duplicate (to cite its line under DuplicatePolicy::Error). It is also about twice as
// fast on already-sorted input, the common case for Matrix Market files.

#include "sparse/matrix.h"

#include <cstdint>
#include <vector>

namespace fs::sparse {

enum class Mirror {
    None,      ///< entries are taken as given
    Symmetric, ///< an off-diagonal (i,j) also stands for (j,i)
    Skew,      ///< an off-diagonal (i,j) also stands for (j,i) with the opposite sign
};

class CompressedBuilder {
public:
    CompressedBuilder(Index rows, Index cols, std::size_t expected_entries = 0);

    void add(Index row, Index col, double value)
    {
        Segment &s = m_segments.back();
        s.rows.push_back(row);
        s.cols.push_back(col);
        s.vals.push_back(value);
    }
    /// Takes over many entries at once without copying (same meaning as add() for each).
    void adopt(std::vector<Index> &&rows, std::vector<Index> &&cols, std::vector<double> &&vals);
    std::int64_t size() const;

    /// Index (in insertion order) of the earliest entry repeating an earlier coordinate, or -1.
    std::int64_t firstDuplicate() const;

    /// Builds the matrix; `duplicates` (optional) receives the number of entries summed away.
    Matrix build(Mirror mirror, std::int64_t *duplicates = nullptr) const;

private:
    struct Segment {
        std::vector<Index> rows;
        std::vector<Index> cols;
        std::vector<double> vals;
    };
    template <typename F> void forEach(F &&f) const
    {
        for (const Segment &s : m_segments)
            for (std::size_t k = 0; k < s.rows.size(); ++k)
                f(s.rows[k], s.cols[k], s.vals[k]);
    }

    Index m_nrows;
    Index m_ncols;
    std::vector<Segment> m_segments; ///< never empty; add() appends to the last
};

} // namespace fs::sparse

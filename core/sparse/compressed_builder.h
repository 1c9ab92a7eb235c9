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
        m_rows.push_back(row);
        m_cols.push_back(col);
        m_vals.push_back(value);
    }
    std::int64_t size() const { return static_cast<std::int64_t>(m_rows.size()); }

    /// Index (in insertion order) of the earliest entry repeating an earlier coordinate, or -1.
    std::int64_t firstDuplicate() const;

    /// Builds the matrix; `duplicates` (optional) receives the number of entries summed away.
    Matrix build(Mirror mirror, std::int64_t *duplicates = nullptr) const;

private:
    Index m_nrows;
    Index m_ncols;
    std::vector<Index> m_rows;
    std::vector<Index> m_cols;
    std::vector<double> m_vals;
};

} // namespace fs::sparse

#pragma once
// Hop distances in the graph of a sparse matrix (one vertex per row/column, an edge per
// off-diagonal nonzero), used to measure how far a change in a factor travels (brief §4).

#include "sparse/matrix.h"

#include <span>
#include <vector>

namespace fs::sparse {

/// Marks a vertex BFS did not reach (another connected component).
inline constexpr int kUnreachable = -1;

/// Breadth-first hop distance from the set `sources` to every vertex of the graph of A.
/// The pattern of A is taken as symmetric (column j lists the neighbours of j), which holds for
/// the symmetric matrices FactorScope works on. Unreached vertices get kUnreachable.
std::vector<int> hop_distances(const Matrix &A, std::span<const Index> sources);

/// As hop_distances, but stops as soon as every vertex in `targets` has been reached, so that a
/// change confined to a few columns costs time proportional to the explored region, not to
/// nnz(A). Vertices not reached before stopping get kUnreachable unless they are targets that
/// lie in another component (those also get kUnreachable).
std::vector<int> hop_distances_to(const Matrix &A, std::span<const Index> sources,
                                  std::span<const Index> targets);

} // namespace fs::sparse

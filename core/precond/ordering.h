#pragma once
// Fill-reducing orderings. A preconditioner "in ordering P" is built for P A Pᵀ; comparisons between
// preconditioners are only fair when they share the ordering, so every consumer carries it along.

#include "sparse/matrix.h"
#include "sparse/ordering.h"

#include <vector>

namespace fs::precond {

// The ordering vocabulary lives with the matrix type; re-exported for the callers of orderings.
using sparse::Ordering;
using sparse::parse_ordering;
using sparse::to_string;

/// perm[k] = original index of the row/column placed at position k (identity for Natural), as
/// CHOLMOD's analysis chooses it (postordered). Throws NotSpd for a non-square matrix.
std::vector<int> fill_reducing_permutation(const sparse::Matrix &A, Ordering ordering);

// The permutation helpers live with the matrix type; re-exported for the callers of orderings.
using sparse::permute_symmetric;
using sparse::permute_vector;
using sparse::unpermute_vector;

} // namespace fs::precond

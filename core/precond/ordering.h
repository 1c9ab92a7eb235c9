#pragma once
// Fill-reducing orderings. A preconditioner "in ordering P" is built for P A Pᵀ; comparisons between
// preconditioners are only fair when they share the ordering, so every consumer carries it along.

#include "sparse/matrix.h"

#include <optional>
#include <string_view>
#include <vector>

namespace fs::precond {

/// The ordering a factor (and a preconditioner built on its pattern) belongs to.
enum class Ordering {
    Natural,          ///< the matrix's own ordering (what the paper benchmarks)
    Amd,              ///< approximate minimum degree (CHOLMOD's AMD)
    NestedDissection, ///< METIS nested dissection
};

/// "natural", "amd", "nd".
const char *to_string(Ordering o);
std::optional<Ordering> parse_ordering(std::string_view name);

/// perm[k] = original index of the row/column placed at position k (identity for Natural), as
/// CHOLMOD's analysis chooses it (postordered). Throws NotSpd for a non-square matrix.
std::vector<int> fill_reducing_permutation(const sparse::Matrix &A, Ordering ordering);

// The permutation helpers live with the matrix type; re-exported for the callers of orderings.
using sparse::permute_symmetric;
using sparse::permute_vector;
using sparse::unpermute_vector;

} // namespace fs::precond

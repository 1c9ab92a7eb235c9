#pragma once
// A CHOLMOD view (no copy) of a compressed sparse matrix, for every CHOLMOD call in core.

#include "sparse/matrix.h"

#include <cholmod.h>

namespace fs::factor {

/// Views `A` as a symmetric CHOLMOD matrix whose lower triangle holds the values (entries above
/// the diagonal, if stored, are ignored). A must be compressed, with sorted columns, and outlive
/// the view.
cholmod_sparse view_lower(const sparse::Matrix &A);

} // namespace fs::factor

#pragma once
// Internal to the Matrix Market reader: a multi-threaded fast path for the coordinate data section.
// It accepts only regular input and gives up (returns false) on anything unusual, so that the
// sequential parser — the single place that words errors and finds their line — handles it.

#include "sparse/compressed_builder.h"
#include "sparse/matrix_market.h"

#include <string_view>

namespace fs::sparse::detail {

/// Parses `data` (everything after the size line) into `builder`. Returns false, leaving the
/// builder untouched, when the data has any irregularity (bad token, out-of-range index, wrong
/// count, non-finite value, leading '+' ...).
bool parse_coordinate_fast(std::string_view data, const MmHeader &header, CompressedBuilder &builder,
                           std::int64_t &explicit_zeros);

} // namespace fs::sparse::detail

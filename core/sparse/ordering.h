#pragma once
// The fill-reducing orderings of the whole program (exact Cholesky, selected inversion, the
// benchmark, the perturbation engine) and their one name table. The permutations themselves come
// from CHOLMOD (precond/ordering.h, factor/cholesky.h).

#include "support/name_table.h"

#include <optional>
#include <string_view>

namespace fs::sparse {

/// The ordering a factor (and a preconditioner built on its pattern) belongs to.
enum class Ordering {
    Natural,          ///< the matrix's own ordering (what the paper benchmarks)
    Amd,              ///< approximate minimum degree (CHOLMOD's AMD)
    NestedDissection, ///< METIS nested dissection
};

inline constexpr support::NameTable<Ordering, 3> kOrderingNames{{
    {Ordering::Natural, "natural"},
    {Ordering::Amd, "amd"},
    {Ordering::NestedDissection, "nd"},
}};

/// "natural", "amd", "nd".
constexpr const char *to_string(Ordering o) { return support::name_of(kOrderingNames, o); }

/// Inverse of to_string; nullopt for an unknown name.
constexpr std::optional<Ordering> parse_ordering(std::string_view name)
{
    return support::value_of(kOrderingNames, name);
}

} // namespace fs::sparse

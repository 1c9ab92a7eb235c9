#pragma once
// The one vocabulary of preconditioner and factor kinds: the CLI's --precond/--kind values, the
// benchmark's methods and JSON keys, the perturbation engine's kinds and the trainer's reference
// methods. Commands and views that offer only some kinds keep a list of members, not an enum.

#include "support/name_table.h"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace fs::precond {

enum class PrecondKind {
    None,     ///< no preconditioner (M = I)
    Jacobi,   ///< M = diag(A)
    Ic0,      ///< incomplete Cholesky, pattern of tril(A)
    Kopt,     ///< K-optimal triangular factor (Algorithm 1 of [P1])
    Spai,     ///< sparse approximate inverse on the pattern of A
    Fsai,     ///< factorized sparse approximate inverse G, M^{-1} = G^T G (fsai.h)
    Cholesky, ///< exact factor
};

inline constexpr support::NameTable<PrecondKind, 7> kPrecondKindNames{{
    {PrecondKind::None, "none"},
    {PrecondKind::Jacobi, "jacobi"},
    {PrecondKind::Ic0, "ic0"},
    {PrecondKind::Kopt, "kopt"},
    {PrecondKind::Spai, "spai"},
    {PrecondKind::Fsai, "fsai"},
    {PrecondKind::Cholesky, "cholesky"},
}};

/// Lower-case name ("none", "jacobi", "ic0", "kopt", "spai", "fsai", "cholesky").
const char *to_string(PrecondKind kind);

/// Inverse of to_string; nullopt for an unknown name.
std::optional<PrecondKind> parse_precond_kind(std::string_view name);

/// The names of `kinds` in the order given (every kind when empty).
std::vector<std::string> kind_names(std::span<const PrecondKind> kinds = {});

} // namespace fs::precond

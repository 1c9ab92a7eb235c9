#include "precond/kind.h"

namespace fs::precond {

const char *to_string(PrecondKind kind)
{
    return support::name_of(kPrecondKindNames, kind);
}

std::optional<PrecondKind> parse_precond_kind(std::string_view name)
{
    return support::value_of(kPrecondKindNames, name);
}

std::vector<std::string> kind_names(std::span<const PrecondKind> kinds)
{
    return support::names_of(kPrecondKindNames, kinds);
}

} // namespace fs::precond

#pragma once
// One name table per enum: every value with its stable lower-case name, the spelling of CLI
// options, JSON values, SQLite rows and settings. Both directions of the lookup and every list of
// names read the same table, so a name is written exactly once.

#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace fs::support {

template <class E>
struct Named {
    E value;
    const char *name;
};

template <class E, std::size_t N>
using NameTable = std::array<Named<E>, N>;

/// The name of `value` in `table`; "unknown" for a value the table lacks.
template <class E, std::size_t N>
constexpr const char *name_of(const NameTable<E, N> &table, E value)
{
    for (const Named<E> &entry : table)
        if (entry.value == value)
            return entry.name;
    return "unknown";
}

/// The value named `name` (exact, case-sensitive match); nullopt for an unknown name.
template <class E, std::size_t N>
constexpr std::optional<E> value_of(const NameTable<E, N> &table, std::string_view name)
{
    for (const Named<E> &entry : table)
        if (name == entry.name)
            return entry.value;
    return std::nullopt;
}

/// The names of `values` (every value of the table when empty), in the order given.
template <class E, std::size_t N>
std::vector<std::string> names_of(const NameTable<E, N> &table, std::type_identity_t<std::span<const E>> values = {})
{
    std::vector<std::string> out;
    if (values.empty())
        for (const Named<E> &entry : table)
            out.emplace_back(entry.name);
    else
        for (E v : values)
            out.emplace_back(name_of(table, v));
    return out;
}

/// "a, b, c" or "a|b|c": names for usage and error messages.
inline std::string joined(const std::vector<std::string> &names, std::string_view separator = ", ")
{
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0)
            out += separator;
        out += names[i];
    }
    return out;
}

} // namespace fs::support

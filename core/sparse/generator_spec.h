#pragma once
// The one description of the matrix generators (generators.h) that the command line
// (`generate`, `perturb --generator`), the GUI's generator dialog and the dataset writer all read:
// each generator's name, its parameters with their defaults and ranges, and a one-line
// description; and the one dispatch from a (name, parameters) request to the generator call.

#include "sparse/generators.h"
#include "support/name_table.h"

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace fs::sparse {

enum class GeneratorKind {
    Laplacian1d,
    Counterexample,
    Semiseparable,
    Poisson2d,
    Poisson3d,
    GraphLaplacian,
    Diffusion2d,
    Biharmonic2d,
};

/// The canonical names (the command line's KIND, dataset manifests).
inline constexpr support::NameTable<GeneratorKind, 8> kGeneratorNames{{
    {GeneratorKind::Laplacian1d, "laplacian1d"},
    {GeneratorKind::Counterexample, "counterexample"},
    {GeneratorKind::Semiseparable, "semiseparable"},
    {GeneratorKind::Poisson2d, "poisson2d"},
    {GeneratorKind::Poisson3d, "poisson3d"},
    {GeneratorKind::GraphLaplacian, "graph_laplacian"},
    {GeneratorKind::Diffusion2d, "diffusion2d"},
    {GeneratorKind::Biharmonic2d, "biharmonic2d"},
}};

/// Other names accepted on input ("graph", the GUI's former spelling of graph_laplacian).
inline constexpr support::NameTable<GeneratorKind, 1> kGeneratorAliases{{
    {GeneratorKind::GraphLaplacian, "graph"},
}};

enum class ParamType { Integer, Real };

/// One parameter of a generator. Parameters with the same name and label mean the same thing in
/// every generator that has them, with the same default and range (a form shows them as one field).
struct ParamSpec {
    const char *name;        ///< command-line option without "--" (n, nx, seed, ...)
    const char *label;       ///< short English label ("Order n", "Grid side", ...)
    const char *description; ///< one line for help texts
    ParamType type = ParamType::Integer;
    double default_value = 0; ///< exact for integers (all defaults are small)
    double min = 0;           ///< smallest allowed value (excluded when min_open)
    double max = 0;           ///< largest allowed value (+infinity: none; values are finite)
    bool min_open = false;
    /// A command line must give it (a form starts at default_value).
    bool required = false;
    /// When given, an absent value is that parameter's value instead of default_value.
    const char *same_as = nullptr;
    /// Another option name that stands for this one when this one is absent (poisson's --n).
    const char *alias = nullptr;

    /// Whether `value` is finite and lies in the range.
    bool admits(double value) const;
    /// The range of an integer parameter as integers (max clamped to the int64 range).
    std::int64_t integer_min() const;
    std::int64_t integer_max() const;
};

/// Every distinct parameter (by name and label), in the order forms list them. Each generator's
/// parameters are copies of these, in the same order.
const std::vector<ParamSpec> &generator_parameters();

struct GeneratorSpec {
    GeneratorKind kind;
    const char *name;        ///< canonical name, as kGeneratorNames
    const char *description; ///< one line
    bool exact_factor;       ///< whether the generator returns its exact Cholesky factor
    std::vector<ParamSpec> params;

    const ParamSpec *param(std::string_view name) const;
};

/// Every generator, in kGeneratorNames order.
const std::vector<GeneratorSpec> &generator_specs();

/// The spec of a kind.
const GeneratorSpec &generator_spec(GeneratorKind kind);

/// The spec named `name` (canonical or alias); null for an unknown name.
const GeneratorSpec *find_generator(std::string_view name);

/// "laplacian1d, counterexample, ..., biharmonic2d" (canonical names, for usage and errors).
std::string generator_names();

/// Parameter values by name: integers exactly (seeds are 64-bit), reals as double.
class GeneratorParams {
public:
    using Value = std::variant<std::int64_t, double>;

    GeneratorParams &set(std::string_view name, std::int64_t value);
    GeneratorParams &set(std::string_view name, int value) { return set(name, std::int64_t(value)); }
    GeneratorParams &set(std::string_view name, double value);
    bool has(std::string_view name) const;
    /// The value of an integer parameter; throws GeneratorError when absent or not an integer.
    std::int64_t integer(std::string_view name) const;
    /// The value as a double (integers converted); throws GeneratorError when absent.
    double real(std::string_view name) const;
    const std::map<std::string, Value, std::less<>> &values() const { return m_values; }

private:
    std::map<std::string, Value, std::less<>> m_values;
};

/// Every parameter of `spec`: the given values (an alias counting for its parameter), the others
/// at their default (or the value of their same_as parameter). Throws GeneratorError for a name the
/// generator does not have, a non-integral value of an integer parameter, or a value outside its
/// range ("poisson2d: nx must be at least 1"). Required parameters take their default too: the
/// command line checks presence itself.
GeneratorParams resolve(const GeneratorSpec &spec, const GeneratorParams &given);

/// Runs the generator of `spec` on resolve(spec, given): the matrix and, where known, its exact
/// factor. Throws GeneratorError for invalid parameters.
GeneratedMatrix generate(const GeneratorSpec &spec, const GeneratorParams &given = {});

/// generate() for the generator named `name` (canonical or alias); GeneratorError when unknown.
GeneratedMatrix generate(std::string_view name, const GeneratorParams &given = {});

/// A short title of a request ("poisson2d 100x100", "graph_laplacian n=200 degree=4 seed=1"), for
/// document names. `given` as for resolve().
std::string generator_title(const GeneratorSpec &spec, const GeneratorParams &given = {});

} // namespace fs::sparse

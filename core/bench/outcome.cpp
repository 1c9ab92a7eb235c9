#include "bench/outcome.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace fs::bench {

std::size_t method_index(PrecondKind kind)
{
    const auto it = std::find(AllMethods.begin(), AllMethods.end(), kind);
    if (it == AllMethods.end())
        throw std::out_of_range(std::string("the benchmark does not run ") + precond::to_string(kind));
    return std::size_t(it - AllMethods.begin());
}

const char *to_string(Category category)
{
    return support::name_of(kCategoryNames, category);
}

std::optional<Category> parse_category(std::string_view name)
{
    return support::value_of(kCategoryNames, name);
}

Category categorize(const MethodOutcome &ic0, const MethodOutcome &kopt)
{
    if (ic0.converged && kopt.converged) {
        if (kopt.iterations < ic0.iterations)
            return Category::KoptFewer;
        if (ic0.iterations < kopt.iterations)
            return Category::Ic0Fewer;
        return Category::Tie;
    }
    if (kopt.converged)
        return Category::KoptOnly;
    if (ic0.converged)
        return Category::Ic0Only;
    return Category::BothFailed;
}

bool within_noise(const MethodOutcome &ic0, const MethodOutcome &kopt)
{
    // A tie is no difference to begin with; only "fewer" categories can be decided by noise.
    if (!ic0.converged || !kopt.converged || !ic0.iterations_range || !kopt.iterations_range
        || ic0.iterations == kopt.iterations)
        return false;
    const auto &a = *ic0.iterations_range;
    const auto &b = *kopt.iterations_range;
    return a[0] <= b[1] && b[0] <= a[1];
}

} // namespace fs::bench

#include "bench/outcome.h"

#include <utility>

namespace fs::bench {

namespace {
constexpr std::pair<Category, const char *> kCategoryNames[] = {
    {Category::KoptOnly, "kopt_only"}, {Category::KoptFewer, "kopt_fewer"},
    {Category::Ic0Fewer, "ic0_fewer"}, {Category::Ic0Only, "ic0_only"},
    {Category::Tie, "tie"},            {Category::BothFailed, "both_failed"},
    {Category::NotSpd, "not_spd"},
};
} // namespace

const char *to_string(Method method)
{
    switch (method) {
    case Method::None: return "none";
    case Method::Jacobi: return "jacobi";
    case Method::Ic0: return "ic0";
    case Method::Kopt: return "kopt";
    case Method::Spai: return "spai";
    }
    return "unknown";
}

const char *to_string(Category category)
{
    for (const auto &[c, name] : kCategoryNames)
        if (c == category)
            return name;
    return "unknown";
}

std::optional<Category> parse_category(std::string_view name)
{
    for (const auto &[c, n] : kCategoryNames)
        if (name == n)
            return c;
    return std::nullopt;
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

} // namespace fs::bench

#include "perturb/outcome.h"

#include "factor/factor_error.h"
#include "precond/errors.h"

#include <exception>
#include <stdexcept>

namespace fs::perturb {

Outcome classify_current_exception(precond::PrecondKind kind)
{
    Outcome out;
    try {
        throw;
    } catch (const factor::PerturbationRefused &e) {
        out = {Status::Refused, e.what(), e.column()};
    } catch (const factor::NotPositiveDefinite &e) {
        out = {kind == precond::PrecondKind::Ic0 ? Status::Breakdown : Status::NotPositiveDefinite, e.what(),
               e.column()};
    } catch (const precond::SizeRefused &e) {
        out = {Status::TooLarge, e.what(), -1};
    } catch (const precond::NotSpd &e) {
        out = {Status::NotPositiveDefinite, e.what(), -1};
    } catch (const std::exception &e) {
        out = {Status::Failed, e.what(), -1};
    } catch (...) {
        out = {Status::Failed, "unknown error", -1};
    }
    return out;
}

} // namespace fs::perturb

#pragma once
// What a perturbation (or the set-up of its engine) came to, classified once for every caller: the
// GUI words the classes, the CLI prints the reason. Core's exceptions stay the detail.

#include "precond/kind.h"
#include "sparse/matrix.h"

#include <string>
#include <utility>

namespace fs::perturb {

enum class Status {
    Ok,
    Refused,             ///< the perturbed matrix would not be positive definite: nothing changed
    Breakdown,           ///< an IC(0) pivot is not positive
    TooLarge,            ///< the work was refused by its memory estimate (K-optimal, selected inversion)
    NotPositiveDefinite, ///< the matrix (or its perturbation) cannot be factorised
    Failed,              ///< anything else (invalid input, out of memory, ...)
};

struct Outcome {
    Status status = Status::Ok;
    std::string reason;      ///< core's message when not Ok
    sparse::Index column = -1; ///< 0-based row/column core names (refusal, failing pivot), else -1

    bool ok() const { return status == Status::Ok; }
};

/// Classifies the exception being handled (call it inside a catch block only) for work on a factor
/// of `kind`: a failed pivot of IC(0) is its breakdown, of any other kind an indefinite matrix.
Outcome classify_current_exception(precond::PrecondKind kind);

/// Runs `body()` and classifies what it throws; Ok when it returns.
template <class Body>
Outcome classified(precond::PrecondKind kind, Body &&body)
{
    try {
        std::forward<Body>(body)();
        return {};
    } catch (...) {
        return classify_current_exception(kind);
    }
}

} // namespace fs::perturb

#include "perturb/spai_perturbation.h"

#include "precond/spai.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace fs::perturb {

namespace {

void append_column(factor::FactorColumns &out, const sparse::Matrix &M, Index k)
{
    out.cols.push_back(k);
    for (sparse::Matrix::InnerIterator it(M, k); it; ++it) {
        out.rows.push_back(static_cast<Index>(it.row()));
        out.vals.push_back(it.value());
    }
    out.ptr.push_back(static_cast<Index>(out.rows.size()));
}

} // namespace

std::vector<Index> spai_affected_columns(const sparse::Matrix &A, Index p, Index q)
{
    std::vector<Index> cols;
    for (Index k = 0; k < A.outerSize(); ++k)
        for (sparse::Matrix::InnerIterator it(A, k); it; ++it)
            if (it.row() == p || it.row() == q) {
                cols.push_back(k);
                break;
            }
    return cols;
}

PerturbationResult perturb_spai(const sparse::Matrix &A, const sparse::Matrix &R, Index p, Index q,
                                double delta, int threads)
{
    const sparse::Matrix Anew = perturbed(A, p, q, delta); // checks the indices
    const auto n = static_cast<Index>(A.rows());
    if (R.rows() != n || R.cols() != n)
        throw std::invalid_argument("perturb_spai: R has the wrong size");
    precond::SpaiOptions options;
    options.threads = threads;

    PerturbationResult r;
    r.pattern_changed = !is_stored(A, p, q);
    if (r.pattern_changed && delta != 0.0) {
        const sparse::Matrix Rnew = precond::spai(Anew, options).M;
        r.delta = compute_delta(R, Rnew, Anew, p, q);
        r.new_entries = static_cast<Index>(Rnew.nonZeros() - R.nonZeros());
        return r;
    }
    const std::vector<Index> cols = spai_affected_columns(A, p, q);
    sparse::Matrix Rnew = R;
    precond::spai_columns(Anew, cols, Rnew, options);
    factor::FactorModification mod;
    for (Index k : cols) {
        append_column(mod.before, R, k);
        append_column(mod.after, Rnew, k);
    }
    r.delta = compute_delta(mod, n, Anew, p, q, {});
    return r;
}

} // namespace fs::perturb

#include "perturb/fsai_perturbation.h"

#include "perturb/delta.h"
#include "precond/fsai.h"

#include <algorithm>
#include <stdexcept>

namespace fs::perturb {


std::vector<Index> fsai_affected_rows(const sparse::Matrix &A, Index p, Index q)
{
    const Index lo = std::max(p, q);
    std::vector<char> nearP(std::size_t(A.rows()), 0);
    for (sparse::Matrix::InnerIterator it(A, p); it; ++it)
        nearP[std::size_t(it.row())] = 1;
    nearP[std::size_t(p)] = 1;
    std::vector<Index> rows;
    for (sparse::Matrix::InnerIterator it(A, q); it; ++it) {
        const auto i = static_cast<Index>(it.row());
        if (i >= lo && nearP[std::size_t(i)])
            rows.push_back(i);
    }
    if (q >= lo && nearP[std::size_t(q)] && !std::binary_search(rows.begin(), rows.end(), q)) {
        rows.push_back(q);
        std::sort(rows.begin(), rows.end());
    }
    return rows;
}

PerturbationResult perturb_fsai(const sparse::Matrix &A, const sparse::Matrix &G, Index p, Index q, double delta,
                                int threads)
{
    const sparse::Matrix Anew = perturbed(A, p, q, delta); // checks the indices
    if (G.rows() != A.rows() || G.cols() != A.cols())
        throw std::invalid_argument("perturb_fsai: G has the wrong size");
    precond::FsaiOptions options;
    options.threads = threads;
    PerturbationResult r;
    r.pattern_changed = !is_stored(A, p, q);
    sparse::Matrix Gnew;
    if (r.pattern_changed && delta != 0.0) {
        Gnew = precond::fsai(Anew, options);
        r.new_entries = static_cast<Index>(Gnew.nonZeros() - G.nonZeros());
    } else {
        Gnew = G;
        const std::vector<Index> rows = fsai_affected_rows(A, p, q);
        precond::fsai_rows(Anew, rows, Gnew, options);
    }
    r.delta = compute_delta(G, Gnew, Anew, p, q);
    return r;
}

} // namespace fs::perturb

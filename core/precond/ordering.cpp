#include "precond/ordering.h"

#include "factor/cholmod_view.h"
#include "precond/errors.h"

#include <cholmod.h>

#include <new>

namespace fs::precond {

std::vector<int> fill_reducing_permutation(const sparse::Matrix &Ain, Ordering ordering)
{
    if (Ain.rows() != Ain.cols())
        throw NotSpd(NotSpd::Reason::NotSquare, "an ordering needs a square matrix");
    const int n = static_cast<int>(Ain.rows());
    std::vector<int> perm(static_cast<std::size_t>(n));
    if (ordering == Ordering::Natural) {
        for (int k = 0; k < n; ++k)
            perm[static_cast<std::size_t>(k)] = k;
        return perm;
    }
    sparse::Matrix A = Ain;
    A.makeCompressed();
    cholmod_common c;
    cholmod_start(&c);
    c.print = 0;
    c.nmethods = 1;
    c.method[0].ordering = ordering == Ordering::Amd ? CHOLMOD_AMD : CHOLMOD_METIS;
    cholmod_sparse s = factor::view_lower(A);
    cholmod_factor *L = cholmod_analyze(&s, &c);
    if (!L) {
        cholmod_finish(&c);
        throw std::bad_alloc();
    }
    const int *P = static_cast<const int *>(L->Perm);
    perm.assign(P, P + n);
    cholmod_free_factor(&L, &c);
    cholmod_finish(&c);
    return perm;
}

} // namespace fs::precond

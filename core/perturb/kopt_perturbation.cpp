#include "perturb/kopt_perturbation.h"

#include "perturb/delta.h"
#include "precond/errors.h"
#include "precond/kopt.h"
#include "precond/selected_inversion.h"
#include "support/parallel.h"

#include <atomic>
#include <cmath>
#include <limits>
#include <sstream>
#include <string>

namespace fs::perturb {

KoptLowRank::KoptLowRank(const sparse::Matrix &A, int threads)
    : m_threads(support::resolve_threads(threads))
    , m_chol(factor::CholeskyOptions{sparse::Ordering::Amd, false})
{
    precond::SelinvOptions so;
    so.threads = threads;
    const precond::SelectedInverse B = precond::SelectedInverse::compute(A, so);
    precond::KoptOptions ko;
    ko.threads = threads;
    m_L = precond::kopt_from_inverse(A, B, ko).L;
    // L has the pattern of tril(A): column i's rows are s_i.
    const auto n = static_cast<Index>(m_L.cols());
    const Index *ptr = m_L.outerIndexPtr();
    m_blockPtr.assign(static_cast<std::size_t>(n) + 1, 0);
    for (Index i = 0; i < n; ++i) {
        const std::int64_t m = ptr[i + 1] - ptr[i];
        m_blockPtr[static_cast<std::size_t>(i) + 1] = m_blockPtr[static_cast<std::size_t>(i)] + m * m;
    }
    m_blocks.resize(static_cast<std::size_t>(m_blockPtr.back()));
    std::vector<Eigen::MatrixXd> scratch(static_cast<std::size_t>(m_threads));
    support::parallel_for(static_cast<int>(n), m_threads, [&](int w, int i) {
        const Index m = ptr[i + 1] - ptr[i];
        B.gather(std::span<const int>(m_L.innerIndexPtr() + ptr[i], static_cast<std::size_t>(m)),
                 scratch[static_cast<std::size_t>(w)]);
        std::copy(scratch[static_cast<std::size_t>(w)].data(), scratch[static_cast<std::size_t>(w)].data() + m * m,
                  m_blocks.begin() + m_blockPtr[static_cast<std::size_t>(i)]);
    });
    m_chol.factorize(A);
}

PerturbationResult KoptLowRank::perturb(const sparse::Matrix &A, Index p, Index q, double delta,
                                        DeltaContext context)
{
    const auto n = static_cast<Index>(m_L.cols());
    if (p < 0 || q < 0 || p >= n || q >= n)
        throw std::out_of_range("perturbation entry outside the matrix");
    if (p != m_p || q != m_q) {
        m_W.resize(n, p == q ? 1 : 2);
        sparse::Vector e = sparse::Vector::Zero(n);
        e[p] = 1.0;
        m_W.col(0) = m_chol.solve(e);
        if (p != q) {
            e[p] = 0.0;
            e[q] = 1.0;
            m_W.col(1) = m_chol.solve(e);
        }
        m_p = p;
        m_q = q;
    }
    // C = (S⁻¹ + Uᵀ W)⁻¹; A' is SPD iff I + S·UᵀW has positive eigenvalues (as for update/downdate).
    const double gpp = m_W(p, 0), gqq = p == q ? gpp : m_W(q, 1);
    const double gpq = p == q ? gpp : 0.5 * (m_W(q, 0) + m_W(p, 1));
    const double margin = factor::perturbation_margin(delta, gpp, gqq, gpq, p == q).margin;
    Eigen::MatrixXd C;
    if (p == q) {
        C.setConstant(1, 1, delta / (1.0 + delta * gpp));
    } else {
        Eigen::Matrix2d M;
        M << gpp, gpq + 1.0 / delta, gpq + 1.0 / delta, gqq;
        C = M.inverse();
    }
    if (!(margin > 64 * std::numeric_limits<double>::epsilon())) {
        std::ostringstream msg;
        msg << "the perturbed matrix is not positive definite (an eigenvalue would shrink by a factor " << margin
            << ")";
        throw precond::NotSpd(precond::NotSpd::Reason::NotPositiveDefinite, msg.str());
    }
    if (delta == 0.0)
        C.setZero(m_W.cols(), m_W.cols());

    sparse::Matrix Lp = m_L;
    const Index *ptr = Lp.outerIndexPtr();
    const Index *rows = Lp.innerIndexPtr();
    double *val = Lp.valuePtr();
    const Eigen::Index r = m_W.cols();
    std::vector<Eigen::MatrixXd> bs(static_cast<std::size_t>(m_threads)), ws(static_cast<std::size_t>(m_threads));
    std::vector<Eigen::VectorXd> vs(static_cast<std::size_t>(m_threads));
    std::atomic<Index> failed{-1};
    support::parallel_for(static_cast<int>(n), m_threads, [&](int w, int i) {
        const Index m = ptr[i + 1] - ptr[i];
        Eigen::MatrixXd &Bs = bs[static_cast<std::size_t>(w)];
        Eigen::MatrixXd &Ws = ws[static_cast<std::size_t>(w)];
        Bs = Eigen::Map<const Eigen::MatrixXd>(m_blocks.data() + m_blockPtr[static_cast<std::size_t>(i)], m, m);
        Ws.resize(m, r);
        for (Index a = 0; a < m; ++a)
            Ws.row(a) = m_W.row(rows[ptr[i] + a]);
        Bs.noalias() -= Ws * C * Ws.transpose();
        Eigen::VectorXd &v = vs[static_cast<std::size_t>(w)];
        if (!precond::kopt_column(Bs, v)) {
            Index expected = -1;
            failed.compare_exchange_strong(expected, i);
            return;
        }
        for (Index a = 0; a < m; ++a)
            val[ptr[i] + a] = v(a);
    });
    if (failed >= 0)
        throw precond::NotSpd(precond::NotSpd::Reason::NotPositiveDefinite,
                              "the inverse block of column " + std::to_string(failed + 1) + " is not positive definite");

    PerturbationResult out;
    out.delta = compute_delta(m_L, Lp, A, p, q, {}, std::move(context));
    assess_pivot_spread(out, m_L, Lp);
    return out;
}

} // namespace fs::perturb

#include "precond/spai.h"

#include "precond/errors.h"
#include "precond/parallel.h"

#include <Eigen/Dense>

#include <cmath>
#include <vector>

namespace fs::precond {

namespace {
struct Workspace {
    std::vector<int> local; // global row -> local row, -1 when untouched
    std::vector<int> rows;  // touched rows I
    Eigen::MatrixXd Ahat;
    Eigen::VectorXd rhs;
};
} // namespace

SpaiResult spai(const sparse::Matrix &Ain, const SpaiOptions &options)
{
    if (Ain.rows() != Ain.cols())
        throw NotSpd(NotSpd::Reason::NotSquare, "SPAI needs a square matrix");
    sparse::Matrix A = Ain;
    A.makeCompressed();
    const int n = int(A.cols());
    const int *cp = A.outerIndexPtr();
    const int *ri = A.innerIndexPtr();
    const double *av = A.valuePtr();

    sparse::Matrix M = A; // same pattern, values overwritten
    double *mv = M.valuePtr();
    const int threads = resolve_threads(options.threads);
    std::vector<Workspace> ws(threads);
    for (auto &w : ws)
        w.local.assign(n, -1);
    std::vector<double> colResidual(n, 0.0);

    parallel_for(
        n, threads,
        [&](int wi, int k) {
            Workspace &w = ws[wi];
            const int j0 = cp[k];
            const int nj = cp[k + 1] - j0;
            w.rows.clear();
            for (int a = 0; a < nj; ++a) {
                const int j = ri[j0 + a];
                for (int p = cp[j]; p < cp[j + 1]; ++p)
                    if (w.local[ri[p]] < 0) {
                        w.local[ri[p]] = int(w.rows.size());
                        w.rows.push_back(ri[p]);
                    }
            }
            const int ni = int(w.rows.size());
            w.Ahat.setZero(ni, nj);
            for (int a = 0; a < nj; ++a) {
                const int j = ri[j0 + a];
                for (int p = cp[j]; p < cp[j + 1]; ++p)
                    w.Ahat(w.local[ri[p]], a) = av[p];
            }
            w.rhs.setZero(ni);
            double outside = 0.0; // e_k outside the touched rows cannot be matched at all
            if (w.local[k] >= 0)
                w.rhs(w.local[k]) = 1.0;
            else
                outside = 1.0;
            Eigen::VectorXd m(nj);
            if (nj > 0) {
                Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(w.Ahat);
                m = qr.solve(w.rhs);
                colResidual[k] = (w.Ahat * m - w.rhs).squaredNorm() + outside;
            } else {
                colResidual[k] = 1.0;
            }
            for (int a = 0; a < nj; ++a)
                mv[j0 + a] = m(a);
            for (int r : w.rows)
                w.local[r] = -1;
        },
        16, options.cancel, options.progress);

    double total = 0.0;
    for (double c : colResidual)
        total += c;
    return SpaiResult{std::move(M), std::sqrt(total)};
}

sparse::Matrix spai_symmetric(const sparse::Matrix &M)
{
    sparse::Matrix Mt = M.transpose();
    sparse::Matrix S = 0.5 * (M + Mt);
    S.makeCompressed();
    return S;
}

} // namespace fs::precond

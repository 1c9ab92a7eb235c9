#include "precond/selected_inversion.h"

#include "factor/cholmod_view.h"
#include "precond/errors.h"
#include "support/parallel.h"

#include <cholmod.h>

#include <Eigen/Dense>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <chrono>
#include <numeric>
#include <queue>

namespace fs::precond {

PatternMismatch::PatternMismatch(int row, int col)
    : std::runtime_error("entry (" + std::to_string(row + 1) + ", " + std::to_string(col + 1) +
                         ") of the inverse is needed but is not on the factor's pattern: the factor "
                         "and the preconditioner must use the same ordering"),
      m_row(row), m_col(col)
{
}

namespace {

double seconds_since(std::chrono::steady_clock::time_point t0)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

/// CHOLMOD workspace with the ordering chosen; released on scope exit.
struct Cholmod {
    cholmod_common c{};
    cholmod_factor *L = nullptr;

    explicit Cholmod(Ordering ordering)
    {
        cholmod_start(&c);
        c.print = 0;
        c.error_handler = nullptr;
        c.nmethods = 1;
        switch (ordering) {
        case Ordering::Natural:
            c.method[0].ordering = CHOLMOD_NATURAL;
            c.postorder = 0; // a postordering would silently reorder the "natural" factor
            break;
        case Ordering::Amd: c.method[0].ordering = CHOLMOD_AMD; break;
        case Ordering::NestedDissection: c.method[0].ordering = CHOLMOD_METIS; break;
        }
    }
    ~Cholmod()
    {
        if (L)
            cholmod_free_factor(&L, &c);
        cholmod_finish(&c);
    }
    Cholmod(const Cholmod &) = delete;
    Cholmod &operator=(const Cholmod &) = delete;
};

void check_square(const sparse::Matrix &A)
{
    if (A.rows() != A.cols())
        throw NotSpd(NotSpd::Reason::NotSquare, "selected inversion needs a square matrix");
}

/// Units (supernodes) in an order that respects the dependencies of the recurrence (every unit
/// after all its elimination-tree ancestors), split into a sequential top part and independent
/// subtrees for the workers. Units are numbered in increasing column order, so a parent always
/// has a larger number than its children.
struct Schedule {
    std::vector<int> top;                   ///< processed first, sequentially, descending
    std::vector<std::vector<int>> subtrees; ///< independent, each descending
};

Schedule make_schedule(const std::vector<int> &parent, std::vector<double> weight, int threads)
{
    const std::size_t n = parent.size();
    std::vector<std::vector<int>> children(n);
    std::vector<int> roots;
    for (std::size_t u = 0; u < n; ++u) {
        if (parent[u] >= 0) {
            children[static_cast<std::size_t>(parent[u])].push_back(static_cast<int>(u));
            weight[static_cast<std::size_t>(parent[u])] += weight[u]; // children come first
        } else {
            roots.push_back(static_cast<int>(u));
        }
    }
    Schedule s;
    if (threads <= 1) {
        s.subtrees.emplace_back(n);
        std::iota(s.subtrees[0].rbegin(), s.subtrees[0].rend(), 0);
        return s;
    }
    double total = 0;
    for (int r : roots)
        total += weight[static_cast<std::size_t>(r)];
    auto cmp = [&](int a, int b) { return weight[static_cast<std::size_t>(a)] < weight[static_cast<std::size_t>(b)]; };
    std::priority_queue<int, std::vector<int>, decltype(cmp)> heap(cmp, roots);
    const std::size_t wanted = static_cast<std::size_t>(8 * threads);
    while (!heap.empty() && heap.size() < wanted &&
           weight[static_cast<std::size_t>(heap.top())] > total / static_cast<double>(wanted)) {
        const int u = heap.top();
        heap.pop();
        s.top.push_back(u);
        for (int c : children[static_cast<std::size_t>(u)])
            heap.push(c);
    }
    std::sort(s.top.rbegin(), s.top.rend());
    std::vector<int> stack;
    while (!heap.empty()) {
        std::vector<int> units;
        stack.assign(1, heap.top());
        heap.pop();
        while (!stack.empty()) {
            const int u = stack.back();
            stack.pop_back();
            units.push_back(u);
            for (int c : children[static_cast<std::size_t>(u)])
                stack.push_back(c);
        }
        std::sort(units.rbegin(), units.rend());
        s.subtrees.push_back(std::move(units));
    }
    return s;
}

/// Supernodes of a simplicial factor: maximal runs of columns f..l with S_j = {j+1} ∪ S_{j+1},
/// i.e. a dense triangle on top of a shared row set R = S_l.
struct Supernodes {
    std::vector<int> first;  ///< first column of each supernode, plus n at the end
    std::vector<int> parent; ///< parent supernode, -1 for roots
    std::vector<double> weight;
};

Supernodes find_supernodes(const std::vector<std::int64_t> &cp, const std::vector<int> &rows, int n)
{
    auto below = [&](int j) { return cp[static_cast<std::size_t>(j) + 1] - cp[static_cast<std::size_t>(j)] - 1; };
    auto parentCol = [&](int j) { return below(j) > 0 ? rows[static_cast<std::size_t>(cp[static_cast<std::size_t>(j)]) + 1] : -1; };
    Supernodes sn;
    std::vector<int> of(static_cast<std::size_t>(n));
    for (int j = 0; j < n; ++j) {
        const bool extends = j > 0 && parentCol(j - 1) == j && below(j - 1) == below(j) + 1;
        if (!extends) {
            sn.first.push_back(j);
            sn.weight.push_back(0.0);
        }
        of[static_cast<std::size_t>(j)] = static_cast<int>(sn.first.size()) - 1;
        const double m = static_cast<double>(below(j) + 1);
        sn.weight.back() += m * m;
    }
    sn.first.push_back(n);
    const std::size_t ns = sn.weight.size();
    sn.parent.assign(ns, -1);
    for (std::size_t u = 0; u < ns; ++u) {
        const int p = parentCol(sn.first[u + 1] - 1);
        sn.parent[u] = p < 0 ? -1 : of[static_cast<std::size_t>(p)];
    }
    return sn;
}

} // namespace

SelectedInverse SelectedInverse::compute(const sparse::Matrix &Ain, const SelinvOptions &options)
{
    check_square(Ain);
    sparse::Matrix A = Ain;
    A.makeCompressed();
    const int n = static_cast<int>(A.rows());

    Cholmod cm(options.ordering);
    auto t0 = std::chrono::steady_clock::now();
    cholmod_sparse view = factor::view_lower(A);
    cm.L = cholmod_analyze(&view, &cm.c);
    if (!cm.L)
        throw std::bad_alloc();
    const double analyzeSeconds = seconds_since(t0);
    t0 = std::chrono::steady_clock::now();
    cholmod_factorize(&view, cm.L, &cm.c);
    if (cm.c.status == CHOLMOD_NOT_POSDEF || cm.L->minor < static_cast<size_t>(n))
        throw NotSpd(NotSpd::Reason::NotPositiveDefinite,
                     "the Cholesky factorisation failed at column " + std::to_string(cm.L->minor + 1) +
                         " (in the " + to_string(options.ordering) + " ordering)");
    if (cm.c.status < CHOLMOD_OK)
        throw std::bad_alloc();
    SelectedInverse s;
    s.m_analyzeSeconds = analyzeSeconds;
    s.m_factorSeconds = seconds_since(t0);
    if (options.cancel.stop_requested())
        throw Cancelled();

    t0 = std::chrono::steady_clock::now();
    // Simplicial, packed LDLᵀ: column j holds D_j first, then L(S_j, j).
    if (!cholmod_change_factor(CHOLMOD_REAL, 0, 0, 1, 1, cm.L, &cm.c))
        throw std::bad_alloc();
    const int *Lp = static_cast<const int *>(cm.L->p);
    const int *Li = static_cast<const int *>(cm.L->i);
    const int *Lnz = static_cast<const int *>(cm.L->nz);
    const double *Lx = static_cast<const double *>(cm.L->x);
    const int *Perm = static_cast<const int *>(cm.L->Perm);

    s.m_n = n;
    s.m_ordering = options.ordering;
    s.m_perm.assign(Perm, Perm + n);
    s.m_colPtr.assign(static_cast<std::size_t>(n) + 1, 0);
    for (int j = 0; j < n; ++j)
        s.m_colPtr[static_cast<std::size_t>(j) + 1] = s.m_colPtr[static_cast<std::size_t>(j)] + Lnz[j];
    const std::size_t nnz = static_cast<std::size_t>(s.m_colPtr.back());
    s.m_rows.resize(nnz);
    std::vector<double> lval(nnz);
    for (int j = 0; j < n; ++j) {
        const std::size_t dst = static_cast<std::size_t>(s.m_colPtr[static_cast<std::size_t>(j)]);
        std::copy(Li + Lp[j], Li + Lp[j] + Lnz[j], s.m_rows.begin() + static_cast<std::ptrdiff_t>(dst));
        std::copy(Lx + Lp[j], Lx + Lp[j] + Lnz[j], lval.begin() + static_cast<std::ptrdiff_t>(dst));
        // A simplicial factorisation is LDLᵀ, which does not stop at a negative pivot: check D.
        if (!(Lx[Lp[j]] > 0.0) || !std::isfinite(Lx[Lp[j]]))
            throw NotSpd(NotSpd::Reason::NotPositiveDefinite,
                         "pivot " + std::to_string(j + 1) + " of the factorisation is not positive (in the " +
                             to_string(options.ordering) + " ordering)");
        // The recurrence and the look-ups rely on ascending rows with the diagonal first.
        if (!std::is_sorted(s.m_rows.begin() + static_cast<std::ptrdiff_t>(dst),
                            s.m_rows.begin() + static_cast<std::ptrdiff_t>(dst) + Lnz[j])) {
            std::vector<std::pair<int, double>> tmp;
            for (int k = 0; k < Lnz[j]; ++k)
                tmp.emplace_back(s.m_rows[dst + static_cast<std::size_t>(k)], lval[dst + static_cast<std::size_t>(k)]);
            std::sort(tmp.begin(), tmp.end());
            for (int k = 0; k < Lnz[j]; ++k) {
                s.m_rows[dst + static_cast<std::size_t>(k)] = tmp[static_cast<std::size_t>(k)].first;
                lval[dst + static_cast<std::size_t>(k)] = tmp[static_cast<std::size_t>(k)].second;
            }
        }
    }
    cholmod_free_factor(&cm.L, &cm.c); // halve the peak: only our copy is needed from here on

    s.m_values.assign(nnz, 0.0);
    const int threads = support::resolve_threads(options.threads);
    const Supernodes sn = find_supernodes(s.m_colPtr, s.m_rows, n);
    const Schedule sched = make_schedule(sn.parent, sn.weight, threads);

    const std::int64_t *cp = s.m_colPtr.data();
    const int *ri = s.m_rows.data();
    double *Z = s.m_values.data();
    const double *Lv = lval.data();
    std::atomic<int> done{0};
    const int reportEvery = std::max(1, n / 100);

    // Per-worker scratch: the column accumulator and the dense blocks of a supernode.
    struct Work {
        std::vector<double> w;
        Eigen::MatrixXd Ljj, Lrj, Zrr, Y, Zrj, T, Zjj;
    };
    std::vector<Work> work(static_cast<std::size_t>(threads));
    auto column = [&](Work &wk, int j) {
        const std::int64_t b = cp[j], e = cp[j + 1];
        const double dj = Lv[b];
        const std::int64_t m = e - b - 1;
        if (m == 0) {
            Z[b] = 1.0 / dj;
        } else {
            wk.w.assign(static_cast<std::size_t>(m), 0.0);
            double *w = wk.w.data();
            const double *lj = Lv + b + 1; // L(S_j, j)
            for (std::int64_t a = b + 1; a < e; ++a) {
                const int k = ri[a];
                const double lkj = Lv[a];
                const std::int64_t kb = cp[k], ke = cp[k + 1];
                const std::int64_t tk = a - b - 1; // position of k in S_j
                double acc = Z[kb] * lkj;          // diagonal term Z_kk L_kj
                const double *zk = Z + kb + 1;     // Z(S_k, k)
                const std::int64_t nk = ke - kb - 1;
                if (nk == m - tk - 1) {
                    // S_j ∩ (k, n) ⊆ S_k always; equal sizes mean equal sets in the same order
                    // (the common case inside a supernode): a dense axpy and dot, no look-ups.
                    double *wt = w + tk + 1;
                    const double *lt = lj + tk + 1;
                    for (std::int64_t q = 0; q < nk; ++q) {
                        wt[q] += zk[q] * lkj;
                        acc += zk[q] * lt[q];
                    }
                } else {
                    // Merge the two sorted row lists: every row of S_j after k is in S_k, so a
                    // row of S_k either matches the next row of S_j or is not in S_j at all. No
                    // scatter map is needed (random access to O(n) arrays is what costs at scale),
                    // and the walk stops as soon as S_j is exhausted.
                    const int *rk = ri + kb + 1;
                    const int *sj = ri + b + 1;
                    std::int64_t t = tk + 1;
                    for (std::int64_t q = 0; q < nk && t < m; ++q) {
                        if (rk[q] != sj[t])
                            continue;
                        w[t] += zk[q] * lkj;  // Z_ik L_kj into row i
                        acc += zk[q] * lj[t]; // Z_ik L_ij into row k
                        ++t;
                    }
                }
                w[tk] += acc;
            }
            double diag = 1.0 / dj;
            for (std::int64_t a = b + 1; a < e; ++a) {
                Z[a] = -w[a - b - 1];
                diag -= Lv[a] * Z[a];
            }
            Z[b] = diag;
        }
    };

    // A supernode J = f..l with shared rows R below it, by blocks (Z L = L^{-T} D^{-1} restricted
    // to the columns J, rows J ∪ R):
    //   Y = L_RJ L_JJ^{-1},  Z_RJ = -Z_RR Y,  Z_JJ = L_JJ^{-T} D_J^{-1} L_JJ^{-1} - Yᵀ Z_RJ.
    // Z_RR is gathered from the ancestors' columns once per supernode instead of once per
    // column, and the products run as dense (vectorised) kernels.
    auto supernode = [&](Work &wk, int u) {
        const int f = sn.first[static_cast<std::size_t>(u)], l = sn.first[static_cast<std::size_t>(u) + 1] - 1;
        const int sz = l - f + 1;
        if (sz == 1) {
            column(wk, f);
        } else {
            const std::int64_t bl = cp[l];
            const int r = static_cast<int>(cp[l + 1] - bl - 1);
            const int *R = ri + bl + 1;
            wk.Ljj.setIdentity(sz, sz);
            wk.Lrj.resize(r, sz);
            Eigen::VectorXd dinv(sz);
            for (int c = 0; c < sz; ++c) {
                const std::int64_t b = cp[f + c];
                dinv(c) = 1.0 / Lv[b];
                for (int a = c + 1; a < sz; ++a)
                    wk.Ljj(a, c) = Lv[b + 1 + (a - c - 1)];
                for (int q = 0; q < r; ++q)
                    wk.Lrj(q, c) = Lv[b + 1 + (sz - c - 1) + q];
            }
            wk.Zrr.resize(r, r);
            for (int v = 0; v < r; ++v) {
                const int k = R[v];
                const std::int64_t kb = cp[k], ke = cp[k + 1];
                wk.Zrr(v, v) = Z[kb];
                int t = v + 1; // R after k lies in S_k: merge the sorted lists
                for (std::int64_t q = kb + 1; q < ke && t < r; ++q)
                    if (ri[q] == R[t])
                        wk.Zrr(t++, v) = Z[q];
            }
            const auto Ltri = wk.Ljj.triangularView<Eigen::UnitLower>();
            wk.T.setIdentity(sz, sz);
            Ltri.solveInPlace(wk.T); // L_JJ^{-1}
            wk.Zjj.noalias() = wk.T.transpose() * dinv.asDiagonal() * wk.T;
            if (r > 0) {
                wk.Y.noalias() = wk.Lrj * wk.T;
                wk.Zrj.noalias() = -(wk.Zrr.selfadjointView<Eigen::Lower>() * wk.Y);
                wk.Zjj.noalias() -= wk.Y.transpose() * wk.Zrj;
            }
            for (int c = 0; c < sz; ++c) {
                const std::int64_t b = cp[f + c];
                Z[b] = wk.Zjj(c, c);
                for (int a = c + 1; a < sz; ++a)
                    Z[b + 1 + (a - c - 1)] = wk.Zjj(a, c);
                for (int q = 0; q < r; ++q)
                    Z[b + 1 + (sz - c - 1) + q] = wk.Zrj(q, c);
            }
        }
        const int d = done.fetch_add(sz, std::memory_order_relaxed) + sz;
        if (options.progress && (d / reportEvery) != ((d - sz) / reportEvery))
            options.progress(static_cast<double>(d) / n);
    };

    for (int u : sched.top)
        supernode(work[0], u);
    support::parallel_for(static_cast<int>(sched.subtrees.size()), threads,
                 [&](int worker, int t) {
                     for (int u : sched.subtrees[static_cast<std::size_t>(t)])
                         supernode(work[static_cast<std::size_t>(worker)], u);
                 },
                 1, options.cancel);
    s.m_inversionSeconds = seconds_since(t0);
    return s;
}

std::int64_t SelectedInverse::find(int i, int j) const
{
    if (i < j)
        std::swap(i, j);
    if (j < 0 || i >= m_n)
        return -1;
    const auto b = m_rows.begin() + m_colPtr[static_cast<std::size_t>(j)];
    const auto e = m_rows.begin() + m_colPtr[static_cast<std::size_t>(j) + 1];
    const auto it = std::lower_bound(b, e, i);
    return (it != e && *it == i) ? (it - m_rows.begin()) : -1;
}

double SelectedInverse::entry(int i, int j) const
{
    const std::int64_t p = find(i, j);
    if (p < 0)
        throw PatternMismatch(std::max(i, j), std::min(i, j));
    return m_values[static_cast<std::size_t>(p)];
}

void SelectedInverse::gather(std::span<const int> rows, Eigen::MatrixXd &out) const
{
    const Eigen::Index m = static_cast<Eigen::Index>(rows.size());
    out.resize(m, m);
    for (Eigen::Index b = 0; b < m; ++b) {
        // rows ascending: walk column rows[b] once, merging with rows[b..m).
        const int col = rows[static_cast<std::size_t>(b)];
        auto it = m_rows.begin() + m_colPtr[static_cast<std::size_t>(col)];
        const auto e = m_rows.begin() + m_colPtr[static_cast<std::size_t>(col) + 1];
        for (Eigen::Index a = b; a < m; ++a) {
            const int row = rows[static_cast<std::size_t>(a)];
            it = std::lower_bound(it, e, row);
            if (it == e || *it != row)
                throw PatternMismatch(row, col);
            out(a, b) = out(b, a) = m_values[static_cast<std::size_t>(it - m_rows.begin())];
        }
    }
}

namespace {
class OriginalIndexView final : public InverseEntries {
public:
    explicit OriginalIndexView(const SelectedInverse &s) : m_s(s), m_inv(s.perm().size())
    {
        for (std::size_t k = 0; k < s.perm().size(); ++k)
            m_inv[static_cast<std::size_t>(s.perm()[k])] = static_cast<int>(k);
    }
    void gather(std::span<const int> rows, Eigen::MatrixXd &out) const override
    {
        const Eigen::Index m = static_cast<Eigen::Index>(rows.size());
        out.resize(m, m);
        for (Eigen::Index b = 0; b < m; ++b)
            for (Eigen::Index a = b; a < m; ++a) {
                const int i = m_inv[static_cast<std::size_t>(rows[static_cast<std::size_t>(a)])];
                const int j = m_inv[static_cast<std::size_t>(rows[static_cast<std::size_t>(b)])];
                try {
                    out(a, b) = out(b, a) = m_s.entry(i, j);
                } catch (const PatternMismatch &) {
                    // Report the pair in the caller's (original) indices.
                    throw PatternMismatch(rows[static_cast<std::size_t>(a)], rows[static_cast<std::size_t>(b)]);
                }
            }
    }

private:
    const SelectedInverse &m_s;
    std::vector<int> m_inv;
};
} // namespace

std::unique_ptr<InverseEntries> SelectedInverse::inOriginalIndices() const
{
    return std::make_unique<OriginalIndexView>(*this);
}

sparse::Matrix SelectedInverse::toSparse() const
{
    sparse::Matrix Z(m_n, m_n);
    Z.resizeNonZeros(static_cast<Eigen::Index>(m_rows.size()));
    for (int j = 0; j <= m_n; ++j)
        Z.outerIndexPtr()[j] = static_cast<int>(m_colPtr[static_cast<std::size_t>(j)]);
    std::copy(m_rows.begin(), m_rows.end(), Z.innerIndexPtr());
    std::copy(m_values.begin(), m_values.end(), Z.valuePtr());
    return Z;
}

sparse::Matrix SelectedInverse::permuted(const sparse::Matrix &A) const
{
    return permute_symmetric(A, m_perm);
}

std::int64_t selinv_bytes(const sparse::Matrix &Ain, Ordering ordering, std::int64_t *factor_nnz)
{
    check_square(Ain);
    sparse::Matrix A = Ain;
    A.makeCompressed();
    Cholmod cm(ordering);
    cholmod_sparse view = factor::view_lower(A);
    cm.L = cholmod_analyze(&view, &cm.c);
    if (!cm.L)
        throw std::bad_alloc();
    const double lnz = cm.c.lnz;
    if (factor_nnz)
        *factor_nnz = static_cast<std::int64_t>(lnz);
    // CHOLMOD's factor (values + supernodal indices), our copy of L and of B (values + rows), the
    // column pointers and per-thread scatter maps.
    const double perEntry = 8.0 + 12.0 + 12.0;
    return static_cast<std::int64_t>(lnz * perEntry + 64.0 * A.rows());
}

OrderedKopt kopt_selinv(const sparse::Matrix &A, const SelinvOptions &options)
{
    const SelectedInverse B = SelectedInverse::compute(A, options);
    OrderedKopt out;
    out.perm = B.perm();
    out.ordering = options.ordering;
    out.factor_nonzeros = B.nonZeros();
    out.analyze_seconds = B.analyzeSeconds();
    out.factor_seconds = B.factorSeconds();
    out.inversion_seconds = B.inversionSeconds();
    const auto t0 = std::chrono::steady_clock::now();
    const sparse::Matrix PA = options.ordering == Ordering::Natural ? A : B.permuted(A);
    KoptOptions ko;
    ko.threads = options.threads;
    ko.cancel = options.cancel;
    ko.progress = options.progress;
    out.L = kopt_from_inverse(PA, B, ko).L;
    out.kopt_seconds = seconds_since(t0);
    return out;
}

} // namespace fs::precond

#include "factor/cholesky_impl.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>
#include <tuple>

namespace fs::factor {

Cholesky::Impl::Impl(CholeskyOptions opts) : options(opts)
{
    cholmod_start(&c);
    c.print = 0; // errors reach the caller as exceptions, never as text on stdout
    c.nmethods = 1;
    switch (opts.ordering) {
    case Ordering::Natural: c.method[0].ordering = CHOLMOD_NATURAL; break;
    case Ordering::Amd: c.method[0].ordering = CHOLMOD_AMD; break;
    case Ordering::NestedDissection: c.method[0].ordering = CHOLMOD_METIS; break;
    }
    // Postordering permutes even a "natural" factor; only the fill-reducing orderings may reorder.
    c.postorder = opts.ordering != Ordering::Natural;
}

Cholesky::Impl::~Impl()
{
    if (L)
        cholmod_free_factor(&L, &c);
    if (symbolic)
        cholmod_free_factor(&symbolic, &c);
    cholmod_finish(&c);
}

void Cholesky::Impl::check(const char *what) const
{
    if (c.status == CHOLMOD_OUT_OF_MEMORY)
        throw FactorError(std::string(what) + ": out of memory");
    if (c.status < 0)
        throw FactorError(std::string(what) + " failed (CHOLMOD status " + std::to_string(c.status) + ")");
}

void Cholesky::Impl::ensure_simplicial_ldl()
{
    if (!L->is_super && !L->is_ll)
        return;
    cholmod_change_factor(CHOLMOD_REAL, /*to_ll*/ false, /*to_super*/ false, /*to_packed*/ false,
                          /*to_monotonic*/ true, L, &c);
    reshaped = true;
    changed();
    check("conversion to a modifiable factor");
}

cholmod_sparse view_lower(const sparse::Matrix &lower)
{
    cholmod_sparse s{};
    s.nrow = static_cast<size_t>(lower.rows());
    s.ncol = static_cast<size_t>(lower.cols());
    s.nzmax = static_cast<size_t>(lower.nonZeros());
    s.p = const_cast<Index *>(lower.outerIndexPtr());
    s.i = const_cast<Index *>(lower.innerIndexPtr());
    s.nz = nullptr;
    s.x = const_cast<double *>(lower.valuePtr());
    s.z = nullptr;
    s.stype = -1; // lower triangle holds the symmetric matrix
    s.itype = CHOLMOD_INT;
    s.xtype = CHOLMOD_REAL;
    s.dtype = CHOLMOD_DOUBLE;
    s.sorted = 1;
    s.packed = 1;
    return s;
}

std::size_t column_entries(const cholmod_factor *L, const std::vector<Index> &cols)
{
    const auto *Lnz = static_cast<const Index *>(L->nz);
    std::size_t total = 0;
    for (Index j : cols)
        total += static_cast<std::size_t>(Lnz[j]);
    return total;
}

void read_columns(const cholmod_factor *L, const std::vector<Index> &cols, FactorColumns &out)
{
    const auto *Lp = static_cast<const Index *>(L->p);
    const auto *Li = static_cast<const Index *>(L->i);
    const auto *Lnz = static_cast<const Index *>(L->nz);
    const auto *Lx = static_cast<const double *>(L->x);
    out.cols = cols;
    out.ptr.resize(cols.size() + 1);
    out.ptr[0] = 0;
    // Resizing reused storage to the same length touches nothing; every entry is written below.
    const std::size_t total = column_entries(L, cols);
    out.rows.resize(total);
    out.vals.resize(total);
    std::vector<std::pair<Index, double>> unsorted;
    std::size_t at = 0;
    for (std::size_t k = 0; k < cols.size(); ++k) {
        const Index j = cols[k];
        const Index begin = Lp[j], count = Lnz[j];
        Index *rows = out.rows.data() + at;
        double *vals = out.vals.data() + at;
        // LDLᵀ stores D_j on the diagonal and unit-diagonal L below; LLᵀ scaling is L·sqrt(D).
        const double scale = L->is_ll ? 1.0 : std::sqrt(Lx[begin]);
        bool sorted = true;
        for (Index t = 0; t < count; ++t) {
            const Index i = Li[begin + t];
            const double v = Lx[begin + t];
            rows[t] = i;
            vals[t] = L->is_ll ? v : (i == j ? scale : v * scale);
            sorted = sorted && (t == 0 || rows[t - 1] < i);
        }
        if (!sorted) { // updown may leave a column unsorted
            unsorted.clear();
            for (Index t = 0; t < count; ++t)
                unsorted.emplace_back(rows[t], vals[t]);
            std::sort(unsorted.begin(), unsorted.end());
            for (Index t = 0; t < count; ++t)
                std::tie(rows[t], vals[t]) = unsorted[static_cast<std::size_t>(t)];
        }
        at += static_cast<std::size_t>(count);
        out.ptr[k + 1] = static_cast<Index>(at);
    }
}

FactorColumns read_columns(const cholmod_factor *L, const std::vector<Index> &cols)
{
    FactorColumns out;
    read_columns(L, cols, out);
    return out;
}

Cholesky::Cholesky(CholeskyOptions options) : d(std::make_unique<Impl>(options)) {}
Cholesky::~Cholesky() = default;
Cholesky::Cholesky(Cholesky &&) noexcept = default;
Cholesky &Cholesky::operator=(Cholesky &&) noexcept = default;

void Cholesky::analyze(const sparse::Matrix &A)
{
    if (A.rows() != A.cols())
        throw FactorError("Cholesky needs a square matrix");
    sparse::Matrix lower = sparse::lower_triangle(A);
    lower.makeCompressed();
    cholmod_sparse s = view_lower(lower);
    if (d->L)
        cholmod_free_factor(&d->L, &d->c);
    if (d->symbolic)
        cholmod_free_factor(&d->symbolic, &d->c);
    d->factored = false;
    d->changed();
    d->analyzed_nnz = lower.nonZeros();
    d->symbolic = cholmod_analyze(&s, &d->c);
    if (!d->symbolic)
        d->check("symbolic analysis");
    d->check("symbolic analysis");
    const Index n = static_cast<Index>(A.rows());
    const auto *P = static_cast<const Index *>(d->symbolic->Perm);
    d->perm.assign(P, P + n);
    d->inv_perm.assign(n, 0);
    for (Index k = 0; k < n; ++k)
        d->inv_perm[d->perm[k]] = k;
    d->work_p.assign(n, 0.0);
    d->work_q.assign(n, 0.0);
}

void Cholesky::factorize(const sparse::Matrix &A)
{
    if (A.rows() != A.cols())
        throw FactorError("Cholesky needs a square matrix");
    sparse::Matrix lower = sparse::lower_triangle(A);
    lower.makeCompressed();
    // A pattern other than the analysed one would be silently truncated to it: analyse again.
    if (!d->symbolic || static_cast<Index>(d->symbolic->n) != A.rows() || lower.nonZeros() != d->analyzed_nnz)
        analyze(A);
    if (!d->L || d->reshaped) {
        if (d->L)
            cholmod_free_factor(&d->L, &d->c);
        d->L = cholmod_copy_factor(d->symbolic, &d->c);
        d->check("factor allocation");
        d->reshaped = false;
    }
    d->factored = false;
    d->changed();
    cholmod_sparse s = view_lower(lower);
    cholmod_factorize(&s, d->L, &d->c);
    d->check("numeric factorisation");
    Index failed = d->c.status == CHOLMOD_NOT_POSDEF ? static_cast<Index>(d->L->minor) : -1;
    if (failed < 0 && !d->L->is_super && !d->L->is_ll) {
        // A simplicial LDLᵀ runs through negative pivots without complaint: find the first one.
        const auto *Lp = static_cast<const Index *>(d->L->p);
        const auto *Lx = static_cast<const double *>(d->L->x);
        for (Index k = 0; k < static_cast<Index>(d->L->n) && failed < 0; ++k)
            if (!(Lx[Lp[k]] > 0.0) || !std::isfinite(Lx[Lp[k]]))
                failed = k;
    }
    if (failed >= 0) {
        const Index k = failed;
        const Index col = d->perm.at(k);
        // A partial factor must never be mistaken for a result: start over from the symbolic one.
        cholmod_free_factor(&d->L, &d->c);
        throw NotPositiveDefinite("matrix is not positive definite: pivot of row/column "
                                      + std::to_string(col + 1) + " (1-based) is not positive",
                                  col, k);
    }
    d->factored = true;
    if (d->options.modifiable)
        d->ensure_simplicial_ldl();
}

bool Cholesky::has_factor() const { return d->factored; }

Index Cholesky::size() const { return d->symbolic ? static_cast<Index>(d->symbolic->n) : 0; }

const std::vector<Index> &Cholesky::permutation() const { return d->perm; }

std::int64_t Cholesky::factor_nonzeros() const
{
    if (!d->factored)
        return 0;
    if (d->L->is_super)
        return static_cast<std::int64_t>(d->c.lnz);
    const auto *Lnz = static_cast<const Index *>(d->L->nz);
    return std::accumulate(Lnz, Lnz + d->L->n, std::int64_t{0});
}

sparse::Matrix Cholesky::factor() const
{
    if (!d->factored)
        throw FactorError("no factor: factorize() has not succeeded");
    cholmod_factor *F = d->L;
    cholmod_factor *copy = nullptr;
    if (F->is_super) {
        copy = cholmod_copy_factor(F, &d->c);
        d->check("factor copy");
        cholmod_change_factor(CHOLMOD_REAL, true, false, true, true, copy, &d->c);
        d->check("factor conversion");
        F = copy;
    }
    const Index n = static_cast<Index>(F->n);
    std::vector<Index> all(n);
    std::iota(all.begin(), all.end(), 0);
    const FactorColumns cols = read_columns(F, all);
    if (copy)
        cholmod_free_factor(&copy, &d->c);
    sparse::Matrix out(n, n);
    out.resizeNonZeros(static_cast<Eigen::Index>(cols.rows.size()));
    std::copy(cols.ptr.begin(), cols.ptr.end(), out.outerIndexPtr());
    std::copy(cols.rows.begin(), cols.rows.end(), out.innerIndexPtr());
    std::copy(cols.vals.begin(), cols.vals.end(), out.valuePtr());
    return out;
}

sparse::Vector Cholesky::solve(const sparse::Vector &b) const
{
    if (!d->factored)
        throw FactorError("no factor: factorize() has not succeeded");
    if (b.size() != size())
        throw FactorError("solve: right-hand side has the wrong length");
    cholmod_dense B{};
    B.nrow = B.d = B.nzmax = static_cast<size_t>(b.size());
    B.ncol = 1;
    B.x = const_cast<double *>(b.data());
    B.xtype = CHOLMOD_REAL;
    B.dtype = CHOLMOD_DOUBLE;
    cholmod_dense *X = cholmod_solve(CHOLMOD_A, d->L, &B, &d->c);
    d->check("solve");
    sparse::Vector x = Eigen::Map<const sparse::Vector>(static_cast<double *>(X->x), b.size());
    cholmod_free_dense(&X, &d->c);
    return x;
}

double Cholesky::condition_estimate(const sparse::Matrix &A, bool scaled) const
{
    const Index n = size();
    if (n == 0)
        return 1.0;
    if (A.rows() != n || A.cols() != n)
        throw FactorError("condition estimate: matrix does not match the factor");
    // H = S A S with S = D^-1/2 (or I); H⁻¹ = S⁻¹ A⁻¹ S⁻¹.
    sparse::Vector s = sparse::Vector::Ones(n);
    if (scaled)
        for (Index i = 0; i < n; ++i) {
            const double a = A.coeff(i, i);
            if (a > 0.0)
                s[i] = 1.0 / std::sqrt(a);
        }
    double normH = 0.0;
    for (Index j = 0; j < A.outerSize(); ++j) {
        double sum = 0.0;
        for (sparse::Matrix::InnerIterator it(A, j); it; ++it)
            sum += std::abs(it.value()) * s[it.row()] * s[j];
        normH = std::max(normH, sum);
    }
    const sparse::Vector sinv = s.cwiseInverse();
    auto applyInverse = [&](const sparse::Vector &x) -> sparse::Vector {
        return sinv.cwiseProduct(solve(sinv.cwiseProduct(x)));
    };
    // Hager's estimator of ‖H⁻¹‖₁ (Higham 1988); H⁻¹ is symmetric, so no transposed solves.
    sparse::Vector x = sparse::Vector::Constant(n, 1.0 / n);
    double est = 0.0;
    Index last = -1;
    for (int iter = 0; iter < 5; ++iter) {
        const sparse::Vector y = applyInverse(x);
        est = std::max(est, y.lpNorm<1>());
        const sparse::Vector xi = y.unaryExpr([](double v) { return v >= 0 ? 1.0 : -1.0; });
        const sparse::Vector z = applyInverse(xi);
        Index j = 0;
        const double zmax = z.cwiseAbs().maxCoeff(&j);
        if (zmax <= z.dot(x) || j == last)
            break;
        last = j;
        x.setZero();
        x[j] = 1.0;
    }
    return normH * est;
}

} // namespace fs::factor

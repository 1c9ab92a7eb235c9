// Symmetric single-entry perturbation of a CHOLMOD factor by update/downdate.
#include "factor/cholesky_impl.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace fs::factor {

namespace {

// Solves L y = e_k for the unit lower-triangular part of a simplicial LDLᵀ factor. The nonzeros of
// y lie on the elimination-tree path from k (every row below the diagonal of column j is an
// ancestor of j), so the solve walks that path only. Returns the path; y is left in `work`.
std::vector<Index> path_solve(const cholmod_factor *L, Index k, std::vector<double> &work)
{
    const auto *Lp = static_cast<const Index *>(L->p);
    const auto *Li = static_cast<const Index *>(L->i);
    const auto *Lnz = static_cast<const Index *>(L->nz);
    const auto *Lx = static_cast<const double *>(L->x);
    std::vector<Index> path;
    work[k] = 1.0;
    for (Index j = k; j >= 0;) {
        path.push_back(j);
        const double yj = work[j];
        Index parent = -1;
        for (Index t = Lp[j] + 1; t < Lp[j] + Lnz[j]; ++t) {
            const Index i = Li[t];
            work[i] -= Lx[t] * yj;
            if (parent < 0 || i < parent)
                parent = i;
        }
        j = parent;
    }
    return path;
}

double dot_scaled(const cholmod_factor *L, const std::vector<Index> &path,
                  const std::vector<double> &a, const std::vector<double> &b)
{
    const auto *Lp = static_cast<const Index *>(L->p);
    const auto *Lx = static_cast<const double *>(L->x);
    double s = 0.0;
    for (Index j : path)
        s += a[j] * b[j] / Lx[Lp[j]];
    return s;
}

SavedColumns save_columns(const cholmod_factor *L, const std::vector<Index> &cols, std::uint64_t state)
{
    const auto *Lp = static_cast<const Index *>(L->p);
    const auto *Li = static_cast<const Index *>(L->i);
    const auto *Lnz = static_cast<const Index *>(L->nz);
    const auto *Lx = static_cast<const double *>(L->x);
    SavedColumns out;
    out.cols = cols;
    out.state = state;
    const std::size_t total = column_entries(L, cols);
    out.rows.reserve(total);
    out.vals.reserve(total);
    // In storage order: restore_columns copies straight back when the order is still the same.
    for (Index j : cols) {
        out.rows.insert(out.rows.end(), Li + Lp[j], Li + Lp[j] + Lnz[j]);
        out.vals.insert(out.vals.end(), Lx + Lp[j], Lx + Lp[j] + Lnz[j]);
        out.ptr.push_back(static_cast<Index>(out.rows.size()));
    }
    return out;
}

} // namespace

PerturbationMargin perturbation_margin(double delta, double gpp, double gqq, double gpq, bool diagonal)
{
    if (diagonal) {
        const double lambda = 1.0 + delta * gpp;
        return {std::min(1.0, lambda), std::max(1.0, lambda)};
    }
    const double r = std::abs(delta) * std::sqrt(gpp * gqq);
    return {1.0 + delta * gpq - r, 1.0 + delta * gpq + r};
}

void Cholesky::restore_columns(const SavedColumns &saved)
{
    if (!d->factored)
        throw FactorError("no factor to restore: factorize() has not succeeded");
    cholmod_factor *L = d->L;
    if (L->is_super || L->is_ll)
        throw FactorError("restore_columns needs the modifiable factor that modify_symmetric left");
    const auto *Lp = static_cast<const Index *>(L->p);
    const auto *Li = static_cast<const Index *>(L->i);
    const auto *Lnz = static_cast<const Index *>(L->nz);
    auto *Lx = static_cast<double *>(L->x);
    std::vector<std::pair<Index, double>> sorted;
    bool exact = saved.state != 0; // the saved state comes back bit for bit, pattern included
    for (std::size_t k = 0; k < saved.cols.size(); ++k) {
        const Index j = saved.cols[k];
        const Index s0 = saved.ptr[k], count = saved.ptr[k + 1] - s0;
        if (Lnz[j] == count && std::equal(Li + Lp[j], Li + Lp[j] + count, saved.rows.begin() + s0)) {
            std::copy(saved.vals.begin() + s0, saved.vals.begin() + s0 + count, Lx + Lp[j]);
            continue;
        }
        // Fill added entries or update/downdate moved them: match by row.
        exact = false;
        sorted.clear();
        for (Index t = s0; t < s0 + count; ++t)
            sorted.emplace_back(saved.rows[t], saved.vals[t]);
        std::sort(sorted.begin(), sorted.end());
        Index found = 0;
        for (Index t = Lp[j]; t < Lp[j] + Lnz[j]; ++t) {
            const auto it = std::lower_bound(sorted.begin(), sorted.end(), std::pair<Index, double>(Li[t], -HUGE_VAL));
            if (it != sorted.end() && it->first == Li[t]) {
                Lx[t] = it->second;
                ++found;
            } else {
                Lx[t] = 0.0;
            }
        }
        if (found != count) {
            d->factored = false;
            d->changed();
            throw FactorError("restore_columns: a saved entry is no longer in the factor; recompute the factor");
        }
    }
    if (exact)
        d->generation = saved.state;
    else
        d->changed();
}

FactorModification Cholesky::modify_symmetric(Index p, Index q, double delta, double min_margin, bool read_before,
                                              FactorColumns reuse)
{
    if (!d->factored)
        throw FactorError("no factor to modify: factorize() has not succeeded");
    const Index n = size();
    if (p < 0 || q < 0 || p >= n || q >= n)
        throw std::out_of_range("perturbation entry outside the matrix");
    if (!std::isfinite(delta))
        throw std::invalid_argument("perturbation must be finite");
    if (delta == 0.0)
        return {}; // nothing changes; CHOLMOD is not asked to add a zero vector
    d->ensure_simplicial_ldl();
    cholmod_factor *L = d->L;
    const Index pp = d->inv_perm[p], qq = d->inv_perm[q];

    // Definiteness of A' = A + U S Uᵀ (U = [e_p e_q]) decided before touching anything: A' is SPD
    // iff I + S G is, with G = Uᵀ A⁻¹ U read off sparse path solves with the current factor.
    if (!d->last_solve || d->last_solve->generation != d->generation || d->last_solve->pp != pp
        || d->last_solve->qq != qq) {
        Impl::PathSolve g;
        const std::vector<Index> pathP = path_solve(L, pp, d->work_p);
        const std::vector<Index> pathQ = p == q ? pathP : path_solve(L, qq, d->work_q);
        const std::vector<double> &yq = p == q ? d->work_p : d->work_q;
        g.gpp = dot_scaled(L, pathP, d->work_p, d->work_p);
        g.gqq = p == q ? g.gpp : dot_scaled(L, pathQ, yq, yq);
        g.gpq = p == q ? g.gpp : dot_scaled(L, pathP, d->work_p, yq);
        for (Index j : pathP)
            d->work_p[j] = 0.0;
        for (Index j : pathQ)
            d->work_q[j] = 0.0;
        g.cols = pathP;
        g.cols.insert(g.cols.end(), pathQ.begin(), pathQ.end());
        std::sort(g.cols.begin(), g.cols.end());
        g.cols.erase(std::unique(g.cols.begin(), g.cols.end()), g.cols.end());
        g.generation = d->generation;
        g.pp = pp;
        g.qq = qq;
        d->last_solve = std::move(g);
    }
    const Impl::PathSolve &g = *d->last_solve;
    FactorModification out;
    const PerturbationMargin range = perturbation_margin(delta, g.gpp, g.gqq, g.gpq, p == q);
    out.margin = range.margin;
    out.max_eig = range.max_eig;
    if (!(out.margin > min_margin)) {
        throw PerturbationRefused(
            "perturbation refused: the matrix would not be positive definite (an eigenvalue would "
            "shrink by a factor " + std::to_string(out.margin) + ")",
            p, out.margin);
    }

    const std::vector<Index> &cols = g.cols;
    Index entriesBefore = 0;
    if (read_before) {
        out.before = read_columns(L, cols);
        out.saved = save_columns(L, cols, d->generation);
        entriesBefore = static_cast<Index>(out.before.rows.size());
    } else {
        entriesBefore = static_cast<Index>(column_entries(L, cols));
    }

    // δ(e_p e_qᵀ + e_q e_pᵀ) = (|δ|/2)[(e_p ± e_q)(e_p ± e_q)ᵀ - (e_p ∓ e_q)(e_p ∓ e_q)ᵀ]: one
    // update then one downdate, so the intermediate matrix A + uuᵀ stays SPD.
    auto apply = [&](bool update, double a, double b) {
        cholmod_sparse *C = cholmod_allocate_sparse(n, 1, 2, true, true, 0, CHOLMOD_REAL, &d->c);
        d->check("update vector allocation");
        auto *Cp = static_cast<Index *>(C->p);
        auto *Ci = static_cast<Index *>(C->i);
        auto *Cx = static_cast<double *>(C->x);
        Index lo = pp, hi = qq;
        double vlo = a, vhi = b;
        if (hi < lo) {
            std::swap(lo, hi);
            std::swap(vlo, vhi);
        }
        Cp[0] = 0;
        Ci[0] = lo;
        Cx[0] = vlo;
        Index nz = 1;
        if (hi != lo) {
            Ci[1] = hi;
            Cx[1] = vhi;
            nz = 2;
        }
        Cp[1] = nz;
        cholmod_updown(update, C, L, &d->c);
        cholmod_free_sparse(&C, &d->c);
        d->reshaped = true;
        d->changed();
        if (d->c.status != CHOLMOD_OK) {
            d->factored = false;
            throw FactorError("update/downdate failed (CHOLMOD status " + std::to_string(d->c.status)
                              + "); the factor must be recomputed");
        }
    };
    if (p == q) {
        apply(delta > 0, std::sqrt(std::abs(delta)), 0.0);
    } else {
        const double s = std::sqrt(std::abs(delta) / 2.0);
        const double sg = delta > 0 ? 1.0 : -1.0;
        apply(true, s, sg * s);
        apply(false, s, -sg * s);
    }

    out.after = std::move(reuse);
    read_columns(L, cols, out.after);
    // Only columns on the new path from min(p, q) changed; by Davis & Hager (1999) that path is the
    // union of the old paths from p and q, whose old values were saved above. The parent of a
    // column is its first row below the diagonal (its columns as read are sorted).
    for (Index j = std::min(pp, qq); j >= 0;) {
        const auto it = std::lower_bound(cols.begin(), cols.end(), j);
        if (it == cols.end() || *it != j) {
            d->factored = false;
            d->changed();
            throw FactorError("update/downdate changed an unexpected column; recompute the factor");
        }
        const auto k = static_cast<std::size_t>(it - cols.begin());
        j = out.after.ptr[k + 1] - out.after.ptr[k] > 1 ? out.after.rows[static_cast<std::size_t>(out.after.ptr[k]) + 1] : -1;
    }
    for (std::size_t k = 0; k < cols.size(); ++k) {
        const double dj = out.after.vals[out.after.ptr[k]];
        if (!(dj > 0.0) || !std::isfinite(dj)) {
            d->factored = false;
            throw FactorError("update/downdate produced a non-positive pivot; recompute the factor");
        }
    }
    out.new_entries = static_cast<Index>(out.after.rows.size()) - entriesBefore;
    return out;
}

} // namespace fs::factor

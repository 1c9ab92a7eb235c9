#include "precond/setup.h"

#include "precond/errors.h"
#include "precond/fsai.h"
#include "precond/ic0.h"
#include "precond/kopt.h"
#include "precond/selected_inversion.h"
#include "precond/spai.h"
#include "precond/spd.h"

#include <chrono>
#include <cmath>

#include <unistd.h>

namespace fs::precond {

const char *to_string(KoptMethod method)
{
    return support::name_of(kKoptMethodNames, method);
}

std::optional<KoptMethod> parse_kopt_method(std::string_view name)
{
    return support::value_of(kKoptMethodNames, name);
}

OrderedProblem order_problem(const sparse::Matrix &A, Ordering ordering)
{
    OrderedProblem p;
    p.ordering = ordering;
    p.perm = fill_reducing_permutation(A, ordering);
    p.A = ordering == Ordering::Natural ? A : permute_symmetric(A, p.perm);
    p.A.makeCompressed();
    return p;
}

namespace {
std::int64_t default_selinv_limit()
{
    const long pages = sysconf(_SC_PHYS_PAGES), size = sysconf(_SC_PAGE_SIZE);
    return pages > 0 && size > 0 ? std::int64_t(pages) * size / 2 : std::int64_t(4) << 30;
}

sparse::Matrix build_kopt(const sparse::Matrix &A, const BuildOptions &options, std::string &method)
{
    KoptMethod m = options.kopt_method;
    if (m == KoptMethod::Auto)
        m = A.rows() <= options.auto_dense_max_n ? KoptMethod::Dense : KoptMethod::Selinv;
    method = to_string(m);
    if (m == KoptMethod::Dense) {
        KoptOptions o;
        o.threads = options.threads;
        o.max_dense_bytes = options.max_dense_bytes;
        o.cancel = options.cancel;
        return kopt_dense(A, o).L;
    }
    const std::int64_t limit = options.max_selinv_bytes > 0 ? options.max_selinv_bytes : default_selinv_limit();
    const std::int64_t need = selinv_bytes(A, Ordering::Natural);
    if (need > limit)
        throw SizeRefused("K-optimal factor by selected inversion in this ordering",
                          A.rows(), need, limit);
    SelinvOptions o;
    o.ordering = Ordering::Natural; // A is already in the caller's ordering
    o.threads = options.threads;
    o.cancel = options.cancel;
    return kopt_selinv(A, o).L;
}
} // namespace

BuiltPreconditioner build_preconditioner(const sparse::Matrix &A, PrecondKind kind,
                                         const BuildOptions &options)
{
    const auto t0 = std::chrono::steady_clock::now();
    BuiltPreconditioner b;
    b.kind = kind;
    switch (kind) {
    case PrecondKind::None:
        b.preconditioner = std::make_unique<IdentityPreconditioner>();
        break;
    case PrecondKind::Jacobi:
        b.preconditioner = std::make_unique<JacobiPreconditioner>(A);
        break;
    case PrecondKind::Ic0: {
        Ic0Result r = ic0(A);
        if (!r.ok) {
            b.ok = false;
            b.breakdown_column = r.breakdown_column;
            b.breakdown_pivot = r.pivot;
            break;
        }
        b.matrix = std::move(r.L);
        b.preconditioner = std::make_unique<FactorPreconditioner>(b.matrix);
        break;
    }
    case PrecondKind::Kopt: {
        b.matrix = build_kopt(A, options, b.method);
        if (options.kopt_scaling == KoptScaling::Pcg) {
            SplitDiagonalOptions so;
            so.threads = options.threads;
            so.cancel = options.cancel;
            so.max_exact_work = options.kopt_scaling_max_exact_work;
            ScaledFactor scaled = scale_for_pcg(A, b.matrix, so);
            b.matrix = std::move(scaled.L);
            b.scaling = std::move(scaled.diagonal);
            b.scaling->d.clear(); // the factor keeps what matters; the diagonal can be n long
            b.scaling->d.shrink_to_fit();
        }
        b.preconditioner = std::make_unique<FactorPreconditioner>(b.matrix);
        break;
    }
    case PrecondKind::Spai: {
        SpaiOptions o;
        o.threads = options.threads;
        o.cancel = options.cancel;
        o.pattern_power = options.spai_pattern_power;
        b.matrix = options.spai_symmetric ? spai_symmetric(spai(A, o).M) : spai(A, o).M;
        b.preconditioner = std::make_unique<MatVecPreconditioner>(b.matrix);
        break;
    }
    case PrecondKind::Fsai: {
        FsaiOptions o;
        o.threads = options.threads;
        o.cancel = options.cancel;
        o.pattern_power = options.fsai_pattern_power;
        b.matrix = fsai(A, o);
        b.preconditioner = std::make_unique<FsaiPreconditioner>(b.matrix);
        break;
    }
    case PrecondKind::Cholesky:
        b.matrix = cholesky_natural(A);
        b.preconditioner = std::make_unique<FactorPreconditioner>(b.matrix);
        break;
    }
    b.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return b;
}

KcondOutcome preconditioned_kcond(const sparse::Matrix &A, const BuiltPreconditioner &built,
                                  const KcondOptions &options)
{
    KcondOutcome out;
    if (!built.ok) {
        out.note = "no preconditioner (construction broke down)";
        return out;
    }
    try {
        switch (built.kind) {
        case PrecondKind::None: out.value = kcond(A); break;
        case PrecondKind::Jacobi: out.value = kcond_jacobi(A); break;
        case PrecondKind::Spai: out.value = kcond_approx_inverse(A, built.matrix); break;
        case PrecondKind::Fsai: out.value = kcond_fsai(A, built.matrix); break;
        case PrecondKind::Ic0:
        case PrecondKind::Kopt:
        case PrecondKind::Cholesky: out.value = kcond_split(A, built.matrix, options); break;
        }
    } catch (const WorkRefused &e) {
        out.note = std::string("not computed: ") + e.what();
    } catch (const NotSpd &e) {
        out.note = std::string("undefined: ") + e.what();
    }
    if (out.value && !std::isfinite(out.value->K)) {
        out.note = "K overflows double (log K = " + std::to_string(out.value->log_K) + ")";
        if (!std::isfinite(out.value->log_K))
            out.value.reset();
    }
    return out;
}

} // namespace fs::precond

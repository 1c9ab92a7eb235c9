#include "cli/cli_args.h"
#include "cli/commands.h"

#include "precond/setup.h"
#include "support/atomic_file.h"
#include "precond/spai.h"
#include "precond/spd.h"
#include "sparse/matrix_market.h"

#include <nlohmann/json.hpp>

#include <array>
#include <chrono>
#include <cmath>
#include <fstream>
#include <iostream>
#include <optional>

namespace fs::cli {

namespace {

// What `factor` writes for each kind: a lower-triangular L with L L^T ~ A, except for SPAI,
// whose natural output is the approximate inverse itself.
sparse::Matrix output_matrix(const sparse::Matrix &A, precond::PrecondKind kind,
                             const precond::BuildOptions &build, std::string &what, std::string &method)
{
    using precond::PrecondKind;
    if (kind == PrecondKind::Jacobi) {
        what = "diagonal factor D^(1/2), D = diag(A)";
        sparse::Matrix L(A.rows(), A.cols());
        L.reserve(Eigen::VectorXi::Ones(A.cols()));
        for (int i = 0; i < A.cols(); ++i)
            L.insert(i, i) = std::sqrt(A.coeff(i, i));
        L.makeCompressed();
        return L;
    }
    if (kind == PrecondKind::Spai) {
        what = "approximate inverse M minimising ||A M - I||_F on the pattern of A (not symmetrised)";
        precond::SpaiOptions o;
        o.threads = build.threads;
        return precond::spai(A, o).M;
    }
    what = kind == PrecondKind::Fsai ? "FSAI factor G, M^-1 = G^T G (pattern of tril(A))" : "lower-triangular factor L";
    auto built = precond::build_preconditioner(A, kind, build);
    method = built.method;
    return std::move(built.matrix);
}

} // namespace

int cmd_factor(const Argv &argv)
{
    using precond::PrecondKind;
    static constexpr std::array<PrecondKind, 6> factorKinds = {PrecondKind::Cholesky, PrecondKind::Ic0,
                                                               PrecondKind::Kopt, PrecondKind::Spai, PrecondKind::Fsai,
                                                               PrecondKind::Jacobi};
    std::string kindName, methodName = "auto", orderingName = "natural", scalingName = "paper";
    std::optional<std::string> out;
    std::optional<std::int64_t> maxMemory;
    bool json = false;
    precond::BuildOptions build;
    build.threads = 0;
    Options opts("factor", "IC(0), K-optimal, SPAI, FSAI, Jacobi or Cholesky factor of an SPD matrix.");
    const auto &files = opts.positionals("FILE", "an SPD matrix (.mtx or .mtx.gz)");
    opts.choice("kind", kindName, precond::kind_names(factorKinds), "what to compute (required)");
    opts.text("out", out, "where the factor goes (.mtx; required)");
    opts.choice("method", methodName, support::names_of(precond::kKoptMethodNames), "K-optimal method (--kind kopt only)");
    opts.choice("ordering", orderingName, support::names_of(sparse::kOrderingNames), "ordering of A before factoring");
    opts.choice("kopt-scaling", scalingName, support::names_of(precond::kKoptScalingNames),
                "K-optimal column scaling: Algorithm 1 (paper) or diag(L^-1 A L^-T) = 1 (pcg)");
    opts.integer("threads", build.threads, 0, 1024, "worker threads (0: all cores)");
    opts.integer("max-memory", maxMemory, 1, std::int64_t(1) << 40, "memory bound of the K-optimal method in MiB");
    opts.flag("json", json, "print one JSON object");
    if (!opts.parse(argv))
        return 0;
    if (files.size() != 1)
        throw UsageError("factor expects exactly one matrix file");
    const std::string &path = files[0];
    if (kindName.empty())
        throw UsageError("factor needs --kind " + support::joined(precond::kind_names(factorKinds), "|"));
    const auto kind = *precond::parse_precond_kind(kindName);
    if (!out)
        throw UsageError("factor needs --out FILE.mtx");
    if (opts.given("method") && kind != precond::PrecondKind::Kopt)
        throw UsageError("--method applies to --kind kopt only");
    if (opts.given("kopt-scaling") && kind != precond::PrecondKind::Kopt)
        throw UsageError("--kopt-scaling applies to --kind kopt only");
    build.kopt_scaling = *precond::parse_kopt_scaling(scalingName);
    const auto ordering = *precond::parse_ordering(orderingName);
    build.kopt_method = *precond::parse_kopt_method(methodName);
    if (maxMemory) {
        // One bound (in MiB) for whichever K-optimal method runs; refusals name the estimate.
        build.max_dense_bytes = build.max_selinv_bytes = *maxMemory << 20;
    }

    const sparse::Matrix A0 = sparse::read_matrix_market(path).matrix;
    precond::require_spd(A0);

    // Timed: the computation alone (ordering included), not the file I/O.
    const auto t0 = std::chrono::steady_clock::now();
    const precond::OrderedProblem problem = precond::order_problem(A0, ordering);
    const sparse::Matrix &A = problem.A;
    nlohmann::json j = {{"file", path}, {"kind", kindName}, {"n", A.rows()},
                        {"ordering", precond::to_string(ordering)}, {"method", nullptr}};
    std::optional<sparse::Matrix> result;
    std::string what = "lower-triangular factor L with the pattern of tril(A)";
    if (kind == precond::PrecondKind::Ic0) {
        auto built = precond::build_preconditioner(A, kind, build);
        j["ok"] = built.ok;
        if (!built.ok) {
            j["breakdown"] = {{"column", built.breakdown_column + 1}, {"pivot", built.breakdown_pivot}};
            j["note"] = "IC(0) broke down; no file was written";
        } else {
            j["breakdown"] = nullptr;
            result = std::move(built.matrix);
        }
    } else {
        std::string method;
        result = output_matrix(A, kind, build, what, method);
        if (!method.empty())
            j["method"] = method;
        if (kind == precond::PrecondKind::Kopt)
            j["kopt_scaling"] = scalingName;
        j["ok"] = true;
        j["breakdown"] = nullptr;
    }
    j["seconds"] = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

    if (result) {
        sparse::WriteOptions wo;
        wo.symmetric_if_possible = false;
        wo.comment = "FactorScope " + kindName + " of " + path + ": " + what + ", " +
                     precond::to_string(ordering) + " ordering";
        sparse::write_matrix_market(*out, *result, wo);
        j["nnz"] = result->nonZeros();
        j["written"] = what;
        if (ordering != precond::Ordering::Natural) {
            // The factor belongs to P A Pᵀ; the permutation goes next to it (1-based, one per line:
            // position k holds original row perm[k]).
            const std::string permPath = *out + ".perm";
            std::string lines;
            for (int p : problem.perm)
                lines += std::to_string(p + 1) + '\n';
            support::write_file_atomic(permPath, lines);
            j["permutation_file"] = permPath;
        }
    } else {
        j["nnz"] = nullptr;
    }
    j["out"] = result ? nlohmann::json(*out) : nlohmann::json(nullptr);

    if (json) {
        std::cout << j.dump(2) << '\n';
    } else if (!j["ok"].get<bool>()) {
        std::cout << path << ": IC(0) broke down at column " << j["breakdown"]["column"]
                  << " (pivot " << j["breakdown"]["pivot"].get<double>()
                  << "); no file was written\n";
    } else {
        std::cout << path << ": " << kindName;
        if (!j["method"].is_null())
            std::cout << " (" << j["method"].get<std::string>() << ")";
        std::cout << ", n = " << A.rows() << ", " << precond::to_string(ordering) << " ordering, "
                  << j["nnz"] << " nonzeros in " << j["seconds"].get<double>() << " s, written to "
                  << *out << '\n';
    }
    return 0;
}

} // namespace fs::cli

#include "cli/cli_args.h"
#include "cli/commands.h"

#include "precond/noise.h"
#include "precond/pcg.h"
#include "precond/setup.h"
#include "precond/spd.h"
#include "sparse/matrix_market.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>
#include <iostream>

namespace fs::cli {

int cmd_pcg(const Argv &argv)
{
    std::string kindName = "none", rhs = "ones", orderingName = "natural", methodName = "auto", scalingName = "paper";
    precond::PcgOptions po;
    po.tol = 1e-8;
    po.maxiter = 10000;
    po.record_history = false;
    std::uint64_t seed = 0;
    int threads = 0, spaiPattern = 1, fsaiPattern = 1, noiseRuns = 0;
    std::uint64_t noiseSeed = 1;
    bool json = false, kcondPaper = false;
    Options opts("pcg", "Preconditioned conjugate gradients with a chosen preconditioner.");
    const auto &files = opts.positionals("FILE", "an SPD matrix (.mtx or .mtx.gz)");
    opts.choice("precond", kindName, precond::kind_names(), "preconditioner");
    opts.real("tol", po.tol, "stop at this relative residual");
    opts.integer("maxiter", po.maxiter, 1, 100000000, "most iterations");
    opts.choice("rhs", rhs, {"ones", "random"}, "right-hand side b");
    opts.integer("seed", seed, 0, INT64_MAX, "seed of --rhs random");
    opts.integer("threads", threads, 0, 1024, "worker threads (0: all cores)");
    opts.choice("ordering", orderingName, support::names_of(sparse::kOrderingNames), "ordering of A before the preconditioner is built");
    opts.choice("method", methodName, support::names_of(precond::kKoptMethodNames), "K-optimal method");
    opts.choice("kopt-scaling", scalingName, support::names_of(precond::kKoptScalingNames),
                "K-optimal columns as Algorithm 1 scales them (paper) or so that diag(L^-1 A L^-T) = 1 (pcg)");
    opts.integer("spai-pattern", spaiPattern, 1, 2, "SPAI on the pattern of A (1) or of A squared (2)");
    opts.integer("fsai-pattern", fsaiPattern, 1, 2, "FSAI on the pattern of tril(A) (1) or of tril(A squared) (2)");
    opts.integer("noise-runs", noiseRuns, 0, 1000,
                 "rerun PCG this many times with the preconditioner's values perturbed at relative 1e-12 "
                 "and report iterations_range");
    opts.integer("noise-seed", noiseSeed, 0, INT64_MAX, "seed of the first --noise-runs perturbation");
    opts.flag("history", po.record_history, "record the residual of every iteration");
    opts.flag("kcond-paper", kcondPaper, "also K(L^T A^-1 L) for the triangular factors");
    opts.flag("json", json, "print one JSON object");
    if (!opts.parse(argv))
        return 0;
    if (files.size() != 1)
        throw UsageError("pcg expects exactly one matrix file");
    const std::string &path = files[0];
    const auto kind = *precond::parse_precond_kind(kindName);
    if (!(po.tol > 0.0 && po.tol < 1.0))
        throw UsageError("--tol must lie strictly between 0 and 1");
    const bool randomRhs = rhs == "random";
    if (opts.given("seed") && !randomRhs)
        throw UsageError("--seed only applies with --rhs random");

    const auto ordering = *precond::parse_ordering(orderingName);
    const auto method = *precond::parse_kopt_method(methodName);

    const sparse::Matrix A0 = sparse::read_matrix_market(path).matrix;
    precond::require_spd(A0);
    // Every preconditioner is built for P A Pᵀ and PCG solves P A Pᵀ y = P b, so the iteration
    // counts of different preconditioners in one ordering are comparable.
    const precond::OrderedProblem problem = precond::order_problem(A0, ordering);
    const sparse::Matrix &A = problem.A;
    const sparse::Vector b = precond::permute_vector(precond::make_rhs(int(A.rows()), randomRhs, seed), problem.perm);

    if (opts.given("spai-pattern") && kind != precond::PrecondKind::Spai)
        throw UsageError("--spai-pattern only applies with --precond spai");
    if (opts.given("kopt-scaling") && kind != precond::PrecondKind::Kopt)
        throw UsageError("--kopt-scaling only applies with --precond kopt");
    if (opts.given("fsai-pattern") && kind != precond::PrecondKind::Fsai)
        throw UsageError("--fsai-pattern only applies with --precond fsai");

    precond::BuildOptions bo;
    bo.threads = threads;
    bo.kopt_method = method;
    bo.spai_pattern_power = spaiPattern;
    bo.fsai_pattern_power = fsaiPattern;
    bo.kopt_scaling = *precond::parse_kopt_scaling(scalingName);
    const precond::BuiltPreconditioner built = precond::build_preconditioner(A, kind, bo);
    precond::KcondOptions ko;
    ko.threads = threads;
    const precond::KcondOutcome kc = precond::preconditioned_kcond(A, built, ko);

    nlohmann::json j = {{"file", path}, {"n", A.rows()}, {"precond", kindName},
                        {"rhs", randomRhs ? "random" : "ones"}, {"tol", po.tol},
                        {"maxiter", po.maxiter}, {"setup_seconds", built.seconds},
                        // Stored entries of the operator: L for the factors, G for FSAI, (M + Mᵀ)/2 for SPAI, the
                        // diagonal for Jacobi, none without a preconditioner.
                        {"nnz_preconditioner", kind == precond::PrecondKind::Jacobi ? A.rows()
                                                                                   : built.matrix.nonZeros()},
                        {"ordering", precond::to_string(ordering)},
                        {"method", built.method.empty() ? nlohmann::json(nullptr) : nlohmann::json(built.method)}};
    if (randomRhs)
        j["seed"] = seed;
    if (kind == precond::PrecondKind::Fsai)
        j["fsai_pattern"] = fsaiPattern;
    if (kind == precond::PrecondKind::Kopt) {
        j["kopt_scaling"] = scalingName;
        if (built.scaling)
            j["kopt_scaling_diagonal"] = {{"exact", built.scaling->exact},
                                          {"probes", built.scaling->probes},
                                          {"max_relative_error", built.scaling->max_relative_error}};
    }
    j["kcond"] = kc.value ? nlohmann::json(kc.value->K) : nlohmann::json(nullptr);
    j["log_kcond"] = kc.value ? nlohmann::json(kc.value->log_K) : nlohmann::json(nullptr);
    j["kcond_note"] = kc.note.empty() ? nlohmann::json(nullptr) : nlohmann::json(kc.note);
    if (kcondPaper) {
        // K(L^T A^-1 L), the quantity the K-optimal factor minimises over the pattern of tril(A);
        // defined here for the triangular kinds only.
        j["kcond_paper"] = nullptr;
        const bool triangular = kind == precond::PrecondKind::Ic0 || kind == precond::PrecondKind::Kopt
                                || kind == precond::PrecondKind::Cholesky;
        if (triangular && built.ok) {
            try {
                j["kcond_paper"] = precond::kcond_paper(A, built.matrix, ko).K;
            } catch (const precond::WorkRefused &e) {
                j["kcond_paper_note"] = std::string("not computed: ") + e.what();
            }
        } else {
            j["kcond_paper_note"] = "defined for triangular factors (ic0, kopt, cholesky) only";
        }
    }

    if (!built.ok) {
        j["iterations"] = 0;
        j["converged"] = false;
        j["relres"] = 1.0;
        j["failure"] = "ic0_breakdown";
        j["breakdown"] = {{"column", built.breakdown_column + 1}, {"pivot", built.breakdown_pivot}};
        j["solve_seconds"] = 0.0;
    } else {
        const auto t0 = std::chrono::steady_clock::now();
        const precond::PcgResult r = precond::pcg(A, b, *built.preconditioner, po);
        j["solve_seconds"] =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        j["iterations"] = r.iterations;
        j["converged"] = r.converged;
        j["relres"] = r.relres;
        j["true_relres"] = precond::true_relres(A, b, r.x);
        j["failure"] = r.failure == precond::PcgFailure::None
                           ? nlohmann::json(nullptr)
                           : nlohmann::json(precond::to_string(r.failure));
        if (po.record_history)
            j["history"] = r.history;
        if (noiseRuns > 0) {
            precond::NoiseOptions no;
            no.runs = noiseRuns;
            no.seed = noiseSeed;
            const precond::NoiseRange nr = precond::noise_range(A, b, built, r, po, no);
            j["iterations_range"] = {nr.min, nr.max};
            j["noise"] = {{"runs", nr.runs}, {"relative", no.relative}, {"seed", noiseSeed},
                          {"all_converged", nr.all_converged}};
        }
    }

    if (json) {
        std::cout << j.dump(2) << '\n';
        return 0;
    }
    std::cout << path << " (n = " << A.rows() << "), preconditioner " << kindName << '\n';
    if (!built.ok) {
        std::cout << "  IC(0) broke down at column " << built.breakdown_column + 1 << " (pivot "
                  << built.breakdown_pivot << "): PCG not run\n";
    } else {
        std::cout << "  " << (j["converged"].get<bool>() ? "converged" : "did not converge")
                  << " after " << j["iterations"] << " iterations, relative residual "
                  << j["relres"].get<double>() << '\n';
        if (!j["failure"].is_null())
            std::cout << "  failure     " << j["failure"].get<std::string>() << '\n';
        if (j.contains("iterations_range"))
            std::cout << "  iterations  " << j["iterations_range"][0] << "–" << j["iterations_range"][1]
                      << " over " << j["noise"]["runs"] << " reruns with values perturbed at 1e-12\n";
    }
    if (kc.value)
        std::cout << "  K-condition " << kc.value->K << " (log " << kc.value->log_K << ")\n";
    if (!kc.note.empty())
        std::cout << "  K-condition " << (kc.value ? "" : "not available: ") << kc.note << '\n';
    return 0;
}

} // namespace fs::cli

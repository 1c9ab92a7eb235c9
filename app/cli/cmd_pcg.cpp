#include "cli/cli_args.h"
#include "cli/commands.h"

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
    Args args(argv, {"precond", "tol", "maxiter", "rhs", "seed", "threads", "ordering", "method", "spai-pattern"},
              {"json", "history", "kcond-paper"});
    if (args.positional().size() != 1)
        throw UsageError("pcg expects exactly one matrix file");
    const std::string &path = args.positional()[0];
    const std::string kindName = args.choice("precond", "none", precond::kind_names());
    const auto kind = *precond::parse_precond_kind(kindName);
    precond::PcgOptions po;
    po.tol = args.real("tol", 1e-8);
    if (!(po.tol > 0.0 && po.tol < 1.0))
        throw UsageError("--tol must lie strictly between 0 and 1");
    po.maxiter = int(args.integer("maxiter", 10000, 1, 100000000));
    po.record_history = args.flag("history");
    const bool randomRhs = args.choice("rhs", "ones", {"ones", "random"}) == "random";
    if (args.has("seed") && !randomRhs)
        throw UsageError("--seed only applies with --rhs random");
    const auto seed = std::uint64_t(args.integer("seed", 0, 0, INT64_MAX));
    const int threads = int(args.integer("threads", 0, 0, 1024));

    const auto ordering = *precond::parse_ordering(args.choice("ordering", "natural", support::names_of(sparse::kOrderingNames)));
    const auto method = *precond::parse_kopt_method(args.choice("method", "auto", support::names_of(precond::kKoptMethodNames)));

    const sparse::Matrix A0 = sparse::read_matrix_market(path).matrix;
    precond::require_spd(A0);
    // Every preconditioner is built for P A Pᵀ and PCG solves P A Pᵀ y = P b, so the iteration
    // counts of different preconditioners in one ordering are comparable.
    const precond::OrderedProblem problem = precond::order_problem(A0, ordering);
    const sparse::Matrix &A = problem.A;
    const sparse::Vector b = precond::permute_vector(precond::make_rhs(int(A.rows()), randomRhs, seed), problem.perm);

    if (args.has("spai-pattern") && kind != precond::PrecondKind::Spai)
        throw UsageError("--spai-pattern only applies with --precond spai");
    const int spaiPattern = int(args.integer("spai-pattern", 1, 1, 2));

    precond::BuildOptions bo;
    bo.threads = threads;
    bo.kopt_method = method;
    bo.spai_pattern_power = spaiPattern;
    const precond::BuiltPreconditioner built = precond::build_preconditioner(A, kind, bo);
    precond::KcondOptions ko;
    ko.threads = threads;
    const precond::KcondOutcome kc = precond::preconditioned_kcond(A, built, ko);

    nlohmann::json j = {{"file", path}, {"n", A.rows()}, {"precond", kindName},
                        {"rhs", randomRhs ? "random" : "ones"}, {"tol", po.tol},
                        {"maxiter", po.maxiter}, {"setup_seconds", built.seconds},
                        // Stored entries of the operator: L for the factors, (M + Mᵀ)/2 for SPAI, the
                        // diagonal for Jacobi, none without a preconditioner.
                        {"nnz_preconditioner", kind == precond::PrecondKind::Jacobi ? A.rows()
                                                                                   : built.matrix.nonZeros()},
                        {"ordering", precond::to_string(ordering)},
                        {"method", built.method.empty() ? nlohmann::json(nullptr) : nlohmann::json(built.method)}};
    if (randomRhs)
        j["seed"] = seed;
    j["kcond"] = kc.value ? nlohmann::json(kc.value->K) : nlohmann::json(nullptr);
    j["log_kcond"] = kc.value ? nlohmann::json(kc.value->log_K) : nlohmann::json(nullptr);
    j["kcond_note"] = kc.note.empty() ? nlohmann::json(nullptr) : nlohmann::json(kc.note);
    if (args.flag("kcond-paper")) {
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
    }

    if (args.flag("json")) {
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
    }
    if (kc.value)
        std::cout << "  K-condition " << kc.value->K << " (log " << kc.value->log_K << ")\n";
    if (!kc.note.empty())
        std::cout << "  K-condition " << (kc.value ? "" : "not available: ") << kc.note << '\n';
    return 0;
}

} // namespace fs::cli

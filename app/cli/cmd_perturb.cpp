#include "cli/cmd_generate.h"
#include "cli/commands.h"

#include "dataset/locality_bound.h"
#include "perturb/live_frame.h"
#include "sparse/matrix_market.h"

#include <nlohmann/json.hpp>

#include <charconv>
#include <chrono>
#include <iomanip>
#include <iostream>
#include <optional>

namespace fs::cli {

namespace {

using perturb::Index;

// "P,Q" with 1-based P, Q in 1..n, returned 0-based.
std::pair<Index, Index> parse_entry(const std::string &text, Index n)
{
    const auto comma = text.find(',');
    auto parse = [&](std::string_view part) {
        long long v = 0;
        auto [ptr, ec] = std::from_chars(part.data(), part.data() + part.size(), v);
        if (part.empty() || ec != std::errc() || ptr != part.data() + part.size())
            throw UsageError("--entry expects P,Q (1-based integers), got '" + text + "'");
        if (v < 1 || v > n)
            throw UsageError("--entry " + text + " is outside 1.." + std::to_string(n));
        return static_cast<Index>(v - 1);
    };
    if (comma == std::string::npos)
        throw UsageError("--entry expects P,Q (1-based integers), got '" + text + "'");
    const std::string_view all(text);
    return {parse(all.substr(0, comma)), parse(all.substr(comma + 1))};
}

void print_text(const perturb::PerturbationResult &r, const sparse::Vector &diag, Index p, Index q,
                double delta, char symbol)
{
    const auto &d = r.delta;
    std::cout << "perturbation A(" << p + 1 << "," << q + 1 << ") += " << delta
              << (p != q ? " (and its mirror)" : "") << '\n'
              << "  changed entries   " << d.changed_entries << '\n'
              << "  max |d" << symbol << "|          " << d.max_abs_change << '\n'
              << "  ||d" << symbol << "||_F^2        " << d.profile.total_sq << '\n'
              << "  pattern           " << (r.pattern_changed ? "structural zero perturbed, " : "on pattern, ")
              << r.new_entries << " new entries in " << symbol << "\n"
              << "  reliable          " << (r.reliable ? "yes" : "NO") << " (error estimate "
              << r.error_estimate << ")\n";
    if (!r.warning.empty())
        std::cout << "  warning           " << r.warning << '\n';
    std::cout << "\n  hops  max|d" << symbol << "|        share of ||d" << symbol << "||^2\n";
    for (const auto &b : d.profile.bins)
        std::cout << "  " << std::setw(4) << b.hops << "  " << std::setw(13) << b.max_abs << "  "
                  << b.sq_share << '\n';
    if (d.profile.unreachable_sq_share > 0)
        std::cout << "  (other components: " << d.profile.unreachable_sq_share << ")\n";
    std::cout << "\n  share beyond k hops:";
    for (int k = 1; k <= perturb::kShareBeyondMax; ++k)
        std::cout << ' ' << k << ':' << d.profile.share_beyond[k - 1];
    std::cout << "\n\n  diagonal difference " << symbol << "'_ii - " << symbol << "_ii (first 10):";
    for (Index i = 0; i < std::min<Index>(10, static_cast<Index>(diag.size())); ++i)
        std::cout << ' ' << diag[i];
    std::cout << '\n';
}

struct SweepFigures {
    int steps = 0;
    int grid = 0;
    double seconds = 0.0;
    double updates_per_second = 0.0;
    double setup_seconds = 0.0; ///< the unperturbed factor, outside the timed steps
    perturb::LiveHealth health;
};

constexpr int kSweepGrid = 512;

// K successive values δ·j/K on one entry, each computed as the perturbation view computes a slider
// position (perturb::LiveFrames, plus the cosine bound from its sums).
std::pair<perturb::PerturbationResult, SweepFigures> run_sweep(const std::shared_ptr<perturb::LivePerturbation> &engine,
                                                               Index p, Index q, double delta, int steps)
{
    using Clock = std::chrono::steady_clock;
    perturb::LiveFrames frames(engine, kSweepGrid);
    SweepFigures f;
    f.steps = steps;
    f.grid = frames.grid();
    perturb::PerturbationResult last;
    double checksum = 0.0; // the bounds are computed as the view computes them; summed so they are used
    // The view computes the unperturbed factor when a matrix is opened, before any drag.
    const auto s0 = Clock::now();
    (void)engine->base_factor();
    f.setup_seconds = std::chrono::duration<double>(Clock::now() - s0).count();
    const auto t0 = Clock::now();
    for (int j = 1; j <= steps; ++j) {
        const double d = delta * double(j) / double(steps);
        perturb::FrameEvaluation e = frames.try_frame(p, q, d);
        if (!e.outcome.ok())
            throw std::runtime_error("sweep step " + std::to_string(j) + " (delta " + std::to_string(d) +
                                     "): " + e.outcome.reason);
        if (e.frame->pair_sums)
            checksum += dataset::bounds_from_hop_sums(e.frame->pair_sums->ll, e.frame->pair_sums->pp,
                                                      e.frame->pair_sums->lp)
                            .back();
        if (j == steps)
            last = std::move(e.frame->result);
        else
            frames.recycle(std::move(*e.frame)); // as the view hands back the frame it replaces
    }
    f.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
    f.updates_per_second = f.seconds > 0 ? double(steps) / f.seconds : 0.0;
    f.health = engine->health();
    (void)checksum;
    return {std::move(last), f};
}

} // namespace

int cmd_perturb(const Argv &argv)
{
    GeneratorArgs params;
    std::optional<std::string> generator, entry, outDelta;
    std::optional<double> deltaArg;
    std::string kindName = "cholesky", orderingName = "natural";
    int threads = 0;
    int sweep = 0;
    bool json = false;
    Options opts("perturb", "Change one entry of A and measure how far the factor changes (locality).");
    const auto &files = opts.positionals("FILE", "a symmetric matrix (or give --generator)");
    opts.text("generator", generator, "a generated matrix instead of FILE (see generate --help)");
    add_generator_options(opts, params);
    opts.text("entry", entry, "P,Q: the entry A(P,Q) that changes, 1-based (required)");
    opts.real("delta", deltaArg, "added to A(P,Q) and to its mirror A(Q,P) (required)");
    opts.choice("kind", kindName, precond::kind_names(perturb::kPerturbKinds), "which factor");
    opts.choice("ordering", orderingName, support::names_of(sparse::kOrderingNames, perturb::kPerturbOrderings), "ordering (amd: --kind cholesky only)");
    opts.integer("threads", threads, 0, 4096, "worker threads (0: all cores)");
    opts.integer("sweep", sweep, 0, 1000000,
                 "K: apply delta*j/K for j = 1..K in turn, as a dragged slider does, computing all the view "
                 "shows (heat map at 512x512, cosine bound); report the last step and the rate");
    opts.text("out-delta", outDelta, "write the change of the factor as a .mtx file");
    opts.flag("json", json, "print one JSON object");
    if (!opts.parse(argv))
        return 0;

    sparse::Matrix A;
    std::optional<sparse::Matrix> exactL;
    if (generator) {
        if (!files.empty())
            throw UsageError("give either a matrix file or --generator, not both");
        sparse::GeneratedMatrix g = generated_from_args(*generator, params);
        A = std::move(g.A);
        exactL = std::move(g.exact_L);
    } else {
        if (files.size() != 1)
            throw UsageError("perturb expects one matrix file (or --generator KIND)");
        A = sparse::read_matrix_market(files[0]).matrix;
    }
    if (A.rows() != A.cols())
        throw UsageError("matrix is not square");
    if (sparse::symmetry_defect(A) > 1e-12)
        throw UsageError("matrix is not symmetric");
    const auto n = static_cast<Index>(A.rows());
    if (!entry)
        throw UsageError("perturb needs --entry P,Q");
    if (!deltaArg)
        throw UsageError("perturb needs --delta D");
    const auto [p, q] = parse_entry(*entry, n);
    const double delta = *deltaArg;
    const auto kind = *precond::parse_precond_kind(kindName);
    const auto ordering = *sparse::parse_ordering(orderingName);
    if (kind != precond::PrecondKind::Cholesky && ordering != sparse::Ordering::Natural)
        throw UsageError("--ordering amd applies to --kind cholesky only (IC(0), K-optimal and SPAI keep the order of A)");

    // A one-off evaluation: no memory bound of the live view on K-optimal. A tridiagonal matrix on
    // its own pattern takes the O(n) recurrence (with the generator's exact factor if known).
    perturb::LiveOptions live;
    live.threads = threads;
    live.max_kopt_bytes = 0;
    auto engine = std::make_shared<perturb::LivePerturbation>(A, exactL, kind, ordering, live);
    std::optional<SweepFigures> figures;
    perturb::PerturbationResult r;
    if (sweep > 0) {
        auto [last, f] = run_sweep(engine, p, q, delta, sweep);
        r = std::move(last);
        figures = f;
    } else {
        r = engine->evaluate(p, q, delta);
    }
    const bool inverse = kind == precond::PrecondKind::Spai;

    // Report the diagonal per row of A: under AMD, factor position k is row perm[k].
    sparse::Vector diag(n);
    for (Index k = 0; k < n; ++k)
        diag[r.perm.empty() ? k : r.perm[k]] = r.delta.diag_diff[k];

    if (outDelta) {
        sparse::WriteOptions o;
        o.symmetric_if_possible = false;
        o.comment = inverse ? "dR = R' - R (R = spai(A)) for A("
                    : kind == precond::PrecondKind::Fsai ? "dG = G' - G (G = fsai(A)) for A("
                                                         : "dL = L' - L (factor order) for A(";
        o.comment += std::to_string(p + 1) + "," + std::to_string(q + 1) + ") += " + std::to_string(delta);
        sparse::write_matrix_market(*outDelta, r.delta.delta_L, o);
    }

    if (!json) {
        print_text(r, diag, p, q, delta, inverse ? 'R' : kind == precond::PrecondKind::Fsai ? 'G' : 'L');
        if (figures)
            std::cout << "\n  sweep             " << figures->steps << " steps in " << figures->seconds << " s ("
                      << figures->updates_per_second << " updates/s)\n";
        return 0;
    }
    nlohmann::json profile = nlohmann::json::array();
    for (const auto &b : r.delta.profile.bins)
        profile.push_back({{"hops", b.hops}, {"max_abs", b.max_abs}, {"sq_share", b.sq_share},
                           {"entries", b.entries}});
    nlohmann::json beyond = nlohmann::json::object();
    for (int k = 1; k <= perturb::kShareBeyondMax; ++k)
        beyond[std::to_string(k)] = r.delta.profile.share_beyond[k - 1];
    nlohmann::json j = {
        {"n", n},
        {"entry", {p + 1, q + 1}},
        {"delta", delta},
        {"kind", kindName},
        {"ordering", orderingName},
        {"changed_entries", r.delta.changed_entries},
        {"max_abs_change", r.delta.max_abs_change},
        {"sq_norm", r.delta.profile.total_sq},
        {"pattern_changed", r.pattern_changed},
        {"new_entries", r.new_entries},
        {"diag_diff", std::vector<double>(diag.data(), diag.data() + diag.size())},
        {"profile", profile},
        {"share_beyond", beyond},
        {"unreachable_sq_share", r.delta.profile.unreachable_sq_share},
        {"reliable", r.reliable},
        {"error_estimate", r.error_estimate},
        {"warning", r.warning.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.warning)},
    };
    if (figures) {
        j["sweep"] = {{"steps", figures->steps},
                      {"seconds", figures->seconds},
                      {"updates_per_second", figures->updates_per_second},
                      {"grid", figures->grid},
                      {"setup_seconds", figures->setup_seconds}};
        j["live_factor"] = {{"steps", figures->health.steps},
                            {"restores", figures->health.restores},
                            {"explicit_zeros", figures->health.explicit_zeros},
                            {"refactorizations", figures->health.refactorizations}};
    }
    std::cout << j.dump(2) << '\n';
    return 0;
}

} // namespace fs::cli

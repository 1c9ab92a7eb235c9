// The generative SPAI model: KL term against numerical integration, the reparameterisation
// gradient against finite differences and its expectation, the residual operator against an Eigen
// sparse product, the FSAI K-condition objective against kcond_fsai, the A² pattern, short trainings
// on SPAI and FSAI targets that lower the loss, and seeded sampling that repeats exactly.
#include "dataset/dataset.h"
#include "learn/gcvae.h"
#include "learn/trainer.h"
#include "precond/fsai.h"
#include "precond/kcond.h"
#include "precond/spai.h"
#include "sparse/generators.h"

#include <Eigen/Dense>
#include <nlohmann/json.hpp>

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <fstream>
#include <random>
#include <sstream>

using namespace fs::learn;
using fs::sparse::Matrix;
using nlohmann::json;

namespace {

const auto kF64 = torch::TensorOptions().dtype(torch::kFloat64);

json read_json(const std::string &path)
{
    std::ifstream is(path);
    return json::parse(is);
}

std::vector<json> read_lines(const std::string &path)
{
    std::ifstream is(path);
    std::vector<json> out;
    std::string line;
    while (std::getline(is, line))
        if (!line.empty())
            out.push_back(json::parse(line));
    return out;
}

/// A random matrix on the pattern of A (what an untrained decoder might produce).
Matrix random_on_pattern(const Matrix &A, std::uint64_t seed)
{
    Matrix R = A;
    std::mt19937_64 rng(seed);
    for (int k = 0; k < R.nonZeros(); ++k)
        R.valuePtr()[k] = static_cast<double>(rng() % 2001) / 1000.0 - 1.0;
    return R;
}

std::string make_dataset(const QTemporaryDir &dir, int side, int count, int test, const char *problem = "diffusion",
                         const char *target = "spai", int pattern = 1)
{
    SpaiDatasetOptions o;
    o.side = side;
    o.count = count;
    o.test = test;
    o.seed = 3;
    o.problem = problem;
    o.target = target;
    o.pattern = pattern;
    const std::string out = dir.filePath(QString::fromLatin1(target) + QString::number(pattern)).toStdString();
    write_spai_dataset(o, out, [&](const Matrix &A) {
        if (o.target == "fsai") {
            fs::precond::FsaiOptions fo;
            fo.pattern_power = pattern;
            return fs::precond::fsai(A, fo);
        }
        fs::precond::SpaiOptions so;
        so.pattern_power = pattern;
        return fs::precond::spai(A, so).M;
    });
    return out;
}

/// A lower-triangular matrix on the pattern of tril(P) with a positive diagonal.
Matrix random_lower(const Matrix &P, std::uint64_t seed)
{
    Matrix G = P.triangularView<Eigen::Lower>();
    G.makeCompressed();
    std::mt19937_64 rng(seed);
    for (int j = 0; j < G.outerSize(); ++j)
        for (Matrix::InnerIterator it(G, j); it; ++it)
            it.valueRef() = it.row() == j ? 0.5 + static_cast<double>(rng() % 1000) / 1000.0
                                          : static_cast<double>(rng() % 2001) / 2000.0 - 0.5;
    return G;
}

TrainConfig small_config(const std::string &dataset)
{
    TrainConfig c;
    c.dataset = dataset;
    c.model = "gcvae";
    c.depth = 2;
    c.hidden = 16;
    c.latent = 4;
    c.batch_size = 4;
    c.lr = 3e-3;
    c.epochs = 12;
    c.patience = 0;
    c.threads = 1;
    c.device = "cpu";
    c.seed = 5;
    c.samples = 4;
    return c;
}

/// Trains small_config on `data` into tmp/run (12 epochs), checks the run finished and the loss fell
/// below 0.7 of its first value, and returns the metrics lines and the run folder.
std::pair<std::vector<json>, std::string> train_small(const QTemporaryDir &tmp, const std::string &data)
{
    TrainConfig c = small_config(data);
    RunOptions run;
    run.run_dir = tmp.filePath(QStringLiteral("run")).toStdString();
    std::ostringstream out;
    run.log = &out;
    if (run_training(c, run) != 0)
        qFatal("training failed: %s", out.str().c_str());
    std::vector<json> lines = read_lines(run.run_dir + "/metrics.jsonl");
    if (lines.size() != 12)
        qFatal("%zu epoch lines instead of 12", lines.size());
    const double first = lines.front().at("loss").get<double>(), last = lines.back().at("loss").get<double>();
    if (!(last < 0.7 * first))
        qFatal("the loss went from %g to %g only", first, last);
    return {std::move(lines), run.run_dir};
}

} // namespace

class TestLearnGcvae : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { torch::set_num_threads(1); }
    void klMatchesNumericalIntegral();
    void reparameterisationGradient();
    void standardNormalIsSeeded();
    void residualOperatorMatchesSparseProduct();
    void scaledValuesRoundTrip();
    void kcondObjectiveMatchesKcondFsai();
    void squaredPatternGraph();
    void rejectsBadInput();
    void trainingLowersLossAndEvaluates();
    void samplingIsDeterministicUnderSeed();
    void fsaiTrainingGivesSpdPreconditioners();
    void wrongDatasetKindFailsClearly();
};

void TestLearnGcvae::klMatchesNumericalIntegral()
{
    // KL(q ‖ p) = ∫ q log(q/p) for each independent coordinate, by the trapezoidal rule on a wide
    // grid: independent of the closed form gaussian_kl implements.
    const std::vector<double> mus = {0.0, 0.7, -1.3};
    const std::vector<double> logvars = {0.0, -1.1, 0.8};
    double integral = 0.0;
    for (std::size_t d = 0; d < mus.size(); ++d) {
        const double s = std::exp(0.5 * logvars[d]);
        const double lo = mus[d] - 14.0 * s, hi = mus[d] + 14.0 * s;
        const int steps = 200000;
        const double h = (hi - lo) / steps;
        double sum = 0.0;
        for (int k = 0; k <= steps; ++k) {
            const double z = lo + k * h;
            const double logq = -0.5 * std::log(2 * M_PI) - 0.5 * logvars[d] - 0.5 * (z - mus[d]) * (z - mus[d]) / (s * s);
            const double logp = -0.5 * std::log(2 * M_PI) - 0.5 * z * z;
            const double f = std::exp(logq) * (logq - logp);
            sum += (k == 0 || k == steps) ? 0.5 * f : f;
        }
        integral += sum * h;
    }
    const torch::Tensor mu = torch::tensor(mus, kF64).unsqueeze(0);
    const torch::Tensor lv = torch::tensor(logvars, kF64).unsqueeze(0);
    const double kl = gaussian_kl(mu, lv).item<double>();
    QVERIFY2(std::abs(kl - integral) < 1e-8, qPrintable(QStringLiteral("%1 vs %2").arg(kl).arg(integral)));
    // Zero exactly at the prior, positive elsewhere.
    QCOMPARE(gaussian_kl(torch::zeros({1, 3}, kF64), torch::zeros({1, 3}, kF64)).item<double>(), 0.0);
}

void TestLearnGcvae::reparameterisationGradient()
{
    // (1) autograd through z = mu + exp(logvar/2) eps against central differences, fixed eps.
    const torch::Tensor eps = standard_normal(1, 5, 11);
    const torch::Tensor w = standard_normal(1, 5, 12);
    auto f = [&](const torch::Tensor &mu, const torch::Tensor &lv) {
        return (torch::sin(reparameterise(mu, lv, eps)) * w).sum();
    };
    torch::Tensor mu = standard_normal(1, 5, 13).requires_grad_(true);
    torch::Tensor lv = (0.3 * standard_normal(1, 5, 14)).requires_grad_(true);
    f(mu, lv).backward();
    const double h = 1e-6;
    for (int k = 0; k < 5; ++k) {
        for (torch::Tensor *x : {&mu, &lv}) {
            torch::Tensor plus = x->detach().clone(), minus = x->detach().clone();
            plus[0][k] += h;
            minus[0][k] -= h;
            const bool isMu = x == &mu;
            const double fp = (isMu ? f(plus, lv.detach()) : f(mu.detach(), plus)).item<double>();
            const double fm = (isMu ? f(minus, lv.detach()) : f(mu.detach(), minus)).item<double>();
            const double fd = (fp - fm) / (2 * h);
            QVERIFY(std::abs(fd - x->grad()[0][k].item<double>()) < 1e-7);
        }
    }
    // (2) the pathwise estimator is unbiased: for E[z²] = mu² + σ², d/dmu = 2 mu, d/dlogvar = σ².
    const int draws = 200000;
    torch::Tensor m = torch::full({draws, 1}, 0.4, kF64).requires_grad_(true);
    torch::Tensor l = torch::full({draws, 1}, std::log(0.5), kF64).requires_grad_(true);
    const torch::Tensor z = reparameterise(m, l, standard_normal(draws, 1, 21));
    (z * z).sum().backward();
    const double gMu = m.grad().mean().item<double>();
    const double gLv = l.grad().mean().item<double>();
    // Standard errors: sd(2z) / √N ≈ 0.0033 and sd(σ ε z) / √N ≈ 0.0013; allow five of them.
    QVERIFY2(std::abs(gMu - 0.8) < 0.017, qPrintable(QString::number(gMu)));
    QVERIFY2(std::abs(gLv - 0.5) < 0.007, qPrintable(QString::number(gLv)));
}

void TestLearnGcvae::standardNormalIsSeeded()
{
    const torch::Tensor a = standard_normal(1000, 7, 99);
    QVERIFY(torch::equal(a, standard_normal(1000, 7, 99)));
    QVERIFY(!torch::equal(a, standard_normal(1000, 7, 100)));
    const torch::Tensor big = standard_normal(100000, 1, 5);
    QVERIFY(std::abs(big.mean().item<double>()) < 0.02);
    QVERIFY(std::abs(big.var().item<double>() - 1.0) < 0.03);
}

void TestLearnGcvae::residualOperatorMatchesSparseProduct()
{
    // Two different matrices in one batch: each graph's ‖I − A R‖²_F equals the Eigen product's.
    const Matrix A1 = fs::sparse::diffusion2d(6, 1).A;
    const Matrix A2 = fs::sparse::biharmonic2d(5, 2).A;
    const Matrix R1 = random_on_pattern(A1, 7), R2 = random_on_pattern(A2, 8);
    const SpaiGraph g1 = make_spai_graph(A1, &R1), g2 = make_spai_graph(A2, &R2);
    const SpaiBatch b = collate_spai({&g1, &g2});
    const torch::Tensor res = inverse_residual_sq(b, b.base.y);
    const double e1 = std::pow(fs::precond::inverse_residual_fro(A1, R1), 2),
                 e2 = std::pow(fs::precond::inverse_residual_fro(A2, R2), 2);
    QVERIFY2(std::abs(res[0].item<double>() - e1) < 1e-10 * e1, qPrintable(QString::number(res[0].item<double>() - e1)));
    QVERIFY(std::abs(res[1].item<double>() - e2) < 1e-10 * e2);
    // For the dataset's own target: target_residual_sq is the same quantity for the SPAI R.
    const Matrix S = fs::precond::spai(A1).M;
    const SpaiGraph gs = make_spai_graph(A1, &S);
    const SpaiBatch bs = collate_spai({&gs});
    QVERIFY(std::abs(inverse_residual_sq(bs, bs.base.y).item<double>() - gs.target_residual_sq) < 1e-10 * gs.target_residual_sq);
    // SPAI is the minimiser on the pattern: any other R on it has a larger residual.
    QVERIFY(gs.target_residual_sq < e1);
}

void TestLearnGcvae::scaledValuesRoundTrip()
{
    const Matrix A = fs::sparse::diffusion2d(5, 4, {2.0, 0.2, 64}).A;
    const Matrix R = random_on_pattern(A, 3);
    const SpaiGraph g = make_spai_graph(A, &R);
    const Matrix back = inverse_from_scaled(g, g.graph.y);
    QVERIFY((back - R).norm() <= 1e-14 * R.norm());
    // The network sees Ã = D^-½ A D^-½: unit diagonal on the self-loops.
    const auto src = g.graph.edge_index[0], dst = g.graph.edge_index[1];
    const torch::Tensor self = src.eq(dst);
    QVERIFY(torch::allclose(g.graph.edge_attr.squeeze(1).masked_select(self), torch::ones({A.rows()}, kF64)));
}

void TestLearnGcvae::kcondObjectiveMatchesKcondFsai()
{
    // fsai_kcond_c − target_kcond_c = log K(G A Gᵀ) − log K(G_FSAI A G_FSAIᵀ), with both K from
    // precond::kcond_fsai (a sparse product and a Cholesky log-determinant: independent code), for
    // two matrices in one batch and both patterns. FSAI is the minimiser: every other G is worse.
    const Matrix A1 = fs::sparse::diffusion2d(6, 1, {1.5, 0.2, 64}).A;
    const Matrix A2 = fs::sparse::biharmonic2d(5, 2).A;
    for (int pattern : {1, 2}) {
        fs::precond::FsaiOptions fo;
        fo.pattern_power = pattern;
        const Matrix F1 = fs::precond::fsai(A1, fo), F2 = fs::precond::fsai(A2, fo);
        const Matrix G1 = random_lower(F1, 11), G2 = random_lower(F2, 12);
        const InverseTarget target{true, pattern};
        const SpaiGraph t1 = make_spai_graph(A1, &F1, target), t2 = make_spai_graph(A2, &F2, target);
        const SpaiGraph g1 = make_spai_graph(A1, &G1, target), g2 = make_spai_graph(A2, &G2, target);
        QCOMPARE(g1.graph.target_edges.size(0), F1.nonZeros());
        const SpaiBatch targets = collate_spai({&t1, &t2}), others = collate_spai({&g1, &g2});
        const torch::Tensor cTarget = fsai_kcond_c(targets, targets.base.y);
        const torch::Tensor cOther = fsai_kcond_c(others, others.base.y);
        const double k1 = fs::precond::kcond_fsai(A1, F1).log_K, k2 = fs::precond::kcond_fsai(A2, F2).log_K;
        const double o1 = fs::precond::kcond_fsai(A1, G1).log_K, o2 = fs::precond::kcond_fsai(A2, G2).log_K;
        QVERIFY(std::abs(cTarget[0].item<double>() - t1.target_kcond_c) < 1e-12);
        QVERIFY(std::abs(cTarget[1].item<double>() - t2.target_kcond_c) < 1e-12);
        QVERIFY2(std::abs((cOther[0].item<double>() - t1.target_kcond_c) - (o1 - k1)) < 1e-10,
                 qPrintable(QStringLiteral("%1 vs %2").arg(cOther[0].item<double>() - t1.target_kcond_c).arg(o1 - k1)));
        QVERIFY(std::abs((cOther[1].item<double>() - t2.target_kcond_c) - (o2 - k2)) < 1e-10);
        QVERIFY(o1 > k1 && o2 > k2);
        // The scaled values round-trip to G.
        QVERIFY((inverse_from_scaled(g2, g2.graph.y) - G2).norm() <= 1e-14 * G2.norm());
    }
    // A G with a non-positive diagonal entry is refused (log K is undefined there).
    Matrix bad = fs::precond::fsai(A1);
    bad.coeffRef(3, 3) = 0.0;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, make_spai_graph(A1, &bad, InverseTarget{true, 1}));
    // An upper entry is outside the FSAI pattern.
    Matrix upper = fs::precond::fsai(A1);
    upper.coeffRef(0, 1) = 0.1;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, make_spai_graph(A1, &upper, InverseTarget{true, 1}));
    const SpaiGraph spaiGraph = make_spai_graph(A1);
    const SpaiGraph fsaiGraph = make_spai_graph(A1, nullptr, InverseTarget{true, 1});
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, collate_spai({&spaiGraph, &fsaiGraph}));
}

void TestLearnGcvae::squaredPatternGraph()
{
    // Pattern 2: one edge per entry of A², carrying Ã where A has the entry and 0 elsewhere, and
    // the residual operator still equals the Eigen product for an R on that pattern.
    const Matrix A = fs::sparse::diffusion2d(6, 5, {1.0, 0.3, 64}).A;
    const Matrix square = fs::sparse::pattern_power(A, 2);
    const Matrix R = random_on_pattern(square, 4);
    const SpaiGraph g = make_spai_graph(A, &R, InverseTarget{false, 2});
    QCOMPARE(g.graph.edge_index.size(1), square.nonZeros());
    QVERIFY(square.nonZeros() > A.nonZeros());
    const torch::Tensor srcT = g.graph.edge_index[0].contiguous(), dstT = g.graph.edge_index[1].contiguous();
    const auto src = srcT.accessor<std::int64_t, 1>();
    const auto dst = dstT.accessor<std::int64_t, 1>();
    const auto attr = g.graph.edge_attr.accessor<double, 2>();
    int inA = 0;
    for (std::int64_t e = 0; e < g.graph.edge_index.size(1); ++e) {
        const double a = A.coeff(dst[e], src[e]);
        const double expected = a / std::sqrt(A.coeff(dst[e], dst[e]) * A.coeff(src[e], src[e]));
        QVERIFY(std::abs(attr[e][0] - expected) < 1e-15);
        inA += a != 0.0 ? 1 : 0;
    }
    QCOMPARE(inA, int(A.nonZeros()));
    const SpaiBatch b = collate_spai({&g});
    const double e = std::pow(fs::precond::inverse_residual_fro(A, R), 2);
    QVERIFY(std::abs(inverse_residual_sq(b, b.base.y).item<double>() - e) < 1e-10 * e);
    QVERIFY((inverse_from_scaled(g, g.graph.y) - R).norm() <= 1e-14 * R.norm());
    // The A² SPAI is the minimiser there, and beats the pattern-1 SPAI.
    fs::precond::SpaiOptions so;
    so.pattern_power = 2;
    const fs::precond::SpaiResult two = fs::precond::spai(A, so);
    QVERIFY(two.residual_fro * two.residual_fro < e);
    QVERIFY(two.residual_fro < fs::precond::spai(A).residual_fro);
}

void TestLearnGcvae::rejectsBadInput()
{
    Matrix A = fs::sparse::poisson2d(3, 3).A;
    Matrix bad = A;
    bad.coeffRef(4, 4) = -1.0;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, make_spai_graph(bad));
    Matrix R = A;
    R.coeffRef(0, 8) = 1.0; // outside A's pattern
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, make_spai_graph(A, &R));
    Gcvae model(GcvaeConfig{1, 8, 3});
    const SpaiGraph g = make_spai_graph(A);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, model->decode(collate_spai({&g}).to(torch::kCPU, torch::kFloat32),
                                                                 torch::zeros({1, 2})));
}

void TestLearnGcvae::trainingLowersLossAndEvaluates()
{
    QTemporaryDir tmp;
    const auto [lines, runDir] = train_small(tmp, make_dataset(tmp, 8, 20, 4, "mixed"));
    for (const char *key : {"recon", "kl", "residual", "test_residual_ratio", "test_cos"})
        QVERIFY2(lines.back().contains(key), key);
    QVERIFY(lines.back().at("test_residual_ratio").get<double>() < lines.front().at("test_residual_ratio").get<double>());
    QVERIFY(lines.back().at("test_residual_ratio").get<double>() >= 1.0 - 1e-4); // SPAI is optimal on its pattern

    const json eval = read_json(runDir + "/eval.json");
    QCOMPARE(eval.at("kind").get<std::string>(), std::string("gcvae"));
    QCOMPARE(eval.at("samples").size(), std::size_t(4));
    for (const json &row : eval.at("samples")) {
        for (const char *m : {"none", "jacobi", "ic0", "kopt", "spai", "mean", "sampled"})
            QVERIFY2(row.at("pcg").contains(m), m);
        // The kept sample is the best by ‖I − A R‖_F, and no sample beats SPAI's optimum.
        const json &res = row.at("residual");
        QVERIFY(res.at("sampled").get<double>() >= res.at("spai").get<double>() * (1 - 1e-6));
        QVERIFY(row.at("pcg").at("none").at("converged").get<bool>());
        QCOMPARE(row.at("nnz").at("jacobi").get<int>(), row.at("n").get<int>());
        QCOMPARE(row.at("nnz").at("sampled").get<int>(), row.at("nnz").at("spai").get<int>());
    }
}

void TestLearnGcvae::samplingIsDeterministicUnderSeed()
{
    QTemporaryDir tmp;
    const std::string data = make_dataset(tmp, 6, 10, 3);
    auto train = [&](const QString &name, std::uint64_t seed) {
        TrainConfig c = small_config(data);
        c.epochs = 2;
        c.seed = seed;
        RunOptions run;
        run.run_dir = tmp.filePath(name).toStdString();
        std::ostringstream out;
        run.log = &out;
        if (run_training(c, run) != 0)
            qFatal("training failed: %s", out.str().c_str());
        return read_json(run.run_dir + "/eval.json");
    };
    const json a = train(QStringLiteral("a"), 9), b = train(QStringLiteral("b"), 9), c = train(QStringLiteral("c"), 10);
    QCOMPARE(a.dump(), b.dump());
    QVERIFY(a.at("samples")[0].at("residual").at("sampled") != c.at("samples")[0].at("residual").at("sampled"));

    // Decoding the same latents twice gives the same matrices; other latents give others.
    const Matrix A = fs::sparse::diffusion2d(6, 3).A;
    torch::manual_seed(1);
    Gcvae model(GcvaeConfig{1, 8, 3});
    const SpaiGraph g = make_spai_graph(A);
    const torch::Tensor z = standard_normal(3, 3, 42);
    const auto r1 = decode_matrices(*model, g, z, torch::kCPU);
    const auto r2 = decode_matrices(*model, g, standard_normal(3, 3, 42), torch::kCPU);
    for (int s = 0; s < 3; ++s)
        QCOMPARE((r1[s] - r2[s]).norm(), 0.0);
    QVERIFY((r1[0] - r1[1]).norm() > 0.0);
}

void TestLearnGcvae::fsaiTrainingGivesSpdPreconditioners()
{
    // Training on FSAI targets lowers the loss and the K-condition gap, the ratio K / K_FSAI stays
    // >= 1 (FSAI minimises K on its pattern), and every decoded G gives an SPD GᵀG: PCG converges
    // with it on every test matrix, also for the A² pattern.
    for (int pattern : {1, 2}) {
        QTemporaryDir tmp;
        const auto [lines, runDir] = train_small(tmp, make_dataset(tmp, 8, 20, 4, "mixed", "fsai", pattern));
        const double r0 = lines.front().at("test_residual_ratio").get<double>();
        const double r1 = lines.back().at("test_residual_ratio").get<double>();
        QVERIFY2(r1 < r0 && r1 >= 1.0 - 1e-4, qPrintable(QStringLiteral("K ratio %1 -> %2").arg(r0).arg(r1)));

        const json eval = read_json(runDir + "/eval.json");
        QCOMPARE(eval.at("target").get<std::string>(), std::string("fsai"));
        QCOMPARE(eval.at("pattern").get<int>(), pattern);
        QCOMPARE(eval.at("summary").at("spd").get<int>(), 4);
        for (const json &row : eval.at("samples")) {
            QVERIFY(row.at("spd").get<bool>());
            for (const char *m : {"fsai", "mean", "sampled"}) {
                const json &p = row.at("pcg").at(m);
                QVERIFY2(p.at("converged").get<bool>(), qPrintable(QString::fromStdString(row.dump())));
            }
            const json &k = row.at("kcond");
            QVERIFY(k.at("sampled").get<double>() >= k.at("fsai").get<double>() * (1 - 1e-9));
            QCOMPARE(row.at("nnz").at("sampled").get<int>(), row.at("nnz").at("fsai").get<int>());
        }
    }
    // SPD by construction: even a decoder with large random weights gives a G whose GᵀG has a
    // dense Cholesky factorisation.
    torch::manual_seed(3);
    Gcvae model(GcvaeConfig{2, 8, 3, true});
    {
        torch::NoGradGuard guard;
        for (auto &p : model->parameters())
            p.mul_(2.0);
    }
    const Matrix A = fs::sparse::biharmonic2d(6, 7).A;
    const SpaiGraph g = make_spai_graph(A, nullptr, InverseTarget{true, 2});
    for (const Matrix &G : decode_matrices(*model, g, standard_normal(4, 3, 8), torch::kCPU)) {
        QVERIFY(G.isApprox(Matrix(G.triangularView<Eigen::Lower>())));
        const Eigen::MatrixXd Gd(G);
        const Eigen::LLT<Eigen::MatrixXd> llt(Gd.transpose() * Gd);
        QCOMPARE(llt.info(), Eigen::Success);
    }
}

void TestLearnGcvae::wrongDatasetKindFailsClearly()
{
    QTemporaryDir tmp;
    SyntheticOptions so;
    so.count = 6;
    so.test = 1;
    so.n = 10;
    const std::string synthetic = tmp.filePath(QStringLiteral("syn")).toStdString();
    write_synthetic_dataset(so, synthetic);
    const std::string spai = make_dataset(tmp, 5, 4, 1);
    auto fails = [&](const std::string &dataset, const std::string &model, const char *needle) {
        QProcess p;
        p.start(QStringLiteral(FS_TRAIN_PATH),
                {QStringLiteral("--dataset"), QString::fromStdString(dataset), QStringLiteral("--model"),
                 QString::fromStdString(model), QStringLiteral("--out"),
                 tmp.filePath(QString::fromStdString(model + "_run")), QStringLiteral("--epochs"), QStringLiteral("1")});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 1);
        const QByteArray text = p.readAllStandardOutput();
        QVERIFY2(text.contains("\"status\":\"failed\"") && text.contains(needle), text.constData());
    };
    fails(synthetic, "gcvae", "dataset spai");
    fails(spai, "mpmlp", "use model gcvae");
}

QTEST_GUILESS_MAIN(TestLearnGcvae)
#include "tst_learn_gcvae.moc"

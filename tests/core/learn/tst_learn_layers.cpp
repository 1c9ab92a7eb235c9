// The GNN layers against their formulas: each node model is recomputed with plain loops
// (layer_formulas.h), straight from the formula in layers.h, on a two-graph batch; gradients
// against central differences; permutation equivariance; how far a change at one node travels.
#include "layer_formulas.h"
#include "learn/graph.h"
#include "learn/layers.h"
#include "learn/model.h"
#include "sparse/generators.h"
#include "dataset/locality_bound.h"
#include "sparse/graph_hops.h"

#include <torch/torch.h>

#include <QtTest>

#include <cmath>
#include <map>

using namespace fs::learn;
using namespace formulas;

namespace {

/// Random non-trivial biases and normalisation statistics, so that no term hides behind a zero.
void randomize(torch::nn::Module &m)
{
    torch::NoGradGuard guard;
    for (auto &p : m.named_parameters())
        p.value().uniform_(-0.6, 0.6);
    for (auto &b : m.named_buffers()) {
        if (b.key().find("running_var") != std::string::npos)
            b.value().uniform_(0.5, 1.5);
        else if (b.key().find("running_mean") != std::string::npos)
            b.value().uniform_(-0.3, 0.3);
    }
}

GraphBatch batch_of(const std::vector<fs::sparse::Matrix> &mats)
{
    std::vector<MatrixGraph> gs;
    for (const auto &A : mats)
        gs.push_back(make_graph(A));
    std::vector<const MatrixGraph *> ptrs;
    for (const auto &g : gs)
        ptrs.push_back(&g);
    GraphBatch b = collate(ptrs);
    return b.to(torch::kCPU, torch::kFloat64);
}

/// The decoder applied to every edge (not only tril(A)): equivariance and locality are edge facts.
torch::Tensor all_edge_outputs(FactorGnn &model, const GraphBatch &b)
{
    return model->decoder(model->edge_latents(b)).squeeze(-1);
}

FactorGnn make_model(const std::string &name, int depth, int hidden, std::uint64_t seed)
{
    torch::manual_seed(seed);
    FactorGnn m(ModelConfig{name, depth, hidden});
    m->to(torch::kFloat64);
    return m;
}

} // namespace

class TestLearnLayers : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { torch::set_num_threads(1); }
    void segmentSoftmaxByHand();
    void groupedCosineByHand();
    void graphOfMatrix();
    void layerMatchesFormula_data();
    void layerMatchesFormula();
    void gradientsMatchFiniteDifferences_data();
    void gradientsMatchFiniteDifferences();
    void permutationEquivariance_data();
    void permutationEquivariance();
    void receptiveField_data();
    void receptiveField();
    void globalAttentionStaysInGraph();
};

void TestLearnLayers::segmentSoftmaxByHand()
{
    // Group 0: scores 0 and ln 3 -> 1/4, 3/4; group 1: a single score -> 1.
    const auto s = torch::tensor({0.0, std::log(3.0), 5.0}, torch::kFloat64);
    const auto a = segment_softmax(s, torch::tensor({0, 0, 1}, torch::kInt64), 2);
    QVERIFY(std::abs(a[0].item<double>() - 0.25) < 1e-12);
    QVERIFY(std::abs(a[1].item<double>() - 0.75) < 1e-12);
    QVERIFY(std::abs(a[2].item<double>() - 1.0) < 1e-12);
}

void TestLearnLayers::groupedCosineByHand()
{
    // (1,0)·(1,0) -> 1; (1,1)·(1,-1) -> 0; (2,0)·(-1,0) -> -1.
    const auto p = torch::tensor({1.0, 0.0, 1.0, 1.0, 2.0, 0.0}, torch::kFloat64);
    const auto y = torch::tensor({1.0, 0.0, 1.0, -1.0, -1.0, 0.0}, torch::kFloat64);
    const auto c = grouped_cosine(p, y, torch::tensor({0, 0, 1, 1, 2, 2}, torch::kInt64), 3);
    QVERIFY(std::abs(c[0].item<double>() - 1.0) < 1e-12);
    QVERIFY(std::abs(c[1].item<double>()) < 1e-12);
    QVERIFY(std::abs(c[2].item<double>() + 1.0) < 1e-12);
}

void TestLearnLayers::graphOfMatrix()
{
    // tridiag(-1, 2, -1), n = 3: 3 self-loops + 2·2 directed edges; targets = tril(A) in CSC order.
    const auto g = fs::sparse::laplacian1d(3);
    const MatrixGraph mg = make_graph(g.A, &*g.exact_L);
    QCOMPARE(mg.edge_index.size(1), 7);
    QCOMPARE(mg.target_edges.size(0), 5);
    const auto src = mg.edge_index[0];
    const auto dst = mg.edge_index[1];
    const auto attr = mg.edge_attr.squeeze(-1);
    // Target k: (row, col) = (0,0), (1,0), (1,1), (2,1), (2,2); the edge runs col -> row.
    const std::vector<std::pair<int, int>> rc = {{0, 0}, {1, 0}, {1, 1}, {2, 1}, {2, 2}};
    for (int k = 0; k < 5; ++k) {
        const auto e = mg.target_edges[k].item<std::int64_t>();
        QCOMPARE(dst[e].item<std::int64_t>(), std::int64_t(rc[k].first));
        QCOMPARE(src[e].item<std::int64_t>(), std::int64_t(rc[k].second));
            // Jacobi scaling: A_ij / sqrt(A_ii A_jj) = -1/2 off the diagonal, 1 on it.
        QCOMPARE(attr[e].item<double>(), rc[k].first == rc[k].second ? 1.0 : -0.5);
        // Unit-norm targets: ‖L‖_F² = ‖A‖ trace = 6 here (tr(L Lᵀ) = tr A).
        QVERIFY(std::abs(mg.y[k].item<double>() - g.exact_L->coeff(rc[k].first, rc[k].second) / std::sqrt(6.0)) < 1e-15);
        QCOMPARE(mg.target_scale[k].item<double>(), 1.0);
    }
    // Node features: Σ_{j≠i} |A_ij| / A_ii (row i alone) and log(1 + off-diagonal degree).
    QCOMPARE(mg.x[0][0].item<double>(), 0.5);
    QCOMPARE(mg.x[1][0].item<double>(), 1.0);
    QVERIFY(std::abs(mg.x[1][1].item<double>() - std::log(3.0)) < 1e-15);
    // No global scale reaches the inputs: A scaled by 1e99 gives the same graph, targets included.
    const MatrixGraph huge = make_graph(fs::sparse::Matrix(g.A * 1e99), &*g.exact_L);
    QVERIFY(torch::equal(huge.x, mg.x));
    QVERIFY(torch::allclose(huge.edge_attr, mg.edge_attr, 1e-15, 0.0));
    QVERIFY(torch::equal(huge.target_scale, mg.target_scale));
    // A diagonal that is not positive cannot be scaled: refused.
    fs::sparse::Matrix neg = g.A;
    neg.coeffRef(1, 1) = -1.0;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, make_graph(neg));
    // An L entry outside tril(A) cannot be predicted: refused.
    fs::sparse::Matrix bad = *g.exact_L;
    bad.coeffRef(2, 0) = 1.0;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, make_graph(g.A, &bad));
}

void TestLearnLayers::layerMatchesFormula_data()
{
    QTest::addColumn<QString>("name");
    for (const auto &n : kModels)
        QTest::newRow(n.c_str()) << QString::fromStdString(n);
}

void TestLearnLayers::layerMatchesFormula()
{
    QFETCH(QString, name);
    torch::manual_seed(3);
    const std::int64_t C = 3;
    auto layer = make_node_model(name.toStdString(), C, 5);
    layer->to(torch::kFloat64);
    randomize(*layer);
    layer->eval();
    const auto h = torch::randn({5, C}, torch::kFloat64);
    const auto e = torch::randn({static_cast<std::int64_t>(kSrc.size()), C}, torch::kFloat64);
    torch::NoGradGuard guard;
    const auto out = layer->forward(h, e, tiny_topology());
    QCOMPARE(out.size(0), 5);
    QCOMPARE(out.size(1), C);
    for (std::int64_t i = 0; i < 5; ++i) {
        const Vec want = layer_reference(name.toStdString(), *layer, h, e, i);
        const Vec got = row(out, i);
        for (std::int64_t c = 0; c < C; ++c)
            QVERIFY2(std::abs(got[c] - want[c]) < 1e-10,
                     qPrintable(QStringLiteral("node %1 channel %2: %3 vs %4").arg(i).arg(c).arg(got[c]).arg(want[c])));
    }
}

void TestLearnLayers::gradientsMatchFiniteDifferences_data()
{
    layerMatchesFormula_data();
}

void TestLearnLayers::gradientsMatchFiniteDifferences()
{
    QFETCH(QString, name);
    FactorGnn model = make_model(name.toStdString(), 2, 4, 11);
    randomize(*model);
    model->train(); // GEN's BatchNorm uses batch statistics: its backward is checked too
    GraphBatch b = batch_of({fs::sparse::laplacian1d(4).A, fs::sparse::poisson2d(2, 3).A});
    b.y = torch::randn({b.target_edges.size(0)}, torch::kFloat64);
    auto loss = [&] {
        return 1.0 - grouped_cosine(model->forward(b), b.y, b.target_batch, b.num_graphs).mean();
    };
    model->zero_grad();
    loss().backward();
    int checked = 0;
    for (auto &p : model->named_parameters()) {
        if (!p.value().grad().defined()) {
            // The decoder reads edges only, so the last block's node model cannot reach the output.
            QVERIFY2(p.key().rfind("node_model1.", 0) == 0, p.key().c_str());
            continue;
        }
        auto flat = p.value().detach().view({-1});
        const auto grad = p.value().grad().view({-1});
        for (std::int64_t k = 0; k < flat.numel(); k += std::max<std::int64_t>(1, flat.numel() / 3)) {
            const double h = 1e-6;
            const double orig = flat[k].item<double>();
            torch::NoGradGuard guard;
            flat[k] = orig + h;
            const double up = loss().item<double>();
            flat[k] = orig - h;
            const double down = loss().item<double>();
            flat[k] = orig;
            const double fd = (up - down) / (2 * h);
            const double ad = grad[k].item<double>();
            QVERIFY2(std::abs(fd - ad) <= 1e-6 + 1e-4 * std::abs(fd),
                     qPrintable(QStringLiteral("%1[%2]: autograd %3, finite difference %4")
                                    .arg(QString::fromStdString(p.key())).arg(k).arg(ad).arg(fd)));
            ++checked;
        }
    }
    QVERIFY(checked > 20);
}

void TestLearnLayers::permutationEquivariance_data()
{
    layerMatchesFormula_data();
}

void TestLearnLayers::permutationEquivariance()
{
    QFETCH(QString, name);
    const auto A = fs::sparse::graph_laplacian(12, 3, 1.0, 7).A;
    const std::vector<int> perm = {5, 11, 0, 7, 2, 9, 1, 10, 3, 8, 6, 4};
    std::vector<fs::sparse::Triplet> t;
    for (int j = 0; j < A.outerSize(); ++j)
        for (fs::sparse::Matrix::InnerIterator it(A, j); it; ++it)
            t.emplace_back(perm[it.row()], perm[j], it.value());
    fs::sparse::Matrix B(12, 12);
    B.setFromTriplets(t.begin(), t.end());

    FactorGnn model = make_model(name.toStdString(), 3, 8, 5);
    randomize(*model);
    model->eval();
    torch::NoGradGuard guard;
    const GraphBatch ga = batch_of({A}), gb = batch_of({B});
    const auto ya = all_edge_outputs(model, ga), yb = all_edge_outputs(model, gb);
    std::map<std::pair<std::int64_t, std::int64_t>, std::int64_t> where;
    for (std::int64_t k = 0; k < gb.edge_index.size(1); ++k)
        where[{gb.edge_index[0][k].item<std::int64_t>(), gb.edge_index[1][k].item<std::int64_t>()}] = k;
    QCOMPARE(ga.edge_index.size(1), gb.edge_index.size(1));
    double worst = 0.0, scale = 0.0;
    for (std::int64_t k = 0; k < ga.edge_index.size(1); ++k) {
        const auto s = perm[ga.edge_index[0][k].item<std::int64_t>()];
        const auto d = perm[ga.edge_index[1][k].item<std::int64_t>()];
        const auto it = where.find({s, d});
        QVERIFY(it != where.end());
        worst = std::max(worst, std::abs(ya[k].item<double>() - yb[it->second].item<double>()));
        scale = std::max(scale, std::abs(ya[k].item<double>()));
    }
    QVERIFY(scale > 1e-6);
    QVERIFY2(worst <= 1e-10 * std::max(1.0, scale), qPrintable(QString::number(worst)));
}

void TestLearnLayers::receptiveField_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("depth");
    for (const auto &n : kModels) {
        if (n == "sgformer")
            continue; // global by design: globalAttentionStaysInGraph
        for (int k : {1, 2, 3})
            QTest::newRow((n + " depth " + std::to_string(k)).c_str()) << QString::fromStdString(n) << k;
    }
}

void TestLearnLayers::receptiveField()
{
    // Perturb A_pp of the matrix itself (it doubles), so that the graph's inputs are tested too:
    // only node p and the edges at p may change. Block k's edge model reads the nodes after k−1
    // node models, and a node model reaches one hop, so after k blocks an edge changes only if an
    // end lies within k−1 hops of p; the MLP node model never reaches past the node itself. The
    // rule is dataset::receptive_radius, which the locality bound relies on.
    QFETCH(QString, name);
    QFETCH(int, depth);
    const auto A = fs::sparse::poisson2d(7, 7).A;
    const int p = 24;
    fs::sparse::Matrix Ap = A;
    Ap.coeffRef(p, p) *= 2.0;
    const std::vector<int> dist = fs::sparse::hop_distances(A, std::vector<fs::sparse::Index>{p});
    const std::optional<int> radius = fs::dataset::receptive_radius(name.toStdString(), depth);
    QVERIFY(radius);
    QCOMPARE(*radius, name == "mlp" ? 0 : depth - 1);
    FactorGnn model = make_model(name.toStdString(), depth, 16, 17);
    randomize(*model);
    model->eval();
    torch::NoGradGuard guard;
    const fs::sparse::Matrix other = fs::sparse::laplacian1d(6).A;
    const GraphBatch b = batch_of({A, other});
    const GraphBatch bp = batch_of({Ap, other});
    const auto before = all_edge_outputs(model, b);
    const auto after = all_edge_outputs(model, bp);
    double atEdge = 0.0;
    const std::int64_t edgesA = make_graph(A).edge_index.size(1);
    for (std::int64_t k = 0; k < b.edge_index.size(1); ++k) {
        const double change = std::abs(after[k].item<double>() - before[k].item<double>());
        if (k >= edgesA) { // the other graph of the batch
            QVERIFY2(change == 0.0, "a change crossed into another graph");
            continue;
        }
        const int m = std::min(dist[b.edge_index[0][k].item<std::int64_t>()], dist[b.edge_index[1][k].item<std::int64_t>()]);
        if (m > *radius)
            QVERIFY2(change == 0.0, qPrintable(QStringLiteral("edge %1 at %2 hops changed by %3").arg(k).arg(m).arg(change)));
        else if (m == *radius)
            atEdge = std::max(atEdge, change);
    }
    // The radius is exact: the change does reach it.
    QVERIFY2(atEdge > 1e-9, qPrintable(QString::number(atEdge)));
    // The output scale √(A_ii / max A_kk) is a node fact up to the graph's common factor: it
    // changes at p and, here, by one factor (√2: A_pp became the largest diagonal) elsewhere.
    const torch::Tensor ratio = bp.target_scale / b.target_scale;
    const torch::Tensor targetRow = b.edge_index[1].index_select(0, b.target_edges);
    for (std::int64_t t = 0; t < ratio.size(0); ++t) {
        const std::int64_t row = targetRow[t].item<std::int64_t>();
        if (row != p && t < make_graph(A).target_edges.size(0))
            QVERIFY(std::abs(ratio[t].item<double>() - 1.0 / std::sqrt(2.0)) < 1e-15);
    }
}

void TestLearnLayers::globalAttentionStaysInGraph()
{
    const auto A = fs::sparse::poisson2d(7, 7).A;
    const int p = 0;
    const std::vector<int> dist = fs::sparse::hop_distances(A, std::vector<fs::sparse::Index>{p});
    FactorGnn model = make_model("sgformer", 2, 8, 23);
    randomize(*model);
    model->eval();
    torch::NoGradGuard guard;
    GraphBatch b = batch_of({A, fs::sparse::laplacian1d(6).A});
    const auto before = all_edge_outputs(model, b);
    b.x[p][0] += 0.7;
    const auto after = all_edge_outputs(model, b);
    const std::int64_t edgesA = make_graph(A).edge_index.size(1);
    double far = 0.0;
    for (std::int64_t k = 0; k < b.edge_index.size(1); ++k) {
        const double change = std::abs(after[k].item<double>() - before[k].item<double>());
        if (k >= edgesA) {
            QCOMPARE(change, 0.0);
            continue;
        }
        const int m = std::min(dist[b.edge_index[0][k].item<std::int64_t>()], dist[b.edge_index[1][k].item<std::int64_t>()]);
        if (m >= 5)
            far = std::max(far, change);
    }
    // The node model of block 1 (all-pair attention) feeds the edge model of block 2: the far
    // corner of the grid (12 hops away) changes.
    QVERIFY(far > 1e-9);
}

QTEST_APPLESS_MAIN(TestLearnLayers)
#include "tst_learn_layers.moc"

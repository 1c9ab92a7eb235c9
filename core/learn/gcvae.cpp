#include "learn/gcvae.h"

#include "precond/spai.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <stdexcept>

namespace fs::learn {

using sparse::Matrix;

namespace {

const auto kF64 = torch::TensorOptions().dtype(torch::kFloat64);
const auto kI64 = torch::TensorOptions().dtype(torch::kInt64);

} // namespace

SpaiGraph make_spai_graph(const Matrix &Ain, const Matrix *R)
{
    if (Ain.rows() != Ain.cols())
        throw std::invalid_argument("the generative SPAI model needs a square matrix");
    Matrix A = Ain;
    A.makeCompressed();
    const Eigen::Index n = A.rows();
    std::vector<double> dsqrt(static_cast<std::size_t>(n));
    double logSum = 0.0;
    for (Eigen::Index i = 0; i < n; ++i) {
        const double d = A.coeff(i, i);
        if (!(d > 0.0) || !std::isfinite(d))
            throw std::invalid_argument("diagonal entry " + std::to_string(i + 1) + " is not positive");
        dsqrt[static_cast<std::size_t>(i)] = std::sqrt(d);
        logSum += std::log(d);
    }
    if (R && (R->rows() != n || R->cols() != n))
        throw std::invalid_argument("R and A differ in size");

    SpaiGraph g;
    g.graph = make_graph(A);
    MatrixGraph &mg = g.graph;
    const double logMean = n > 0 ? logSum / static_cast<double>(n) : 0.0;
    auto x = mg.x.accessor<double, 2>();
    for (Eigen::Index i = 0; i < n; ++i)
        x[i][0] = 2.0 * std::log(dsqrt[static_cast<std::size_t>(i)]) - logMean;

    // Edge e is the e-th stored entry of A (make_graph walks A column by column).
    const int *outer = A.outerIndexPtr();
    const int *inner = A.innerIndexPtr();
    const double *val = A.valuePtr();
    const auto E = static_cast<std::int64_t>(A.nonZeros());
    auto attr = mg.edge_attr.accessor<double, 2>();
    std::vector<double> y(static_cast<std::size_t>(E), 0.0);
    double inside = 0.0;
    for (Eigen::Index j = 0; j < n; ++j) {
        for (int p = outer[j]; p < outer[j + 1]; ++p) {
            const int i = inner[p];
            const double s = dsqrt[static_cast<std::size_t>(i)] * dsqrt[static_cast<std::size_t>(j)];
            attr[p][0] = val[p] / s;
            if (R) {
                const double r = R->coeff(i, j);
                y[static_cast<std::size_t>(p)] = r * s;
                inside += r * r;
            }
        }
    }
    if (R && std::abs(R->squaredNorm() - inside) > 1e-12 * std::max(1.0, inside))
        throw std::invalid_argument("R has entries outside the pattern of A");
    mg.target_edges = torch::arange(E, kI64);
    mg.y = torch::tensor(y, kF64);

    // Triples of (A R)_ik = Σ_j A_ij R_jk with R_jk = R̃_jk / (√d_j √d_k). A is symmetric, so the
    // rows i of A(:, j) are the column j itself. Pairs (i, k) are numbered column by column.
    std::vector<double> coef;
    std::vector<std::int64_t> triEdge, triPair;
    std::vector<double> pairDiag;
    std::vector<std::int64_t> slot(static_cast<std::size_t>(n), -1);
    std::vector<int> touched;
    for (Eigen::Index k = 0; k < n; ++k) {
        touched.clear();
        for (int q = outer[k]; q < outer[k + 1]; ++q) {
            const int j = inner[q]; // R_jk is edge q
            const double scale = 1.0 / (dsqrt[static_cast<std::size_t>(j)] * dsqrt[static_cast<std::size_t>(k)]);
            for (int p = outer[j]; p < outer[j + 1]; ++p) {
                const int i = inner[p];
                std::int64_t &s = slot[static_cast<std::size_t>(i)];
                if (s < 0) {
                    s = static_cast<std::int64_t>(pairDiag.size());
                    pairDiag.push_back(i == k ? 1.0 : 0.0);
                    touched.push_back(i);
                }
                coef.push_back(val[p] * scale);
                triEdge.push_back(q);
                triPair.push_back(s);
            }
        }
        if (std::find(touched.begin(), touched.end(), static_cast<int>(k)) == touched.end())
            throw std::invalid_argument("column " + std::to_string(k + 1) + " of A has no diagonal entry");
        for (int i : touched)
            slot[static_cast<std::size_t>(i)] = -1;
    }
    g.tri_coef = torch::tensor(coef, kF64);
    g.tri_edge = torch::tensor(triEdge, kI64);
    g.tri_pair = torch::tensor(triPair, kI64);
    g.pair_diag = torch::tensor(pairDiag, kF64);
    g.num_pairs = static_cast<std::int64_t>(pairDiag.size());
    g.dsqrt = torch::tensor(dsqrt, kF64);
    if (R) {
        const double r = precond::inverse_residual_fro(A, *R);
        g.target_residual_sq = r * r;
    }
    return g;
}

SpaiBatch SpaiBatch::to(torch::Device device, torch::Dtype dtype) const
{
    SpaiBatch b = *this;
    b.base = base.to(device, dtype);
    b.tri_coef = tri_coef.to(device, dtype);
    b.pair_diag = pair_diag.to(device, dtype);
    b.target_residual_sq = target_residual_sq.to(device, dtype);
    b.tri_edge = tri_edge.to(device);
    b.tri_pair = tri_pair.to(device);
    b.pair_batch = pair_batch.to(device);
    return b;
}

SpaiBatch collate_spai(const std::vector<const SpaiGraph *> &graphs)
{
    std::vector<const MatrixGraph *> base;
    std::vector<torch::Tensor> coef, edge, pair, diag, pairBatch;
    std::vector<double> target;
    std::int64_t edgeOffset = 0, pairOffset = 0;
    for (std::size_t k = 0; k < graphs.size(); ++k) {
        const SpaiGraph &g = *graphs[k];
        base.push_back(&g.graph);
        coef.push_back(g.tri_coef);
        edge.push_back(g.tri_edge + edgeOffset);
        pair.push_back(g.tri_pair + pairOffset);
        diag.push_back(g.pair_diag);
        pairBatch.push_back(torch::full({g.num_pairs}, static_cast<std::int64_t>(k), kI64));
        target.push_back(g.target_residual_sq);
        edgeOffset += g.graph.edge_index.size(1);
        pairOffset += g.num_pairs;
    }
    SpaiBatch b;
    b.base = collate(base);
    b.tri_coef = torch::cat(coef);
    b.tri_edge = torch::cat(edge);
    b.tri_pair = torch::cat(pair);
    b.pair_diag = torch::cat(diag);
    b.pair_batch = torch::cat(pairBatch);
    b.target_residual_sq = torch::tensor(target, kF64);
    b.num_pairs = pairOffset;
    return b;
}

torch::Tensor inverse_residual_sq(const SpaiBatch &b, const torch::Tensor &rtilde)
{
    const torch::Tensor ar = scatter_sum(b.tri_coef * rtilde.index_select(0, b.tri_edge), b.tri_pair, b.num_pairs);
    const torch::Tensor err = ar - b.pair_diag;
    return scatter_sum(err * err, b.pair_batch, b.base.num_graphs);
}

torch::Tensor gaussian_kl(const torch::Tensor &mu, const torch::Tensor &logvar)
{
    return 0.5 * (mu * mu + logvar.exp() - 1.0 - logvar).sum(-1);
}

torch::Tensor reparameterise(const torch::Tensor &mu, const torch::Tensor &logvar, const torch::Tensor &eps)
{
    return mu + (0.5 * logvar).exp() * eps;
}

torch::Tensor standard_normal(std::int64_t count, std::int64_t dim, std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    // 53 random bits in (0, 1]: log never sees 0.
    auto uniform = [&rng] { return (static_cast<double>(rng() >> 11) + 1.0) * 0x1.0p-53; };
    const std::int64_t total = count * dim;
    std::vector<double> v(static_cast<std::size_t>(total));
    const double twoPi = 6.283185307179586476925286766559;
    for (std::int64_t k = 0; k < total; k += 2) {
        const double r = std::sqrt(-2.0 * std::log(uniform()));
        const double t = twoPi * uniform();
        v[static_cast<std::size_t>(k)] = r * std::cos(t);
        if (k + 1 < total)
            v[static_cast<std::size_t>(k + 1)] = r * std::sin(t);
    }
    return torch::tensor(v, kF64).reshape({count, dim});
}

GcvaeImpl::GcvaeImpl(const GcvaeConfig &c) : config(c)
{
    if (c.depth < 0 || c.hidden < 1 || c.latent < 1)
        throw std::invalid_argument("gcvae needs depth >= 0, hidden >= 1 and latent >= 1");
    const std::int64_t H = c.hidden, Z = c.latent;
    enc_node = register_module("enc_node", Mlp(kNodeFeatures, H, H));
    enc_edge = register_module("enc_edge", Mlp(kEdgeFeatures + 1, H, H));
    enc_head = register_module("enc_head", Mlp(2 * H, H, 2 * Z));
    dec_node = register_module("dec_node", Mlp(kNodeFeatures + Z, H, H));
    dec_edge = register_module("dec_edge", Mlp(kEdgeFeatures, H, H));
    dec_out = register_module("dec_out", Mlp(H, H, 1));
    for (int k = 0; k < c.depth; ++k) {
        const std::string s = std::to_string(k);
        enc_edge_models.push_back(register_module("enc_edge_model" + s, Mlp(3 * H, H, H)));
        enc_node_models.push_back(register_module("enc_node_model" + s, make_node_model("mpmlp", H, H)));
        dec_edge_models.push_back(register_module("dec_edge_model" + s, Mlp(3 * H, H, H)));
        dec_node_models.push_back(register_module("dec_node_model" + s, make_node_model("mpmlp", H, H)));
    }
}

torch::Tensor GcvaeImpl::process(torch::Tensor &h, torch::Tensor e, const SpaiBatch &b, std::vector<Mlp> &edgeModels,
                                 std::vector<std::shared_ptr<NodeModel>> &nodeModels)
{
    const Topology t = topology_of(b.base);
    // Residual connections keep deeper stacks trainable from the start.
    for (std::size_t k = 0; k < edgeModels.size(); ++k) {
        e = e + edgeModels[k](torch::cat({e, h.index_select(0, t.src), h.index_select(0, t.dst)}, 1));
        h = h + nodeModels[k]->forward(h, e, t);
    }
    return e;
}

GcvaeImpl::Encoding GcvaeImpl::encode(const SpaiBatch &b)
{
    torch::Tensor h = enc_node(b.base.x);
    torch::Tensor e = enc_edge(torch::cat({b.base.edge_attr, b.base.y.unsqueeze(1)}, 1));
    e = process(h, e, b, enc_edge_models, enc_node_models);
    const torch::Tensor pooled = torch::cat({scatter_mean(h, b.base.node_batch, b.base.num_graphs),
                                             scatter_mean(e, b.base.target_batch, b.base.num_graphs)},
                                            1);
    const torch::Tensor out = enc_head(pooled);
    const std::int64_t Z = config.latent;
    // A bounded log-variance keeps exp() finite early in training.
    return {out.narrow(1, 0, Z), out.narrow(1, Z, Z).clamp(-12.0, 8.0)};
}

torch::Tensor GcvaeImpl::decode(const SpaiBatch &b, const torch::Tensor &z)
{
    if (z.dim() != 2 || z.size(0) != b.base.num_graphs || z.size(1) != config.latent)
        throw std::invalid_argument("latent has the wrong shape for this batch");
    torch::Tensor h = dec_node(torch::cat({b.base.x, z.index_select(0, b.base.node_batch)}, 1));
    torch::Tensor e = dec_edge(b.base.edge_attr);
    e = process(h, e, b, dec_edge_models, dec_node_models);
    const torch::Tensor selfLoop = (b.base.edge_index[0] == b.base.edge_index[1]).to(e.dtype());
    return selfLoop + dec_out(e).squeeze(-1);
}

GcvaeLoss gcvae_loss(const SpaiBatch &b, const torch::Tensor &rtilde, const GcvaeImpl::Encoding &enc, double beta,
                     double residualWeight)
{
    GcvaeLoss l;
    const std::int64_t G = b.base.num_graphs;
    const torch::Tensor diff = rtilde - b.base.y;
    l.recon = scatter_sum(diff * diff, b.base.target_batch, G)
        / scatter_sum(b.base.y * b.base.y, b.base.target_batch, G).clamp_min(1e-30);
    l.residual_ratio_sq = inverse_residual_sq(b, rtilde) / b.target_residual_sq.clamp_min(1e-30);
    l.kl = gaussian_kl(enc.mu, enc.logvar);
    l.cos = grouped_cosine(rtilde, b.base.y, b.base.target_batch, G);
    l.total = (l.recon + residualWeight * (l.residual_ratio_sq - 1.0) + beta * l.kl).mean();
    return l;
}

Matrix spai_from_scaled(const Matrix &Ain, const SpaiGraph &graph, const torch::Tensor &rtilde)
{
    Matrix R = Ain;
    R.makeCompressed();
    const torch::Tensor v = rtilde.to(torch::kCPU, torch::kFloat64).contiguous();
    if (v.size(0) != R.nonZeros())
        throw std::invalid_argument("decoded values do not match the pattern of A");
    const auto acc = v.accessor<double, 1>();
    const auto ds = graph.dsqrt.accessor<double, 1>();
    const int *outer = R.outerIndexPtr();
    const int *inner = R.innerIndexPtr();
    double *val = R.valuePtr();
    for (Eigen::Index j = 0; j < R.cols(); ++j)
        for (int p = outer[j]; p < outer[j + 1]; ++p)
            val[p] = acc[p] / (ds[inner[p]] * ds[j]);
    return R;
}

std::vector<Matrix> decode_matrices(GcvaeImpl &model, const Matrix &A, const SpaiGraph &graph, const torch::Tensor &z,
                                    torch::Device device)
{
    torch::NoGradGuard noGrad;
    const std::int64_t S = z.size(0);
    std::vector<const SpaiGraph *> copies(static_cast<std::size_t>(S), &graph);
    const SpaiBatch batch = collate_spai(copies).to(device, torch::kFloat32);
    const torch::Tensor r = model.decode(batch, z.to(device, torch::kFloat32)).to(torch::kCPU, torch::kFloat64);
    const std::int64_t E = graph.graph.edge_index.size(1);
    std::vector<Matrix> out;
    for (std::int64_t s = 0; s < S; ++s)
        out.push_back(spai_from_scaled(A, graph, r.narrow(0, s * E, E)));
    return out;
}

} // namespace fs::learn

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

namespace {

// The graph's matrix P: A (pattern 1) or the pattern of A² carrying A's values, zeros elsewhere.
Matrix graph_matrix(const Matrix &A, int pattern)
{
    if (pattern == 1)
        return A;
    Matrix P = sparse::pattern_power(A, 2);
    const int *ao = A.outerIndexPtr(), *ai = A.innerIndexPtr();
    const double *av = A.valuePtr();
    const int *po = P.outerIndexPtr(), *pi = P.innerIndexPtr();
    double *pv = P.valuePtr();
    for (Eigen::Index j = 0; j < P.cols(); ++j) {
        int a = ao[j];
        for (int p = po[j]; p < po[j + 1]; ++p) {
            while (a < ao[j + 1] && ai[a] < pi[p])
                ++a;
            pv[p] = a < ao[j + 1] && ai[a] == pi[p] ? av[a] : 0.0;
        }
    }
    return P;
}

// The triples (A R)_ik = Σ_j A_ij R_jk with R_jk = R̃_jk / (√d_j √d_k) (SPAI). A is symmetric, so the
// rows i of A(:, j) are the column j itself; R's entries are the stored entries q of P. Pairs (i, k)
// are numbered column by column.
void add_residual_triples(SpaiGraph &g, const Matrix &A, const Matrix &P, const std::vector<double> &dsqrt)
{
    const Eigen::Index n = A.rows();
    const int *outer = A.outerIndexPtr(), *inner = A.innerIndexPtr();
    const double *val = A.valuePtr();
    const int *pOuter = P.outerIndexPtr(), *pInner = P.innerIndexPtr();
    std::vector<double> coef, pairDiag;
    std::vector<std::int64_t> triEdge, triPair;
    std::vector<std::int64_t> slot(static_cast<std::size_t>(n), -1);
    std::vector<int> touched;
    for (Eigen::Index k = 0; k < n; ++k) {
        touched.clear();
        for (int q = pOuter[k]; q < pOuter[k + 1]; ++q) {
            const int j = pInner[q]; // R_jk is edge q
            const double scale = 1.0 / (dsqrt[static_cast<std::size_t>(j)] * dsqrt[static_cast<std::size_t>(k)]);
            for (int p = outer[j]; p < outer[j + 1]; ++p) {
                const int i = inner[p];
                std::int64_t &sl = slot[static_cast<std::size_t>(i)];
                if (sl < 0) {
                    sl = static_cast<std::int64_t>(pairDiag.size());
                    pairDiag.push_back(i == k ? 1.0 : 0.0);
                    touched.push_back(i);
                }
                coef.push_back(val[p] * scale);
                triEdge.push_back(q);
                triPair.push_back(sl);
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
}

// The quadratic terms of tr(G̃ÃG̃ᵀ) = Σ_i Σ_{j,k ∈ s_i} G̃_ij Ã_jk G̃_ik (FSAI), over the target
// positions t of tril(P) (compressed-column order), and each row's diagonal position. Returns c of
// the target values y when `y` is given.
double add_kcond_quads(SpaiGraph &g, const Matrix &A, const Matrix &lowerP, const std::vector<double> &dsqrt,
                       const std::vector<double> *y)
{
    const Eigen::Index n = A.rows();
    std::vector<std::vector<std::pair<int, std::int64_t>>> rows(static_cast<std::size_t>(n)); // (j, t)
    std::vector<std::int64_t> diag(static_cast<std::size_t>(n), -1);
    const int *lo = lowerP.outerIndexPtr(), *li = lowerP.innerIndexPtr();
    for (Eigen::Index j = 0; j < n; ++j)
        for (int t = lo[j]; t < lo[j + 1]; ++t) {
            rows[static_cast<std::size_t>(li[t])].emplace_back(static_cast<int>(j), t);
            if (li[t] == j)
                diag[static_cast<std::size_t>(j)] = t;
        }
    const int *outer = A.outerIndexPtr(), *inner = A.innerIndexPtr();
    const double *val = A.valuePtr();
    std::vector<std::int64_t> pos(static_cast<std::size_t>(n), -1);
    std::vector<double> coef;
    std::vector<std::int64_t> qa, qb;
    double trace = 0.0, logDiag = 0.0;
    for (Eigen::Index i = 0; i < n; ++i) {
        const auto &row = rows[static_cast<std::size_t>(i)];
        for (const auto &[j, t] : row)
            pos[static_cast<std::size_t>(j)] = t;
        for (const auto &[j, t] : row)
            for (int p = outer[j]; p < outer[j + 1]; ++p) {
                const std::int64_t other = pos[static_cast<std::size_t>(inner[p])];
                if (other < 0)
                    continue;
                const double c = val[p] / (dsqrt[static_cast<std::size_t>(inner[p])] * dsqrt[static_cast<std::size_t>(j)]);
                coef.push_back(c);
                qa.push_back(t);
                qb.push_back(other);
                if (y)
                    trace += c * (*y)[static_cast<std::size_t>(t)] * (*y)[static_cast<std::size_t>(other)];
            }
        for (const auto &[j, t] : row)
            pos[static_cast<std::size_t>(j)] = -1;
        if (diag[static_cast<std::size_t>(i)] < 0)
            throw std::invalid_argument("row " + std::to_string(i + 1) + " of A has no diagonal entry");
        if (y) {
            const double d = (*y)[static_cast<std::size_t>(diag[static_cast<std::size_t>(i)])];
            if (!(d > 0.0) || !std::isfinite(d))
                throw std::invalid_argument("diagonal entry " + std::to_string(i + 1) + " of G is not positive");
            logDiag += std::log(d);
        }
    }
    g.quad_coef = torch::tensor(coef, kF64);
    g.quad_a = torch::tensor(qa, kI64);
    g.quad_b = torch::tensor(qb, kI64);
    g.diag_target = torch::tensor(diag, kI64);
    const double nd = static_cast<double>(n);
    return y ? std::log(trace / nd) - 2.0 * logDiag / nd : 0.0;
}

} // namespace

SpaiGraph make_spai_graph(const Matrix &Ain, const Matrix *R, const InverseTarget &target)
{
    if (Ain.rows() != Ain.cols())
        throw std::invalid_argument("the generative SPAI model needs a square matrix");
    if (target.pattern != 1 && target.pattern != 2)
        throw std::invalid_argument("the target pattern must be 1 (A) or 2 (A²)");
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
    g.target = target;
    const Matrix P = graph_matrix(A, target.pattern);
    g.graph = make_graph(P);
    MatrixGraph &mg = g.graph;
    const double logMean = n > 0 ? logSum / static_cast<double>(n) : 0.0;
    auto x = mg.x.accessor<double, 2>();
    for (Eigen::Index i = 0; i < n; ++i)
        x[i][0] = 2.0 * std::log(dsqrt[static_cast<std::size_t>(i)]) - logMean;

    // Scaled targets: R̃ = D^½ R D^½ on every edge, or G̃ = G D^½ on the edges of tril(P).
    if (target.factor) {
        g.pattern = P.triangularView<Eigen::Lower>();
    } else {
        g.pattern = P;
        mg.target_edges = torch::arange(static_cast<std::int64_t>(P.nonZeros()), kI64);
    }
    g.pattern.makeCompressed();
    const int *outer = g.pattern.outerIndexPtr();
    const int *inner = g.pattern.innerIndexPtr();
    std::vector<double> y(static_cast<std::size_t>(g.pattern.nonZeros()), 0.0);
    double inside = 0.0;
    if (R) {
        for (Eigen::Index j = 0; j < n; ++j)
            for (int p = outer[j]; p < outer[j + 1]; ++p) {
                const int i = inner[p];
                const double r = R->coeff(i, j);
                const double sj = dsqrt[static_cast<std::size_t>(j)];
                y[static_cast<std::size_t>(p)] = r * (target.factor ? sj : dsqrt[static_cast<std::size_t>(i)] * sj);
                inside += r * r;
            }
        if (std::abs(R->squaredNorm() - inside) > 1e-12 * std::max(1.0, inside))
            throw std::invalid_argument(std::string(target.factor ? "G" : "R") + " has entries outside the pattern of "
                                        + (target.factor ? "tril(A" : "A") + (target.pattern == 2 ? "²" : "")
                                        + (target.factor ? ")" : ""));
    }
    mg.y = torch::tensor(y, kF64);
    g.dsqrt = torch::tensor(dsqrt, kF64);
    if (target.factor) {
        g.target_kcond_c = add_kcond_quads(g, A, g.pattern, dsqrt, R ? &y : nullptr);
    } else {
        add_residual_triples(g, A, P, dsqrt);
        if (R) {
            const double r = precond::inverse_residual_fro(A, *R);
            g.target_residual_sq = r * r;
        }
    }
    return g;
}

SpaiBatch SpaiBatch::to(torch::Device device, torch::Dtype dtype) const
{
    SpaiBatch b = *this;
    b.base = base.to(device, dtype);
    for (torch::Tensor *t : {&b.tri_coef, &b.pair_diag, &b.target_residual_sq, &b.quad_coef, &b.graph_order,
                             &b.target_kcond_c})
        *t = t->to(device, dtype);
    for (torch::Tensor *t : {&b.tri_edge, &b.tri_pair, &b.pair_batch, &b.quad_a, &b.quad_b, &b.quad_batch,
                             &b.diag_target, &b.diag_batch})
        *t = t->to(device);
    return b;
}

SpaiBatch collate_spai(const std::vector<const SpaiGraph *> &graphs)
{
    std::vector<const MatrixGraph *> base;
    std::vector<torch::Tensor> coef, edge, pair, diag, pairBatch, qc, qa, qb, qBatch, dt, dBatch;
    std::vector<double> residual, kcond, order;
    std::int64_t targetOffset = 0, pairOffset = 0;
    SpaiBatch b;
    for (std::size_t k = 0; k < graphs.size(); ++k) {
        const SpaiGraph &g = *graphs[k];
        if (k == 0)
            b.target = g.target;
        else if (g.target.factor != b.target.factor || g.target.pattern != b.target.pattern)
            throw std::invalid_argument("a batch mixes SPAI and FSAI targets or patterns");
        const auto K = static_cast<std::int64_t>(k);
        base.push_back(&g.graph);
        if (g.target.factor) {
            qc.push_back(g.quad_coef);
            qa.push_back(g.quad_a + targetOffset);
            qb.push_back(g.quad_b + targetOffset);
            qBatch.push_back(torch::full({g.quad_coef.size(0)}, K, kI64));
            dt.push_back(g.diag_target + targetOffset);
            dBatch.push_back(torch::full({g.diag_target.size(0)}, K, kI64));
        } else {
            coef.push_back(g.tri_coef);
            edge.push_back(g.tri_edge + targetOffset);
            pair.push_back(g.tri_pair + pairOffset);
            diag.push_back(g.pair_diag);
            pairBatch.push_back(torch::full({g.num_pairs}, K, kI64));
        }
        residual.push_back(g.target_residual_sq);
        kcond.push_back(g.target_kcond_c);
        order.push_back(static_cast<double>(g.graph.num_nodes));
        targetOffset += g.graph.target_edges.size(0);
        pairOffset += g.num_pairs;
    }
    const auto cat = [](const std::vector<torch::Tensor> &parts, const torch::TensorOptions &o) {
        return parts.empty() ? torch::empty({0}, o) : torch::cat(parts);
    };
    b.base = collate(base);
    b.tri_coef = cat(coef, kF64);
    b.tri_edge = cat(edge, kI64);
    b.tri_pair = cat(pair, kI64);
    b.pair_diag = cat(diag, kF64);
    b.pair_batch = cat(pairBatch, kI64);
    b.num_pairs = pairOffset;
    b.quad_coef = cat(qc, kF64);
    b.quad_a = cat(qa, kI64);
    b.quad_b = cat(qb, kI64);
    b.quad_batch = cat(qBatch, kI64);
    b.diag_target = cat(dt, kI64);
    b.diag_batch = cat(dBatch, kI64);
    b.target_residual_sq = torch::tensor(residual, kF64);
    b.target_kcond_c = torch::tensor(kcond, kF64);
    b.graph_order = torch::tensor(order, kF64);
    return b;
}

torch::Tensor inverse_residual_sq(const SpaiBatch &b, const torch::Tensor &rtilde)
{
    const torch::Tensor ar = scatter_sum(b.tri_coef * rtilde.index_select(0, b.tri_edge), b.tri_pair, b.num_pairs);
    const torch::Tensor err = ar - b.pair_diag;
    return scatter_sum(err * err, b.pair_batch, b.base.num_graphs);
}

torch::Tensor fsai_kcond_c(const SpaiBatch &b, const torch::Tensor &g)
{
    const std::int64_t G = b.base.num_graphs;
    const torch::Tensor trace =
        scatter_sum(b.quad_coef * g.index_select(0, b.quad_a) * g.index_select(0, b.quad_b), b.quad_batch, G);
    const torch::Tensor logDiag = scatter_sum(g.index_select(0, b.diag_target).log(), b.diag_batch, G);
    return (trace / b.graph_order).log() - 2.0 * logDiag / b.graph_order;
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
    // The targets on their edges; FSAI's upper-triangle edges carry 0.
    const torch::Tensor yEdge =
        torch::zeros({b.base.edge_attr.size(0)}, b.base.y.options()).index_copy(0, b.base.target_edges, b.base.y);
    torch::Tensor e = enc_edge(torch::cat({b.base.edge_attr, yEdge.unsqueeze(1)}, 1));
    e = process(h, e, b, enc_edge_models, enc_node_models);
    const torch::Tensor pooled = torch::cat({scatter_mean(h, b.base.node_batch, b.base.num_graphs),
                                             scatter_mean(e, b.base.node_batch.index_select(0, b.base.edge_index[1]),
                                                          b.base.num_graphs)},
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
    const torch::Tensor out = dec_out(e.index_select(0, b.base.target_edges)).squeeze(-1);
    const torch::Tensor ends = b.base.edge_index.index_select(1, b.base.target_edges);
    const torch::Tensor selfLoop = ends[0] == ends[1];
    // Untrained (output 0), both start at the Jacobi inverse: R̃ = I, G̃ = I.
    if (config.triangular)
        return torch::where(selfLoop, out.clamp(-30.0, 30.0).exp(), out);
    return selfLoop.to(out.dtype()) + out;
}

GcvaeLoss gcvae_loss(const SpaiBatch &b, const torch::Tensor &rtilde, const GcvaeImpl::Encoding &enc, double beta,
                     double residualWeight)
{
    GcvaeLoss l;
    const std::int64_t G = b.base.num_graphs;
    const torch::Tensor diff = rtilde - b.base.y;
    l.recon = scatter_sum(diff * diff, b.base.target_batch, G)
        / scatter_sum(b.base.y * b.base.y, b.base.target_batch, G).clamp_min(1e-30);
    if (b.target.factor) {
        l.objective = fsai_kcond_c(b, rtilde) - b.target_kcond_c;
        l.ratio = l.objective.exp();
    } else {
        const torch::Tensor ratioSq = inverse_residual_sq(b, rtilde) / b.target_residual_sq.clamp_min(1e-30);
        l.objective = ratioSq - 1.0;
        l.ratio = ratioSq.sqrt();
    }
    l.kl = gaussian_kl(enc.mu, enc.logvar);
    l.cos = grouped_cosine(rtilde, b.base.y, b.base.target_batch, G);
    l.total = (l.recon + residualWeight * l.objective + beta * l.kl).mean();
    return l;
}

Matrix inverse_from_scaled(const SpaiGraph &graph, const torch::Tensor &scaled)
{
    Matrix R = graph.pattern;
    const torch::Tensor v = scaled.to(torch::kCPU, torch::kFloat64).contiguous();
    if (v.size(0) != R.nonZeros())
        throw std::invalid_argument("decoded values do not match the target's pattern");
    const auto acc = v.accessor<double, 1>();
    const auto ds = graph.dsqrt.accessor<double, 1>();
    const int *outer = R.outerIndexPtr();
    const int *inner = R.innerIndexPtr();
    double *val = R.valuePtr();
    const bool factor = graph.target.factor;
    for (Eigen::Index j = 0; j < R.cols(); ++j)
        for (int p = outer[j]; p < outer[j + 1]; ++p)
            val[p] = acc[p] / (factor ? ds[j] : ds[inner[p]] * ds[j]);
    return R;
}

std::vector<Matrix> decode_matrices(GcvaeImpl &model, const SpaiGraph &graph, const torch::Tensor &z,
                                    torch::Device device)
{
    torch::NoGradGuard noGrad;
    const std::int64_t S = z.size(0);
    std::vector<const SpaiGraph *> copies(static_cast<std::size_t>(S), &graph);
    const SpaiBatch batch = collate_spai(copies).to(device, torch::kFloat32);
    const torch::Tensor r = model.decode(batch, z.to(device, torch::kFloat32)).to(torch::kCPU, torch::kFloat64);
    const std::int64_t T = graph.graph.target_edges.size(0);
    std::vector<Matrix> out;
    for (std::int64_t s = 0; s < S; ++s)
        out.push_back(inverse_from_scaled(graph, r.narrow(0, s * T, T)));
    return out;
}

} // namespace fs::learn

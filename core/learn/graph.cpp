#include "learn/graph.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace fs::learn {

using sparse::Matrix;

MatrixGraph make_graph(const Matrix &A, const Matrix *L)
{
    if (A.rows() != A.cols())
        throw std::invalid_argument("graph of a non-square matrix");
    const std::int64_t n = A.rows();
    std::vector<double> diag(static_cast<std::size_t>(n)), offSum(static_cast<std::size_t>(n), 0.0),
        deg(static_cast<std::size_t>(n), 0.0);
    double maxDiag = 0.0;
    for (std::int64_t i = 0; i < n; ++i) {
        const double d = A.coeff(i, i);
        if (!(d > 0.0) || !std::isfinite(d))
            throw std::invalid_argument("diagonal entry " + std::to_string(i + 1) + " is not positive and finite");
        diag[static_cast<std::size_t>(i)] = d;
        maxDiag = std::max(maxDiag, d);
    }

    std::vector<std::int64_t> src, dst, targets;
    std::vector<double> attr, y, scale;
    src.reserve(static_cast<std::size_t>(A.nonZeros()));
    dst.reserve(static_cast<std::size_t>(A.nonZeros()));
    for (Eigen::Index j = 0; j < A.outerSize(); ++j) {
        for (Matrix::InnerIterator it(A, j); it; ++it) {
            const std::int64_t i = it.row();
            const auto ui = static_cast<std::size_t>(i), uj = static_cast<std::size_t>(j);
            if (!std::isfinite(it.value()))
                throw std::invalid_argument("entry (" + std::to_string(i + 1) + ", " + std::to_string(j + 1)
                                            + ") is not finite");
            if (i != j) {
                deg[ui] += 1.0;
                offSum[ui] += std::abs(it.value());
            }
            if (i >= j) {
                targets.push_back(static_cast<std::int64_t>(src.size()));
                y.push_back(L ? L->coeff(i, j) : 0.0);
                scale.push_back(std::sqrt(diag[ui] / maxDiag));
            }
            src.push_back(j);
            dst.push_back(i);
            attr.push_back(i == j ? 1.0 : it.value() / (std::sqrt(diag[ui]) * std::sqrt(diag[uj])));
        }
    }
    if (L) {
        double inside = 0.0;
        for (double v : y)
            inside += v * v;
        const double all = L->squaredNorm();
        if (!std::isfinite(all))
            throw std::invalid_argument("L has entries that are not finite");
        if (std::abs(all - inside) > 1e-12 * std::max(1.0, all))
            throw std::invalid_argument("L has entries outside the pattern of tril(A)");
        if (!(inside > 0.0))
            throw std::invalid_argument("L is zero on the pattern of tril(A)");
        // Unit norm: cosine ignores the scale, and float32 then holds every target.
        const double norm = std::sqrt(inside);
        for (double &v : y)
            v /= norm;
    }
    MatrixGraph g;
    g.num_nodes = n;
    auto f64 = torch::TensorOptions().dtype(torch::kFloat64);
    auto i64 = torch::TensorOptions().dtype(torch::kInt64);
    g.x = torch::empty({n, kNodeFeatures}, f64);
    auto xa = g.x.accessor<double, 2>();
    for (std::int64_t i = 0; i < n; ++i) {
        const auto ui = static_cast<std::size_t>(i);
        xa[i][0] = offSum[ui] / diag[ui];
        xa[i][1] = std::log1p(deg[ui]);
    }
    const auto E = static_cast<std::int64_t>(src.size());
    g.edge_index = torch::empty({2, E}, i64);
    g.edge_index[0].copy_(torch::tensor(src, i64));
    g.edge_index[1].copy_(torch::tensor(dst, i64));
    g.edge_attr = torch::tensor(attr, f64).reshape({E, kEdgeFeatures});
    g.target_edges = torch::tensor(targets, i64);
    g.y = torch::tensor(y, f64);
    g.target_scale = torch::tensor(scale, f64);
    return g;
}

GraphBatch GraphBatch::to(torch::Device device, torch::Dtype dtype) const
{
    GraphBatch b = *this;
    b.x = x.to(device, dtype);
    b.edge_attr = edge_attr.to(device, dtype);
    b.y = y.to(device, dtype);
    b.target_scale = target_scale.to(device, dtype);
    if (far.defined())
        b.far = far.to(device, dtype);
    b.edge_index = edge_index.to(device);
    b.node_batch = node_batch.to(device);
    b.target_edges = target_edges.to(device);
    b.target_batch = target_batch.to(device);
    return b;
}

GraphBatch collate(const std::vector<const MatrixGraph *> &graphs)
{
    std::vector<torch::Tensor> xs, eis, eas, tes, ys, scales, fars, nb, tb;
    bool allFar = !graphs.empty();
    std::int64_t nodeOffset = 0, edgeOffset = 0;
    const auto i64 = torch::TensorOptions().dtype(torch::kInt64);
    for (std::size_t k = 0; k < graphs.size(); ++k) {
        const MatrixGraph &g = *graphs[k];
        xs.push_back(g.x);
        eis.push_back(g.edge_index + nodeOffset);
        eas.push_back(g.edge_attr);
        tes.push_back(g.target_edges + edgeOffset);
        ys.push_back(g.y);
        scales.push_back(g.target_scale);
        allFar = allFar && g.far.defined();
        if (g.far.defined())
            fars.push_back(g.far);
        nb.push_back(torch::full({g.num_nodes}, static_cast<std::int64_t>(k), i64));
        tb.push_back(torch::full({g.target_edges.size(0)}, static_cast<std::int64_t>(k), i64));
        nodeOffset += g.num_nodes;
        edgeOffset += g.edge_index.size(1);
    }
    GraphBatch b;
    b.x = torch::cat(xs, 0);
    b.edge_index = torch::cat(eis, 1);
    b.edge_attr = torch::cat(eas, 0);
    b.target_edges = torch::cat(tes, 0);
    b.y = torch::cat(ys, 0);
    b.target_scale = torch::cat(scales, 0);
    if (allFar)
        b.far = torch::cat(fars, 0);
    b.node_batch = torch::cat(nb, 0);
    b.target_batch = torch::cat(tb, 0);
    b.num_nodes = nodeOffset;
    b.num_graphs = static_cast<std::int64_t>(graphs.size());
    return b;
}

torch::Tensor scatter_sum(const torch::Tensor &src, const torch::Tensor &index, std::int64_t dim_size)
{
    auto sizes = src.sizes().vec();
    sizes[0] = dim_size;
    return torch::zeros(sizes, src.options()).index_add_(0, index, src);
}

torch::Tensor scatter_mean(const torch::Tensor &src, const torch::Tensor &index, std::int64_t dim_size)
{
    torch::Tensor sum = scatter_sum(src, index, dim_size);
    torch::Tensor count = torch::zeros({dim_size}, src.options())
                              .index_add_(0, index, torch::ones({index.size(0)}, src.options()))
                              .clamp_min(1.0);
    std::vector<std::int64_t> shape(static_cast<std::size_t>(src.dim()), 1);
    shape[0] = dim_size;
    return sum / count.view(shape);
}

torch::Tensor segment_softmax(const torch::Tensor &scores, const torch::Tensor &index, std::int64_t dim_size)
{
    auto sizes = scores.sizes().vec();
    sizes[0] = dim_size;
    std::vector<std::int64_t> shape(static_cast<std::size_t>(scores.dim()), 1);
    shape[0] = -1;
    const torch::Tensor expanded = index.view(shape).expand_as(scores);
    // The maximum only shifts the exponent; keeping it out of the graph leaves the softmax exact.
    const torch::Tensor groupMax =
        torch::zeros(sizes, scores.options())
            .scatter_reduce(0, expanded, scores.detach(), "amax", /*include_self=*/false);
    const torch::Tensor e = (scores - groupMax.index_select(0, index)).exp();
    const torch::Tensor denom = scatter_sum(e, index, dim_size);
    return e / (denom.index_select(0, index) + 1e-16);
}

torch::Tensor grouped_cosine(const torch::Tensor &pred, const torch::Tensor &target,
                             const torch::Tensor &group, std::int64_t num_groups)
{
    const torch::Tensor dot = scatter_sum(pred * target, group, num_groups);
    const torch::Tensor pp = scatter_sum(pred * pred, group, num_groups);
    const torch::Tensor tt = scatter_sum(target * target, group, num_groups);
    // eps inside the root keeps the gradient finite for an all-zero prediction.
    return dot / ((pp * tt).clamp_min(1e-30)).sqrt();
}

} // namespace fs::learn

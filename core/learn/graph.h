#pragma once
// A sparse SPD matrix as a graph for the GNNs, batches of such graphs, and the scatter operations
// message passing is built from.
//
// Graph of A (n × n, symmetric):
//   nodes   one per row; features x_i = [A_ii / s, log(1 + deg_i)] where s = max_i |A_ii| (L is
//           only defined up to scale, and the scale of A varies by orders of magnitude between
//           real matrices) and deg_i counts the off-diagonal neighbours.
//   edges   one directed edge j → i (source j, target i, as in PyTorch Geometric) per stored
//           entry A_ij: an off-diagonal entry gives the two directions, a diagonal entry one
//           self-loop. Feature e_ji = [A_ij / s].
//   targets the diagonal of L is carried by the self-loops, so every entry of tril(A) has exactly
//           one edge: the edge col → row (row >= col). `target_edges` lists those edges in the
//           compressed-column order of tril(A) (the order in which L stores them), so one decoder
//           predicts every entry of L.
// Self-loops also mean each node sees its own diagonal in every aggregation; layers that in PyTorch
// Geometric remove and re-add self-loops (GATv2) use these instead.

#include "sparse/matrix.h"

#include <torch/torch.h>

#include <cstdint>
#include <vector>

namespace fs::learn {

/// Tensors of one matrix (CPU, float64); built once per sample.
struct MatrixGraph {
    torch::Tensor x;            ///< [n, 2]
    torch::Tensor edge_index;   ///< [2, E] int64: row 0 sources, row 1 targets
    torch::Tensor edge_attr;    ///< [E, 1]
    torch::Tensor target_edges; ///< [T] int64 edge ids, T = nnz(tril(A))
    torch::Tensor y;            ///< [T] values of L on tril(A) (zeros when no L given)
    std::int64_t num_nodes = 0;
};

constexpr int kNodeFeatures = 2;
constexpr int kEdgeFeatures = 1;

/// The graph of A; L (pattern ⊆ tril(A)) supplies targets. Entries of L outside tril(A) are an
/// error (std::invalid_argument): a GNN on this graph could never predict them.
MatrixGraph make_graph(const sparse::Matrix &A, const sparse::Matrix *L = nullptr);

/// Disjoint union of graphs with the index vectors that keep them apart.
struct GraphBatch {
    torch::Tensor x, edge_index, edge_attr;
    torch::Tensor node_batch;   ///< [N] graph of each node
    torch::Tensor target_edges; ///< [T] edge ids into the union
    torch::Tensor target_batch; ///< [T] graph of each target
    torch::Tensor y;            ///< [T]
    std::int64_t num_nodes = 0;
    std::int64_t num_graphs = 0;

    GraphBatch to(torch::Device device, torch::Dtype dtype) const;
};

GraphBatch collate(const std::vector<const MatrixGraph *> &graphs);

/// out[index[e]] += src[e] along dim 0 (out has dim_size rows).
torch::Tensor scatter_sum(const torch::Tensor &src, const torch::Tensor &index, std::int64_t dim_size);

/// Mean of src over equal index; rows nobody scatters into are 0.
torch::Tensor scatter_mean(const torch::Tensor &src, const torch::Tensor &index, std::int64_t dim_size);

/// softmax of scores [E, ...] over the entries that share index (per target node, per graph, ...),
/// computed per trailing channel; the group maximum is subtracted first for stability.
torch::Tensor segment_softmax(const torch::Tensor &scores, const torch::Tensor &index, std::int64_t dim_size);

/// Cosine similarity of pred and target within each group: [num_groups]. A group whose vectors
/// are zero gets 0.
torch::Tensor grouped_cosine(const torch::Tensor &pred, const torch::Tensor &target,
                             const torch::Tensor &group, std::int64_t num_groups);

} // namespace fs::learn

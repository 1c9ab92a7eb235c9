#pragma once
// A sparse SPD matrix as a graph for the GNNs, batches of such graphs, and the scatter operations
// message passing is built from.
//
// Graph of A (n × n, symmetric):
//   nodes   one per row; features x_i = [Σ_{j≠i} |A_ij| / A_ii, log(1 + deg_i)] (deg_i counts the
//           off-diagonal neighbours): both depend on row i of A alone.
//   edges   one directed edge j → i (source j, target i, as in PyTorch Geometric) per stored
//           entry A_ij: an off-diagonal entry gives the two directions, a diagonal entry one
//           self-loop. Feature e_ji = [A_ij / √(A_ii A_jj)] (Jacobi scaling D^-½ A D^-½; 1 on
//           the self-loops).
//   targets the diagonal of L is carried by the self-loops, so every entry of tril(A) has exactly
//           one edge: the edge col → row (row >= col). `target_edges` lists those edges in the
//           compressed-column order of tril(A) (the order in which L stores them), so one decoder
//           predicts every entry of L.
//
// Locality. chol(A) = D^½ chol(D^-½ A D^-½), so the model predicts the factor of the Jacobi-scaled
// matrix and each prediction for row i is multiplied by target_scale_i = √(A_ii / max_k A_kk).
// Every input of node i or edge (i, j) is then a function of rows i and j of A alone — no
// per-graph scale reaches the features — so a perturbation of A_pq changes only the inputs at p, q
// and on their edges, and a model with receptive radius r (dataset/locality_bound.h) predicts the
// same values, up to the one positive factor max_k A_kk common to a whole graph, on every entry
// farther than r hops. Cosine similarity ignores that factor, which keeps float32 in range for
// matrices whose diagonal spans 1e±99. Targets y are L / ‖L‖_F (cosine is scale-invariant) in
// double before any conversion, for the same reason.
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
    torch::Tensor y;            ///< [T] values of L / ‖L‖_F on tril(A) (zeros when no L given)
    torch::Tensor target_scale; ///< [T] √(A_ii / max_k A_kk) for the row i of each target
    /// [T] 1 where the entry lies beyond the model's receptive radius from the sample's
    /// perturbation, 0 elsewhere; undefined for samples that are not half of a pair.
    torch::Tensor far;
    std::int64_t num_nodes = 0;
};

constexpr int kNodeFeatures = 2;
constexpr int kEdgeFeatures = 1;

/// The graph of A; L (pattern ⊆ tril(A)) supplies targets. Entries of L outside tril(A), a
/// diagonal entry of A that is not positive and finite, and an L that is zero or not finite are
/// errors (std::invalid_argument): a GNN on this graph could never predict them.
MatrixGraph make_graph(const sparse::Matrix &A, const sparse::Matrix *L = nullptr);

/// Disjoint union of graphs with the index vectors that keep them apart.
struct GraphBatch {
    torch::Tensor x, edge_index, edge_attr;
    torch::Tensor node_batch;   ///< [N] graph of each node
    torch::Tensor target_edges; ///< [T] edge ids into the union
    torch::Tensor target_batch; ///< [T] graph of each target
    torch::Tensor y;            ///< [T]
    torch::Tensor target_scale; ///< [T]
    torch::Tensor far;          ///< [T], defined when every graph of the batch has one
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

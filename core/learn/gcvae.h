#pragma once
// The graph-conditioned variational autoencoder (GCVAE) of [P2]: it learns p(R | A) for sparse
// approximate inverses R on the pattern of A and samples R for matrices it has not seen.
//
//   encoder  q(z | A, R): a graph network over the graph of A whose edges carry (Ã_ij, R̃_ij),
//            mean-pooled per graph to the mean and log-variance of a Gaussian latent z ∈ R^latent
//            (one latent per matrix: the "low-dimensional representation" of the paper).
//   decoder  p(R | A, z): a second graph network over the graph of A, z appended to every node's
//            input; an edge decoder gives one value per stored entry of A, i.e. R on A's pattern.
//            It predicts R̃ − I, so an untrained decoder starts at the Jacobi inverse.
//   loss     per matrix: recon + residual_weight · ((‖I − A R‖_F / ‖I − A R_SPAI‖_F)² − 1) + β · KL.
//            recon = ‖R̃ − R̃_SPAI‖² / ‖R̃_SPAI‖² is the ELBO's Gaussian log-likelihood (fixed
//            variance, per-matrix scale). The residual term is the objective SPAI itself minimises;
//            since R_SPAI is its minimiser on the pattern the ratio is >= 1 and the term >= 0. It
//            weights each entry's error by what it does to A R (an error in a stiff region costs
//            more), which the entry-wise reconstruction does not; with both, the decoder learns the
//            data and is pulled towards what a preconditioner is judged by.
//
// Scaling: with d = diag(A), the network sees Ã = D^-½ A D^-½ (unit diagonal) and predicts
// R̃ = D^½ R D^½, so values stay O(1) whatever the contrast of the coefficients. Node features are
// [log(d_i / geometric mean of d), log(1 + deg_i)].
//
// Processor blocks are those of the factor GNNs (edge model on [e, h_src, h_dst], then the
// MessagePassingMLP node model), `depth` of them in the encoder and in the decoder.

#include "learn/graph.h"
#include "learn/layers.h"
#include "sparse/matrix.h"

#include <torch/torch.h>

#include <cstdint>
#include <vector>

namespace fs::learn {

/// One matrix (and optionally its SPAI R) as tensors for the GCVAE (CPU, float64).
struct SpaiGraph {
    /// make_graph(A) with the features above; target_edges = every edge (edge e is the e-th stored
    /// entry of A in compressed-column order, the entry (dst, src)); y = R̃ on those edges.
    MatrixGraph graph;
    /// (A R)_{pair} = Σ tri_coef · R̃_{tri_edge} over the triples of that pair; pairs are the
    /// entries of pattern(A²), which holds every nonzero of A R.
    torch::Tensor tri_coef, tri_edge, tri_pair;
    torch::Tensor pair_diag; ///< [P] 1 where the pair is a diagonal entry, else 0
    torch::Tensor dsqrt;     ///< [n] sqrt(A_ii)
    std::int64_t num_pairs = 0;
    double target_residual_sq = 0.0; ///< ‖I − A R_SPAI‖²_F (0 without R)
};

/// Throws std::invalid_argument when A is not square, has a non-positive diagonal entry, or R has
/// a different size or entries outside A's pattern.
SpaiGraph make_spai_graph(const sparse::Matrix &A, const sparse::Matrix *R = nullptr);

struct SpaiBatch {
    GraphBatch base; ///< y = R̃ targets per edge, target_batch = graph of each edge
    torch::Tensor tri_coef, tri_edge, tri_pair, pair_diag, pair_batch;
    torch::Tensor target_residual_sq; ///< [G]
    std::int64_t num_pairs = 0;

    SpaiBatch to(torch::Device device, torch::Dtype dtype) const;
};

SpaiBatch collate_spai(const std::vector<const SpaiGraph *> &graphs);

/// ‖I − A R‖²_F per graph of the batch for scaled values r̃ on every edge: [G].
torch::Tensor inverse_residual_sq(const SpaiBatch &batch, const torch::Tensor &rtilde);

/// KL(N(mu, diag(exp(logvar))) ‖ N(0, I)) per row: ½ Σ (mu² + exp(logvar) − 1 − logvar).
torch::Tensor gaussian_kl(const torch::Tensor &mu, const torch::Tensor &logvar);

/// z = mu + exp(logvar / 2) ⊙ eps: differentiable in mu and logvar for fixed eps ~ N(0, I).
torch::Tensor reparameterise(const torch::Tensor &mu, const torch::Tensor &logvar, const torch::Tensor &eps);

/// [count, dim] independent N(0, 1) draws as a pure function of seed (mt19937_64 and Box–Muller,
/// float64 on the CPU): the same numbers on every machine and device.
torch::Tensor standard_normal(std::int64_t count, std::int64_t dim, std::uint64_t seed);

struct GcvaeConfig {
    int depth = 3;  ///< processor blocks in the encoder and in the decoder
    int hidden = 16;
    int latent = 8;
};

class GcvaeImpl : public torch::nn::Module {
public:
    explicit GcvaeImpl(const GcvaeConfig &config);

    struct Encoding {
        torch::Tensor mu, logvar; ///< [G, latent]
    };
    Encoding encode(const SpaiBatch &batch);
    /// R̃ on every edge of the batch for latents z: [G, latent] → [E].
    torch::Tensor decode(const SpaiBatch &batch, const torch::Tensor &z);

    GcvaeConfig config;
    Mlp enc_node{nullptr}, enc_edge{nullptr}, enc_head{nullptr};
    Mlp dec_node{nullptr}, dec_edge{nullptr}, dec_out{nullptr};
    std::vector<Mlp> enc_edge_models, dec_edge_models;
    std::vector<std::shared_ptr<NodeModel>> enc_node_models, dec_node_models;

private:
    torch::Tensor process(torch::Tensor &h, torch::Tensor e, const SpaiBatch &batch, std::vector<Mlp> &edgeModels,
                          std::vector<std::shared_ptr<NodeModel>> &nodeModels);
};
TORCH_MODULE(Gcvae);

/// Per-graph terms of the loss ([G] each) and the scalar to minimise.
struct GcvaeLoss {
    torch::Tensor recon, kl, residual_ratio_sq, cos;
    torch::Tensor total; ///< mean over graphs of recon + w · (ratio² − 1) + β · kl
};

GcvaeLoss gcvae_loss(const SpaiBatch &batch, const torch::Tensor &rtilde, const GcvaeImpl::Encoding &enc,
                     double beta, double residualWeight);

/// Unscaled R (pattern of A) from scaled values r̃ on the edges of one graph.
sparse::Matrix spai_from_scaled(const sparse::Matrix &A, const SpaiGraph &graph, const torch::Tensor &rtilde);

/// The decoded R of one matrix for each row of z ([S, latent]), in one batched pass.
std::vector<sparse::Matrix> decode_matrices(GcvaeImpl &model, const sparse::Matrix &A, const SpaiGraph &graph,
                                            const torch::Tensor &z, torch::Device device);

} // namespace fs::learn

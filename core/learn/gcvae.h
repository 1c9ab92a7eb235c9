#pragma once
// The graph-conditioned variational autoencoder (GCVAE) of [P2]: it learns p(R | A) for sparse
// approximate inverses R on the pattern of A and samples R for matrices it has not seen.
//
// Targets (InverseTarget): SPAI's R, as in [P2], or the FSAI factor G (lower triangular,
// M⁻¹ = GᵀG), on the pattern of A or of A². With pattern 2 the graph is that of A² (edges of A²
// outside A carry the value 0), so the decoder has one edge per entry it predicts. With FSAI the
// decoder predicts the lower-triangle edges only (every edge still passes messages) as
// G̃ = G D^½, the FSAI factor of Ã; its diagonal is exp(·) of the network's output, so G is
// nonsingular and GᵀG is SPD whatever the weights. The FSAI objective replacing the residual term
// is the K-condition gap log K(G̃ÃG̃ᵀ) − log K(G̃_FSAI Ã G̃_FSAIᵀ) >= 0: FSAI minimises K over its
// pattern (Kolotilina–Yeremin), and log K = log(tr/n) − (2/n) Σ log G̃_ii − logdet(Ã)/n, whose last
// term is the same for every G of one matrix and cancels.
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

/// What the GCVAE learns: the SPAI R or the FSAI factor G, on the pattern of A (1) or A² (2).
struct InverseTarget {
    bool factor = false; ///< FSAI's G instead of SPAI's R
    int pattern = 1;
};

/// One matrix (and optionally its target) as tensors for the GCVAE (CPU, float64).
struct SpaiGraph {
    /// make_graph(P) for the target's pattern P (A, or A² with A's values and zeros elsewhere) with
    /// the features above; edge e is the e-th stored entry of P in compressed-column order, the
    /// entry (dst, src). SPAI: target_edges = every edge, y = R̃ on them. FSAI: target_edges = the
    /// edges of tril(P) in its compressed-column order (make_graph's), y = G̃ on them.
    MatrixGraph graph;
    InverseTarget target;
    sparse::Matrix pattern; ///< the target matrix's pattern: P (SPAI) or tril(P) (FSAI), compressed
    /// (A R)_{pair} = Σ tri_coef · R̃_{tri_edge} over the triples of that pair; pairs are the
    /// entries of pattern(A²), which holds every nonzero of A R.
    torch::Tensor tri_coef, tri_edge, tri_pair;
    torch::Tensor pair_diag; ///< [P] 1 where the pair is a diagonal entry, else 0
    torch::Tensor dsqrt;     ///< [n] sqrt(A_ii)
    std::int64_t num_pairs = 0;
    double target_residual_sq = 0.0; ///< ‖I − A R_SPAI‖²_F (0 without R)
    /// FSAI: tr(G̃ÃG̃ᵀ) = Σ quad_coef · g[quad_a] · g[quad_b] over the target values g, and the
    /// diagonal of G̃ at the target positions diag_target (one per row).
    torch::Tensor quad_coef, quad_a, quad_b, diag_target;
    double target_kcond_c = 0.0; ///< FSAI: log(tr/n) − (2/n) Σ log G̃_ii of the target (0 without G)
};

/// Throws std::invalid_argument when A is not square, has a non-positive diagonal entry, the
/// target has a different size, entries outside its pattern or (FSAI) a diagonal entry <= 0.
SpaiGraph make_spai_graph(const sparse::Matrix &A, const sparse::Matrix *R = nullptr, const InverseTarget &target = {});

struct SpaiBatch {
    GraphBatch base; ///< y = targets per target edge, target_batch = graph of each target
    InverseTarget target;
    torch::Tensor tri_coef, tri_edge, tri_pair, pair_diag, pair_batch;
    torch::Tensor target_residual_sq; ///< [G]
    std::int64_t num_pairs = 0;
    torch::Tensor quad_coef, quad_a, quad_b, quad_batch, diag_target, diag_batch;
    torch::Tensor graph_order;    ///< [G] n of each graph
    torch::Tensor target_kcond_c; ///< [G]

    SpaiBatch to(torch::Device device, torch::Dtype dtype) const;
};

/// Throws std::invalid_argument when the graphs have different kinds of target.
SpaiBatch collate_spai(const std::vector<const SpaiGraph *> &graphs);

/// ‖I − A R‖²_F per graph of the batch for scaled values r̃ on every edge (SPAI): [G].
torch::Tensor inverse_residual_sq(const SpaiBatch &batch, const torch::Tensor &rtilde);

/// log(tr(G̃ÃG̃ᵀ)/n) − (2/n) Σ log G̃_ii per graph for FSAI values g̃ on the target edges: [G]. It
/// differs from log K(G A Gᵀ) by logdet(Ã)/n, a constant of each matrix.
torch::Tensor fsai_kcond_c(const SpaiBatch &batch, const torch::Tensor &gtilde);

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
    /// FSAI targets: the decoder's diagonal is exp(output) (> 0) instead of 1 + output.
    bool triangular = false;
};

class GcvaeImpl : public torch::nn::Module {
public:
    explicit GcvaeImpl(const GcvaeConfig &config);

    struct Encoding {
        torch::Tensor mu, logvar; ///< [G, latent]
    };
    Encoding encode(const SpaiBatch &batch);
    /// The scaled target (R̃ or G̃) on the target edges of the batch for latents z: [G, latent] → [T].
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
    torch::Tensor recon, kl, cos;
    /// The target's own objective relative to the target, 0 at the target: SPAI ratio² − 1 with
    /// ratio = ‖I − A R‖_F / ‖I − A R_SPAI‖_F; FSAI the K-condition gap, ratio = K / K_FSAI.
    torch::Tensor objective, ratio;
    torch::Tensor total; ///< mean over graphs of recon + w · objective + β · kl
};

GcvaeLoss gcvae_loss(const SpaiBatch &batch, const torch::Tensor &rtilde, const GcvaeImpl::Encoding &enc,
                     double beta, double residualWeight);

/// The unscaled target (R = D^-½ R̃ D^-½ on graph.pattern, or G = G̃ D^-½ on tril) from scaled values
/// on the target edges of one graph.
sparse::Matrix inverse_from_scaled(const SpaiGraph &graph, const torch::Tensor &scaled);

/// The decoded R (or G) of one matrix for each row of z ([S, latent]), in one batched pass.
std::vector<sparse::Matrix> decode_matrices(GcvaeImpl &model, const SpaiGraph &graph, const torch::Tensor &z,
                                            torch::Device device);

} // namespace fs::learn

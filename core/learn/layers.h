#pragma once
// Node models of the seed paper's Graph Network, each re-derived from the layer it names
// (formulas in docs of each class; PyTorch Geometric's flow: messages go from source j to
// target i, N(i) = sources of the edges into i, which here include i itself — see graph.h).
//
// All layers use one head and no dropout (the paper's defaults) but keep the head dimension in
// their algebra, so the PyG comparison (tests/reference) exercises the same reshapes.

#include <torch/torch.h>

#include <cstdint>
#include <memory>
#include <string>

namespace fs::learn {

/// What every node model sees besides the node and edge features.
struct GraphBatch;

struct Topology {
    torch::Tensor src, dst;  ///< [E] edge sources and targets
    torch::Tensor node_batch; ///< [N] graph of each node
    std::int64_t num_nodes = 0;
    std::int64_t num_graphs = 0;
};

/// The topology of a batch (its edges, node-to-graph map and sizes).
Topology topology_of(const GraphBatch &batch);


/// Two-layer perceptron Linear → ReLU → Linear (the paper's "2-layer MLP").
class MlpImpl : public torch::nn::Module {
public:
    MlpImpl(std::int64_t in, std::int64_t hidden, std::int64_t out);
    torch::Tensor forward(const torch::Tensor &x);
    torch::nn::Linear lin1{nullptr}, lin2{nullptr};
};
TORCH_MODULE(Mlp);

/// A node model: h' = f(h, e, graph), width preserved.
class NodeModel : public torch::nn::Module {
public:
    virtual torch::Tensor forward(const torch::Tensor &h, const torch::Tensor &e, const Topology &t) = 0;
};

/// h'_i = MLP(h_i): no neighbours, the locality-free baseline.
class MlpNodeModel final : public NodeModel {
public:
    MlpNodeModel(std::int64_t channels, std::int64_t hidden);
    torch::Tensor forward(const torch::Tensor &h, const torch::Tensor &e, const Topology &t) override;
    Mlp mlp{nullptr};
};

/// GATv2 (Brody et al.; PyG GATv2Conv, share_weights=False, 1 head, concat, bias):
///   g_ij = W_l h_j + W_r h_i + W_e e_ij,  s_ij = aᵀ LeakyReLU_0.2(g_ij),
///   α_ij = softmax_{j∈N(i)} s_ij,  h'_i = Σ_j α_ij W_l h_j + b.
/// W_l, W_r with bias, W_e without; the self-loop edges of the graph replace PyG's re-added loops.
class GatV2Conv final : public NodeModel {
public:
    GatV2Conv(std::int64_t channels, std::int64_t edge_dim, std::int64_t heads = 1);
    torch::Tensor forward(const torch::Tensor &h, const torch::Tensor &e, const Topology &t) override;
    std::int64_t heads, channels;
    torch::nn::Linear lin_l{nullptr}, lin_r{nullptr}, lin_edge{nullptr};
    torch::Tensor att, bias;
};

/// GENConv (Li et al. 2020; PyG GENConv with aggr='softmax', t = 1 fixed, norm='batch',
/// num_layers=2, expansion=2, bias=False, in = out = edge_dim so no projections):
///   m_ij = ReLU(h_j + e_ij) + 1e-7,  a_i = Σ_j softmax_j(t·m_ij) ⊙ m_ij (per channel),
///   h'_i = MLP(a_i + h_i),  MLP = Linear(C,2C) → BatchNorm → ReLU → Linear(2C,C).
class GenConv final : public NodeModel {
public:
    GenConv(std::int64_t channels, double t = 1.0, bool learn_t = false);
    torch::Tensor forward(const torch::Tensor &h, const torch::Tensor &e, const Topology &t) override;
    torch::nn::Linear lin1{nullptr}, lin2{nullptr};
    torch::nn::BatchNorm1d norm{nullptr};
    torch::Tensor temperature;
};

/// MessagePassingMLP (Gilmer et al., as in the seed paper):
///   h'_i = f₂([h_i, mean_{j∈N(i)} f₁([h_i, e_ij])]), f₁, f₂ two-layer MLPs.
class MessagePassingMlp final : public NodeModel {
public:
    MessagePassingMlp(std::int64_t channels, std::int64_t hidden);
    torch::Tensor forward(const torch::Tensor &h, const torch::Tensor &e, const Topology &t) override;
    Mlp f1{nullptr}, f2{nullptr};
};

/// TransformerConv (Shi et al. 2020; PyG defaults: 1 head, concat, beta=False, root_weight):
///   q_i = W_q h_i, k_ij = W_k h_j + W_e e_ij, v_ij = W_v h_j + W_e e_ij,
///   α_ij = softmax_{j∈N(i)}(q_i·k_ij / √C),  h'_i = Σ_j α_ij v_ij + W_s h_i.
class TransformerConv final : public NodeModel {
public:
    TransformerConv(std::int64_t channels, std::int64_t edge_dim, std::int64_t heads = 1);
    torch::Tensor forward(const torch::Tensor &h, const torch::Tensor &e, const Topology &t) override;
    std::int64_t heads, channels;
    torch::nn::Linear lin_query{nullptr}, lin_key{nullptr}, lin_value{nullptr}, lin_edge{nullptr},
        lin_skip{nullptr};
};

/// SGFormer's all-pair linear attention, the original TransConvLayer of qitianwu/SGFormer (not
/// PyG's port): Q, K, V = W_q h, W_k h, W_v h (with bias); per graph G of the batch,
/// Q ← Q/‖Q_G‖_F, K ← K/‖K_G‖_F (Frobenius norm over the graph's nodes and all heads), then
///   out_i = (q_i (K_Gᵀ V_G) + N_G v_i) / (q_i·(K_Gᵀ 1) + N_G), averaged over heads.
/// Sums run over the nodes of i's own graph only, so graphs in a batch never see each other.
class SgFormerAttention final : public torch::nn::Module {
public:
    SgFormerAttention(std::int64_t channels, std::int64_t heads = 1);
    torch::Tensor forward(const torch::Tensor &h, const Topology &t);
    std::int64_t heads, channels;
    torch::nn::Linear wq{nullptr}, wk{nullptr}, wv{nullptr};
};

/// GlobalGraphTransformer of the seed paper: h' = (1−α)·AN(h) + α·GN(h, A), α = 0.5, with
/// AN(h) = ReLU(LayerNorm((attn(h) + h)/2)) — one SGFormer TransConv layer (residual weight 0.5,
/// LayerNorm, ReLU; no dropout) — and GN = GATv2 on the edges of A.
class GlobalGraphTransformer final : public NodeModel {
public:
    GlobalGraphTransformer(std::int64_t channels, std::int64_t edge_dim, double alpha = 0.5);
    torch::Tensor forward(const torch::Tensor &h, const torch::Tensor &e, const Topology &t) override;
    double alpha;
    std::shared_ptr<SgFormerAttention> attention;
    torch::nn::LayerNorm norm{nullptr};
    std::shared_ptr<GatV2Conv> gat;
};

/// Names accepted by make_node_model: mlp, gatv2, gen, mpmlp, transformer, sgformer.
std::shared_ptr<NodeModel> make_node_model(const std::string &name, std::int64_t channels, std::int64_t hidden);

/// True for names make_node_model knows.
bool is_node_model_name(const std::string &name);

} // namespace fs::learn

#pragma once
// The Encoder–Processor–Decoder Graph Network of the seed paper (Battaglia et al., no global
// model): node and edge encoders, `depth` blocks of (edge model, node model), an edge decoder
// giving one value of L per entry of tril(A).
//
// As in the paper the decoder reads only the edge latents, so the node model of the last block
// never reaches the output: after k blocks an edge has seen the nodes within k − 1 hops of its
// ends (its own ends included). The block is kept whole so that depth means what it means there.
// The receptive radius that follows (dataset::receptive_radius) is asserted by
// tests/core/learn/tst_learn_receptive.cpp on the models themselves.

#include "learn/graph.h"
#include "learn/layers.h"

#include <torch/torch.h>

#include <string>
#include <vector>

namespace fs::learn {

struct ModelConfig {
    std::string node_model = "mpmlp"; ///< see make_node_model
    int depth = 3;                    ///< processor blocks, 1..7 in the paper
    int hidden = 16;                  ///< width of every latent and MLP hidden layer
};

class FactorGnnImpl : public torch::nn::Module {
public:
    explicit FactorGnnImpl(const ModelConfig &config);
    /// Predicted L values at batch.target_edges, up to one positive factor per graph: the decoder's
    /// value for the Jacobi-scaled matrix times batch.target_scale (graph.h): [T].
    torch::Tensor forward(const GraphBatch &batch);
    /// Edge latents after the last block (before the decoder): [E, hidden]. For tests.
    torch::Tensor edge_latents(const GraphBatch &batch);

    ModelConfig config;
    Mlp node_encoder{nullptr}, edge_encoder{nullptr}, decoder{nullptr};
    /// Edge model of block k: e ← MLP([e, h_src, h_dst]).
    std::vector<Mlp> edge_models;
    std::vector<std::shared_ptr<NodeModel>> node_models;
};
TORCH_MODULE(FactorGnn);

} // namespace fs::learn

#include "learn/model.h"

#include <stdexcept>

namespace fs::learn {

FactorGnnImpl::FactorGnnImpl(const ModelConfig &c) : config(c)
{
    if (c.depth < 0 || c.hidden < 1)
        throw std::invalid_argument("model needs depth >= 0 and hidden >= 1");
    const std::int64_t H = c.hidden;
    node_encoder = register_module("node_encoder", Mlp(kNodeFeatures, H, H));
    edge_encoder = register_module("edge_encoder", Mlp(kEdgeFeatures, H, H));
    for (int k = 0; k < c.depth; ++k) {
        edge_models.push_back(register_module("edge_model" + std::to_string(k), Mlp(3 * H, H, H)));
        node_models.push_back(register_module("node_model" + std::to_string(k), make_node_model(c.node_model, H, H)));
    }
    decoder = register_module("decoder", Mlp(H, H, 1));
}

torch::Tensor FactorGnnImpl::edge_latents(const GraphBatch &b)
{
    const Topology t = topology_of(b);
    torch::Tensor h = node_encoder(b.x);
    torch::Tensor e = edge_encoder(b.edge_attr);
    for (std::size_t k = 0; k < edge_models.size(); ++k) {
        e = edge_models[k](torch::cat({e, h.index_select(0, t.src), h.index_select(0, t.dst)}, 1));
        h = node_models[k]->forward(h, e, t);
    }
    return e;
}

torch::Tensor FactorGnnImpl::forward(const GraphBatch &b)
{
    return decoder(edge_latents(b).index_select(0, b.target_edges)).squeeze(-1) * b.target_scale;
}

} // namespace fs::learn

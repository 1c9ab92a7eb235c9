#include "learn/layers.h"

#include "learn/graph.h"

#include <cmath>
#include <stdexcept>

namespace fs::learn {

namespace nn = torch::nn;

Topology topology_of(const GraphBatch &b)
{
    Topology t;
    t.src = b.edge_index[0];
    t.dst = b.edge_index[1];
    t.node_batch = b.node_batch;
    t.num_nodes = b.num_nodes;
    t.num_graphs = b.num_graphs;
    return t;
}

namespace {
nn::Linear linear(std::int64_t in, std::int64_t out, bool bias)
{
    return nn::Linear(nn::LinearOptions(in, out).bias(bias));
}
} // namespace

MlpImpl::MlpImpl(std::int64_t in, std::int64_t hidden, std::int64_t out)
{
    lin1 = register_module("lin1", nn::Linear(in, hidden));
    lin2 = register_module("lin2", nn::Linear(hidden, out));
}

torch::Tensor MlpImpl::forward(const torch::Tensor &x)
{
    return lin2(torch::relu(lin1(x)));
}

MlpNodeModel::MlpNodeModel(std::int64_t channels, std::int64_t hidden)
{
    mlp = register_module("mlp", Mlp(channels, hidden, channels));
}

torch::Tensor MlpNodeModel::forward(const torch::Tensor &h, const torch::Tensor &, const Topology &)
{
    return mlp(h);
}

GatV2Conv::GatV2Conv(std::int64_t channels_, std::int64_t edge_dim, std::int64_t heads_)
    : heads(heads_), channels(channels_)
{
    lin_l = register_module("lin_l", linear(channels, heads * channels, true));
    lin_r = register_module("lin_r", linear(channels, heads * channels, true));
    lin_edge = register_module("lin_edge", linear(edge_dim, heads * channels, false));
    att = register_parameter("att", torch::empty({1, heads, channels}));
    bias = register_parameter("bias", torch::zeros({heads * channels}));
    torch::NoGradGuard guard;
    nn::init::xavier_uniform_(lin_l->weight);
    nn::init::xavier_uniform_(lin_r->weight);
    lin_l->bias.zero_();
    lin_r->bias.zero_();
    nn::init::xavier_uniform_(att);
}

torch::Tensor GatV2Conv::forward(const torch::Tensor &h, const torch::Tensor &e, const Topology &t)
{
    const torch::Tensor xl = lin_l(h).view({-1, heads, channels});
    const torch::Tensor xr = lin_r(h).view({-1, heads, channels});
    const torch::Tensor xj = xl.index_select(0, t.src);
    const torch::Tensor g = xj + xr.index_select(0, t.dst) + lin_edge(e).view({-1, heads, channels});
    const torch::Tensor score = (torch::leaky_relu(g, 0.2) * att).sum(-1); // [E, H]
    const torch::Tensor alpha = segment_softmax(score, t.dst, t.num_nodes);
    const torch::Tensor out = scatter_sum(xj * alpha.unsqueeze(-1), t.dst, t.num_nodes);
    return out.reshape({-1, heads * channels}) + bias;
}

GenConv::GenConv(std::int64_t channels, double t, bool learn_t)
{
    lin1 = register_module("lin1", linear(channels, 2 * channels, false));
    norm = register_module("norm", nn::BatchNorm1d(2 * channels));
    lin2 = register_module("lin2", linear(2 * channels, channels, false));
    if (learn_t)
        temperature = register_parameter("t", torch::full({1}, t));
    else
        temperature = register_buffer("t", torch::full({1}, t));
}

torch::Tensor GenConv::forward(const torch::Tensor &h, const torch::Tensor &e, const Topology &tp)
{
    const torch::Tensor m = torch::relu(h.index_select(0, tp.src) + e) + 1e-7;
    const torch::Tensor alpha = segment_softmax(m * temperature, tp.dst, tp.num_nodes);
    const torch::Tensor agg = scatter_sum(alpha * m, tp.dst, tp.num_nodes);
    return lin2(torch::relu(norm(lin1(agg + h))));
}

MessagePassingMlp::MessagePassingMlp(std::int64_t channels, std::int64_t hidden)
{
    f1 = register_module("f1", Mlp(2 * channels, hidden, channels));
    f2 = register_module("f2", Mlp(2 * channels, hidden, channels));
}

torch::Tensor MessagePassingMlp::forward(const torch::Tensor &h, const torch::Tensor &e, const Topology &t)
{
    const torch::Tensor msg = f1(torch::cat({h.index_select(0, t.dst), e}, 1));
    return f2(torch::cat({h, scatter_mean(msg, t.dst, t.num_nodes)}, 1));
}

TransformerConv::TransformerConv(std::int64_t channels_, std::int64_t edge_dim, std::int64_t heads_)
    : heads(heads_), channels(channels_)
{
    lin_key = register_module("lin_key", linear(channels, heads * channels, true));
    lin_query = register_module("lin_query", linear(channels, heads * channels, true));
    lin_value = register_module("lin_value", linear(channels, heads * channels, true));
    lin_edge = register_module("lin_edge", linear(edge_dim, heads * channels, false));
    lin_skip = register_module("lin_skip", linear(channels, heads * channels, true));
}

torch::Tensor TransformerConv::forward(const torch::Tensor &h, const torch::Tensor &e, const Topology &t)
{
    const auto shape = std::vector<std::int64_t>{-1, heads, channels};
    const torch::Tensor q = lin_query(h).view(shape).index_select(0, t.dst);
    const torch::Tensor ee = lin_edge(e).view(shape);
    const torch::Tensor k = lin_key(h).view(shape).index_select(0, t.src) + ee;
    const torch::Tensor v = lin_value(h).view(shape).index_select(0, t.src) + ee;
    const torch::Tensor score = (q * k).sum(-1) / std::sqrt(static_cast<double>(channels));
    const torch::Tensor alpha = segment_softmax(score, t.dst, t.num_nodes);
    const torch::Tensor out = scatter_sum(v * alpha.unsqueeze(-1), t.dst, t.num_nodes);
    return out.reshape({-1, heads * channels}) + lin_skip(h);
}

SgFormerAttention::SgFormerAttention(std::int64_t channels_, std::int64_t heads_)
    : heads(heads_), channels(channels_)
{
    wq = register_module("Wq", linear(channels, heads * channels, true));
    wk = register_module("Wk", linear(channels, heads * channels, true));
    wv = register_module("Wv", linear(channels, heads * channels, true));
}

torch::Tensor SgFormerAttention::forward(const torch::Tensor &h, const Topology &t)
{
    const std::int64_t N = h.size(0);
    const std::int64_t G = t.num_graphs;
    const torch::Tensor &b = t.node_batch;
    torch::Tensor q = wq(h).view({N, heads, channels});
    torch::Tensor k = wk(h).view({N, heads, channels});
    const torch::Tensor v = wv(h).view({N, heads, channels});
    // Frobenius norms per graph: the original normalises the whole Q of the (single) graph.
    const torch::Tensor qn = scatter_sum(q.pow(2).sum({1, 2}), b, G).sqrt();
    const torch::Tensor kn = scatter_sum(k.pow(2).sum({1, 2}), b, G).sqrt();
    q = q / qn.index_select(0, b).view({N, 1, 1});
    k = k / kn.index_select(0, b).view({N, 1, 1});
    const torch::Tensor count =
        scatter_sum(torch::ones({N}, h.options()), b, G).index_select(0, b).view({N, 1, 1});
    // K_Gᵀ V_G per graph and head: [G, H, C, C], and K_Gᵀ 1: [G, H, C].
    const torch::Tensor kv = scatter_sum(k.unsqueeze(-1) * v.unsqueeze(-2), b, G);
    const torch::Tensor ksum = scatter_sum(k, b, G);
    const torch::Tensor num = (q.unsqueeze(-1) * kv.index_select(0, b)).sum(-2) + count * v;
    const torch::Tensor den = (q * ksum.index_select(0, b)).sum(-1, /*keepdim=*/true) + count;
    return (num / den).mean(1);
}

GlobalGraphTransformer::GlobalGraphTransformer(std::int64_t channels, std::int64_t edge_dim, double alpha_)
    : alpha(alpha_)
{
    attention = register_module("attention", std::make_shared<SgFormerAttention>(channels));
    norm = register_module("norm", nn::LayerNorm(nn::LayerNormOptions({channels})));
    gat = register_module("gat", std::make_shared<GatV2Conv>(channels, edge_dim));
}

torch::Tensor GlobalGraphTransformer::forward(const torch::Tensor &h, const torch::Tensor &e, const Topology &t)
{
    const torch::Tensor global = torch::relu(norm((attention->forward(h, t) + h) / 2.0));
    return (1.0 - alpha) * global + alpha * gat->forward(h, e, t);
}

bool is_node_model_name(const std::string &name)
{
    return name == "mlp" || name == "gatv2" || name == "gen" || name == "mpmlp" || name == "transformer"
        || name == "sgformer";
}

std::shared_ptr<NodeModel> make_node_model(const std::string &name, std::int64_t channels, std::int64_t hidden)
{
    if (name == "mlp")
        return std::make_shared<MlpNodeModel>(channels, hidden);
    if (name == "gatv2")
        return std::make_shared<GatV2Conv>(channels, channels);
    if (name == "gen")
        return std::make_shared<GenConv>(channels);
    if (name == "mpmlp")
        return std::make_shared<MessagePassingMlp>(channels, hidden);
    if (name == "transformer")
        return std::make_shared<TransformerConv>(channels, channels);
    if (name == "sgformer")
        return std::make_shared<GlobalGraphTransformer>(channels, channels);
    throw std::invalid_argument("unknown model '" + name + "' (mlp, gatv2, gen, mpmlp, transformer, sgformer)");
}

} // namespace fs::learn

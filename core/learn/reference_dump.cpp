// Export for tests/reference/compare_pyg.py: the same weights and inputs go through PyTorch
// Geometric there, so every layer here can be checked against the implementation it re-derives.
#include "learn/layers.h"
#include "learn/model.h"
#include "learn/trainer.h"
#include "support/atomic_file.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <fstream>
#include <stdexcept>

namespace fs::learn {

using nlohmann::json;

namespace {

json tensor_json(const torch::Tensor &t)
{
    const torch::Tensor c = t.detach().to(torch::kCPU, torch::kFloat64).contiguous();
    std::vector<double> values(static_cast<std::size_t>(c.numel()));
    std::copy(c.data_ptr<double>(), c.data_ptr<double>() + c.numel(), values.begin());
    return {{"shape", c.sizes().vec()}, {"data", values}};
}

json index_json(const torch::Tensor &t)
{
    const torch::Tensor c = t.to(torch::kCPU, torch::kInt64).contiguous();
    std::vector<std::int64_t> values(static_cast<std::size_t>(c.numel()));
    std::copy(c.data_ptr<std::int64_t>(), c.data_ptr<std::int64_t>() + c.numel(), values.begin());
    return {{"shape", c.sizes().vec()}, {"data", values}};
}

json module_json(torch::nn::Module &m)
{
    json params = json::object();
    for (const auto &p : m.named_parameters())
        params[p.key()] = tensor_json(p.value());
    for (const auto &b : m.named_buffers())
        params[b.key()] = tensor_json(b.value());
    return params;
}

} // namespace

void dump_layer_reference(const std::string &path, std::uint64_t seed)
{
    torch::manual_seed(seed);
    const auto f64 = torch::TensorOptions().dtype(torch::kFloat64);
    const std::int64_t C = 4;
    // Two graphs in one batch (a path 0-1-2-3 and a triangle 4-5-6), self-loops included as in
    // graph.h, so the per-graph parts of the layers are exercised too.
    const std::vector<std::int64_t> src = {0, 1, 1, 2, 2, 3, 0, 1, 2, 3, 4, 5, 5, 6, 4, 6, 4, 5, 6};
    const std::vector<std::int64_t> dst = {1, 0, 2, 1, 3, 2, 0, 1, 2, 3, 5, 4, 6, 5, 6, 4, 4, 5, 6};
    Topology t;
    t.src = torch::tensor(src);
    t.dst = torch::tensor(dst);
    t.node_batch = torch::tensor(std::vector<std::int64_t>{0, 0, 0, 0, 1, 1, 1});
    t.num_nodes = 7;
    t.num_graphs = 2;
    const auto E = static_cast<std::int64_t>(src.size());
    const torch::Tensor x = torch::randn({t.num_nodes, C}, f64);
    const torch::Tensor e = torch::randn({E, C}, f64);

    json out = {{"channels", C},
                {"src", src},
                {"dst", dst},
                {"batch", index_json(t.node_batch)},
                {"x", tensor_json(x)},
                {"edge_attr", tensor_json(e)}};
    json layers = json::object();
    const std::vector<std::string> names = {"mlp", "gatv2", "gen", "mpmlp", "transformer", "sgformer"};
    for (const auto &name : names) {
        auto layer = make_node_model(name, C, C);
        layer->to(torch::kFloat64);
        layer->eval(); // BatchNorm (GEN) with its running statistics, as PyG's eval()
        {
            // Non-trivial biases and running statistics, so a missed term cannot hide behind zeros.
            torch::NoGradGuard g;
            for (auto &p : layer->named_parameters())
                if (p.key().find("bias") != std::string::npos)
                    p.value().uniform_(-0.5, 0.5);
            for (auto &b : layer->named_buffers()) {
                if (b.key().find("running_mean") != std::string::npos)
                    b.value().uniform_(-0.3, 0.3);
                if (b.key().find("running_var") != std::string::npos)
                    b.value().uniform_(0.5, 1.5);
            }
        }
        torch::NoGradGuard g;
        const torch::Tensor y = layer->forward(x, e, t);
        layers[name] = {{"params", module_json(*layer)}, {"output", tensor_json(y)}};
    }
    out["layers"] = layers;
    support::write_file_atomic(path, out.dump() + "\n");
}

} // namespace fs::learn

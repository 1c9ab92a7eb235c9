#pragma once
// Each node model of core/learn/layers.h recomputed with plain loops, straight from the formula
// documented there, on a fixed two-graph topology. Used only by tst_learn_layers (header-only,
// so the test stays one LibTorch translation unit).
#include "learn/layers.h"

#include <torch/torch.h>

#include <cmath>
#include <string>
#include <vector>

namespace formulas {

using namespace fs::learn;
using Vec = std::vector<double>;

inline const std::vector<std::string> kModels = {"mlp", "gatv2", "gen", "mpmlp", "transformer", "sgformer"};

// Path 0-1-2 and edge 3-4, with self-loops (graph.h's convention).
inline const std::vector<std::int64_t> kSrc = {0, 1, 0, 1, 2, 1, 2, 3, 4, 3, 4};
inline const std::vector<std::int64_t> kDst = {0, 0, 1, 1, 1, 2, 2, 3, 3, 4, 4};
inline const std::vector<std::int64_t> kBatch = {0, 0, 0, 1, 1};

inline Topology tiny_topology()
{
    Topology t;
    t.src = torch::tensor(kSrc);
    t.dst = torch::tensor(kDst);
    t.node_batch = torch::tensor(kBatch);
    t.num_nodes = 5;
    t.num_graphs = 2;
    return t;
}

inline Vec row(const torch::Tensor &t, std::int64_t i)
{
    const torch::Tensor r = t[i].contiguous();
    return Vec(r.data_ptr<double>(), r.data_ptr<double>() + r.numel());
}

inline Vec lin_apply(torch::nn::Linear &l, const Vec &x)
{
    const auto W = l->weight.accessor<double, 2>();
    Vec y(static_cast<std::size_t>(W.size(0)), 0.0);
    for (std::int64_t o = 0; o < W.size(0); ++o) {
        if (l->bias.defined())
            y[o] = l->bias[o].item<double>();
        for (std::int64_t c = 0; c < W.size(1); ++c)
            y[o] += W[o][c] * x[c];
    }
    return y;
}

inline Vec relu(Vec v)
{
    for (double &x : v)
        x = std::max(0.0, x);
    return v;
}

inline Vec add(Vec a, const Vec &b, double s = 1.0)
{
    for (std::size_t k = 0; k < a.size(); ++k)
        a[k] += s * b[k];
    return a;
}

inline Vec scaled(Vec a, double s)
{
    for (double &x : a)
        x *= s;
    return a;
}

inline Vec concat(Vec a, const Vec &b)
{
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

inline double dot(const Vec &a, const Vec &b)
{
    double s = 0.0;
    for (std::size_t k = 0; k < a.size(); ++k)
        s += a[k] * b[k];
    return s;
}

inline Vec mlp(Mlp &m, const Vec &x)
{
    return lin_apply(m->lin2, relu(lin_apply(m->lin1, x)));
}

inline std::vector<std::size_t> incoming(std::int64_t i)
{
    std::vector<std::size_t> k;
    for (std::size_t e = 0; e < kDst.size(); ++e)
        if (kDst[e] == i)
            k.push_back(e);
    return k;
}

inline Vec softmax(const Vec &s)
{
    Vec a(s.size());
    double z = 0.0;
    for (std::size_t k = 0; k < s.size(); ++k)
        z += (a[k] = std::exp(s[k]));
    return scaled(a, 1.0 / z);
}

/// GATv2 from its formula.
inline Vec gat_reference(GatV2Conv &g, const torch::Tensor &h, const torch::Tensor &e, std::int64_t i)
{
    const auto in = incoming(i);
    Vec s;
    std::vector<Vec> msg;
    const Vec att = row(g.att.view({1, -1}), 0);
    for (auto k : in) {
        const Vec xl = lin_apply(g.lin_l, row(h, kSrc[k]));
        Vec z = add(add(xl, lin_apply(g.lin_r, row(h, i))), lin_apply(g.lin_edge, row(e, static_cast<std::int64_t>(k))));
        for (double &v : z)
            v = v > 0 ? v : 0.2 * v;
        s.push_back(dot(att, z));
        msg.push_back(xl);
    }
    const Vec a = softmax(s);
    Vec out = row(g.bias.view({1, -1}), 0);
    for (std::size_t k = 0; k < in.size(); ++k)
        out = add(out, msg[k], a[k]);
    return out;
}

inline Vec layer_reference(const std::string &name, NodeModel &layer, const torch::Tensor &h, const torch::Tensor &e,
                    std::int64_t i)
{
    const auto in = incoming(i);
    const Vec hi = row(h, i);
    if (name == "mlp")
        return mlp(dynamic_cast<MlpNodeModel &>(layer).mlp, hi);
    if (name == "gatv2")
        return gat_reference(dynamic_cast<GatV2Conv &>(layer), h, e, i);
    if (name == "mpmlp") {
        auto &m = dynamic_cast<MessagePassingMlp &>(layer);
        Vec mean(hi.size(), 0.0);
        for (auto k : in)
            mean = add(mean, mlp(m.f1, concat(hi, row(e, static_cast<std::int64_t>(k)))), 1.0 / in.size());
        return mlp(m.f2, concat(hi, mean));
    }
    if (name == "gen") {
        auto &g = dynamic_cast<GenConv &>(layer);
        const double t = g.temperature.item<double>();
        Vec agg(hi.size(), 0.0);
        for (std::size_t c = 0; c < hi.size(); ++c) {
            Vec m, s;
            for (auto k : in) {
                m.push_back(std::max(0.0, row(h, kSrc[k])[c] + row(e, static_cast<std::int64_t>(k))[c]) + 1e-7);
                s.push_back(t * m.back());
            }
            agg[c] = dot(softmax(s), m);
        }
        Vec y = lin_apply(g.lin1, add(agg, hi));
        for (std::size_t c = 0; c < y.size(); ++c) {
            const double mu = g.norm->running_mean[c].item<double>();
            const double var = g.norm->running_var[c].item<double>();
            y[c] = (y[c] - mu) / std::sqrt(var + 1e-5) * g.norm->weight[c].item<double>() + g.norm->bias[c].item<double>();
        }
        return lin_apply(g.lin2, relu(y));
    }
    if (name == "transformer") {
        auto &tc = dynamic_cast<TransformerConv &>(layer);
        const Vec q = lin_apply(tc.lin_query, hi);
        Vec s;
        std::vector<Vec> v;
        for (auto k : in) {
            const Vec ee = lin_apply(tc.lin_edge, row(e, static_cast<std::int64_t>(k)));
            s.push_back(dot(q, add(lin_apply(tc.lin_key, row(h, kSrc[k])), ee)) / std::sqrt(double(hi.size())));
            v.push_back(add(lin_apply(tc.lin_value, row(h, kSrc[k])), ee));
        }
        const Vec a = softmax(s);
        Vec out = lin_apply(tc.lin_skip, hi);
        for (std::size_t k = 0; k < in.size(); ++k)
            out = add(out, v[k], a[k]);
        return out;
    }
    // sgformer: all-pair attention over the nodes of i's graph, then the GATv2 mix.
    auto &g = dynamic_cast<GlobalGraphTransformer &>(layer);
    std::vector<std::int64_t> members;
    for (std::int64_t j = 0; j < 5; ++j)
        if (kBatch[j] == kBatch[i])
            members.push_back(j);
    double qn = 0.0, kn = 0.0;
    for (auto j : members) {
        qn += dot(lin_apply(g.attention->wq, row(h, j)), lin_apply(g.attention->wq, row(h, j)));
        kn += dot(lin_apply(g.attention->wk, row(h, j)), lin_apply(g.attention->wk, row(h, j)));
    }
    const Vec q = scaled(lin_apply(g.attention->wq, hi), 1.0 / std::sqrt(qn));
    const double N = static_cast<double>(members.size());
    Vec num = scaled(lin_apply(g.attention->wv, hi), N);
    double den = N;
    for (auto j : members) {
        const double w = dot(q, scaled(lin_apply(g.attention->wk, row(h, j)), 1.0 / std::sqrt(kn)));
        num = add(num, lin_apply(g.attention->wv, row(h, j)), w);
        den += w;
    }
    Vec z = scaled(add(scaled(num, 1.0 / den), hi), 0.5);
    double mu = 0.0, var = 0.0;
    for (double v : z)
        mu += v / z.size();
    for (double v : z)
        var += (v - mu) * (v - mu) / z.size();
    for (std::size_t c = 0; c < z.size(); ++c)
        z[c] = std::max(0.0, (z[c] - mu) / std::sqrt(var + 1e-5) * g.norm->weight[c].item<double>()
                                 + g.norm->bias[c].item<double>());
    return add(scaled(z, 1.0 - g.alpha), gat_reference(*g.gat, h, e, i), g.alpha);
}

} // namespace formulas

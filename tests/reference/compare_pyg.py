#!/usr/bin/env python3
"""Check FactorScope's GNN layers against PyTorch Geometric on identical weights and inputs.

    factorscope-train --dump-layers layers.json --seed 1
    python3 tests/reference/compare_pyg.py layers.json [--device cuda] [--tol 1e-9]

The dump holds a two-graph batch (self-loops included, as FactorScope builds its graphs), float64
node and edge features, and for every node model its parameters and output. Each layer is rebuilt
from PyG (GATv2Conv, GENConv, TransformerConv; MessagePassing with mean aggregation for
MessagePassingMLP), loaded with the same parameters and run in eval mode. SGFormer's attention is
the original TransConvLayer of qitianwu/SGFormer (Frobenius normalisation), which PyG's port does
not reproduce (row-wise normalisation), so it is written out below from the published formula and
applied to each graph of the batch separately. Exit status 1 when any layer differs.
"""
import argparse
import json
import sys

import torch
from torch import nn
from torch_geometric.nn import GATv2Conv, GENConv, MessagePassing, TransformerConv


def tensor(entry, device):
    return torch.tensor(entry["data"], dtype=torch.float64, device=device).reshape(entry["shape"])


def load_into(module, params, mapping, device):
    """Copies dump parameters into `module`: mapping[our name] = their name."""
    state = module.state_dict()
    for ours, theirs in mapping.items():
        value = tensor(params[ours], device)
        if theirs not in state:
            raise KeyError(f"{type(module).__name__} has no parameter {theirs}")
        state[theirs] = value.reshape(state[theirs].shape).to(state[theirs].dtype)
    module.load_state_dict(state)


def two_layer(params, prefix, device):
    w1, b1 = tensor(params[prefix + "lin1.weight"], device), tensor(params[prefix + "lin1.bias"], device)
    w2, b2 = tensor(params[prefix + "lin2.weight"], device), tensor(params[prefix + "lin2.bias"], device)
    return lambda x: torch.relu(x @ w1.T + b1) @ w2.T + b2


class MeanMessagePassing(MessagePassing):
    """h_i' = f2([h_i, mean_j f1([h_i, e_ij])])."""

    def __init__(self, f1, f2):
        super().__init__(aggr="mean")
        self.f1, self.f2 = f1, f2

    def forward(self, x, edge_index, edge_attr):
        return self.f2(torch.cat([x, self.propagate(edge_index, x=x, edge_attr=edge_attr)], dim=1))

    def message(self, x_i, edge_attr):
        return self.f1(torch.cat([x_i, edge_attr], dim=1))


def gatv2(C, params, prefix, device):
    conv = GATv2Conv(C, C, heads=1, edge_dim=C, add_self_loops=False, share_weights=False).to(device).double()
    load_into(conv, params, {prefix + k: k for k in
                             ["lin_l.weight", "lin_l.bias", "lin_r.weight", "lin_r.bias", "lin_edge.weight", "att", "bias"]},
              device)
    return conv.eval()


def sgformer_attention(x, batch, params, device):
    """TransConvLayer.forward of the original SGFormer code, one graph at a time, one head."""
    Wq, bq = tensor(params["attention.Wq.weight"], device), tensor(params["attention.Wq.bias"], device)
    Wk, bk = tensor(params["attention.Wk.weight"], device), tensor(params["attention.Wk.bias"], device)
    Wv, bv = tensor(params["attention.Wv.weight"], device), tensor(params["attention.Wv.bias"], device)
    out = torch.empty_like(x)
    for g in torch.unique(batch):
        sel = batch == g
        h = x[sel]
        qs = (h @ Wq.T + bq).unsqueeze(1)
        ks = (h @ Wk.T + bk).unsqueeze(1)
        vs = (h @ Wv.T + bv).unsqueeze(1)
        qs = qs / torch.norm(qs, p=2)
        ks = ks / torch.norm(ks, p=2)
        N = qs.shape[0]
        kvs = torch.einsum("lhm,lhd->hmd", ks, vs)
        num = torch.einsum("nhm,hmd->nhd", qs, kvs) + N * vs
        ks_sum = torch.einsum("lhm,l->hm", ks, torch.ones(N, dtype=x.dtype, device=device))
        den = torch.einsum("nhm,hm->nh", qs, ks_sum).unsqueeze(-1) + N
        out[sel] = (num / den).mean(dim=1)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dump")
    ap.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    ap.add_argument("--tol", type=float, default=1e-9)
    args = ap.parse_args()
    dev = torch.device(args.device)
    d = json.load(open(args.dump))
    C = d["channels"]
    x = tensor(d["x"], dev)
    e = tensor(d["edge_attr"], dev)
    edge_index = torch.tensor([d["src"], d["dst"]], dtype=torch.long, device=dev)
    batch = torch.tensor(d["batch"]["data"], dtype=torch.long, device=dev)

    results = {}
    with torch.no_grad():
        for name, layer in d["layers"].items():
            p = layer["params"]
            if name == "mlp":
                y = two_layer(p, "mlp.", dev)(x)
            elif name == "gatv2":
                y = gatv2(C, p, "", dev)(x, edge_index, e)
            elif name == "gen":
                conv = GENConv(C, C, aggr="softmax", t=1.0, learn_t=False, norm="batch", num_layers=2,
                               edge_dim=C).to(dev).double()
                linears = [k for k, m in conv.mlp.named_children() if isinstance(m, nn.Linear)]
                norms = [k for k, m in conv.mlp.named_children() if isinstance(m, nn.BatchNorm1d)]
                mapping = {"lin1.weight": f"mlp.{linears[0]}.weight", "lin2.weight": f"mlp.{linears[1]}.weight"}
                for s in ["weight", "bias", "running_mean", "running_var"]:
                    mapping["norm." + s] = f"mlp.{norms[0]}.{s}"
                load_into(conv, p, mapping, dev)
                y = conv.eval()(x, edge_index, e)
            elif name == "mpmlp":
                y = MeanMessagePassing(two_layer(p, "f1.", dev), two_layer(p, "f2.", dev))(x, edge_index, e)
            elif name == "transformer":
                conv = TransformerConv(C, C, heads=1, edge_dim=C, beta=False, root_weight=True).to(dev).double()
                load_into(conv, p, {k: k for k in ["lin_key.weight", "lin_key.bias", "lin_query.weight",
                                                   "lin_query.bias", "lin_value.weight", "lin_value.bias",
                                                   "lin_edge.weight", "lin_skip.weight", "lin_skip.bias"]}, dev)
                y = conv.eval()(x, edge_index, e)
            elif name == "sgformer":
                ln = nn.LayerNorm(C).to(dev).double()
                ln.weight.copy_(tensor(p["norm.weight"], dev))
                ln.bias.copy_(tensor(p["norm.bias"], dev))
                glob = torch.relu(ln((sgformer_attention(x, batch, p, dev) + x) / 2))
                y = 0.5 * glob + 0.5 * gatv2(C, p, "gat.", dev)(x, edge_index, e)
            else:
                print(f"{name}: no reference, skipped")
                continue
            ref = tensor(layer["output"], dev)
            results[name] = (y - ref).abs().max().item()

    bad = False
    for name, err in results.items():
        ok = err <= args.tol
        bad |= not ok
        print(f"{name:12s} max |ours - PyG| = {err:.3e}  {'ok' if ok else 'MISMATCH'}")
    import torch_geometric
    print(f"torch {torch.__version__}, torch_geometric {torch_geometric.__version__}, device {dev}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())

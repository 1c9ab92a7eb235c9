#pragma once
// What a model of receptive radius r can score at best on perturbation pairs (brief §4).
//
// A pair is (A, L) and (A', L') with A' = A + δ(e_p e_qᵀ + e_q e_pᵀ) (δ e_p e_pᵀ when p = q). A model
// whose output for a target entry depends only on the inputs within r hops of it gets identical
// inputs for A and A' around every entry farther than r hops from {p, q}, so it predicts identical
// values there. With both targets scaled to unit norm, near part N (hop distance <= r) and far part
// F, u = L_F and u' = L'_F, the best mean cosine of the pair is
//   ½ · max over unit g in span{u, u'} of φ(‖L_N‖, g·u) + φ(‖L'_N‖, g·u'),
//   φ(a, c) = √(a² + c²) for c >= 0, a otherwise:
// the near parts are free per sample and the far part t·g (t >= 0) is shared; each term is bounded
// by Cauchy–Schwarz, and the bound is attained (approached, for c < 0) by x_N ∝ L_N.

#include "dataset/dataset.h"

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace fs::dataset {

/// Hop distance (graph of A) of each entry of tril(A) in compressed-column order — the order of
/// learn/graph.h's targets — from {row, col}; -1 when unreachable. The distance of entry (i, j) is
/// min(dist(i), dist(j)).
std::vector<int> entry_hops(const sparse::Matrix &A, const PairPerturbation &p);

/// far[e] = entry_hops[e] > radius or unreachable.
std::vector<char> far_entries(const std::vector<int> &hops, int radius);

/// The best mean cosine of one pair (formula above). L and Lp: values on one common pattern (any
/// order, same length), far: same length. Result in [-1, 1]; 1 when nothing is far. A zero target
/// scores 0 whatever the prediction (as the trainer's cosine does). Throws std::invalid_argument
/// for different lengths.
double pair_bound(std::span<const double> L, std::span<const double> Lp, const std::vector<char> &far);

/// pair_bound for radius 0..max_radius of one perturbation seen through two factors in factor order
/// (the perturbation view's L and L' = L + ΔL, on the union of their patterns): the hop distance of
/// factor entry (i, j) is min(hop(perm[i]), hop(perm[j])) in the graph of A from {p.row, p.col}, as
/// in perturb::locality_profile; `perm` as factor::Cholesky::permutation(), empty for the identity.
/// O(nnz(L) + nnz(ΔL) + nnz(A)) in all. Throws std::invalid_argument for mismatched sizes.
std::vector<double> factor_pair_bounds(const sparse::Matrix &A, const PairPerturbation &p, const sparse::Matrix &L,
                                       const sparse::Matrix &deltaL, std::span<const sparse::Index> perm,
                                       int max_radius);

/// factor_pair_bounds from sums already taken per hop distance: ll[h], pp[h], lp[h] are Σ L², Σ L'²
/// and Σ L·L' over the entries at hop distance h = 0..R, and the last element over farther and
/// unreachable entries (perturb::HopPairSums). Returns the bounds for radius 0..R.
std::vector<double> bounds_from_hop_sums(std::span<const double> ll, std::span<const double> pp,
                                         std::span<const double> lp);

/// Values of L on the pattern of tril(A) in compressed-column order (zeros where L has no entry).
/// Throws std::invalid_argument when the sizes differ.
std::vector<double> values_on_tril(const sparse::Matrix &A, const sparse::Matrix &L);

struct SplitBound {
    double bound = 1.0;
    int pairs = 0;
    int unpaired = 0;
};

/// The best mean test cosine of any model of receptive radius `radius` on `samples` (normally the
/// test split): pairs by pair_bound (counting two samples), unpaired samples count 1. Samples of a
/// pair id that occurs once, or whose perturbation is unknown, count as unpaired. The far set of a
/// pair is taken in the graph of its unperturbed matrix.
SplitBound split_bound(const std::vector<Sample> &samples, int radius);

/// Receptive radius of a factor GNN (learn/model.h): after k blocks an edge has seen nodes within
/// k − 1 hops of its ends, so r = depth − 1 for gatv2, gen, mpmlp, transformer (depth >= 1; depth
/// 0: 0); r = 0 for mlp at every depth (its node model ignores neighbours); std::nullopt for
/// sgformer (global attention: the bound does not apply) and gcvae. Throws ConfigError for unknown
/// models and negative depths.
std::optional<int> receptive_radius(const std::string &model, int depth);

} // namespace fs::dataset

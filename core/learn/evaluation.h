#pragma once
// eval.json: how good the learned factors are as preconditioners, next to the references.

#include "dataset/dataset.h"
#include "learn/graph.h"
#include "learn/model.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <vector>

namespace fs::learn {

/// The predicted factor of one graph: values on the pattern of tril(A) (graph.h target order).
sparse::Matrix predicted_factor(const sparse::Matrix &A, const torch::Tensor &values);

/// For each test sample: cosine of the predicted L against the target, and PCG (b = 1, tol 1e-8,
/// 10000 iterations) with the predicted L, the dense K-optimal factor (n <= 4000), IC(0), the
/// target L itself and no preconditioner. {"samples": [...], "summary": {...}}.
nlohmann::json evaluate_model(FactorGnnImpl &model, const std::vector<Sample> &samples,
                              const std::vector<MatrixGraph> &graphs, torch::Device device);

} // namespace fs::learn

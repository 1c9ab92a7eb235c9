#pragma once
// What run_training needs from a model family: its module, batches that give a loss and a score,
// and the final evaluation. The epoch loop, checkpoints, early stopping and the JSON stream are
// shared (trainer.cpp); the factor GNNs and the generative SPAI model each supply a task.

#include "dataset/dataset.h"
#include "learn/train_config.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace fs::learn {

struct BatchOutcome {
    torch::Tensor loss;                  ///< scalar to minimise (mean over the batch's graphs)
    double score_sum = 0.0;              ///< Σ per-graph score (cosine; higher is better)
    std::map<std::string, double> sums;  ///< further per-graph metrics, summed
};

class TrainTask {
public:
    virtual ~TrainTask() = default;
    virtual torch::nn::Module &module() = 0;
    virtual std::size_t size(bool test) const = 0;
    /// One batch of the training (test = false) or test set. `noise` seeds any sampling the
    /// model does while training; test batches are deterministic.
    virtual BatchOutcome run(bool test, const std::vector<std::size_t> &members, bool training,
                             std::uint64_t noise) = 0;
    /// eval.json of the finished run (best checkpoint loaded).
    virtual nlohmann::json evaluate() = 0;
    /// Name of sample k of the training or test set (for messages).
    virtual std::string sample_name(bool test, std::size_t k) const = 0;
    /// The best mean test cosine a model of this run's receptive radius can reach, when the test
    /// set is paired and the model has a radius (dataset/locality_bound.h).
    virtual std::optional<double> bound() const { return std::nullopt; }
};

/// A failure tied to samples: a loss or metric that is not finite, a matrix the model cannot
/// take. `matrix` names the sample (or the samples of the batch) it came from.
class SampleError : public std::runtime_error {
public:
    SampleError(const std::string &what, std::string matrix)
        : std::runtime_error(what), matrix(std::move(matrix)) {}
    std::string matrix;
};

/// The factor-predicting GNNs (every model except gcvae). Throws std::runtime_error on a dataset
/// of kind "spai".
std::unique_ptr<TrainTask> make_factor_task(const TrainConfig &config, const Dataset &data, torch::Device device);

/// The GCVAE (model gcvae). Throws std::runtime_error unless the dataset is of kind "spai".
std::unique_ptr<TrainTask> make_gcvae_task(const TrainConfig &config, const Dataset &data, torch::Device device);

} // namespace fs::learn

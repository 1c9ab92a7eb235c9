#pragma once
// Settings of one training run: run.json / config.json keys, also accepted as --key value flags.
// Torch-free, so the command line and the tests can handle configurations without LibTorch.

#include <nlohmann/json.hpp>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace fs::learn {

/// An unknown key, a value of the wrong type or out of range.
class ConfigError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct TrainConfig {
    std::string dataset;          ///< dataset folder or its manifest.json
    std::string model = "mpmlp";  ///< mlp, gatv2, gen, mpmlp, transformer, sgformer (factor GNNs) or
                                  ///< gcvae (generative SPAI, needs a dataset of kind "spai")
    int depth = 3;                ///< processor blocks
    int hidden = 16;
    int epochs = 300;
    double lr = 1e-3;
    int lr_step = 50;             ///< the learning rate is multiplied by lr_gamma every lr_step epochs
    double lr_gamma = 0.6;
    int patience = 50;            ///< epochs without a better test cosine before stopping; 0 = never
    int batch_size = 16;
    std::string device = "auto";  ///< auto, cpu, cuda or cuda:N
    std::uint64_t seed = 0;       ///< model initialisation and batch order
    int threads = 0;              ///< torch intra-op threads; 0 = all cores
    // gcvae only (ignored by the factor GNNs):
    int latent = 8;               ///< dimension of the graph-level latent z
    double beta = 1e-3;           ///< weight of the KL term
    int samples = 8;              ///< latent draws per test matrix at evaluation; the best is kept
    double residual_weight = 1.0; ///< weight of the (‖I − A R‖_F / ‖I − A R_SPAI‖_F)² − 1 term

    nlohmann::json to_json() const;
    /// Sets the keys present in j. Throws ConfigError for unknown keys or bad values.
    void apply(const nlohmann::json &j);
    /// Sets one key from its command-line text. Throws ConfigError.
    void set(const std::string &key, const std::string &value);
    /// Throws ConfigError when a value is out of range or the dataset is unset.
    void validate() const;

    static const std::vector<std::string> &keys();
};

} // namespace fs::learn

#pragma once
// Settings of one training run, defined once: the table config_keys() lists every key of run.json
// / config.json with its type, default, range or choices and help. RunConfig's defaults, its JSON
// reading and writing, the trainer's --key value options and the GUI's arguments all come from it.

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

namespace fs::dataset {

/// An unknown key, a value of the wrong type or out of range.
class ConfigError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Which keys a conversion covers.
enum class ConfigKeys {
    All,    ///< every key (the trainer's config.json)
    Launch, ///< what a launcher passes: no threads, the gcvae-only keys only for model gcvae
};

struct RunConfig {
    std::string dataset;  ///< dataset folder or its manifest.json
    std::string model;    ///< a factor GNN of [P1] or gcvae (needs a dataset of kind "spai")
    int depth;            ///< processor blocks
    int hidden;
    int epochs;
    double lr;
    int lr_step;          ///< the learning rate is multiplied by lr_gamma every lr_step epochs
    double lr_gamma;
    int patience;         ///< epochs without a better test cosine before stopping; 0 = never
    int batch_size;
    std::string device;   ///< auto, cpu, cuda or cuda:N
    std::uint64_t seed;   ///< model initialisation and batch order
    int threads;          ///< torch intra-op threads; 0 = all cores
    // gcvae only (ignored by the factor GNNs):
    int latent;             ///< dimension of the graph-level latent z
    double beta;            ///< weight of the KL term
    int samples;            ///< latent draws per test matrix at evaluation; the best is kept
    double residual_weight; ///< weight of the (‖I − A R‖_F / ‖I − A R_SPAI‖_F)² − 1 term

    /// Every key at its default from config_keys().
    RunConfig();

    nlohmann::json to_json(ConfigKeys which = ConfigKeys::All) const;
    /// Sets the keys present in j. Throws ConfigError for unknown keys or bad values.
    void apply(const nlohmann::json &j);
    /// Sets the keys of j that are known and of the right type; ignores the others.
    void apply_known(const nlohmann::json &j);
    /// Sets one key from its command-line text. Throws ConfigError.
    void set(const std::string &key, const std::string &value);
    /// Throws ConfigError when a value is out of range or the dataset is unset.
    void validate() const;
    /// "--key value" pairs of to_json(which), keys in alphabetical order; numbers as
    /// set() reads them back (integral values without a decimal point, others with 12 digits).
    std::vector<std::string> to_argv(ConfigKeys which = ConfigKeys::Launch) const;

    bool is_generative() const { return model == "gcvae"; }

    /// The key names in table order.
    static const std::vector<std::string> &keys();
};

enum class KeyType { String, Int, UInt, Double };

/// One key of the run configuration.
struct ConfigKey {
    using Member = std::variant<std::string RunConfig::*, int RunConfig::*, std::uint64_t RunConfig::*,
                                double RunConfig::*>;
    std::string name;
    KeyType type;
    Member member;
    nlohmann::json default_value;
    std::optional<double> min;      ///< inclusive unless min_exclusive
    bool min_exclusive = false;
    std::optional<double> max;      ///< inclusive
    std::vector<std::string> choices;  ///< String keys: the allowed values (empty: any)
    std::string choice_prefix;      ///< also allowed: this prefix followed by a number (cuda:N)
    bool generative_only = false;   ///< read by gcvae only
    bool launcher = true;           ///< passed by a launcher (the GUI leaves threads to the trainer)
    std::string help;
};

/// Every key, in the order of RunConfig's fields.
const std::vector<ConfigKey> &config_keys();
/// The key called name, or nullptr.
const ConfigKey *find_config_key(const std::string &name);

/// The models factorscope-train knows: [P1]'s node models, then gcvae.
const std::vector<std::string> &model_names();
/// [P1]'s node models (every model but the generative one).
std::vector<std::string> node_model_names();

} // namespace fs::dataset

#include "learn/train_config.h"

#include <algorithm>
#include <charconv>

namespace fs::learn {

using nlohmann::json;

const std::vector<std::string> &TrainConfig::keys()
{
    static const std::vector<std::string> k = {"dataset", "model",    "depth",      "hidden",
                                               "epochs",  "lr",       "lr_step",    "lr_gamma",
                                               "patience", "batch_size", "device", "seed", "threads",
                                               "latent", "beta", "samples", "residual_weight"};
    return k;
}

json TrainConfig::to_json() const
{
    return json{{"dataset", dataset}, {"model", model},       {"depth", depth},
                {"hidden", hidden},   {"epochs", epochs},     {"lr", lr},
                {"lr_step", lr_step}, {"lr_gamma", lr_gamma}, {"patience", patience},
                {"batch_size", batch_size}, {"device", device}, {"seed", seed},
                {"threads", threads}, {"latent", latent}, {"beta", beta}, {"samples", samples},
                {"residual_weight", residual_weight}};
}

namespace {

template <typename T> void take(const json &j, const char *key, T &out)
{
    if (!j.contains(key))
        return;
    const json &v = j.at(key);
    if constexpr (std::is_same_v<T, std::string>) {
        if (!v.is_string())
            throw ConfigError(std::string("config key '") + key + "' must be a string");
        out = v.get<std::string>();
    } else if constexpr (std::is_floating_point_v<T>) {
        if (!v.is_number())
            throw ConfigError(std::string("config key '") + key + "' must be a number");
        out = v.get<T>();
    } else {
        if (!v.is_number_integer() || (std::is_unsigned_v<T> && v.get<long long>() < 0))
            throw ConfigError(std::string("config key '") + key + "' must be an integer"
                              + (std::is_unsigned_v<T> ? " >= 0" : ""));
        out = v.get<T>();
    }
}

} // namespace

void TrainConfig::apply(const json &j)
{
    if (!j.is_object())
        throw ConfigError("the configuration must be a JSON object");
    for (const auto &[key, value] : j.items())
        if (std::find(keys().begin(), keys().end(), key) == keys().end())
            throw ConfigError("unknown config key '" + key + "'");
    take(j, "dataset", dataset);
    take(j, "model", model);
    take(j, "depth", depth);
    take(j, "hidden", hidden);
    take(j, "epochs", epochs);
    take(j, "lr", lr);
    take(j, "lr_step", lr_step);
    take(j, "lr_gamma", lr_gamma);
    take(j, "patience", patience);
    take(j, "batch_size", batch_size);
    take(j, "device", device);
    take(j, "seed", seed);
    take(j, "threads", threads);
    take(j, "latent", latent);
    take(j, "beta", beta);
    take(j, "samples", samples);
    take(j, "residual_weight", residual_weight);
}

void TrainConfig::set(const std::string &key, const std::string &value)
{
    if (std::find(keys().begin(), keys().end(), key) == keys().end())
        throw ConfigError("unknown option --" + key);
    json v;
    if (key == "dataset" || key == "model" || key == "device") {
        v = value;
    } else {
        // Numbers go through the JSON parser so that flags and config files agree on syntax.
        try {
            v = json::parse(value);
        } catch (const json::exception &) {
            throw ConfigError("--" + key + " expects a number, got '" + value + "'");
        }
    }
    apply(json{{key, v}});
}

void TrainConfig::validate() const
{
    if (dataset.empty())
        throw ConfigError("no dataset given (--dataset DIR)");
    static const std::vector<std::string> models = {"mlp", "gatv2", "gen", "mpmlp", "transformer", "sgformer", "gcvae"};
    if (std::find(models.begin(), models.end(), model) == models.end())
        throw ConfigError("unknown model '" + model + "' (mlp, gatv2, gen, mpmlp, transformer, sgformer, gcvae)");
    if (depth < 0 || depth > 64)
        throw ConfigError("depth must be in 0..64");
    if (hidden < 1 || hidden > 4096)
        throw ConfigError("hidden must be in 1..4096");
    if (epochs < 0)
        throw ConfigError("epochs must be >= 0");
    if (!(lr > 0.0))
        throw ConfigError("lr must be > 0");
    if (lr_step < 1)
        throw ConfigError("lr_step must be >= 1");
    if (!(lr_gamma > 0.0))
        throw ConfigError("lr_gamma must be > 0");
    if (patience < 0)
        throw ConfigError("patience must be >= 0");
    if (batch_size < 1)
        throw ConfigError("batch_size must be >= 1");
    if (device != "auto" && device != "cpu" && device != "cuda" && device.rfind("cuda:", 0) != 0)
        throw ConfigError("device must be auto, cpu, cuda or cuda:N");
    if (threads < 0)
        throw ConfigError("threads must be >= 0");
    if (latent < 1 || latent > 4096)
        throw ConfigError("latent must be in 1..4096");
    if (!(beta >= 0.0))
        throw ConfigError("beta must be >= 0");
    if (samples < 1 || samples > 10000)
        throw ConfigError("samples must be in 1..10000");
    if (!(residual_weight >= 0.0))
        throw ConfigError("residual_weight must be >= 0");
}

} // namespace fs::learn

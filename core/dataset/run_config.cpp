#include "dataset/run_config.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace fs::dataset {

using nlohmann::json;

namespace {

ConfigKey key(std::string name, KeyType type, ConfigKey::Member member, json def, std::string help)
{
    ConfigKey k;
    k.name = std::move(name);
    k.type = type;
    k.member = member;
    k.default_value = std::move(def);
    k.help = std::move(help);
    return k;
}

ConfigKey range(ConfigKey k, std::optional<double> min, std::optional<double> max, bool exclusive = false)
{
    k.min = min;
    k.max = max;
    k.min_exclusive = exclusive;
    return k;
}

ConfigKey gcvae(ConfigKey k)
{
    k.generative_only = true;
    return k;
}

std::vector<ConfigKey> make_table()
{
    using K = KeyType;
    using R = RunConfig;
    std::vector<ConfigKey> t;
    ConfigKey dataset = key("dataset", K::String, &R::dataset, "", "dataset folder or its manifest.json");
    t.push_back(dataset);
    ConfigKey model = key("model", K::String, &R::model, "mpmlp",
                          "mlp, gatv2, gen, mpmlp, transformer, sgformer (factor GNNs) or gcvae (generative "
                          "SPAI, needs a dataset of kind \"spai\")");
    model.choices = model_names();
    t.push_back(model);
    t.push_back(range(key("depth", K::Int, &R::depth, 3, "processor blocks"), 0, 64));
    t.push_back(range(key("hidden", K::Int, &R::hidden, 16, "hidden features per node"), 1, 4096));
    t.push_back(range(key("epochs", K::Int, &R::epochs, 300, "training epochs"), 0, std::nullopt));
    t.push_back(range(key("lr", K::Double, &R::lr, 1e-3, "initial learning rate"), 0.0, std::nullopt, true));
    t.push_back(range(key("lr_step", K::Int, &R::lr_step, 50,
                          "the learning rate is multiplied by lr_gamma every lr_step epochs"),
                      1, std::nullopt));
    t.push_back(range(key("lr_gamma", K::Double, &R::lr_gamma, 0.6, "learning-rate decay factor"), 0.0,
                      std::nullopt, true));
    t.push_back(range(key("patience", K::Int, &R::patience, 50,
                          "epochs without a better test cosine before stopping; 0 = never"),
                      0, std::nullopt));
    t.push_back(range(key("batch_size", K::Int, &R::batch_size, 16, "matrices per batch"), 1, std::nullopt));
    ConfigKey device = key("device", K::String, &R::device, "auto", "auto, cpu, cuda or cuda:N");
    device.choices = {"auto", "cpu", "cuda"};
    device.choice_prefix = "cuda:";
    t.push_back(device);
    t.push_back(key("seed", K::UInt, &R::seed, 0, "model initialisation and batch order"));
    ConfigKey threads = range(key("threads", K::Int, &R::threads, 0, "torch intra-op threads; 0 = all cores"), 0,
                              std::nullopt);
    threads.launcher = false;
    t.push_back(threads);
    t.push_back(gcvae(range(key("latent", K::Int, &R::latent, 8, "dimension of the graph-level latent z"), 1, 4096)));
    t.push_back(gcvae(range(key("beta", K::Double, &R::beta, 1e-3, "weight of the KL term"), 0.0, std::nullopt)));
    t.push_back(gcvae(range(key("samples", K::Int, &R::samples, 8,
                                "latent draws per test matrix at evaluation; the best is kept"),
                            1, 10000)));
    t.push_back(gcvae(range(key("residual_weight", K::Double, &R::residual_weight, 1.0,
                                "weight of the (|I - A R|_F / |I - A R_SPAI|_F)^2 - 1 term"),
                            0.0, std::nullopt)));
    return t;
}

std::string number_text(double v)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.12g", v);
    return buf;
}

// Reads one value of j into the field of k; throws ConfigError with the trainer's messages.
void take(RunConfig &c, const ConfigKey &k, const json &v)
{
    const std::string &name = k.name;
    std::visit(
        [&](auto member) {
            using T = std::remove_cvref_t<decltype(c.*member)>;
            if constexpr (std::is_same_v<T, std::string>) {
                if (!v.is_string())
                    throw ConfigError("config key '" + name + "' must be a string");
                c.*member = v.get<std::string>();
            } else if constexpr (std::is_floating_point_v<T>) {
                if (!v.is_number())
                    throw ConfigError("config key '" + name + "' must be a number");
                c.*member = v.get<T>();
            } else {
                if (!v.is_number_integer() || (std::is_unsigned_v<T> && v.get<long long>() < 0))
                    throw ConfigError("config key '" + name + "' must be an integer"
                                      + (std::is_unsigned_v<T> ? " >= 0" : ""));
                c.*member = v.get<T>();
            }
        },
        k.member);
}

bool included(const RunConfig &c, const ConfigKey &k, ConfigKeys which)
{
    if (which == ConfigKeys::All)
        return true;
    return k.launcher && (!k.generative_only || c.is_generative());
}

std::string join_choices(const std::vector<std::string> &items, const char *last)
{
    std::string s;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0)
            s += i + 1 == items.size() ? last : ", ";
        s += items[i];
    }
    return s;
}

std::string bound_text(double v)
{
    return number_text(v);
}

void check(const RunConfig &c, const ConfigKey &k)
{
    std::visit(
        [&](auto member) {
            using T = std::remove_cvref_t<decltype(c.*member)>;
            const T &v = c.*member;
            if constexpr (std::is_same_v<T, std::string>) {
                if (k.choices.empty())
                    return;
                if (std::find(k.choices.begin(), k.choices.end(), v) != k.choices.end())
                    return;
                if (!k.choice_prefix.empty() && v.rfind(k.choice_prefix, 0) == 0)
                    return;
                if (k.choice_prefix.empty())
                    throw ConfigError("unknown " + k.name + " '" + v + "' (" + join_choices(k.choices, ", ") + ")");
                std::vector<std::string> all = k.choices;
                all.push_back(k.choice_prefix + "N");
                throw ConfigError(k.name + " must be " + join_choices(all, " or "));
            } else {
                const double x = static_cast<double>(v);
                if (k.min && k.max) {
                    if (!(x >= *k.min && x <= *k.max))
                        throw ConfigError(k.name + " must be in " + bound_text(*k.min) + ".." + bound_text(*k.max));
                } else if (k.min) {
                    if (k.min_exclusive ? !(x > *k.min) : !(x >= *k.min))
                        throw ConfigError(k.name + " must be " + (k.min_exclusive ? "> " : ">= ")
                                          + bound_text(*k.min));
                }
            }
        },
        k.member);
}

} // namespace

const std::vector<std::string> &model_names()
{
    static const std::vector<std::string> m = {"mlp", "gatv2", "gen", "mpmlp", "transformer", "sgformer", "gcvae"};
    return m;
}

std::vector<std::string> node_model_names()
{
    std::vector<std::string> m = model_names();
    m.erase(std::remove(m.begin(), m.end(), "gcvae"), m.end());
    return m;
}

const std::vector<ConfigKey> &config_keys()
{
    static const std::vector<ConfigKey> table = make_table();
    return table;
}

const ConfigKey *find_config_key(const std::string &name)
{
    for (const ConfigKey &k : config_keys())
        if (k.name == name)
            return &k;
    return nullptr;
}

const std::vector<std::string> &RunConfig::keys()
{
    static const std::vector<std::string> k = [] {
        std::vector<std::string> names;
        for (const ConfigKey &key : config_keys())
            names.push_back(key.name);
        return names;
    }();
    return k;
}

RunConfig::RunConfig()
{
    for (const ConfigKey &k : config_keys())
        take(*this, k, k.default_value);
}

json RunConfig::to_json(ConfigKeys which) const
{
    json j = json::object();
    for (const ConfigKey &k : config_keys()) {
        if (!included(*this, k, which))
            continue;
        std::visit([&](auto member) { j[k.name] = this->*member; }, k.member);
    }
    return j;
}

void RunConfig::apply(const json &j)
{
    if (!j.is_object())
        throw ConfigError("the configuration must be a JSON object");
    for (const auto &[name, value] : j.items())
        if (!find_config_key(name))
            throw ConfigError("unknown config key '" + name + "'");
    for (const ConfigKey &k : config_keys())
        if (j.contains(k.name))
            take(*this, k, j.at(k.name));
}

void RunConfig::apply_known(const json &j)
{
    if (!j.is_object())
        return;
    for (const ConfigKey &k : config_keys()) {
        if (!j.contains(k.name))
            continue;
        try {
            take(*this, k, j.at(k.name));
        } catch (const ConfigError &) {
        }
    }
}

void RunConfig::set(const std::string &name, const std::string &value)
{
    const ConfigKey *k = find_config_key(name);
    if (!k)
        throw ConfigError("unknown option --" + name);
    json v;
    if (k->type == KeyType::String) {
        v = value;
    } else {
        // Numbers go through the JSON parser so that flags and config files agree on syntax.
        try {
            v = json::parse(value);
        } catch (const json::exception &) {
            throw ConfigError("--" + name + " expects a number, got '" + value + "'");
        }
    }
    apply(json{{name, v}});
}

void RunConfig::validate() const
{
    if (dataset.empty())
        throw ConfigError("no dataset given (--dataset DIR)");
    for (const ConfigKey &k : config_keys())
        check(*this, k);
}

std::vector<std::string> RunConfig::to_argv(ConfigKeys which) const
{
    std::vector<std::string> args;
    const json j = to_json(which); // an object: its keys iterate in alphabetical order
    for (const auto &[name, v] : j.items()) {
        args.push_back("--" + name);
        if (v.is_string())
            args.push_back(v.get<std::string>());
        else if (v.is_number_unsigned())
            args.push_back(std::to_string(v.get<std::uint64_t>()));
        else if (v.is_number_integer())
            args.push_back(std::to_string(v.get<long long>()));
        else {
            const double d = v.get<double>();
            args.push_back(std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9e15
                               ? std::to_string(static_cast<long long>(d))
                               : number_text(d));
        }
    }
    return args;
}

} // namespace fs::dataset

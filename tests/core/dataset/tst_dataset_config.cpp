// The run configuration table: defaults inside their ranges, conversions through argv and JSON
// that give back the same configuration, and the trainer's refusals.
#include "dataset/run_config.h"

#include <QtTest>

#include <set>

using namespace fs::dataset;
using nlohmann::json;

namespace {

// A configuration where every key differs from its default.
RunConfig changed()
{
    RunConfig c;
    c.dataset = "data/set one";
    c.model = "gcvae";
    c.depth = 5;
    c.hidden = 33;
    c.epochs = 7;
    c.lr = 2.5e-5;
    c.lr_step = 9;
    c.lr_gamma = 0.125;
    c.patience = 0;
    c.batch_size = 3;
    c.device = "cuda:1";
    c.seed = 123456789012345ULL;
    c.threads = 2;
    c.latent = 4;
    c.beta = 0.3;
    c.samples = 2;
    c.residual_weight = 2.0;
    return c;
}

RunConfig from_argv(const std::vector<std::string> &argv)
{
    RunConfig c;
    for (std::size_t i = 0; i + 1 < argv.size(); i += 2) {
        if (argv[i].rfind("--", 0) != 0)
            throw std::runtime_error("not an option: " + argv[i]);
        c.set(argv[i].substr(2), argv[i + 1]);
    }
    return c;
}

std::string message(const std::function<void()> &f)
{
    try {
        f();
    } catch (const ConfigError &e) {
        return e.what();
    }
    return {};
}

} // namespace

class TestDatasetConfig : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void tableMatchesFields();
    void defaultsLieInTheirRanges();
    void boundsAreEnforced();
    void roundTripsThroughJson();
    void roundTripsThroughArgv();
    void launchKeys();
    void refusals();
};

void TestDatasetConfig::tableMatchesFields()
{
    // Every name once, and every member reached by exactly one key: changing one key changes
    // exactly that key of to_json().
    const std::set<std::string> names(RunConfig::keys().begin(), RunConfig::keys().end());
    QCOMPARE(names.size(), config_keys().size());
    QCOMPARE(int(RunConfig::keys().size()), 17);
    const RunConfig d;
    const json all = changed().to_json();
    for (const ConfigKey &k : config_keys()) {
        RunConfig c;
        c.apply(json{{k.name, all.at(k.name)}});
        const json before = d.to_json(), after = c.to_json();
        for (const auto &[name, value] : after.items())
            QVERIFY2((name == k.name) == (value != before.at(name)), (k.name + " / " + name).c_str());
    }
}

void TestDatasetConfig::defaultsLieInTheirRanges()
{
    RunConfig c;
    c.dataset = "somewhere"; // the one key without a usable default
    c.validate();
    for (const ConfigKey &k : config_keys()) {
        const json &v = k.default_value;
        QVERIFY2(RunConfig().to_json().at(k.name) == v, k.name.c_str());
        QVERIFY2(!k.help.empty(), k.name.c_str());
        if (k.type == KeyType::String) {
            QVERIFY(v.is_string());
            if (!k.choices.empty())
                QVERIFY2(std::find(k.choices.begin(), k.choices.end(), v.get<std::string>()) != k.choices.end(),
                         k.name.c_str());
            continue;
        }
        if (k.type != KeyType::Double)
            QVERIFY2(v.is_number_integer(), k.name.c_str());
        QVERIFY(v.is_number());
        if (k.min)
            QVERIFY2(k.min_exclusive ? v.get<double>() > *k.min : v.get<double>() >= *k.min, k.name.c_str());
        if (k.max)
            QVERIFY2(v.get<double>() <= *k.max, k.name.c_str());
    }
    QCOMPARE(c.model, std::string("mpmlp"));
    QCOMPARE(c.depth, 3);
    QCOMPARE(c.lr, 1e-3);
    QCOMPARE(c.device, std::string("auto"));
}

void TestDatasetConfig::boundsAreEnforced()
{
    // Every bound of the table is checked by validate(): on the bound passes, beyond it fails.
    int bounds = 0;
    for (const ConfigKey &k : config_keys()) {
        if (k.type == KeyType::String)
            continue;
        const double step = k.type == KeyType::Double ? 1e-9 : 1.0;
        const auto accepted = [&](double value) {
            RunConfig c;
            c.dataset = "d";
            c.apply(json{{k.name, k.type == KeyType::Double ? json(value) : json(static_cast<long long>(value))}});
            return message([&] { c.validate(); }).empty();
        };
        if (k.min) {
            ++bounds;
            QVERIFY2(accepted(k.min_exclusive ? *k.min + step : *k.min), k.name.c_str());
            QVERIFY2(!accepted(k.min_exclusive ? *k.min : *k.min - step), k.name.c_str());
        }
        if (k.max) {
            ++bounds;
            QVERIFY2(accepted(*k.max), k.name.c_str());
            QVERIFY2(!accepted(*k.max + step), k.name.c_str());
        }
    }
    QCOMPARE(bounds, 17);
}

void TestDatasetConfig::roundTripsThroughJson()
{
    for (const RunConfig &c : {RunConfig(), changed()}) {
        RunConfig back;
        back.apply(json::parse(c.to_json().dump()));
        QCOMPARE(back.to_json(), c.to_json());
        QCOMPARE(back.seed, c.seed);
        QCOMPARE(back.lr, c.lr);
    }
}

void TestDatasetConfig::roundTripsThroughArgv()
{
    for (const RunConfig &c : {RunConfig(), changed()}) {
        const std::vector<std::string> argv = c.to_argv(ConfigKeys::All);
        QCOMPARE(argv.size(), 2 * RunConfig::keys().size());
        QCOMPARE(from_argv(argv).to_json(), c.to_json());
    }
    // Numbers are written as the trainer reads them: integral doubles without a fraction.
    const std::vector<std::string> argv = changed().to_argv(ConfigKeys::All);
    const auto value = [&](const std::string &key) { return *(std::find(argv.begin(), argv.end(), "--" + key) + 1); };
    QCOMPARE(value("residual_weight"), std::string("2"));
    QCOMPARE(value("lr"), std::string("2.5e-05"));
    QCOMPARE(value("lr_gamma"), std::string("0.125"));
    QCOMPARE(value("seed"), std::string("123456789012345"));
    QCOMPARE(value("dataset"), std::string("data/set one"));
}

void TestDatasetConfig::launchKeys()
{
    RunConfig c;
    c.dataset = "d";
    const json factor = c.to_json(ConfigKeys::Launch);
    QVERIFY(!factor.contains("threads"));
    QVERIFY(!factor.contains("latent"));
    QVERIFY(!factor.contains("residual_weight"));
    QCOMPARE(factor.size(), std::size_t(12));
    c.model = "gcvae";
    const json gen = c.to_json(ConfigKeys::Launch);
    QVERIFY(!gen.contains("threads"));
    QCOMPARE(gen.at("latent"), json(8));
    QCOMPARE(gen.size(), std::size_t(16));
    // The argv of the launch keys, key by key in alphabetical order.
    const std::vector<std::string> argv = c.to_argv();
    QCOMPARE(argv.size(), std::size_t(32));
    QCOMPARE(argv.front(), std::string("--batch_size"));
    for (std::size_t i = 2; i < argv.size(); i += 2)
        QVERIFY(argv[i - 2] < argv[i]);
}

void TestDatasetConfig::refusals()
{
    RunConfig c;
    QCOMPARE(message([&] { c.validate(); }), std::string("no dataset given (--dataset DIR)"));
    c.dataset = "d";
    QCOMPARE(message([&] { c.set("frobnicate", "1"); }), std::string("unknown option --frobnicate"));
    QCOMPARE(message([&] { c.set("depth", "three"); }), std::string("--depth expects a number, got 'three'"));
    QCOMPARE(message([&] { c.set("depth", "2.5"); }), std::string("config key 'depth' must be an integer"));
    QCOMPARE(message([&] { c.set("seed", "-1"); }), std::string("config key 'seed' must be an integer >= 0"));
    QCOMPARE(message([&] { c.apply(json{{"model", 3}}); }), std::string("config key 'model' must be a string"));
    QCOMPARE(message([&] { c.apply(json{{"lr", "fast"}}); }), std::string("config key 'lr' must be a number"));
    QCOMPARE(message([&] { c.apply(json{{"colour", 1}}); }), std::string("unknown config key 'colour'"));
    QCOMPARE(message([&] { c.apply(json::array()); }), std::string("the configuration must be a JSON object"));
    c.set("model", "resnet");
    QCOMPARE(message([&] { c.validate(); }),
             std::string("unknown model 'resnet' (mlp, gatv2, gen, mpmlp, transformer, sgformer, gcvae)"));
    c.set("model", "gen");
    c.set("device", "tpu");
    QCOMPARE(message([&] { c.validate(); }), std::string("device must be auto, cpu, cuda or cuda:N"));
    c.set("device", "cuda:3");
    c.set("depth", "65");
    QCOMPARE(message([&] { c.validate(); }), std::string("depth must be in 0..64"));
    c.set("depth", "0");
    c.set("lr", "0");
    QCOMPARE(message([&] { c.validate(); }), std::string("lr must be > 0"));
    c.set("lr", "0.5");
    c.set("beta", "-0.1");
    QCOMPARE(message([&] { c.validate(); }), std::string("beta must be >= 0"));
    c.set("beta", "0");
    QCOMPARE(message([&] { c.validate(); }), std::string());
    // apply_known keeps what it cannot take.
    RunConfig k;
    k.apply_known(json{{"depth", "deep"}, {"hidden", 7}, {"colour", 1}});
    QCOMPARE(k.depth, 3);
    QCOMPARE(k.hidden, 7);
}

QTEST_GUILESS_MAIN(TestDatasetConfig)
#include "tst_dataset_config.moc"

#include "dataset/stream_line.h"

#include <nlohmann/json.hpp>

namespace fs::dataset {

using nlohmann::json;

namespace {

double number(const json &o, const char *key)
{
    const auto it = o.find(key);
    return it != o.end() && it->is_number() ? it->get<double>() : EpochLine::nan;
}

std::string text(const json &o, const char *key)
{
    const auto it = o.find(key);
    return it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
}

} // namespace

StreamLine parse_stream_line(std::string_view line)
{
    const json j = json::parse(line.begin(), line.end(), nullptr, false);
    if (j.is_discarded())
        return MalformedLine{"not valid JSON", {}};
    if (!j.is_object())
        return MalformedLine{"not a JSON object", {}};
    const std::string device = text(j, "device");
    if (j.contains("status")) {
        const std::string status = text(j, "status");
        FinalLine f;
        if (status == "finished")
            f.status = RunOutcome::Finished;
        else if (status == "stopped")
            f.status = RunOutcome::Stopped;
        else if (status == "failed")
            f.status = RunOutcome::Failed;
        else
            return MalformedLine{"unknown status", device};
        f.error = text(j, "error");
        f.device = device;
        return f;
    }
    const auto epoch = j.find("epoch");
    const auto train = j.find("train_cos");
    if (epoch == j.end() || !epoch->is_number() || train == j.end() || !train->is_number())
        return MalformedLine{"no epoch or train_cos", device};
    EpochLine e;
    e.epoch = static_cast<int>(epoch->get<double>());
    e.train_cos = train->get<double>();
    e.test_cos = number(j, "test_cos");
    e.loss = number(j, "loss");
    e.lr = number(j, "lr");
    e.seconds = number(j, "seconds");
    e.recon = number(j, "recon");
    e.kl = number(j, "kl");
    e.residual = number(j, "residual");
    e.test_residual_ratio = number(j, "test_residual_ratio");
    e.device = device;
    return e;
}

} // namespace fs::dataset

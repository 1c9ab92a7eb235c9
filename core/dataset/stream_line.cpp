#include "dataset/stream_line.h"

#include <limits>

#include <cmath>

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

/// The EpochLine members by key, for reading and writing alike.
struct NumberKey {
    const char *key;
    double EpochLine::*member;
};
constexpr NumberKey kNumbers[] = {
    {"loss", &EpochLine::loss},
    {"lr", &EpochLine::lr},
    {"seconds", &EpochLine::seconds},
    {"elapsed", &EpochLine::elapsed},
    {"bound", &EpochLine::bound},
    {"test_cos_far", &EpochLine::test_cos_far},
    {"recon", &EpochLine::recon},
    {"kl", &EpochLine::kl},
    {"residual", &EpochLine::residual},
    {"test_residual_ratio", &EpochLine::test_residual_ratio},
};

bool is_known_key(const std::string &key)
{
    if (key == "epoch" || key == "train_cos" || key == "test_cos" || key == "device")
        return true;
    for (const auto &k : kNumbers)
        if (key == k.key)
            return true;
    return false;
}

} // namespace

void set_number(EpochLine &line, const std::string &key, double value)
{
    if (key == "train_cos") {
        line.train_cos = value;
        return;
    }
    if (key == "test_cos") {
        line.test_cos = value;
        return;
    }
    for (const auto &k : kNumbers)
        if (key == k.key) {
            line.*k.member = value;
            return;
        }
    line.extra[key] = value;
}

const char *to_string(RunOutcome outcome)
{
    switch (outcome) {
    case RunOutcome::Finished:
        return "finished";
    case RunOutcome::Stopped:
        return "stopped";
    case RunOutcome::Failed:
        break;
    }
    return "failed";
}

json to_json(const EpochLine &line)
{
    json j = {{"epoch", line.epoch}, {"train_cos", line.train_cos}};
    j["test_cos"] = std::isnan(line.test_cos) ? json(nullptr) : json(line.test_cos);
    for (const auto &k : kNumbers)
        if (!std::isnan(line.*k.member))
            j[k.key] = line.*k.member;
    for (const auto &[key, value] : line.extra)
        j[key] = value;
    if (!line.device.empty())
        j["device"] = line.device;
    return j;
}

json to_json(const FinalLine &line)
{
    json j = {{"status", to_string(line.status)}};
    if (!line.error.empty())
        j["error"] = line.error;
    if (!line.matrix.empty())
        j["matrix"] = line.matrix;
    if (!line.device.empty())
        j["device"] = line.device;
    return j;
}

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
        f.matrix = text(j, "matrix");
        f.device = device;
        return f;
    }
    const auto epoch = j.find("epoch");
    const auto train = j.find("train_cos");
    if (epoch == j.end() || !epoch->is_number() || train == j.end() || !train->is_number())
        return MalformedLine{"no epoch or train_cos", device};
    // A number beyond int's range (say 4.4e15) cannot be an epoch, and converting it is undefined.
    const double epochValue = epoch->get<double>();
    if (!(epochValue >= 0.0 && epochValue <= static_cast<double>(std::numeric_limits<int>::max())))
        return MalformedLine{"epoch out of range", device};
    EpochLine e;
    e.epoch = static_cast<int>(epochValue);
    e.train_cos = train->get<double>();
    e.test_cos = number(j, "test_cos");
    for (const auto &k : kNumbers)
        e.*k.member = number(j, k.key);
    for (const auto &[key, value] : j.items())
        if (value.is_number() && !is_known_key(key))
            e.extra[key] = value.get<double>();
    e.device = device;
    return e;
}

} // namespace fs::dataset

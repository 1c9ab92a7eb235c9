#pragma once
// The JSON lines factorscope-train writes on stdout (and into metrics.jsonl / log.txt): one per
// finished epoch, then one final status object. The trainer writes them with to_json, readers
// tell them apart with parse_stream_line.
//
//   epoch line  {"epoch": int, "train_cos": num, "test_cos": num | null, "loss", "lr", "seconds",
//                "elapsed", "device", on paired datasets "bound" (the best mean test cosine any
//                model of the run's receptive radius can reach) and "test_cos_far" (test cosine on
//                the entries beyond that radius from the pair's perturbation), and for gcvae
//                "recon", "kl", "residual", "test_residual_ratio"; further numbers by name}
//   final line  {"status": "finished" | "stopped" | "failed", "error"?, "matrix"? (the sample a
//                failure names), "device"?, "epoch"?, ...} (it may carry "epoch" too: "status"
//                decides)

#include <nlohmann/json.hpp>

#include <limits>
#include <map>
#include <string>
#include <string_view>
#include <variant>

namespace fs::dataset {

struct EpochLine {
    static constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    int epoch = 0;
    double train_cos = 0.0;
    double test_cos = nan; ///< NaN: no test set (null)
    double loss = nan;
    double lr = nan;
    double seconds = nan;
    double elapsed = nan;
    double bound = nan;        ///< NaN: not a paired dataset, or a model without a radius
    double test_cos_far = nan; ///< NaN: as bound
    // gcvae only (NaN otherwise)
    double recon = nan;
    double kl = nan;
    double residual = nan;
    double test_residual_ratio = nan;
    std::string device;
    std::map<std::string, double> extra; ///< any other numeric key
};

enum class RunOutcome { Finished, Stopped, Failed };

struct FinalLine {
    RunOutcome status = RunOutcome::Failed;
    std::string error;
    std::string matrix; ///< the sample a failure names (empty: none)
    std::string device;
};

/// A line that is neither: not JSON, not an object, an unknown status or no epoch/train_cos.
struct MalformedLine {
    std::string reason;
    std::string device; ///< when the object names one
};

using StreamLine = std::variant<EpochLine, FinalLine, MalformedLine>;

StreamLine parse_stream_line(std::string_view line);

/// The line as the trainer writes it: NaN fields are left out, except test_cos (null).
nlohmann::json to_json(const EpochLine &line);
/// status, error and matrix when set, device when set; callers add their own keys.
nlohmann::json to_json(const FinalLine &line);
/// Sets the field called key, or extra[key] for a key without a field.
void set_number(EpochLine &line, const std::string &key, double value);
/// "finished", "stopped", "failed".
const char *to_string(RunOutcome outcome);

} // namespace fs::dataset

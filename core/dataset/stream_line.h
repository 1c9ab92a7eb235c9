#pragma once
// The JSON lines factorscope-train writes on stdout (and into metrics.jsonl / log.txt): one per
// finished epoch, then one final status object. parse_stream_line tells them apart.
//
//   epoch line  {"epoch": int, "train_cos": num, "test_cos": num | null, "loss", "lr", "seconds",
//                "elapsed", "device", and for gcvae "recon", "kl", "residual", "test_residual_ratio"}
//   final line  {"status": "finished" | "stopped" | "failed", "error"?, "device"?, "epoch"?, ...}
//               (it may carry "epoch" too: "status" decides)

#include <limits>
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
    // gcvae only (NaN otherwise)
    double recon = nan;
    double kl = nan;
    double residual = nan;
    double test_residual_ratio = nan;
    std::string device;
};

enum class RunOutcome { Finished, Stopped, Failed };

struct FinalLine {
    RunOutcome status = RunOutcome::Failed;
    std::string error;
    std::string device;
};

/// A line that is neither: not JSON, not an object, an unknown status or no epoch/train_cos.
struct MalformedLine {
    std::string reason;
    std::string device; ///< when the object names one
};

using StreamLine = std::variant<EpochLine, FinalLine, MalformedLine>;

StreamLine parse_stream_line(std::string_view line);

} // namespace fs::dataset

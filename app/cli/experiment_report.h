#pragma once
// The outcome of `factorscope-cli experiment` and the files that report it: results.json,
// table.csv, table.md (best test cosine against the locality bound per model and depth) and the
// figure as <figure>.png, .pdf and .svg.

#include <nlohmann/json.hpp>

#include <filesystem>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace fs::cli {

struct ModelResult {
    static constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    std::string model;
    int depth = 0;
    std::optional<int> radius;  ///< none: global attention, the bound does not apply
    double bound = nan;         ///< best mean test cosine any model of this radius can reach
    double best_test_cos = nan;
    int best_epoch = 0;
    double test_cos_far = nan;  ///< at the best epoch
    std::string status;
    std::string error;
    std::string run_dir;        ///< relative to the experiment folder
    double seconds = 0.0;
    int epochs = 0;
};

struct DatasetResults {
    std::string label, title;
    bool paired = false;
    int test_samples = 0;
    std::vector<ModelResult> results;
};

struct ExperimentResults {
    std::string figure, scale;
    double seconds = 0.0;
    std::vector<DatasetResults> datasets;
};

nlohmann::json to_json(const ExperimentResults &results);

/// Writes the report files into `root`; returns their names. The figure needs Qt (offscreen);
/// when it cannot be drawn the tables are still written and the reason is on stderr.
std::vector<std::string> write_experiment_report(const ExperimentResults &results, const std::filesystem::path &root);

std::string read_text(const std::filesystem::path &path);

} // namespace fs::cli

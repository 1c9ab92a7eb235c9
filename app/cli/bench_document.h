#pragma once
// The document `factorscope-cli bench DIR --json` prints, assembled from finished rows, and its
// text table; `bench show STORE` prints the same from a store.

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace fs::cli {

/// What the document says about the run besides its rows.
struct BenchHeader {
    std::string directory, ordering, settings;
    double tol = 1e-8, budget_seconds = 0.0, seconds = 0.0;
    long long maxiter = 10000;
    int noise_runs = 0;
};

/// {"directory", "ordering", "tol", "maxiter", "rhs", "budget_seconds", "settings", "seconds",
/// "rows", "categories", "within_noise"} from rows in bench::to_json form (in the order given).
nlohmann::json bench_document(const BenchHeader &header, const std::vector<std::string> &rows);

/// The header a settings key (bench::settings_key) describes; fields it lacks keep defaults.
BenchHeader header_from_settings(const std::string &settings);

/// The text table of a document: one line per matrix with each method's iterations, then the
/// category counts.
void print_bench_table(const nlohmann::json &doc, std::ostream &out);

} // namespace fs::cli

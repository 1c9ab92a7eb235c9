#pragma once
// eval.json, written by factorscope-train when a run finishes, read into plain values.
//
//   factor GNNs  {"summary": {"mean_cos", ...}, "samples": [{"name", "n", "cos", "cos_kopt",
//                 "cos_ic0", "pcg": {"predicted" | "kopt" | "ic0" | "none": PCG}}]}
//   gcvae        {"kind": "gcvae", "summary": {"mean_cos", ...}, "samples": [{"name", "n", "cos",
//                 "residual": {method: num}, "pcg": {method: PCG}, "nnz": {method: int}}]}
//   PCG          {"iterations", "converged", "relres", "failure"?}

#include <nlohmann/json.hpp>

#include <cstdint>
#include <limits>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace fs::dataset {

class EvalError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct PcgResult {
    int iterations = 0;
    bool converged = false;
    double relres = std::numeric_limits<double>::quiet_NaN();
    std::string failure; ///< as written; empty when the file has none
};

struct EvalSample {
    static constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    std::string name;
    int n = 0;
    double cos = nan;
    double cos_kopt = nan; ///< factor GNNs
    double cos_ic0 = nan;  ///< factor GNNs
    std::map<std::string, double> residual;     ///< gcvae: ‖I − A R‖_F by method (NaN when not a number)
    std::map<std::string, PcgResult> pcg;       ///< by method; methods whose value is no object are absent
    std::map<std::string, std::int64_t> nnz;    ///< gcvae: nonzeros by method
};

enum class EvalKind { Factor, Gcvae };

struct EvalReport {
    EvalKind kind = EvalKind::Factor;
    double mean_cos = std::numeric_limits<double>::quiet_NaN(); ///< summary.mean_cos
    std::vector<EvalSample> samples;
};

/// Reads an eval.json object; missing or ill-typed members keep their defaults. Throws EvalError
/// when j is not an object.
EvalReport parse_eval(const nlohmann::json &j);
/// The same from the file's text. Throws EvalError for text that is not a JSON object.
EvalReport parse_eval_text(std::string_view text);

} // namespace fs::dataset

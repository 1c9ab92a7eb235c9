#include "learn/evaluation.h"

#include "dataset/eval_report.h"
#include "precond/kind.h"

#include <algorithm>
#include <map>

namespace fs::learn {

using nlohmann::json;
using sparse::Matrix;

sparse::Matrix predicted_factor(const Matrix &A, const torch::Tensor &values)
{
    const torch::Tensor v = values.to(torch::kCPU, torch::kFloat64).contiguous();
    const auto acc = v.accessor<double, 1>();
    std::vector<sparse::Triplet> t;
    std::int64_t k = 0;
    for (Eigen::Index j = 0; j < A.outerSize(); ++j)
        for (Matrix::InnerIterator it(A, j); it; ++it)
            if (it.row() >= j)
                t.emplace_back(static_cast<int>(it.row()), static_cast<int>(j), acc[k++]);
    if (k != v.size(0))
        throw std::invalid_argument("prediction does not match the pattern of tril(A)");
    Matrix L(A.rows(), A.cols());
    L.setFromTriplets(t.begin(), t.end());
    return L;
}

json evaluate_model(FactorGnnImpl &model, const std::vector<Sample> &samples,
                    const std::vector<MatrixGraph> &graphs, torch::Device device)
{
    torch::NoGradGuard noGrad;
    model.eval();
    json out = json::array();
    using precond::PrecondKind;
    const std::string kopt = precond::to_string(PrecondKind::Kopt), ic0 = precond::to_string(PrecondKind::Ic0),
                      none = precond::to_string(PrecondKind::None);
    // The learned factor and the dataset's target next to the reference kinds.
    const std::vector<std::string> methods = {"predicted", kopt, ic0, "target", none};
    std::map<std::string, std::vector<int>> iterations;
    double cosSum = 0.0;
    for (std::size_t k = 0; k < samples.size(); ++k) {
        const Sample &s = samples[k];
        const GraphBatch batch = collate({&graphs[k]}).to(device, torch::kFloat32);
        const Matrix Lp = predicted_factor(s.A, model.forward(batch));
        json row = {{"name", s.name}, {"n", s.A.rows()}};
        const double cos = factor_cosine(Lp, s.L, s.A);
        row["cos"] = cos;
        cosSum += cos;
        std::map<std::string, std::optional<Matrix>> factors;
        factors["predicted"] = Lp;
        factors[kopt] = reference_kopt(s.A);
        factors[ic0] = reference_ic0(s.A);
        factors["target"] = s.L;
        factors[none] = Matrix();
        json pcg = json::object();
        for (const auto &m : methods) {
            if (!factors[m]) {
                pcg[m] = {{"converged", false}, {"failure", m == ic0 ? "breakdown" : "unavailable"}};
                continue;
            }
            const PcgOutcome o = pcg_with_factor(s.A, *factors[m]);
            pcg[m] = pcg_json(o);
            if (o.converged)
                iterations[m].push_back(o.iterations);
        }
        row["pcg"] = pcg;
        if (factors[kopt])
            row["cos_" + kopt] = factor_cosine(*factors[kopt], s.L, s.A);
        if (factors[ic0])
            row["cos_" + ic0] = factor_cosine(*factors[ic0], s.L, s.A);
        out.push_back(std::move(row));
    }
    json summary = {{"samples", samples.size()}};
    summary["mean_cos"] = samples.empty() ? json(nullptr) : json(cosSum / static_cast<double>(samples.size()));
    for (const auto &m : methods) {
        summary["pcg_" + m] = pcg_summary(iterations[m]);
    }
    return {{"samples", out}, {"summary", summary}};
}

} // namespace fs::learn

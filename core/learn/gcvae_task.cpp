// Training and evaluation of the generative SPAI model (model gcvae).
//
// Evaluation (eval.json, "kind": "gcvae", "target": "spai" | "fsai", "pattern": 1 | 2): per test
// matrix the decoded R (or G) at z = 0 ("mean") and the best of `samples` draws z ~ N(0, I)
// ("sampled"). The draws are a pure function of (seed, test index), so eval.json is reproducible.
// "Best" = the smallest value of what the target minimises: ‖I − A R‖_F for SPAI (one sparse
// product per draw), K(G A Gᵀ) for FSAI (kcond_fsai: one sparse product and the log-determinant
// of A), far cheaper than a PCG run and blind to the right-hand side. SPAI inverses are applied in
// PCG as M⁻¹ = (R + Rᵀ)/2 (PCG needs a symmetric M⁻¹; R itself is not symmetric); an indefinite
// (R + Rᵀ)/2 is reported as failure "indefinite_preconditioner", not hidden. FSAI factors are
// applied as M⁻¹ = GᵀG, SPD by construction (the decoded diagonal is positive); each row records
// "spd": whether every decoded G has a positive, finite diagonal. Next to them: none, Jacobi
// (diag(A)⁻¹), IC(0) and the dense K-optimal factor (M = L Lᵀ), and the dataset's own target
// ("spai" or "fsai"). PCG: b = 1, x0 = 0, ‖r‖/‖b‖ <= 1e-8, at most 10000 iterations. "nnz" counts
// the stored entries of the operator each method stores: R or G for the inverses, n for Jacobi,
// tril(A) for the factors. "residual" holds ‖I − A R‖_F (SPAI), "kcond" K(G A Gᵀ) (FSAI).

#include "dataset/eval_report.h"
#include "learn/gcvae.h"
#include "learn/train_task.h"
#include "precond/kcond.h"
#include "precond/kind.h"
#include "precond/spai.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <stdexcept>

namespace fs::learn {

using nlohmann::json;
using sparse::Matrix;

namespace {

class GcvaeTask final : public TrainTask {
public:
    GcvaeTask(const TrainConfig &config, const Dataset &data, torch::Device device)
        : m_config(config), m_data(data), m_device(device), m_target(target_of(config, data)),
          m_model(GcvaeConfig{config.depth, config.hidden, config.latent, m_target.factor})
    {
        for (const auto &s : data.train)
            m_train.push_back(make_spai_graph(s.A, &s.L, m_target));
        for (const auto &s : data.test)
            m_test.push_back(make_spai_graph(s.A, &s.L, m_target));
        m_model->to(device, torch::kFloat32);
    }

    static InverseTarget target_of(const TrainConfig &config, const Dataset &data)
    {
        if (data.manifest.kind != "spai")
            throw std::runtime_error("model gcvae learns sparse approximate inverses: dataset " + config.dataset
                                     + " is of kind '" + data.manifest.kind
                                     + "', make one with factorscope-cli dataset spai");
        if (data.manifest.target != "spai" && data.manifest.target != "fsai")
            throw std::runtime_error("dataset " + config.dataset + " has target '" + data.manifest.target
                                     + "'; model gcvae learns the targets spai and fsai");
        return InverseTarget{data.manifest.target == "fsai", data.manifest.pattern};
    }

    torch::nn::Module &module() override { return *m_model; }
    std::size_t size(bool test) const override { return test ? m_test.size() : m_train.size(); }

    BatchOutcome run(bool test, const std::vector<std::size_t> &members, bool training, std::uint64_t noise) override
    {
        std::vector<const SpaiGraph *> graphs;
        for (std::size_t k : members)
            graphs.push_back(&(test ? m_test : m_train)[k]);
        const SpaiBatch batch = collate_spai(graphs).to(m_device, torch::kFloat32);
        const GcvaeImpl::Encoding enc = m_model->encode(batch);
        // Training samples z by reparameterisation; evaluation decodes the posterior mean.
        // One draw per matrix, seeded by the batch's noise and the matrix: the same draws however
        // the batch is split across data-parallel ranks.
        torch::Tensor z = enc.mu;
        if (training) {
            std::vector<torch::Tensor> eps;
            for (std::size_t k : members)
                eps.push_back(standard_normal(1, enc.mu.size(1), noise * 0x9E3779B97F4A7C15ULL + k));
            z = reparameterise(enc.mu, enc.logvar, torch::cat(eps).to(m_device, torch::kFloat32));
        }
        const torch::Tensor r = m_model->decode(batch, z);
        const GcvaeLoss l = gcvae_loss(batch, r, enc, m_config.beta, m_config.residual_weight);
        // One transfer from the device for all the batch's metrics.
        // "residual" is the ratio² for SPAI (as before FSAI existed) and the objective, the log-K gap,
        // for FSAI; "residual_ratio" is ratio in both.
        const torch::Tensor residual = m_target.factor ? l.objective : l.ratio * l.ratio;
        const torch::Tensor sums = torch::stack({l.cos.sum(), l.recon.sum(), l.kl.sum(), residual.sum(), l.ratio.sum()})
                                       .detach()
                                       .to(torch::kCPU, torch::kFloat64);
        const auto v = sums.accessor<double, 1>();
        BatchOutcome out;
        out.loss = l.total;
        out.score_sum = v[0];
        out.sums = {{"recon", v[1]}, {"kl", v[2]}, {"residual", v[3]}, {"residual_ratio", v[4]}};
        return out;
    }

    json evaluate() override;
    std::string sample_name(bool test, std::size_t k) const override
    {
        return (test ? m_data.test : m_data.train).at(k).name;
    }

private:
    TrainConfig m_config;
    const Dataset &m_data;
    torch::Device m_device;
    InverseTarget m_target;
    Gcvae m_model;
    std::vector<SpaiGraph> m_train, m_test;
};

json GcvaeTask::evaluate()
{
    torch::NoGradGuard noGrad;
    m_model->eval();
    using precond::PrecondKind;
    const auto name = [](PrecondKind kind) { return std::string(precond::to_string(kind)); };
    const bool factor = m_target.factor;
    const std::string own = name(factor ? PrecondKind::Fsai : PrecondKind::Spai);
    // The reference kinds (the dataset's own target as "spai" or "fsai"), then the decoded ones.
    const std::vector<std::string> methods = {name(PrecondKind::None), name(PrecondKind::Jacobi), name(PrecondKind::Ic0),
                                              name(PrecondKind::Kopt), own, "mean", "sampled"};
    // What the target minimises, for choosing the best draw: ‖I − A R‖_F or K(G A Gᵀ) (logdet A
    // computed once per matrix).
    double logdetA = 0.0;
    const auto quality = [factor, &logdetA](const Matrix &A, const Matrix &T) {
        if (!factor)
            return precond::inverse_residual_fro(A, T);
        try {
            return precond::kcond_fsai(A, T, logdetA).K;
        } catch (const std::exception &) { // a singular decoded G
            return std::numeric_limits<double>::infinity();
        }
    };
    const auto pcgWith = [factor](const Matrix &A, const Matrix &T) {
        return factor ? pcg_with_fsai(A, T) : pcg_with_inverse(A, precond::spai_symmetric(T));
    };
    std::map<std::string, std::vector<int>> iterations;
    json rows = json::array();
    double cosSum = 0.0;
    int spdCount = 0;
    for (std::size_t k = 0; k < m_data.test.size(); ++k) {
        const Sample &s = m_data.test[k];
        const SpaiGraph &g = m_test[k];
        const auto S = static_cast<std::int64_t>(m_config.samples);
        const torch::Tensor draws = standard_normal(S, m_config.latent, m_config.seed * 7919ULL + k);
        const torch::Tensor z = torch::cat({torch::zeros({1, m_config.latent}, torch::kFloat64), draws});
        const std::vector<Matrix> decoded = decode_matrices(*m_model, g, z, m_device);
        if (factor)
            logdetA = precond::kcond(s.A).logdet;
        std::size_t best = 1;
        double bestQuality = std::numeric_limits<double>::infinity();
        for (std::size_t d = 1; d < decoded.size(); ++d) {
            const double q = quality(s.A, decoded[d]);
            if (q < bestQuality) {
                bestQuality = q;
                best = d;
            }
        }
        const Matrix &Rmean = decoded[0];
        const Matrix &Rbest = decoded[best];
        json row = {{"name", s.name}, {"n", s.A.rows()}, {"best_sample", static_cast<int>(best) - 1}};
        row[factor ? "kcond" : "residual"] = {
            {"sampled", bestQuality}, {"mean", quality(s.A, Rmean)}, {own, quality(s.A, s.L)}};
        if (factor) {
            bool spd = true;
            for (const Matrix &G : decoded)
                for (Eigen::Index i = 0; i < G.cols(); ++i) {
                    const double d = G.coeff(i, i);
                    spd = spd && d > 0.0 && std::isfinite(d);
                }
            row["spd"] = spd;
            spdCount += spd ? 1 : 0;
        }
        // Cosine on the target's pattern, the same measure the training curves show.
        double dot = 0.0, pp = 0.0, tt = 0.0;
        for (Eigen::Index j = 0; j < Rbest.outerSize(); ++j)
            for (Matrix::InnerIterator it(Rbest, j); it; ++it) {
                const double t = s.L.coeff(it.row(), j);
                dot += it.value() * t;
                pp += it.value() * it.value();
                tt += t * t;
            }
        const double cos = pp > 0.0 && tt > 0.0 ? dot / std::sqrt(pp * tt) : 0.0;
        row["cos"] = cos;
        cosSum += cos;

        json pcg = json::object(), nnz = json::object();
        auto record = [&](const std::string &m, const PcgOutcome &o, std::int64_t stored) {
            pcg[m] = pcg_json(o);
            nnz[m] = stored;
            if (o.converged)
                iterations[m].push_back(o.iterations);
        };
        auto unavailable = [&](const std::string &m, const char *why) {
            pcg[m] = {{"converged", false}, {"iterations", 0}, {"failure", why}};
            nnz[m] = nullptr;
        };
        record(name(PrecondKind::None), pcg_with_factor(s.A, Matrix()), 0);
        record(name(PrecondKind::Jacobi), pcg_with_jacobi(s.A), s.A.rows());
        if (const auto L = reference_ic0(s.A))
            record(name(PrecondKind::Ic0), pcg_with_factor(s.A, *L), L->nonZeros());
        else
            unavailable(name(PrecondKind::Ic0), "breakdown");
        if (const auto L = reference_kopt(s.A))
            record(name(PrecondKind::Kopt), pcg_with_factor(s.A, *L), L->nonZeros());
        else
            unavailable(name(PrecondKind::Kopt), "unavailable");
        record(own, pcgWith(s.A, s.L), s.L.nonZeros());
        record("mean", pcgWith(s.A, Rmean), Rmean.nonZeros());
        record("sampled", pcgWith(s.A, Rbest), Rbest.nonZeros());
        row["pcg"] = pcg;
        row["nnz"] = nnz;
        rows.push_back(std::move(row));
    }
    const std::size_t count = m_data.test.size();
    json summary = {{"samples", count}, {"latent_draws", m_config.samples}};
    summary["mean_cos"] = count ? json(cosSum / static_cast<double>(count)) : json(nullptr);
    if (factor)
        summary["spd"] = spdCount;
    for (const auto &m : methods) {
        summary["pcg_" + m] = pcg_summary(iterations[m]);
    }
    return {{"kind", "gcvae"}, {"target", factor ? "fsai" : "spai"}, {"pattern", m_target.pattern},
            {"samples", rows}, {"summary", summary}};
}

} // namespace

std::unique_ptr<TrainTask> make_gcvae_task(const TrainConfig &config, const Dataset &data, torch::Device device)
{
    return std::make_unique<GcvaeTask>(config, data, device);
}

} // namespace fs::learn

#include "dataset/eval_report.h"

namespace fs::dataset {

using nlohmann::json;

namespace {

double number(const json &o, const char *key)
{
    const auto it = o.find(key);
    return it != o.end() && it->is_number() ? it->get<double>() : std::numeric_limits<double>::quiet_NaN();
}

const json &member(const json &o, const char *key)
{
    static const json none;
    const auto it = o.find(key);
    return it != o.end() ? *it : none;
}

PcgResult pcg_result(const json &o)
{
    PcgResult p;
    const json &it = member(o, "iterations");
    if (it.is_number())
        p.iterations = static_cast<int>(it.get<double>());
    const json &conv = member(o, "converged");
    p.converged = conv.is_boolean() && conv.get<bool>();
    p.relres = number(o, "relres");
    const json &failure = member(o, "failure");
    if (failure.is_string())
        p.failure = failure.get<std::string>();
    return p;
}

} // namespace

EvalReport parse_eval(const json &j)
{
    if (!j.is_object())
        throw EvalError("eval.json is not a JSON object");
    EvalReport r;
    const json &kind = member(j, "kind");
    r.kind = kind.is_string() && kind.get<std::string>() == "gcvae" ? EvalKind::Gcvae : EvalKind::Factor;
    const json &summary = member(j, "summary");
    if (summary.is_object())
        r.mean_cos = number(summary, "mean_cos");
    const json &samples = member(j, "samples");
    if (!samples.is_array())
        return r;
    for (const json &o : samples) {
        EvalSample s;
        if (o.is_object()) {
            const json &name = member(o, "name");
            if (name.is_string())
                s.name = name.get<std::string>();
            const json &n = member(o, "n");
            if (n.is_number())
                s.n = static_cast<int>(n.get<double>());
            s.cos = number(o, "cos");
            s.cos_kopt = number(o, "cos_kopt");
            s.cos_ic0 = number(o, "cos_ic0");
            const json &residual = member(o, "residual");
            if (residual.is_object())
                for (const auto &[method, value] : residual.items())
                    s.residual[method] = value.is_number() ? value.get<double>() : EvalSample::nan;
            const json &pcg = member(o, "pcg");
            if (pcg.is_object())
                for (const auto &[method, value] : pcg.items())
                    if (value.is_object())
                        s.pcg[method] = pcg_result(value);
            const json &nnz = member(o, "nnz");
            if (nnz.is_object())
                for (const auto &[method, value] : nnz.items())
                    if (value.is_number())
                        s.nnz[method] = static_cast<std::int64_t>(value.get<double>());
        }
        r.samples.push_back(std::move(s));
    }
    return r;
}

EvalReport parse_eval_text(std::string_view text)
{
    const json j = json::parse(text.begin(), text.end(), nullptr, false);
    if (j.is_discarded())
        throw EvalError("eval.json is not valid JSON");
    return parse_eval(j);
}

} // namespace fs::dataset

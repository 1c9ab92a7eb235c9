#include "bench/outcome_json.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <stdexcept>

namespace fs::bench {

namespace {

nlohmann::json nullable(const std::string &s)
{
    return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s);
}

std::string text_or_empty(const nlohmann::json &j, const char *key)
{
    const auto it = j.find(key);
    return it == j.end() || it->is_null() ? std::string() : it->get<std::string>();
}

} // namespace

std::string to_json(const MatrixOutcome &o, bool with_history)
{
    nlohmann::json j = {{"name", o.name},         {"group", o.group},
                        {"file", o.file},         {"n", o.n},
                        {"nnz", o.nnz},           {"kind", o.kind},
                        {"category", to_string(o.category)},
                        {"not_spd_reason", nullable(o.not_spd_reason)},
                        {"within_noise", o.within_noise},
                        {"seconds", o.seconds}};
    const bool ran = o.kind == "spd";
    for (PrecondKind m : AllMethods) {
        if (!ran) {
            j[precond::to_string(m)] = nullptr;
            continue;
        }
        const MethodOutcome &r = o.at(m);
        nlohmann::json mj = {{"iterations", r.iterations},
                             {"converged", r.converged},
                             {"failure", nullable(r.failure)},
                             {"detail", nullable(r.detail)},
                             // JSON has no infinity: an overflowing K is reported as null + note.
                             {"kcond", r.kcond && std::isfinite(*r.kcond) ? nlohmann::json(*r.kcond)
                                                                          : nlohmann::json(nullptr)},
                             {"kcond_note", nullable(r.kcond_note)},
                             {"setup_seconds", r.setup_seconds},
                             {"solve_seconds", r.solve_seconds}};
        if (!r.kopt_method.empty())
            mj["method"] = r.kopt_method;
        if (r.iterations_range)
            mj["iterations_range"] = *r.iterations_range;
        if (with_history)
            mj["history"] = r.history;
        j[precond::to_string(m)] = std::move(mj);
    }
    return j.dump();
}

MatrixOutcome from_json(const std::string &text)
{
    try {
        const nlohmann::json j = nlohmann::json::parse(text);
        MatrixOutcome o;
        o.name = j.at("name").get<std::string>();
        o.group = text_or_empty(j, "group");
        o.file = text_or_empty(j, "file");
        o.n = j.at("n").get<long long>();
        o.nnz = j.at("nnz").get<long long>();
        o.kind = j.at("kind").get<std::string>();
        const auto category = parse_category(j.at("category").get<std::string>());
        if (!category)
            throw std::runtime_error("unknown category");
        o.category = *category;
        o.not_spd_reason = text_or_empty(j, "not_spd_reason");
        o.seconds = j.value("seconds", 0.0);
        o.within_noise = j.value("within_noise", false);
        for (PrecondKind m : AllMethods) {
            const auto it = j.find(precond::to_string(m));
            if (it == j.end() || it->is_null())
                continue;
            MethodOutcome &r = o.at(m);
            r.iterations = it->at("iterations").get<int>();
            r.converged = it->at("converged").get<bool>();
            r.failure = text_or_empty(*it, "failure");
            r.detail = text_or_empty(*it, "detail");
            if (const auto k = it->find("kcond"); k != it->end() && !k->is_null())
                r.kcond = k->get<double>();
            r.kcond_note = text_or_empty(*it, "kcond_note");
            r.kopt_method = text_or_empty(*it, "method");
            r.setup_seconds = it->value("setup_seconds", 0.0);
            r.solve_seconds = it->value("solve_seconds", 0.0);
            if (const auto rg = it->find("iterations_range"); rg != it->end() && !rg->is_null())
                r.iterations_range = rg->get<std::array<int, 2>>();
            if (const auto h = it->find("history"); h != it->end())
                r.history = h->get<std::vector<double>>();
        }
        return o;
    } catch (const nlohmann::json::exception &e) {
        throw std::runtime_error(std::string("malformed benchmark outcome: ") + e.what());
    }
}

} // namespace fs::bench

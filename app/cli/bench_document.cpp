#include "cli/bench_document.h"

#include "bench/outcome.h"
#include "bench/runner.h"
#include "precond/kind.h"

#include <array>
#include <iomanip>
#include <ostream>
#include <sstream>

namespace fs::cli {

nlohmann::json bench_document(const BenchHeader &h, const std::vector<std::string> &rows)
{
    nlohmann::json doc = {{"directory", h.directory},
                          {"ordering", h.ordering},
                          {"tol", h.tol},
                          {"maxiter", h.maxiter},
                          {"rhs", "ones"},
                          {"budget_seconds", h.budget_seconds},
                          {"settings", h.settings},
                          {"seconds", h.seconds}};
    nlohmann::json list = nlohmann::json::array();
    std::array<int, bench::CategoryCount> counts{};
    int withinNoise = 0;
    for (const std::string &row : rows) {
        nlohmann::json r = nlohmann::json::parse(row);
        ++counts[std::size_t(*bench::parse_category(r["category"].get<std::string>()))];
        withinNoise += r.value("within_noise", false) ? 1 : 0;
        list.push_back(std::move(r));
    }
    doc["rows"] = std::move(list);
    nlohmann::json summary = nlohmann::json::object();
    for (int c = 0; c < bench::CategoryCount; ++c)
        summary[bench::to_string(bench::Category(c))] = counts[std::size_t(c)];
    doc["categories"] = summary;
    // Matrices whose fewer/tie category is decided inside the IC(0) and K-optimal noise ranges;
    // they are still counted in their category above.
    doc["within_noise"] = h.noise_runs > 0 ? nlohmann::json(withinNoise) : nlohmann::json(nullptr);
    return doc;
}

BenchHeader header_from_settings(const std::string &settings)
{
    BenchHeader h;
    h.settings = settings;
    std::istringstream in(settings);
    std::string field;
    while (std::getline(in, field, ';')) {
        const auto eq = field.find('=');
        if (eq == std::string::npos)
            continue;
        const std::string key = field.substr(0, eq), value = field.substr(eq + 1);
        try {
            if (key == "ordering")
                h.ordering = value;
            else if (key == "tol")
                h.tol = std::stod(value);
            else if (key == "maxiter")
                h.maxiter = std::stoll(value);
            else if (key == "budget")
                h.budget_seconds = std::stod(value);
            else if (key == "noise_runs")
                h.noise_runs = std::stoi(value);
        } catch (const std::exception &) {
            // A key written by another version: the field keeps its default.
        }
    }
    return h;
}

void print_bench_table(const nlohmann::json &doc, std::ostream &out)
{
    out << std::left << std::setw(18) << "matrix" << std::right << std::setw(8) << "n";
    for (precond::PrecondKind m : bench::AllMethods)
        out << std::setw(9) << precond::to_string(m);
    out << "  category\n";
    for (const auto &r : doc["rows"]) {
        out << std::left << std::setw(18) << r["name"].get<std::string>() << std::right << std::setw(8)
            << r["n"].get<long long>();
        for (precond::PrecondKind m : bench::AllMethods) {
            const auto &mr = r[precond::to_string(m)];
            out << std::setw(9)
                << (mr.is_null() ? std::string("-")
                    : mr["converged"].get<bool>() ? std::to_string(mr["iterations"].get<int>())
                                                  : std::string("fail"));
        }
        out << "  " << r["category"].get<std::string>() << (r.value("within_noise", false) ? " (within noise)" : "")
            << '\n';
    }
    out << "\n";
    for (const auto &[name, count] : doc["categories"].items())
        out << std::setw(12) << name << ' ' << count.get<int>() << '\n';
    if (!doc["within_noise"].is_null())
        out << std::setw(12) << "within noise" << ' ' << doc["within_noise"].get<int>() << '\n';
    out << "total " << std::fixed << std::setprecision(1) << doc["seconds"].get<double>() << " s\n";
}

} // namespace fs::cli

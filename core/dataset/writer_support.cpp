#include "dataset/writer_support.h"

#include "support/atomic_file.h"

#include "sparse/matrix_market.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <sstream>

namespace fs::dataset::detail {

namespace fsys = std::filesystem;
using nlohmann::json;
using sparse::Matrix;

namespace {

json sample_json(const SampleRef &s)
{
    json j = {{"A", s.A}, {"L", s.L}, {"name", s.name}, {"n", s.n}};
    if (s.seed)
        j["seed"] = *s.seed;
    if (s.pair) {
        j["pair"] = *s.pair;
        j["perturbed"] = s.perturbed;
    }
    if (s.perturbation)
        j["perturbation"] = {{"row", s.perturbation->row + 1},
                             {"col", s.perturbation->col + 1},
                             {"delta", s.perturbation->delta}};
    return j;
}

} // namespace

void begin_writing(const fsys::path &dir)
{
    fsys::create_directories(dir);
    fsys::remove(dir / "manifest.json");
}

void step(const ProgressFunction &progress, const std::stop_token &stop, int done, int total)
{
    if (progress)
        progress(done, total);
    if (stop.stop_requested())
        throw DatasetCancelled();
}

void write_pair(const fsys::path &dir, int k, const Matrix &A, const Matrix &L, const std::string &comment,
                SampleRef &ref, const std::string &targetPrefix)
{
    ref.A = "A_" + std::to_string(k) + ".mtx";
    ref.L = targetPrefix + "_" + std::to_string(k) + ".mtx";
    ref.n = static_cast<int>(A.rows());
    sparse::WriteOptions wo;
    wo.comment = comment;
    sparse::write_matrix_market((dir / ref.A).string(), A, wo);
    wo.symmetric_if_possible = false;
    sparse::write_matrix_market((dir / ref.L).string(), L, wo);
}

void write_manifest(const Manifest &m, const fsys::path &dir)
{
    json j = {{"format", kManifestFormat}, {"version", 1},      {"kind", m.kind},
              {"target", m.target},              {"count", m.count},  {"seed", m.seed},
              {"paired", m.paired},              {"generator", json::parse(m.generatorJson)}};
    j["n"] = m.n ? json(*m.n) : json(nullptr);
    if (m.kind == "spai")
        j["pattern"] = m.pattern;
    j["train"] = json::array();
    j["test"] = json::array();
    for (const auto &s : m.train)
        j["train"].push_back(sample_json(s));
    for (const auto &s : m.test)
        j["test"].push_back(sample_json(s));
    if (m.kind == "kopt") {
        j["skipped"] = json::array();
        for (const auto &[file, reason] : m.skipped)
            j["skipped"].push_back({{"file", file}, {"reason", reason}});
    }
    try {
        support::write_file_atomic(dir / "manifest.json", j.dump(2) + "\n");
    } catch (const support::WriteError &e) {
        throw DatasetError(e.what());
    }
}

PairPerturbation perturbation_of(const Matrix &A, sparse::Index row, sparse::Index col, double rel,
                                 std::string &why)
{
    why.clear();
    const std::string where = "(" + std::to_string(row + 1) + "," + std::to_string(col + 1) + ")";
    if (row < 0 || col < 0 || row >= A.rows() || col >= A.cols()) {
        why = "the perturbed entry " + where + " lies outside the " + std::to_string(A.rows()) + "x"
              + std::to_string(A.cols()) + " matrix";
        return {};
    }
    std::optional<double> value;
    for (Matrix::InnerIterator it(A, col); it; ++it)
        if (it.row() == row)
            value = it.value();
    if (!value) {
        why = "the perturbed entry " + where + " is not a stored entry of A";
        return {};
    }
    const double delta = rel * *value;
    if (!(delta != 0.0) || !std::isfinite(delta)) {
        why = "the perturbation of entry " + where + " is " + std::to_string(delta) + " (A" + where + " = "
              + std::to_string(*value) + ", relative change " + std::to_string(rel) + "): it must be a nonzero number";
        return {};
    }
    return {row, col, delta};
}

Matrix perturbed_matrix(const Matrix &A, const PairPerturbation &p)
{
    Matrix out = A;
    out.coeffRef(p.row, p.col) += p.delta;
    if (p.row != p.col)
        out.coeffRef(p.col, p.row) += p.delta;
    out.makeCompressed();
    return out;
}

std::string perturbation_text(const PairPerturbation &p)
{
    std::ostringstream os;
    os.precision(17);
    os << "A(" << p.row + 1 << "," << p.col + 1 << ") += " << p.delta;
    if (p.row != p.col)
        os << " (and its mirror)";
    return os.str();
}

} // namespace fs::dataset::detail

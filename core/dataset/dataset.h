#pragma once
// Training sets of (A, L) and (A, R) pairs on disk: Matrix Market files plus manifest.json.
//
// manifest.json (schema "factorscope-dataset", version 1):
//   format      "factorscope-dataset"
//   version     1
//   kind        "synthetic" | "kopt" | "spai"
//   target      "perturbed" (L = chol(A + e1 e1ᵀ), eq. 8 as corrected in the brief),
//               "literal" (L = chol(A) of the unperturbed A, eq. 8 as printed), "cholesky" (paired
//               synthetic: each sample's own factor), "kopt" or "spai" (the sparse approximate
//               inverse R of A, see below)
//   count       number of samples (train + test)
//   n           matrix order (synthetic, spai), null when the orders differ
//   seed        base seed (synthetic: base matrix k uses seed + k, i.e. sample k, or both samples
//               of pair k when paired; spai: the generator of sample k gets seed + k)
//   generator   {"name": "semiseparable", "growth": rho, "spread": s},
//               {"name": "counterexample", "sigma": s} or {"name": "laplacian", "sigma": s}
//               (synthetic, see SyntheticOptions),
//               {"name": "kopt", "source": DIR} (kopt) or
//               {"name": "diffusion2d" | "biharmonic2d" | "mixed", "side": N, "sigma": s,
//                "length": l} (spai; mixed alternates diffusion2d and biharmonic2d, even k first)
//   paired      whether the samples come in perturbation pairs (absent in older manifests: false)
//   train, test arrays of {"A": "A_k.mtx", "L": "L_k.mtx", "name": str, "n": int, "seed": int?,
//               "pair": int?, "perturbed": bool?, "perturbation": {"row", "col", "delta"}?}
//   skipped     (kopt) array of {"file": str, "reason": str}
// Paired datasets: the two samples of pair k, (A, L) and (A', L') with
// A' = A + δ(e_p e_qᵀ + e_q e_pᵀ) (δ e_p e_pᵀ when p = q), share "pair": k and the same
// "perturbation" (the location p = row, q = col, 1-based, and δ); "perturbed" is true for A'. Both
// lie in the same split. The targets are the factors of A and A' themselves (no e1 e1ᵀ shift).
// Paths are relative to the manifest's folder. A is stored symmetric (full matrix, lower triangle
// in the file), L lower triangular with the pattern of tril(A). SciPy: scipy.io.mmread.
// For target "spai" the "L" entry (file R_k.mtx) is not a triangular factor: it is the sparse
// approximate inverse R (argmin ||A R - I||_F on the pattern of A), stored general (R is not
// symmetric), with its pattern inside that of the full A. For target "fsai" (file G_k.mtx) it is
// the lower-triangular FSAI factor G (M⁻¹ = GᵀG) on the pattern of tril(A). Kind "spai" has
//   pattern     1 (the default when absent): the pattern of A, as above; 2: that of A² instead.

#include "sparse/matrix.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <stop_token>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace fs::dataset {

/// A dataset that cannot be read or written; what() says which file and why.
class DatasetError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Writing stopped because the caller's stop token was triggered; no manifest.json was written.
class DatasetCancelled : public DatasetError {
public:
    DatasetCancelled() : DatasetError("dataset generation cancelled") {}
};

/// Called after each sample is written (kopt: after each candidate file) with (done, total).
using ProgressFunction = std::function<void(int done, int total)>;

/// A' = A + delta (e_row e_colᵀ + e_col e_rowᵀ), or A + delta e_row e_rowᵀ when row == col.
/// 0-based in memory, 1-based in manifest.json.
struct PairPerturbation {
    sparse::Index row = 0, col = 0;
    double delta = 0.0;
};

struct SampleRef {
    std::string A, L, name;
    int n = 0;
    std::optional<std::uint64_t> seed;
    std::optional<int> pair;                       ///< shared by the two samples of a pair
    bool perturbed = false;                        ///< this sample is A' of its pair
    std::optional<PairPerturbation> perturbation;  ///< the pair's perturbation (both samples)
};

struct Manifest {
    std::string kind, target;
    int pattern = 1; ///< kind "spai": the targets' pattern is that of A (1) or of A² (2)
    int count = 0;
    bool paired = false;
    std::optional<int> n;
    std::uint64_t seed = 0;
    std::string generatorJson = "{}"; ///< the generator object, serialized
    std::vector<SampleRef> train, test;
    std::vector<std::pair<std::string, std::string>> skipped; ///< (file, reason)
};

struct Sample {
    sparse::Matrix A; ///< full symmetric matrix
    /// Lower-triangular target, pattern of tril(A). Target "spai": R on the pattern of A (or A²);
    /// target "fsai": G on the pattern of tril(A) (or tril(A²)).
    sparse::Matrix L;
    std::string name;
    std::optional<int> pair;
    bool perturbed = false;
    std::optional<PairPerturbation> perturbation;
};

struct Dataset {
    Manifest manifest;
    std::vector<Sample> train, test;
};

/// The synthetic families (all tridiagonal, so that every factor has the pattern of tril(A)):
///   semiseparable   the benchmark of [P1] §5.1 (sparse::semiseparable: growth, spread);
///   counterexample  the randomised Theorem 2.1 family (sparse::random_counterexample: sigma);
///   laplacian       a local contrast: the weighted 1D path Laplacian (sparse::weighted_path_laplacian:
///                   sigma).
struct SyntheticOptions {
    int count = 1200; ///< samples (paired: 2 per base matrix, even)
    int test = 200;   ///< of them in the test set (paired: even)
    int n = 100;
    std::uint64_t seed = 1;
    std::string family = "semiseparable"; ///< semiseparable | counterexample | laplacian
    bool literal = false; ///< unpaired: target chol(A) instead of chol(A + e1 e1ᵀ)
    double growth = 1.25;
    double spread = 2.0;
    double sigma = 0.3; ///< counterexample, laplacian: log-normal spread of the random factors
    /// Samples (A, chol(A)) and (A', chol(A')) per base matrix instead of (A + e1 e1ᵀ, target).
    bool paired = false;
    sparse::Index perturb_row = 0, perturb_col = 0; ///< 0-based; off-diagonal: a stored entry of A
    double perturb_rel = 1.0; ///< δ = perturb_rel · A(row, col)
};

/// Generates a synthetic family into `outDir` (created if missing). Unpaired, sample k is
/// A + e1 e1ᵀ of base matrix k with target chol(A + e1 e1ᵀ) ("perturbed") or the factor of the
/// unperturbed A ("literal"); paired, base matrix k gives samples 2k (A, chol(A)) and 2k + 1
/// (A', chol(A')) of pair k. Factors known in closed form come from the generator, factors of
/// perturbed matrices from the tridiagonal recurrence continued from the unperturbed factor at the
/// perturbed row (the rows above it do not change). The first count − test samples are the
/// training set. Throws DatasetError (an A' that is not SPD names its sample) / GeneratorError.
/// A stale manifest.json in `outDir` is removed first, and the new one is written last, so a
/// cancelled or failed run (DatasetCancelled when `stop` is requested) leaves none.
Manifest write_synthetic_dataset(const SyntheticOptions &options, const std::string &outDir,
                                 const ProgressFunction &progress = {}, std::stop_token stop = {});

/// Computes a factor for one matrix, or throws with the reason it was skipped.
using FactorFunction = std::function<sparse::Matrix(const sparse::Matrix &)>;

struct KoptOptions {
    int test = -1;         ///< test samples; -1 = one in six (the 1000/200 ratio), at least 1 if >= 2
    std::uint64_t seed = 1; ///< shuffles the files before the split
    /// Each file gives the pair (A, factor(A)), (A', factor(A')); test then counts samples (even)
    /// and -1 means one pair in six.
    bool paired = false;
    sparse::Index perturb_row = 0, perturb_col = 0; ///< 0-based; off-diagonal: a stored entry of A
    double perturb_rel = 1.0; ///< δ = perturb_rel · A(row, col)
};

/// Pairs every readable SPD .mtx/.mtx.gz in `fromDir` with `factor(A)` (the K-optimal factor)
/// and writes them to `outDir`. Files that fail to read, are not SPD or whose factor throws are
/// recorded in manifest.skipped; paired, so are files whose perturbation is outside the matrix or
/// off its pattern, or whose A' is not SPD. Throws DatasetError when nothing is left.
Manifest write_kopt_dataset(const std::string &fromDir, const std::string &outDir,
                            const FactorFunction &factor, const KoptOptions &options = {},
                            const ProgressFunction &progress = {}, std::stop_token stop = {});

struct SpaiDatasetOptions {
    int count = 240;
    int test = 40;
    int side = 32; ///< grid side: matrices of order side²
    std::uint64_t seed = 1;
    std::string problem = "diffusion"; ///< "diffusion" | "biharmonic" | "mixed" (alternating)
    double sigma = 1.0;  ///< of the log-normal coefficient field
    double length = 0.1; ///< its correlation length
    /// "spai": R = argmin ‖A R − I‖_F; "fsai": the lower-triangular FSAI factor G, M⁻¹ = GᵀG.
    std::string target = "spai";
    int pattern = 1; ///< the targets live on the pattern of A (1) or of A² (2; FSAI: its lower triangle)
};

/// Pairs (A, R) where R is the SPAI or FSAI target of A on the pattern of A or A² (computed by the
/// caller's function, which must match options.target and options.pattern: this library is built
/// without core/precond), A from diffusion2d / biharmonic2d. Sample k uses seed + k; the first
/// count − test samples are the training set. Throws DatasetError (also for a target outside the
/// promised pattern) / GeneratorError.
Manifest write_spai_dataset(const SpaiDatasetOptions &options, const std::string &outDir,
                            const FactorFunction &spai, const ProgressFunction &progress = {},
                            std::stop_token stop = {});

/// Reads manifest.json of `dir` (or the manifest file itself) and every matrix it lists.
/// Checks sizes, that L is lower triangular on A's order (target "spai": that R's pattern lies
/// inside A's) and that no pair has more than two samples or straddles the split. Throws
/// DatasetError.
Dataset load_dataset(const std::string &dirOrManifest);

/// Manifest only (no matrices), with the pair checks of load_dataset. Throws DatasetError.
Manifest read_manifest(const std::string &dirOrManifest);
/// The manifest in `text`, as read_manifest; `where` names it in errors. Throws DatasetError.
Manifest parse_manifest(std::string_view text, const std::string &where);

} // namespace fs::dataset

namespace fs::learn {
// The trainer's names for the dataset types.
using dataset::Dataset;
using dataset::DatasetError;
using dataset::FactorFunction;
using dataset::KoptOptions;
using dataset::Manifest;
using dataset::PairPerturbation;
using dataset::Sample;
using dataset::SampleRef;
using dataset::SpaiDatasetOptions;
using dataset::SyntheticOptions;
using dataset::load_dataset;
using dataset::read_manifest;
using dataset::write_kopt_dataset;
using dataset::write_spai_dataset;
using dataset::write_synthetic_dataset;
} // namespace fs::learn

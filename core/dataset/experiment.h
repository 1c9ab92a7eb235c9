#pragma once
// Figures 3 and 4 of [P1] as one experiment each: which datasets, models, depths and training
// settings. factorscope-cli experiment runs a spec, the GUI offers the same specs as sweep presets,
// so both mean the same thing by "fig3, quick".
//
//   fig3  the randomised Thm 2.1 counterexample as perturbation pairs (A₁₁ doubled) — the data on
//         which locality is provably limiting — and, as the contrast, the unpaired semiseparable set
//         the seed paper trains on (every sample perturbed the same way, so it is locally learnable).
//   fig4  K-optimal factors of the bundled SuiteSparse benchmark (or --from DIR), as pairs.
//   quick finishes within 45 minutes on 2 CPU cores (small matrices, 40 epochs; fig4: the
//         benchmark's matrices up to 500 rows);
//   paper [P1] §6: 1000 + 200 samples of order 100, 300 epochs, lr 1e-3 × 0.6 every 50, patience
//         50, batch 16 (synthetic) / 8 (K-optimal; matrices up to 4000 rows, the dense K-optimal
//         factor's limit).

#include "dataset/dataset.h"
#include "dataset/run_config.h"

#include <string>
#include <vector>

namespace fs::dataset {

enum class ExperimentFigure { Fig3, Fig4 };
enum class ExperimentScale { Quick, Paper };

struct ExperimentDataset {
    std::string label;       ///< folder name and table column: "counterexample", "semiseparable", "kopt"
    std::string title;       ///< for figures: "counterexample pairs (A₁₁ doubled)"
    bool kopt = false;       ///< a K-optimal set of `from`; otherwise synthetic
    SyntheticOptions synthetic;
    KoptOptions koptOptions;
    std::string from;        ///< kopt: the folder of matrices
    int max_n = 0;           ///< kopt: larger matrices are skipped (0: no limit)
    int batch_size = 16;
};

struct ExperimentSpec {
    ExperimentFigure figure = ExperimentFigure::Fig3;
    ExperimentScale scale = ExperimentScale::Quick;
    std::vector<ExperimentDataset> datasets;
    std::vector<std::string> models; ///< [P1]'s six node models
    std::vector<int> depths;         ///< 1, 3, 5, 7
    RunConfig training;              ///< epochs, lr, schedule, patience, hidden (dataset, model, depth unset)
};

/// The spec of one figure at one scale; `koptFrom` is the matrix folder of fig4.
ExperimentSpec experiment_spec(ExperimentFigure figure, ExperimentScale scale, const std::string &koptFrom);

/// "fig3" / "fig4", "quick" / "paper".
std::string to_string(ExperimentFigure figure);
std::string to_string(ExperimentScale scale);

} // namespace fs::dataset

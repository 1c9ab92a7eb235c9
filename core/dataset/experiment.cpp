#include "dataset/experiment.h"

namespace fs::dataset {

std::string to_string(ExperimentFigure figure)
{
    return figure == ExperimentFigure::Fig3 ? "fig3" : "fig4";
}

std::string to_string(ExperimentScale scale)
{
    return scale == ExperimentScale::Quick ? "quick" : "paper";
}

ExperimentSpec experiment_spec(ExperimentFigure figure, ExperimentScale scale, const std::string &koptFrom)
{
    const bool paper = scale == ExperimentScale::Paper;
    ExperimentSpec spec;
    spec.figure = figure;
    spec.scale = scale;
    spec.models = node_model_names();
    spec.depths = {1, 3, 5, 7};
    spec.training.epochs = paper ? 300 : 40;
    spec.training.lr = paper ? 1e-3 : 3e-3;
    spec.training.lr_step = 50;
    spec.training.lr_gamma = 0.6;
    spec.training.patience = paper ? 50 : 0;
    spec.training.hidden = 16;
    spec.training.seed = 1;

    if (figure == ExperimentFigure::Fig3) {
        ExperimentDataset pairs;
        pairs.label = "counterexample";
        pairs.title = "counterexample pairs (A11 doubled)";
        pairs.synthetic.family = "counterexample";
        pairs.synthetic.paired = true;
        pairs.synthetic.n = paper ? 100 : 40;
        pairs.synthetic.count = paper ? 1200 : 128;
        pairs.synthetic.test = paper ? 200 : 32;
        pairs.synthetic.seed = 1;
        pairs.batch_size = 16;
        ExperimentDataset contrast = pairs;
        contrast.label = "semiseparable";
        contrast.title = "semiseparable, unpaired (the seed paper's data)";
        contrast.synthetic.family = "semiseparable";
        contrast.synthetic.paired = false;
        spec.datasets = {pairs, contrast};
    } else {
        ExperimentDataset kopt;
        kopt.label = "kopt";
        kopt.title = "K-optimal pairs of the benchmark (A11 doubled)";
        kopt.kopt = true;
        kopt.from = koptFrom;
        kopt.koptOptions.paired = true;
        kopt.koptOptions.seed = 1;
        kopt.batch_size = 8;
        kopt.max_n = paper ? 4000 : 500; // quick: 1138_bus and gr_30_30 alone took half of 60 min
        spec.datasets = {kopt};
    }
    return spec;
}

} // namespace fs::dataset

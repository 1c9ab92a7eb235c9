#include "cli/commands.h"

namespace fs::cli {

const std::vector<Command> &commands()
{
    static const std::vector<Command> table = {
        {"info", "size, nonzeros and symmetry of a Matrix Market file", &cmd_info},
        {"generate", "write a generated SPD matrix (Laplacians, counterexample, semiseparable, ...)", &cmd_generate},
        {"perturb", "change one entry of A and measure how far the factor changes (locality)", &cmd_perturb},
        {"factor", "IC(0), K-optimal, SPAI, Jacobi or Cholesky factor of an SPD matrix", &cmd_factor},
        {"pcg", "preconditioned conjugate gradients with a chosen preconditioner", &cmd_pcg},
        {"dataset", "write training pairs: (A, L) synthetic (paired or not) or K-optimal, (A, R) SPAI or (A, G) FSAI", &cmd_dataset},
        {"bound", "the best cosine a k-layer GNN can reach on the perturbation pairs of a dataset", &cmd_bound},
        {"bench", "run none, Jacobi, IC(0), K-optimal, SPAI and FSAI on every matrix of a folder (Figure 2); merge and show stores", &cmd_bench},
        {"experiment", "Figure 3 or 4: datasets, six models at depths 1-7, figure and table against the bound", &cmd_experiment},
        {"submit", "a benchmark (shards + merge) or a training sweep as Slurm array jobs", &cmd_submit},
    };
    return table;
}

} // namespace fs::cli

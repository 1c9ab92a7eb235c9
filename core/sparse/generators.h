#pragma once
// Matrix generators for the experiments of the brief (§2, §3): model problems whose factor is known
// in closed form, and random SPD families. Every random generator is a pure function of its seed:
// it uses std::mt19937_64 and hand-written distribution transforms, because the std distributions
// produce different sequences on different standard libraries.

#include "sparse/matrix.h"

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

namespace fs::sparse {

/// A generated SPD matrix, with its Cholesky factor when it is known exactly.
struct GeneratedMatrix {
    Matrix A;                      ///< full symmetric matrix
    std::optional<Matrix> exact_L; ///< lower-triangular L with A = L Lᵀ (natural order), if known
    std::string description;       ///< one line, e.g. "poisson2d 100x100 (5-point, Dirichlet)"
};

/// The invalid-argument error of every generator (negative sizes, zero degree, shift <= 0, ...).
class GeneratorError : public std::invalid_argument {
public:
    using std::invalid_argument::invalid_argument;
};

/// tridiag(-1, 2, -1) of order n >= 1, with its exact factor
/// L_ii = sqrt((i+1)/i), L_{i+1,i} = -sqrt(i/(i+1)) (1-based i).
GeneratedMatrix laplacian1d(Index n);

/// Theorem 2.1 of [P1]: L_ii = 1/i, L_{i,i-1} = 1 for i >= 2, A = L Lᵀ (A_11 = 1,
/// A_ii = 1 + 1/i², A_{i+1,i} = 1/i). det A = (1/n!)²: once A is rounded to double it is not
/// positive definite for n >= 12, so exact_L is the only trustworthy unperturbed factor.
GeneratedMatrix counterexample(Index n);

/// The randomised Theorem 2.1 family: L_ii = a_i / i, L_{i,i-1} = b_i (1-based i, i >= 2), A = L Lᵀ,
/// with a_i, b_i log-normal, exp(sigma z) for standard normal z (iid, median 1). sigma = 0 gives
/// exactly counterexample(n). As there, A is violently ill-conditioned and exact_L is the only
/// trustworthy factor of it; A + δ e_1 e_1ᵀ (δ > 0) is well conditioned.
GeneratedMatrix random_counterexample(Index n, std::uint64_t seed, double sigma);

/// Weighted 1D path Laplacian with Dirichlet ends: edge weights w_0..w_n (w_0 ties row 1 to the
/// left boundary, w_n row n to the right one), A_ii = w_{i-1} + w_i, A_{i+1,i} = -w_i (1-based i),
/// w log-normal exp(sigma z) (iid, median 1). sigma = 0 gives exactly tridiag(-1, 2, -1). A local
/// problem: a diagonally dominant M-matrix whose factor reacts to a change of one entry only
/// nearby. No exact factor is returned (the recurrence is well conditioned).
GeneratedMatrix weighted_path_laplacian(Index n, std::uint64_t seed, double sigma);

/// Parameters of the rank-1 semiseparable family (see semiseparable()).
struct SemiseparableParams {
    double growth = 1.25; ///< rho: geometric growth of u (and decay of v) per index
    double spread = 2.0;  ///< a_i, b_i are log-uniform in [1/spread, spread]
};

/// Synthetic benchmark of [P1] §5.1: T = tril(u vᵀ), L = T⁻¹ (lower bidiagonal), A = L Lᵀ.
///
/// Distribution: u_i = rho^(i-1) a_i, v_i = rho^-(i-1) b_i with a_i, b_i log-uniform in
/// [1/spread, spread], independent. Then L_ii = 1/(a_i b_i) and L_{i+1,i} = -rho/(a_i b_{i+1}) stay
/// O(1), while (L⁻¹)_ij = rho^(i-j) a_i b_j grows away from the diagonal: A + e₁e₁ᵀ changes every
/// column of L by a factor of about rho, i.e. the change does not decay (a randomised
/// counterexample). With iid u, v (rho = 1) the relative change would decay like 1/i instead.
/// Measured share of ‖ΔL‖² beyond 7 hops for A₁₁ += 1 (n = 100, seeds 1..20, defaults):
/// median 0.90 (min 0.77, max 0.94); with rho = 1 the median is 0.09, with rho = 1.1 it is 0.71.
/// The recurrence for A is ill-conditioned (amplification rho² per step), the one for A + e₁e₁ᵀ
/// is damped; exact_L holds L = T⁻¹.
GeneratedMatrix semiseparable(Index n, std::uint64_t seed, const SemiseparableParams &params = {});

/// 5-point Laplacian on an nx-by-ny grid with Dirichlet boundary (diagonal 4), row-major
/// numbering k = x + nx*y.
GeneratedMatrix poisson2d(Index nx, Index ny);

/// 7-point Laplacian on an nx-by-ny-by-nz grid with Dirichlet boundary (diagonal 6),
/// k = x + nx*(y + ny*z).
GeneratedMatrix poisson3d(Index nx, Index ny, Index nz);

/// Laplacian of a random simple graph plus shift·I (SPD for shift > 0). The graph has
/// round(n*degree/2) edge draws between uniformly chosen distinct vertices (duplicates merged), so
/// the mean degree is about `degree`; every edge has weight 1.
GeneratedMatrix graph_laplacian(Index n, int degree, double shift, std::uint64_t seed);

/// Log-normal coefficient field k(x) = exp(sigma * g(x)) on the unit square, g a smooth Gaussian
/// random field with correlation length `length`: g(x) = sqrt(2/modes) Σ cos(w_m·x + φ_m) with wave
/// vectors w_m ~ N(0, I/length²) and phases φ_m uniform in [0, 2π) (random Fourier features of the
/// covariance exp(-|r|²/(2 length²))), so that g has mean 0 and variance 1 at every point.
struct RandomFieldParams {
    double sigma = 1.0;  ///< standard deviation of log k (>= 0; 0 gives k = 1)
    double length = 0.1; ///< correlation length (> 0)
    int modes = 64;      ///< cosine modes (>= 1)
};

/// -div(k grad u) on the unit square with side x side interior unknowns: 5-point finite volumes,
/// face coefficients the harmonic mean of k at the two nodes they join (boundary nodes included),
/// Dirichlet boundary. Unknown x + side*y (0 <= x, y < side) is grid node (x + 1, y + 1); grid node
/// (i, j), 0 <= i, j <= side + 1, sits at (i, j) / (side + 1). No h² factor, so that sigma = 0
/// gives exactly poisson2d(side, side) (diagonal 4). A symmetric M-matrix: off-diagonals < 0,
/// row sums >= 0 (> 0 next to the boundary).
GeneratedMatrix diffusion2d(Index side, std::uint64_t seed, const RandomFieldParams &p = {});

/// Fourth order: B = L diag(k) L with L = poisson2d(side, side) and k the log-normal field of
/// diffusion2d() (same seed, same field) at the interior nodes: Δ(k Δu) with u = Δu = 0 on the
/// boundary, a 13-point stencil. SPD; sigma = 0 gives exactly L*L.
GeneratedMatrix biharmonic2d(Index side, std::uint64_t seed, const RandomFieldParams &p = {});

} // namespace fs::sparse

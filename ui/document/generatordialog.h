#pragma once

#include "document/matrixdocument.h"

#include <QDialog>

#include <memory>

class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QSpinBox;

namespace fs::ui {

// Which generator of core/sparse/generators.h to run, with its parameters.
struct GeneratorRequest {
    enum class Kind {
        Laplacian1d,
        Counterexample,
        Semiseparable,
        Poisson2d,
        Poisson3d,
        GraphLaplacian,
        Diffusion2d,
        Biharmonic2d
    };
    Kind kind = Kind::Counterexample;
    int n = 200;       ///< order (1D kinds, graph)
    int nx = 100, ny = 100, nz = 20; ///< nx is also the grid side of Diffusion2d and Biharmonic2d
    int degree = 4;
    double shift = 0.01;
    double growth = 1.25;
    double spread = 2.0;
    double sigma = 1.0;  ///< std. deviation of log k (Diffusion2d, Biharmonic2d)
    double length = 0.1; ///< correlation length of log k
    quint64 seed = 1;

    /// Names used on the command line: laplacian1d, counterexample, semiseparable, poisson2d,
    /// poisson3d, graph, diffusion2d, biharmonic2d.
    static bool kindFromName(const QString &name, Kind *kind);
};

// A generated matrix as a document, with the exact factor when the generator knows it.
struct GeneratedDocument {
    MatrixDocumentPtr document;
    std::shared_ptr<const fs::sparse::Matrix> exactFactor;
};

// Matrix ▸ New from Generator…
class GeneratorDialog : public QDialog
{
    Q_OBJECT

public:
    explicit GeneratorDialog(QWidget *parent = nullptr);

    GeneratorRequest request() const;
    /// Runs the generator. Throws fs::sparse::GeneratorError for invalid parameters.
    static GeneratedDocument generate(const GeneratorRequest &request);
    /// Document name, e.g. "counterexample n=200".
    static QString nameOf(const GeneratorRequest &request);

private:
    void updateRows();

    QFormLayout *m_form;
    QComboBox *m_kind;
    QSpinBox *m_n, *m_nx, *m_ny, *m_nz, *m_side, *m_degree, *m_seed;
    QDoubleSpinBox *m_shift, *m_growth, *m_spread, *m_sigma, *m_length;
};

} // namespace fs::ui

#include "document/generatordialog.h"

#include <sparse/generators.h>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QSpinBox>

namespace fs::ui {

using Kind = GeneratorRequest::Kind;

bool GeneratorRequest::kindFromName(const QString &name, Kind *kind)
{
    static const std::pair<const char *, Kind> names[] = {
        {"laplacian1d", Kind::Laplacian1d}, {"counterexample", Kind::Counterexample},
        {"semiseparable", Kind::Semiseparable}, {"poisson2d", Kind::Poisson2d},
        {"poisson3d", Kind::Poisson3d}, {"graph", Kind::GraphLaplacian},
        {"diffusion2d", Kind::Diffusion2d}, {"biharmonic2d", Kind::Biharmonic2d}};
    for (const auto &[text, value] : names) {
        if (name == QLatin1String(text)) {
            *kind = value;
            return true;
        }
    }
    return false;
}

GeneratorDialog::GeneratorDialog(QWidget *parent)
    : QDialog(parent)
    , m_form(new QFormLayout(this))
    , m_kind(new QComboBox)
    , m_n(new QSpinBox), m_nx(new QSpinBox), m_ny(new QSpinBox), m_nz(new QSpinBox), m_side(new QSpinBox)
    , m_degree(new QSpinBox), m_seed(new QSpinBox)
    , m_shift(new QDoubleSpinBox), m_growth(new QDoubleSpinBox), m_spread(new QDoubleSpinBox)
    , m_sigma(new QDoubleSpinBox), m_length(new QDoubleSpinBox)
{
    setWindowTitle(tr("New Matrix from Generator"));
    m_kind->addItem(tr("1D Laplacian tridiag(−1, 2, −1)"), int(Kind::Laplacian1d));
    m_kind->addItem(tr("Counterexample of Theorem 2.1 (exact factor)"), int(Kind::Counterexample));
    m_kind->addItem(tr("Rank-1 semiseparable inverse factor (§5.1)"), int(Kind::Semiseparable));
    m_kind->addItem(tr("2D Poisson, 5-point"), int(Kind::Poisson2d));
    m_kind->addItem(tr("3D Poisson, 7-point"), int(Kind::Poisson3d));
    m_kind->addItem(tr("Random graph Laplacian + shift·I"), int(Kind::GraphLaplacian));
    m_kind->addItem(tr("2D diffusion −∇·(k∇u), log-normal k"), int(Kind::Diffusion2d));
    m_kind->addItem(tr("2D biharmonic L·diag(k)·L, log-normal k"), int(Kind::Biharmonic2d));
    m_kind->setCurrentIndex(1);

    const GeneratorRequest d;
    m_n->setRange(1, 10'000'000);
    m_n->setValue(d.n);
    for (QSpinBox *box : {m_nx, m_ny, m_nz})
        box->setRange(1, 100'000);
    m_nx->setValue(d.nx);
    m_ny->setValue(d.ny);
    m_nz->setValue(d.nz);
    m_degree->setRange(1, 1000);
    m_degree->setValue(d.degree);
    m_seed->setRange(0, std::numeric_limits<int>::max());
    m_seed->setValue(int(d.seed));
    m_shift->setDecimals(6);
    m_shift->setRange(1e-6, 1e6);
    m_shift->setValue(d.shift);
    m_growth->setDecimals(3);
    m_growth->setRange(0.01, 100);
    m_growth->setValue(d.growth);
    m_spread->setDecimals(3);
    m_spread->setRange(1, 100);
    m_spread->setValue(d.spread);
    // The random-coefficient grids: order side², and SPAI/K-optimal cost grows quickly with it.
    m_side->setRange(1, 2000);
    m_side->setValue(32);
    m_sigma->setDecimals(3);
    m_sigma->setRange(0, 10);
    m_sigma->setSingleStep(0.1);
    m_sigma->setValue(d.sigma);
    m_sigma->setToolTip(tr("Standard deviation of log k; 0 gives the constant-coefficient operator."));
    m_length->setDecimals(4);
    m_length->setRange(0.001, 10);
    m_length->setSingleStep(0.01);
    m_length->setValue(d.length);
    m_length->setToolTip(tr("Correlation length of log k on the unit square."));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &GeneratorDialog::updateRows);

    m_form->addRow(tr("Generator:"), m_kind);
    m_form->addRow(tr("Order n:"), m_n);
    m_form->addRow(tr("Grid nx:"), m_nx);
    m_form->addRow(tr("Grid ny:"), m_ny);
    m_form->addRow(tr("Grid nz:"), m_nz);
    m_form->addRow(tr("Grid side:"), m_side);
    m_form->addRow(tr("Mean degree:"), m_degree);
    m_form->addRow(tr("Shift:"), m_shift);
    m_form->addRow(tr("Growth ρ:"), m_growth);
    m_form->addRow(tr("Spread:"), m_spread);
    m_form->addRow(tr("Log-coefficient σ:"), m_sigma);
    m_form->addRow(tr("Correlation length:"), m_length);
    m_form->addRow(tr("Seed:"), m_seed);
    m_form->addRow(buttons);
    updateRows();
}

void GeneratorDialog::updateRows()
{
    const Kind kind = Kind(m_kind->currentData().toInt());
    const bool oneD = kind == Kind::Laplacian1d || kind == Kind::Counterexample || kind == Kind::Semiseparable;
    m_form->setRowVisible(m_n, oneD || kind == Kind::GraphLaplacian);
    m_form->setRowVisible(m_nx, kind == Kind::Poisson2d || kind == Kind::Poisson3d);
    m_form->setRowVisible(m_ny, kind == Kind::Poisson2d || kind == Kind::Poisson3d);
    m_form->setRowVisible(m_nz, kind == Kind::Poisson3d);
    m_form->setRowVisible(m_degree, kind == Kind::GraphLaplacian);
    m_form->setRowVisible(m_shift, kind == Kind::GraphLaplacian);
    m_form->setRowVisible(m_growth, kind == Kind::Semiseparable);
    m_form->setRowVisible(m_spread, kind == Kind::Semiseparable);
    const bool field = kind == Kind::Diffusion2d || kind == Kind::Biharmonic2d;
    m_form->setRowVisible(m_side, field);
    m_form->setRowVisible(m_sigma, field);
    m_form->setRowVisible(m_length, field);
    m_form->setRowVisible(m_seed, kind == Kind::Semiseparable || kind == Kind::GraphLaplacian || field);
    adjustSize();
}

GeneratorRequest GeneratorDialog::request() const
{
    GeneratorRequest r;
    r.kind = Kind(m_kind->currentData().toInt());
    r.n = m_n->value();
    const bool field = r.kind == Kind::Diffusion2d || r.kind == Kind::Biharmonic2d;
    r.nx = field ? m_side->value() : m_nx->value();
    r.ny = m_ny->value();
    r.nz = m_nz->value();
    r.degree = m_degree->value();
    r.shift = m_shift->value();
    r.growth = m_growth->value();
    r.spread = m_spread->value();
    r.sigma = m_sigma->value();
    r.length = m_length->value();
    r.seed = quint64(m_seed->value());
    return r;
}

QString GeneratorDialog::nameOf(const GeneratorRequest &r)
{
    switch (r.kind) {
    case Kind::Laplacian1d:
        return QStringLiteral("laplacian1d n=%1").arg(r.n);
    case Kind::Counterexample:
        return QStringLiteral("counterexample n=%1").arg(r.n);
    case Kind::Semiseparable:
        return QStringLiteral("semiseparable n=%1 seed=%2").arg(r.n).arg(r.seed);
    case Kind::Poisson2d:
        return QStringLiteral("poisson2d %1x%2").arg(r.nx).arg(r.ny);
    case Kind::Poisson3d:
        return QStringLiteral("poisson3d %1x%2x%3").arg(r.nx).arg(r.ny).arg(r.nz);
    case Kind::GraphLaplacian:
        return QStringLiteral("graph n=%1 degree=%2 seed=%3").arg(r.n).arg(r.degree).arg(r.seed);
    case Kind::Diffusion2d:
    case Kind::Biharmonic2d:
        return QStringLiteral("%1 %2x%2 sigma=%3 length=%4 seed=%5")
            .arg(QLatin1String(r.kind == Kind::Diffusion2d ? "diffusion2d" : "biharmonic2d"))
            .arg(r.nx)
            .arg(r.sigma)
            .arg(r.length)
            .arg(r.seed);
    }
    return {};
}

GeneratedDocument GeneratorDialog::generate(const GeneratorRequest &r)
{
    namespace gen = fs::sparse;
    gen::GeneratedMatrix g;
    switch (r.kind) {
    case Kind::Laplacian1d: g = gen::laplacian1d(r.n); break;
    case Kind::Counterexample: g = gen::counterexample(r.n); break;
    case Kind::Semiseparable: g = gen::semiseparable(r.n, r.seed, {r.growth, r.spread}); break;
    case Kind::Poisson2d: g = gen::poisson2d(r.nx, r.ny); break;
    case Kind::Poisson3d: g = gen::poisson3d(r.nx, r.ny, r.nz); break;
    case Kind::GraphLaplacian: g = gen::graph_laplacian(r.n, r.degree, r.shift, r.seed); break;
    case Kind::Diffusion2d: g = gen::diffusion2d(r.nx, r.seed, {r.sigma, r.length}); break;
    case Kind::Biharmonic2d: g = gen::biharmonic2d(r.nx, r.seed, {r.sigma, r.length}); break;
    }
    auto doc = std::make_shared<MatrixDocument>();
    // Generated matrices have no file; the name stands in for it in titles and lists.
    doc->filePath = nameOf(r);
    doc->matrix = std::move(g.A);
    doc->symmetric = true;
    GeneratedDocument out;
    if (g.exact_L)
        out.exactFactor = std::make_shared<const fs::sparse::Matrix>(std::move(*g.exact_L));
    out.document = std::move(doc);
    return out;
}

} // namespace fs::ui

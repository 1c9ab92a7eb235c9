#include "document/generatordialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QSpinBox>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string_view>

namespace fs::ui {

namespace {

using fs::sparse::GeneratorKind;
using fs::sparse::ParamSpec;
using fs::sparse::ParamType;

// The generator as the menu names it; core's description for one without a translation.
QString kindText(const fs::sparse::GeneratorSpec &spec)
{
    switch (spec.kind) {
    case GeneratorKind::Laplacian1d: return GeneratorDialog::tr("1D Laplacian tridiag(−1, 2, −1)");
    case GeneratorKind::Counterexample: return GeneratorDialog::tr("Counterexample of Theorem 2.1 (exact factor)");
    case GeneratorKind::Semiseparable: return GeneratorDialog::tr("Rank-1 semiseparable inverse factor (§5.1)");
    case GeneratorKind::Poisson2d: return GeneratorDialog::tr("2D Poisson, 5-point");
    case GeneratorKind::Poisson3d: return GeneratorDialog::tr("3D Poisson, 7-point");
    case GeneratorKind::GraphLaplacian: return GeneratorDialog::tr("Random graph Laplacian + shift·I");
    case GeneratorKind::Diffusion2d: return GeneratorDialog::tr("2D diffusion −∇·(k∇u), log-normal k");
    case GeneratorKind::Biharmonic2d: return GeneratorDialog::tr("2D biharmonic L·diag(k)·L, log-normal k");
    }
    return QString::fromUtf8(spec.description);
}

// How a parameter is shown: its translated label and, for reals, the digits and step of its box.
struct Presentation {
    QString label;
    int decimals = 3;
    double step = 1.0;
    QString toolTip = {};
};

Presentation presentation(const ParamSpec &p)
{
    const std::string_view label = p.label;
    if (label == "Order n") return {GeneratorDialog::tr("Order n:")};
    if (label == "Grid nx") return {GeneratorDialog::tr("Grid nx:")};
    if (label == "Grid ny") return {GeneratorDialog::tr("Grid ny:")};
    if (label == "Grid nz") return {GeneratorDialog::tr("Grid nz:")};
    if (label == "Grid side") return {GeneratorDialog::tr("Grid side:")};
    if (label == "Mean degree") return {GeneratorDialog::tr("Mean degree:")};
    if (label == "Shift") return {GeneratorDialog::tr("Shift:"), 6};
    if (label == "Growth ρ") return {GeneratorDialog::tr("Growth ρ:")};
    if (label == "Spread") return {GeneratorDialog::tr("Spread:")};
    if (label == "Log-coefficient σ")
        return {GeneratorDialog::tr("Log-coefficient σ:"), 3, 0.1,
                GeneratorDialog::tr("Standard deviation of log k; 0 gives the constant-coefficient operator.")};
    if (label == "Correlation length")
        return {GeneratorDialog::tr("Correlation length:"), 4, 0.01,
                GeneratorDialog::tr("Correlation length of log k on the unit square.")};
    if (label == "Seed") return {GeneratorDialog::tr("Seed:")};
    return {QString::fromUtf8(p.label) + QLatin1Char(':'), 3, 1.0, QString::fromUtf8(p.description)};
}

// The value a field starts with: the default, or that of the parameter it defaults to.
double initialValue(const ParamSpec &p)
{
    if (p.same_as)
        for (const ParamSpec &q : fs::sparse::generator_parameters())
            if (std::string_view(q.name) == p.same_as)
                return q.default_value;
    return p.default_value;
}

// Spin boxes need finite bounds: an open lower bound starts one displayed digit above it, and a
// real without an upper bound stops at 10⁶.
QAbstractSpinBox *makeField(const ParamSpec &p, const Presentation &look)
{
    if (p.type == ParamType::Integer) {
        auto *box = new QSpinBox;
        constexpr auto intMax = std::numeric_limits<int>::max();
        box->setRange(int(std::clamp<std::int64_t>(p.integer_min(), 0, intMax)),
                      int(std::clamp<std::int64_t>(p.integer_max(), 0, intMax)));
        box->setValue(int(initialValue(p)));
        return box;
    }
    auto *box = new QDoubleSpinBox;
    box->setDecimals(look.decimals);
    const double digit = std::pow(10.0, -look.decimals);
    box->setRange(p.min_open ? p.min + digit : p.min, std::isfinite(p.max) ? p.max : 1e6);
    box->setSingleStep(look.step);
    box->setValue(initialValue(p));
    return box;
}

} // namespace

GeneratorDialog::GeneratorDialog(QWidget *parent)
    : QDialog(parent)
    , m_form(new QFormLayout(this))
    , m_kind(new QComboBox)
{
    setWindowTitle(tr("New Matrix from Generator"));
    for (const fs::sparse::GeneratorSpec &spec : fs::sparse::generator_specs())
        m_kind->addItem(kindText(spec), int(spec.kind));
    m_kind->setCurrentIndex(m_kind->findData(int(GeneratorKind::Counterexample)));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &GeneratorDialog::updateRows);

    m_form->addRow(tr("Generator:"), m_kind);
    for (const ParamSpec &p : fs::sparse::generator_parameters()) {
        const Presentation look = presentation(p);
        QAbstractSpinBox *field = makeField(p, look);
        field->setToolTip(look.toolTip);
        m_form->addRow(look.label, field);
        m_rows.push_back({&p, field});
    }
    m_form->addRow(buttons);
    updateRows();
}

const fs::sparse::GeneratorSpec &GeneratorDialog::currentSpec() const
{
    return fs::sparse::generator_spec(GeneratorKind(m_kind->currentData().toInt()));
}

bool GeneratorDialog::Row::belongsTo(const fs::sparse::GeneratorSpec &spec) const
{
    return std::any_of(spec.params.begin(), spec.params.end(), [&](const ParamSpec &p) {
        return std::string_view(p.name) == param->name && std::string_view(p.label) == param->label;
    });
}

void GeneratorDialog::updateRows()
{
    const fs::sparse::GeneratorSpec &spec = currentSpec();
    for (const Row &row : m_rows)
        m_form->setRowVisible(row.field, row.belongsTo(spec));
    adjustSize();
}

GeneratorRequest GeneratorDialog::request() const
{
    GeneratorRequest r;
    r.kind = currentSpec().kind;
    for (const Row &row : m_rows) {
        if (!row.belongsTo(r.spec()))
            continue;
        if (auto *box = qobject_cast<QSpinBox *>(row.field))
            r.params.set(row.param->name, std::int64_t(box->value()));
        else if (auto *real = qobject_cast<QDoubleSpinBox *>(row.field))
            r.params.set(row.param->name, real->value());
    }
    return r;
}

} // namespace fs::ui

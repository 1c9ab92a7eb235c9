#include "widgets/exportdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

namespace fs::ui {

ExportDialog::ExportDialog(Target target, const QString &suggestedPath, QWidget *parent)
    : QDialog(parent)
    , m_target(target)
    , m_path(new QLineEdit(suggestedPath))
    , m_format(new QComboBox)
    , m_width(new QDoubleSpinBox)
    , m_height(new QDoubleSpinBox)
    , m_dpi(new QSpinBox)
{
    setWindowTitle(target == Target::File ? tr("Export Figure") : tr("Export All Figures"));
    m_format->addItem(tr("PNG image"), int(FigureFormat::Png));
    m_format->addItem(tr("PDF document"), int(FigureFormat::Pdf));
    m_format->addItem(tr("SVG drawing"), int(FigureFormat::Svg));
    FigureFormat guessed;
    if (FigureExporter::formatForPath(suggestedPath, &guessed))
        m_format->setCurrentIndex(m_format->findData(int(guessed)));
    const FigureOptions defaults;
    for (QDoubleSpinBox *box : {m_width, m_height}) {
        box->setRange(20, 1000);
        box->setDecimals(1);
        box->setSuffix(tr(" mm"));
    }
    m_width->setValue(defaults.widthMm);
    m_height->setValue(defaults.heightMm);
    m_dpi->setRange(50, 2400);
    m_dpi->setValue(defaults.dpi);
    m_dpi->setSuffix(tr(" dpi"));

    auto *browse = new QPushButton(tr("Browse…"));
    connect(browse, &QPushButton::clicked, this, &ExportDialog::browse);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::syncSuffix);

    auto *form = new QFormLayout(this);
    form->addRow(target == Target::File ? tr("File:") : tr("Folder:"), pathRow);
    form->addRow(tr("Format:"), m_format);
    form->addRow(tr("Width:"), m_width);
    form->addRow(tr("Height:"), m_height);
    form->addRow(tr("Resolution:"), m_dpi);
    form->addRow(buttons);
}

QString ExportDialog::path() const
{
    return m_path->text();
}

FigureFormat ExportDialog::format() const
{
    return FigureFormat(m_format->currentData().toInt());
}

QString ExportDialog::suffix() const
{
    switch (format()) {
    case FigureFormat::Pdf:
        return QStringLiteral("pdf");
    case FigureFormat::Svg:
        return QStringLiteral("svg");
    case FigureFormat::Png:
        break;
    }
    return QStringLiteral("png");
}

FigureOptions ExportDialog::options() const
{
    return {m_width->value(), m_height->value(), m_dpi->value()};
}

void ExportDialog::browse()
{
    const QString chosen = m_target == Target::File
        ? QFileDialog::getSaveFileName(this, tr("Export Figure"), m_path->text(),
                                       tr("Figures (*.png *.pdf *.svg)"))
        : QFileDialog::getExistingDirectory(this, tr("Export All Figures"), m_path->text());
    if (!chosen.isEmpty())
        m_path->setText(chosen);
    FigureFormat guessed;
    if (m_target == Target::File && FigureExporter::formatForPath(chosen, &guessed))
        m_format->setCurrentIndex(m_format->findData(int(guessed)));
}

// A file name follows the format chosen from the list, so the two cannot disagree.
void ExportDialog::syncSuffix()
{
    if (m_target != Target::File || m_path->text().isEmpty())
        return;
    const QFileInfo info(m_path->text());
    m_path->setText(info.dir().filePath(info.completeBaseName() + QLatin1Char('.') + suffix()));
}

} // namespace fs::ui

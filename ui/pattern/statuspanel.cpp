#include "pattern/statuspanel.h"

#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>

namespace fs::ui {

StatusPanel::StatusPanel(QWidget *parent)
    : QWidget(parent)
    , m_busy(new QProgressBar)
    , m_size(new QLabel)
    , m_nonzeros(new QLabel)
    , m_symmetry(new QLabel)
    , m_file(new QLabel)
{
    // An indeterminate bar: the reader reports no progress, only that it is working.
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(120);
    m_busy->setMaximumHeight(14);
    m_busy->setTextVisible(false);
    m_busy->hide();

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(16);
    layout->addWidget(m_busy);
    for (QLabel *label : {m_size, m_nonzeros, m_symmetry, m_file}) {
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        layout->addWidget(label);
    }
    retranslateUi();
}

void StatusPanel::setDocument(const MatrixDocumentPtr &document)
{
    m_document = document;
    retranslateUi();
}

void StatusPanel::setBusy(bool busy)
{
    m_busy->setVisible(busy);
}

QString StatusPanel::sizeText() const
{
    if (!m_document)
        return {};
    const QLocale locale;
    const auto &A = m_document->matrix;
    if (A.rows() == A.cols())
        return tr("n = %1").arg(locale.toString(qlonglong(A.rows())));
    return tr("%1 × %2").arg(locale.toString(qlonglong(A.rows())), locale.toString(qlonglong(A.cols())));
}

QString StatusPanel::nonzerosText() const
{
    if (!m_document)
        return {};
    return tr("nnz = %1").arg(QLocale().toString(qlonglong(m_document->matrix.nonZeros())));
}

QString StatusPanel::symmetryText() const
{
    if (!m_document)
        return {};
    const auto &A = m_document->matrix;
    if (A.rows() != A.cols())
        return tr("not square");
    if (m_document->symmetric)
        return tr("symmetric");
    return tr("not symmetric (defect %1)").arg(QLocale().toString(m_document->symmetryDefect, 'g', 3));
}

QString StatusPanel::fileText() const
{
    return m_document ? QFileInfo(m_document->filePath).fileName() : QString();
}

void StatusPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void StatusPanel::retranslateUi()
{
    m_size->setText(sizeText());
    m_nonzeros->setText(nonzerosText());
    m_symmetry->setText(symmetryText());
    m_symmetry->setToolTip(m_document ? tr("Largest |A(i,j) − A(j,i)| relative to the largest |A(i,j)|") : QString());
    m_file->setText(fileText());
    m_file->setToolTip(m_document ? QDir::toNativeSeparators(m_document->filePath) : QString());
    m_busy->setToolTip(tr("Loading…"));
    for (QLabel *label : {m_size, m_nonzeros, m_symmetry, m_file})
        label->setVisible(!label->text().isEmpty());
}

} // namespace fs::ui

#pragma once

#include "widgets/figureexporter.h"

#include <QDialog>

class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QSpinBox;

namespace fs::ui {

// Asks where and how large to export: a file (one figure) or a folder (every figure of a view,
// with each plot's CSV beside it), the format, the size in millimetres and the resolution.
class ExportDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Target { File, Folder };

    ExportDialog(Target target, const QString &suggestedPath, QWidget *parent = nullptr);

    QString path() const;
    FigureFormat format() const;
    FigureOptions options() const;
    /// Suffix of the chosen format without a dot ("png", "pdf", "svg").
    QString suffix() const;

private:
    void browse();
    void syncSuffix();

    Target m_target;
    QLineEdit *m_path;
    QComboBox *m_format;
    QDoubleSpinBox *m_width;
    QDoubleSpinBox *m_height;
    QSpinBox *m_dpi;
};

} // namespace fs::ui

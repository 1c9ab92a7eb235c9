#pragma once
// What will be submitted to Slurm, shown before it is: the sbatch choices (remembered) and the
// batch scripts `factorscope-cli submit … --dry-run` writes for them.

#include "widgets/slurmclient.h"

#include <QDialog>

#include <functional>

class QLineEdit;
class QLabel;
class QPlainTextEdit;
class QSpinBox;
class QTimer;

namespace fs::ui {

class SlurmDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Kind { Benchmark, Sweep };
    /// `arguments` gives the factorscope-cli words for the current settings (without --dry-run).
    SlurmDialog(Kind kind, std::function<QStringList(const SlurmSettings &)> arguments, QWidget *parent = nullptr);

    SlurmSettings settings() const;
    void setSettings(const SlurmSettings &s);
    /// The scripts shown (empty while the preview fails; previewError() says why).
    QString script() const;
    QString previewError() const { return m_error; }
    /// Rebuilds the preview now (it follows every edit after a short pause).
    void refresh();

private:
    Kind m_kind;
    std::function<QStringList(const SlurmSettings &)> m_arguments;
    QLineEdit *m_partition, *m_time, *m_extra, *m_gres;
    QSpinBox *m_ranks, *m_tasks;
    QPlainTextEdit *m_script;
    QLabel *m_status;
    QTimer *m_debounce;
    QString m_error;
};

} // namespace fs::ui

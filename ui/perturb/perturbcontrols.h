#pragma once

#include <perturb/live_perturbation.h>

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace fs::ui {

class PerturbDeltaEditor;

// The controls of the perturbation view: entry, δ, factor kind, ordering, GNN depth, log scale,
// compare mode, reset and export. Holds no state of its own beyond the widgets.
class PerturbControls : public QWidget
{
    Q_OBJECT

public:
    enum class OrderingChoice { Automatic, Natural, Amd };

    explicit PerturbControls(QWidget *parent = nullptr);

    /// The chosen kind, one of fs::perturb::kPerturbKinds (listed in that order).
    fs::precond::PrecondKind factorKind() const;
    void setFactorKind(fs::precond::PrecondKind kind);
    OrderingChoice orderingChoice() const;
    void setOrderingNote(const QString &text);
    void setEntryText(const QString &text);

    PerturbDeltaEditor *deltaEditor() const { return m_delta; }
    QSpinBox *layers() const { return m_layers; }
    QCheckBox *logScale() const { return m_log; }
    QCheckBox *compareKinds() const { return m_compare; }
    QPushButton *resetButton() const { return m_reset; }
    QPushButton *exportAllButton() const { return m_exportAll; }
    QComboBox *kindBox() const { return m_kind; }
    QComboBox *orderingBox() const { return m_ordering; }

Q_SIGNALS:
    void factorChanged();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QLabel *m_entryCaption, *m_entry, *m_kindCaption, *m_orderingCaption, *m_orderingNote, *m_layersCaption;
    QComboBox *m_kind;
    QComboBox *m_ordering;
    PerturbDeltaEditor *m_delta;
    QSpinBox *m_layers;
    QCheckBox *m_log;
    QCheckBox *m_compare;
    QPushButton *m_reset;
    QPushButton *m_exportAll;
};

} // namespace fs::ui

#pragma once

#include "document/generateddocument.h"
#include "document/matrixdocument.h"
#include "perturb/perturbcommand.h"
#include "perturb/perturbcompare.h"
#include "perturb/perturbrunner.h"

#include <QWidget>

class QLabel;
class QUndoStack;

namespace fs::ui {

class PerturbBanner;
class PerturbControls;
class PerturbDiagPlot;
class PerturbHeatPlot;
class PerturbLocalityPlot;
class PerturbPatternPlot;
class PerturbPlot;
struct FigureOptions;

// The perturbation explorer: pick an entry of A, change it by δ, and watch the factor change live,
// with the diagonal change, |ΔL| on the factor's pattern and the locality profile side by side.
// Every change of entry or δ is an undoable command on the view's stack. In compare mode the
// locality plot overlays the profiles of every factor kind for the shown perturbation.
class PerturbView : public QWidget
{
    Q_OBJECT

public:
    explicit PerturbView(QWidget *parent = nullptr);

    /// Shows a matrix. A document previously announced by setGenerated() keeps its exact factor.
    void setDocument(const MatrixDocumentPtr &document);
    /// Remembers the exact factor of a generated document before it becomes current.
    void setGenerated(const GeneratedDocument &generated);
    MatrixDocumentPtr document() const { return m_document; }

    /// Pushes an undoable change of entry and δ (0-based entry; row < 0 for none).
    void setEdit(const PerturbEdit &edit);
    void selectEntry(int row, int col);
    void resetPerturbation();
    PerturbEdit edit() const { return m_edit; }
    /// The edit the plots show (differs from edit() after a refused perturbation).
    PerturbEdit shownEdit() const { return m_shown; }
    const PerturbOutcome &lastOutcome() const { return m_outcome; }

    QUndoStack *undoStack() const { return m_undo; }
    PerturbRunner *runner() const { return m_runner; }
    PerturbCompareRunner *compareRunner() const { return m_compare; }
    PerturbControls *controls() const { return m_controls; }
    PerturbPatternPlot *patternPlot() const { return m_pattern; }
    PerturbDiagPlot *diagPlot() const { return m_diag; }
    PerturbHeatPlot *heatPlot() const { return m_heat; }
    PerturbLocalityPlot *localityPlot() const { return m_locality; }
    PerturbBanner *banner() const { return m_banner; }
    PerturbBanner *reliabilityBanner() const { return m_reliability; }
    QList<PerturbPlot *> plots() const;

    /// Waits until the factor and the plots are up to date (tests and headless rendering).
    void waitForIdle();
    /// Writes every figure (and each plot's CSV) into `folder`; false with `error` on failure.
    bool exportAll(const QString &folder, const QString &suffix, const FigureOptions &options, QString *error);

Q_SIGNALS:
    void updated();

protected:
    void changeEvent(QEvent *event) override;

private:
    void apply(const PerturbEdit &edit);
    void reconfigure();
    void onConfigured(const PerturbBase &base);
    void onFinished(const PerturbOutcome &outcome);
    void showOutcome(const PerturbOutcome &outcome);
    void showZero();
    void setCompareMode(bool on);
    void requestComparison();
    void onCompared(const CompareOutcome &outcome);
    void updateComparison();
    void editDelta(double delta, bool dragging);
    void exportAllInteractive();
    void exportOne(QWidget *plot);
    void exportCsv(PerturbPlot *plot);
    void showPlotMenu(QWidget *plot, const QPoint &position);
    void updateEntryText();
    void updateSummary();
    void retranslateUi();
    bool isStructuralZero(int row, int col) const;

    MatrixDocumentPtr m_document;
    GeneratedDocument m_generated;
    PerturbControls *m_controls;
    PerturbBanner *m_banner;
    PerturbBanner *m_reliability;
    QLabel *m_summary;
    PerturbPatternPlot *m_pattern;
    PerturbDiagPlot *m_diag;
    PerturbHeatPlot *m_heat;
    PerturbLocalityPlot *m_locality;
    QUndoStack *m_undo;
    PerturbRunner *m_runner;
    PerturbCompareRunner *m_compare;
    CompareOutcome m_compared;
    fs::precond::PrecondKind m_outcomeKind = fs::precond::PrecondKind::Cholesky;
    PerturbEdit m_edit;
    PerturbEdit m_shown;
    PerturbOutcome m_outcome;
    int m_dragId = 0;
    bool m_dragOpen = false;
};

} // namespace fs::ui

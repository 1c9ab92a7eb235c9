#pragma once

#include <QObject>

class QAction;
class QMenu;

namespace fs::ui {

class MainWindow;
class PerturbView;

// Puts the perturbation explorer into the main window: the "Perturb" tab, Edit ▸ Undo/Redo for its
// perturbations, and Matrix ▸ New from Generator…. MainWindow adds it with one line.
class PerturbWorkspace : public QObject
{
    Q_OBJECT

public:
    explicit PerturbWorkspace(MainWindow *window);

    PerturbView *view() const { return m_view; }
    QAction *generatorAction() const { return m_generate; }
    QAction *undoAction() const { return m_undo; }
    QAction *redoAction() const { return m_redo; }

    /// The perturbation workspace of a window, or null.
    static PerturbWorkspace *of(const MainWindow *window);
    /// Makes a generated matrix the window's current document (tests, command line).
    void showGenerated(const struct GeneratedDocument &generated);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void chooseGenerator();
    void retranslateUi();

    MainWindow *m_window;
    PerturbView *m_view;
    QMenu *m_editMenu;
    QMenu *m_matrixMenu;
    QAction *m_generate;
    QAction *m_undo;
    QAction *m_redo;
};

} // namespace fs::ui

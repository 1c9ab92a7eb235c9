#pragma once

#include "document/matrixdocument.h"

#include <QWidget>

class QLabel;
class QProgressBar;

namespace fs::ui {

// The permanent part of the status bar: facts about the displayed matrix and a busy indicator.
class StatusPanel : public QWidget
{
    Q_OBJECT

public:
    explicit StatusPanel(QWidget *parent = nullptr);

    void setDocument(const MatrixDocumentPtr &document);
    void setBusy(bool busy);

    QString sizeText() const;
    QString nonzerosText() const;
    QString symmetryText() const;
    QString fileText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    MatrixDocumentPtr m_document;
    QProgressBar *m_busy;
    QLabel *m_size;
    QLabel *m_nonzeros;
    QLabel *m_symmetry;
    QLabel *m_file;
};

} // namespace fs::ui

#pragma once

#include <QDockWidget>

class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace fs::ui {

class MatrixListModel;

// Lists the bundled benchmark matrices; activating a row asks for that file to be opened.
class MatrixListDock : public QDockWidget
{
    Q_OBJECT

public:
    explicit MatrixListDock(QWidget *parent = nullptr);

    MatrixListModel *model() const { return m_model; }
    /// Reads the collection in `directory`; returns the number of matrices listed.
    int loadCollection(const QString &directory);
    /// Path of the matrix named `name`, or an empty string.
    QString filePathOf(const QString &name) const;
    /// Marks the row of `filePath` as current, if it is part of the collection.
    void setCurrentFile(const QString &filePath);

Q_SIGNALS:
    void fileActivated(const QString &filePath);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void activate(const QModelIndex &proxyIndex);

    MatrixListModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QTableView *m_view;
};

} // namespace fs::ui

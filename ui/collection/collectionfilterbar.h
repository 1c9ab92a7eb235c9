#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;

namespace fs::ui {

class CollectionFilterModel;

// The filter controls above the collection table; every change goes straight to the proxy model.
class CollectionFilterBar : public QWidget
{
    Q_OBJECT

public:
    explicit CollectionFilterBar(CollectionFilterModel *filter, QWidget *parent = nullptr);

    /// Fills the kind and group choices from a newly loaded index.
    void setChoices(const QStringList &kinds, const QStringList &groups);

    QLineEdit *textEdit() const { return m_text; }
    QCheckBox *posdefBox() const { return m_posdef; }
    QComboBox *kindBox() const { return m_kind; }
    QComboBox *groupBox() const { return m_group; }
    QDoubleSpinBox *maxRowsBox() const { return m_maxRows; }
    QDoubleSpinBox *minNnzBox() const { return m_minNnz; }
    QDoubleSpinBox *maxNnzBox() const { return m_maxNnz; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void applyRanges();
    QDoubleSpinBox *makeSizeBox();

    CollectionFilterModel *m_filter;
    QLineEdit *m_text;
    QCheckBox *m_posdef;
    QComboBox *m_kind;
    QComboBox *m_group;
    QDoubleSpinBox *m_minRows;
    QDoubleSpinBox *m_maxRows;
    QDoubleSpinBox *m_minNnz;
    QDoubleSpinBox *m_maxNnz;
    QLabel *m_kindLabel;
    QLabel *m_groupLabel;
    QLabel *m_rowsLabel;
    QLabel *m_nnzLabel;
    QLabel *m_rowsDash;
    QLabel *m_nnzDash;
};

} // namespace fs::ui

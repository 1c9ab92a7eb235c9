#pragma once

#include "document/generateddocument.h"

#include <QDialog>

#include <vector>

class QAbstractSpinBox;
class QComboBox;
class QFormLayout;

namespace fs::ui {

// Matrix ▸ New from Generator…: a form over core's generator specs. It only collects parameters:
// one row per parameter of fs::sparse::generator_parameters(), shown for the generators that have
// it, with the spec's default and range; generateDocument() runs the request.
class GeneratorDialog : public QDialog
{
    Q_OBJECT

public:
    explicit GeneratorDialog(QWidget *parent = nullptr);

    GeneratorRequest request() const;

private:
    struct Row {
        const fs::sparse::ParamSpec *param;
        QAbstractSpinBox *field;
        bool belongsTo(const fs::sparse::GeneratorSpec &spec) const;
    };
    void updateRows();
    const fs::sparse::GeneratorSpec &currentSpec() const;

    QFormLayout *m_form;
    QComboBox *m_kind;
    std::vector<Row> m_rows;
};

} // namespace fs::ui

#pragma once

#include <sparse/matrix_market.h>

#include <QCoreApplication>
#include <QMetaType>
#include <QString>

namespace fs::ui {

// Why a file could not be loaded, kept as data so the wording is chosen on the GUI thread in the
// language active when it is shown.
struct LoadFailure {
    enum class Kind { MatrixMarket, OutOfMemory, Other };

    QString filePath;
    Kind kind = Kind::Other;
    fs::sparse::MmErrorCode code = fs::sparse::MmErrorCode::CannotOpen;
    qint64 line = 0; ///< 1-based line in the file, 0 when the error concerns the whole file
    QString detail;  ///< untranslated technical detail from the reader
};

class LoadFailureText
{
    Q_DECLARE_TR_FUNCTIONS(fs::ui::LoadFailureText)

public:
    /// One sentence describing the error class, in the current language.
    static QString describe(fs::sparse::MmErrorCode code);
    /// The message box body: file, line when known, description, and the reader's detail.
    static QString message(const LoadFailure &failure);
    static QString title();
};

} // namespace fs::ui

Q_DECLARE_METATYPE(fs::ui::LoadFailure)

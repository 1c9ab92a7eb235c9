#include "document/loadfailure.h"

#include <QDir>
#include <QLocale>

namespace fs::ui {

using fs::sparse::MmErrorCode;

QString LoadFailureText::describe(MmErrorCode code)
{
    switch (code) {
    case MmErrorCode::CannotOpen: return tr("The file cannot be opened or read.");
    case MmErrorCode::Decompress: return tr("The gzip data is corrupt or truncated.");
    case MmErrorCode::Empty: return tr("The file is empty.");
    case MmErrorCode::BadBanner: return tr("The first line is not a Matrix Market banner (%%MatrixMarket matrix <format> <field> <symmetry>).");
    case MmErrorCode::UnsupportedFormat: return tr("The storage format is neither \"coordinate\" nor \"array\".");
    case MmErrorCode::UnsupportedField: return tr("The value type is not supported (only real, integer and pattern matrices can be read).");
    case MmErrorCode::UnsupportedSymmetry: return tr("The symmetry type is not supported (only general, symmetric and skew-symmetric matrices can be read).");
    case MmErrorCode::MissingSize: return tr("The size line is missing.");
    case MmErrorCode::BadSize: return tr("The size line is malformed or inconsistent with the declared symmetry.");
    case MmErrorCode::TooLarge: return tr("The declared size is larger than the file can hold or than this program can address.");
    case MmErrorCode::TooFewEntries: return tr("The file ends before all announced entries were read.");
    case MmErrorCode::TooManyEntries: return tr("The file contains more entries than announced.");
    case MmErrorCode::IndexOutOfRange: return tr("A row or column index lies outside the matrix.");
    case MmErrorCode::NonNumeric: return tr("A number was expected but something else was found.");
    case MmErrorCode::NotFinite: return tr("The matrix contains a NaN or infinite value.");
    case MmErrorCode::Duplicate: return tr("An entry is stored more than once.");
    case MmErrorCode::SkewDiagonal: return tr("A skew-symmetric matrix has a nonzero diagonal entry.");
    case MmErrorCode::CannotWrite: return tr("The file cannot be written.");
    }
    return tr("The file is not a valid Matrix Market file.");
}

QString LoadFailureText::message(const LoadFailure &failure)
{
    QString reason;
    switch (failure.kind) {
    case LoadFailure::Kind::MatrixMarket: reason = describe(failure.code); break;
    case LoadFailure::Kind::OutOfMemory: reason = tr("There is not enough memory to hold this matrix."); break;
    case LoadFailure::Kind::Other: reason = tr("An unexpected error occurred while reading the file."); break;
    }

    QString text = tr("Could not load %1.").arg(QDir::toNativeSeparators(failure.filePath));
    if (failure.line > 0)
        text += QLatin1Char('\n') + tr("Line %1: %2").arg(QLocale().toString(failure.line), reason);
    else
        text += QLatin1Char('\n') + reason;
    if (!failure.detail.isEmpty())
        text += QLatin1String("\n\n") + tr("Details: %1").arg(failure.detail);
    return text;
}

QString LoadFailureText::title()
{
    return tr("Cannot Open Matrix");
}

} // namespace fs::ui

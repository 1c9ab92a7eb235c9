#include "widgets/programpath.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace fs::ui {

QString findProgram(const QString &name)
{
    const QDir appDir(QCoreApplication::applicationDirPath());
    for (const QString &candidate : {appDir.filePath(name), appDir.filePath(QStringLiteral("../") + name),
                                     appDir.filePath(QStringLiteral("../train/") + name),
                                     appDir.filePath(QStringLiteral("../app/") + name)}) {
        const QFileInfo info(candidate);
        if (info.isFile() && info.isExecutable())
            return info.canonicalFilePath();
    }
    return QStandardPaths::findExecutable(name);
}

} // namespace fs::ui

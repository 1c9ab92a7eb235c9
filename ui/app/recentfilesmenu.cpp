#include "app/recentfilesmenu.h"

#include "app/appsettings.h"

#include <QDir>
#include <QEvent>
#include <QFileInfo>

namespace fs::ui {

RecentFilesMenu::RecentFilesMenu(QWidget *parent)
    : QMenu(parent)
{
    retranslateUi();
}

void RecentFilesMenu::addFile(const QString &path)
{
    AppSettings().addRecentFile(path);
    rebuild();
}

void RecentFilesMenu::removeFile(const QString &path)
{
    AppSettings().removeRecentFile(path);
    rebuild();
}

QStringList RecentFilesMenu::files() const
{
    return AppSettings().recentFiles();
}

void RecentFilesMenu::rebuild()
{
    clear();
    const QStringList recent = files();
    for (int i = 0; i < recent.size(); ++i) {
        const QString &path = recent.at(i);
        // Numbered mnemonics let the keyboard reach the first nine entries.
        const QString label = i < 9 ? QStringLiteral("&%1 %2").arg(i + 1).arg(QFileInfo(path).fileName())
                                    : QFileInfo(path).fileName();
        QAction *action = addAction(label);
        action->setToolTip(QDir::toNativeSeparators(path));
        action->setStatusTip(QDir::toNativeSeparators(path));
        connect(action, &QAction::triggered, this, [this, path] { Q_EMIT fileRequested(path); });
    }
    if (!recent.isEmpty()) {
        addSeparator();
        connect(addAction(tr("Clear Menu")), &QAction::triggered, this, [this] {
            AppSettings().setRecentFiles({});
            rebuild();
        });
    }
    setEnabled(!recent.isEmpty());
}

void RecentFilesMenu::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMenu::changeEvent(event);
}

void RecentFilesMenu::retranslateUi()
{
    setTitle(tr("Recent Files"));
    rebuild();
}

} // namespace fs::ui

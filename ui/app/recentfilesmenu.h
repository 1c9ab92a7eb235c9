#pragma once

#include <QMenu>

namespace fs::ui {

// File ▸ Recent Files, backed by AppSettings so the list survives restarts.
class RecentFilesMenu : public QMenu
{
    Q_OBJECT

public:
    explicit RecentFilesMenu(QWidget *parent = nullptr);

    void addFile(const QString &path);
    void removeFile(const QString &path);
    QStringList files() const;

Q_SIGNALS:
    void fileRequested(const QString &path);

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    void retranslateUi();
};

} // namespace fs::ui

#pragma once

#include "app/appsettings.h"

#include <QMenu>

class QActionGroup;

namespace fs::ui {

class LanguageManager;

// View ▸ Language: one checkable entry per language; the choice is applied and remembered.
class LanguageMenu : public QMenu
{
    Q_OBJECT

public:
    LanguageMenu(LanguageManager *manager, QWidget *parent = nullptr);

    QAction *actionFor(Language language) const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void syncChecks();

    LanguageManager *m_manager;
    QActionGroup *m_group;
    QAction *m_system;
};

} // namespace fs::ui

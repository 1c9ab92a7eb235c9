#include "app/languagemenu.h"

#include "app/languagemanager.h"

#include <QActionGroup>
#include <QEvent>

namespace fs::ui {

LanguageMenu::LanguageMenu(LanguageManager *manager, QWidget *parent)
    : QMenu(parent)
    , m_manager(manager)
    , m_group(new QActionGroup(this))
{
    setObjectName(QStringLiteral("LanguageMenu"));
    m_system = addAction(QString());
    addSeparator();
    // Language names are written in their own language so anyone can find theirs.
    for (Language language : {Language::English, Language::German, Language::Russian})
        addAction(LanguageManager::nativeName(language))->setData(int(language));
    m_system->setData(int(Language::System));

    for (QAction *action : actions()) {
        if (action->isSeparator())
            continue;
        action->setCheckable(true);
        m_group->addAction(action);
    }
    connect(m_group, &QActionGroup::triggered, this, [this](QAction *action) {
        const auto language = Language(action->data().toInt());
        AppSettings().setLanguage(language);
        m_manager->setLanguage(language);
    });
    connect(m_manager, &LanguageManager::languageChanged, this, &LanguageMenu::syncChecks);
    syncChecks();
    retranslateUi();
}

QAction *LanguageMenu::actionFor(Language language) const
{
    for (QAction *action : m_group->actions()) {
        if (Language(action->data().toInt()) == language)
            return action;
    }
    return nullptr;
}

void LanguageMenu::syncChecks()
{
    if (QAction *action = actionFor(m_manager->language()))
        action->setChecked(true);
}

void LanguageMenu::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMenu::changeEvent(event);
}

void LanguageMenu::retranslateUi()
{
    setTitle(tr("&Language"));
    m_system->setText(tr("System Default"));
}

} // namespace fs::ui

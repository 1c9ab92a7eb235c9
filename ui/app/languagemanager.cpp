#include "app/languagemanager.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace fs::ui {

LanguageManager::LanguageManager(QObject *parent)
    : QObject(parent)
{}

LanguageManager::~LanguageManager()
{
    removeTranslators();
}

Language LanguageManager::systemLanguage()
{
    for (const QString &name : QLocale::system().uiLanguages()) {
        const QString code = name.left(2).toLower();
        if (code == QLatin1String("de"))
            return Language::German;
        if (code == QLatin1String("ru"))
            return Language::Russian;
        if (code == QLatin1String("en"))
            return Language::English;
    }
    return Language::English;
}

QString LanguageManager::nativeName(Language language)
{
    switch (language) {
    case Language::English: return QStringLiteral("English");
    case Language::German: return QStringLiteral("Deutsch");
    case Language::Russian: return QStringLiteral("Русский");
    case Language::System: break;
    }
    return {};
}

Language LanguageManager::effectiveLanguage() const
{
    return m_language == Language::System ? systemLanguage() : m_language;
}

bool LanguageManager::setLanguage(Language language)
{
    m_language = language;
    const Language shown = effectiveLanguage();
    removeTranslators();

    // The default locale is set first so widgets retranslating on LanguageChange already format
    // numbers the new way.
    const QString code = languageCode(shown);
    QLocale::setDefault(shown == Language::English ? QLocale(QLocale::English, QLocale::UnitedStates) : QLocale(code));

    bool ok = true;
    if (shown != Language::English) {
        m_appTranslator = new QTranslator(this);
        const QString catalogue = QStringLiteral("factorscope_") + code;
        if (m_appTranslator->load(catalogue, installedCatalogueDirectory())
            || m_appTranslator->load(QStringLiteral(":/i18n/") + catalogue)) {
            QCoreApplication::installTranslator(m_appTranslator);
        } else {
            ok = false;
            delete m_appTranslator;
            m_appTranslator = nullptr;
        }
        // Qt's own strings (standard buttons, file dialogs), when the system has them.
        m_qtTranslator = new QTranslator(this);
        if (m_qtTranslator->load(QStringLiteral("qtbase_") + code, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
            QCoreApplication::installTranslator(m_qtTranslator);
        } else {
            delete m_qtTranslator;
            m_qtTranslator = nullptr;
        }
    }
    if (shown == Language::English) {
        // No translator to install, yet widgets must still refresh (e.g. number formats).
        QEvent event(QEvent::LanguageChange);
        QCoreApplication::sendEvent(QCoreApplication::instance(), &event);
    }
    Q_EMIT languageChanged(m_language);
    return ok;
}

void LanguageManager::removeTranslators()
{
    for (QTranslator **translator : {&m_appTranslator, &m_qtTranslator}) {
        if (*translator) {
            QCoreApplication::removeTranslator(*translator);
            delete *translator;
            *translator = nullptr;
        }
    }
}

QString LanguageManager::installedCatalogueDirectory()
{
    return QDir::cleanPath(QCoreApplication::applicationDirPath() + QStringLiteral("/../share/factorscope/translations"));
}

} // namespace fs::ui

#pragma once

#include "app/appsettings.h"

#include <QObject>

class QTranslator;

namespace fs::ui {

// Installs the translators for the chosen language. Installing or removing a translator makes Qt
// send QEvent::LanguageChange to every widget, which is how the switch happens without a restart.
class LanguageManager : public QObject
{
    Q_OBJECT

public:
    explicit LanguageManager(QObject *parent = nullptr);
    ~LanguageManager() override;

    Language language() const { return m_language; }
    /// The language actually shown: System resolved against the system locale.
    Language effectiveLanguage() const;
    /// Switches at once; returns false when the catalogue for it could not be loaded.
    bool setLanguage(Language language);

    static Language systemLanguage();
    /// Where an installation keeps its catalogues (prefix/share/factorscope/translations); the
    /// catalogues found there take precedence over the ones compiled into the program.
    static QString installedCatalogueDirectory();
    static QString nativeName(Language language);

Q_SIGNALS:
    void languageChanged(fs::ui::Language language);

private:
    void removeTranslators();

    Language m_language = Language::English;
    QTranslator *m_appTranslator = nullptr;
    QTranslator *m_qtTranslator = nullptr;
};

} // namespace fs::ui

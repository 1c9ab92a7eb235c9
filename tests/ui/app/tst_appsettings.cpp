#include "app/appsettings.h"

#include <QCoreApplication>
#include <QStandardPaths>
#include <QTest>

using fs::ui::AppSettings;
using fs::ui::Language;

class TestAppSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("FactorScopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_appsettings"));
    }

    void init() { AppSettings().setRecentFiles({}); }

    void recentFilesMostRecentFirstWithoutDuplicates()
    {
        AppSettings settings;
        settings.addRecentFile(QStringLiteral("/a.mtx"));
        settings.addRecentFile(QStringLiteral("/b.mtx"));
        settings.addRecentFile(QStringLiteral("/a.mtx"));
        QCOMPARE(AppSettings().recentFiles(), (QStringList{"/a.mtx", "/b.mtx"}));
    }

    void recentFilesAreCapped()
    {
        AppSettings settings;
        for (int i = 0; i < AppSettings::MaxRecentFiles + 5; ++i)
            settings.addRecentFile(QStringLiteral("/m%1.mtx").arg(i));
        const QStringList files = AppSettings().recentFiles();
        QCOMPARE(files.size(), AppSettings::MaxRecentFiles);
        QCOMPARE(files.first(), QStringLiteral("/m%1.mtx").arg(AppSettings::MaxRecentFiles + 4));
    }

    void removeRecentFile()
    {
        AppSettings settings;
        settings.addRecentFile(QStringLiteral("/a.mtx"));
        settings.addRecentFile(QStringLiteral("/b.mtx"));
        settings.removeRecentFile(QStringLiteral("/a.mtx"));
        QCOMPARE(AppSettings().recentFiles(), QStringList{"/b.mtx"});
    }

    void languageRoundTrip_data()
    {
        QTest::addColumn<Language>("language");
        QTest::newRow("system") << Language::System;
        QTest::newRow("english") << Language::English;
        QTest::newRow("german") << Language::German;
        QTest::newRow("russian") << Language::Russian;
    }

    void languageRoundTrip()
    {
        QFETCH(Language, language);
        AppSettings().setLanguage(language);
        QCOMPARE(AppSettings().language(), language);
    }

    void spyColorModeRoundTrip()
    {
        AppSettings().setSpyColorMode(fs::ui::SpyColorMode::MaxAbs);
        QCOMPARE(AppSettings().spyColorMode(), fs::ui::SpyColorMode::MaxAbs);
        AppSettings().setSpyColorMode(fs::ui::SpyColorMode::Count);
        QCOMPARE(AppSettings().spyColorMode(), fs::ui::SpyColorMode::Count);
    }

    void unknownLanguageCodeMeansSystem()
    {
        QCOMPARE(fs::ui::languageFromCode(QStringLiteral("xx")), Language::System);
        QCOMPARE(fs::ui::languageFromCode(fs::ui::languageCode(Language::German)), Language::German);
    }
};

QTEST_GUILESS_MAIN(TestAppSettings)
#include "tst_appsettings.moc"

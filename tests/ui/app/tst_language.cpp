#include "app/languagemanager.h"
#include "app/languagemenu.h"
#include "app/mainwindow.h"
#include "pattern/spyplot.h"

#include <QApplication>
#include <QFile>
#include <QStandardPaths>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using fs::ui::Language;
using fs::ui::LanguageManager;
using fs::ui::MainWindow;

class TestLanguage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setOrganizationName(QStringLiteral("FactorScopeTest"));
        QApplication::setApplicationName(QStringLiteral("tst_language"));
    }

    void catalogues_data()
    {
        QTest::addColumn<QString>("code");
        QTest::newRow("German") << "de";
        QTest::newRow("Russian") << "ru";
    }

    void catalogues()
    {
        QFETCH(QString, code);
        QTranslator translator;
        QVERIFY(translator.load(":/i18n/factorscope_" + code));
        QVERIFY(!translator.isEmpty());
    }

    // Every message in the shipped catalogues has a finished translation.
    void cataloguesComplete_data() { catalogues_data(); }

    void cataloguesComplete()
    {
        QFETCH(QString, code);
        QFile file(QStringLiteral(FS_SOURCE_DIR "/translations/factorscope_%1.ts").arg(code));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&file);
        int messages = 0;
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement)
                continue;
            if (xml.name() == QLatin1String("message"))
                ++messages;
            if (xml.name() == QLatin1String("translation")) {
                const QString type = xml.attributes().value("type").toString();
                QVERIFY2(type.isEmpty(), qPrintable(QStringLiteral("%1 message %2 is %3").arg(code).arg(messages).arg(type)));
            }
        }
        QVERIFY(!xml.hasError());
        QVERIFY(messages > 50);
    }

    void switchesAtOnceAndBack()
    {
        LanguageManager languages;
        languages.setLanguage(Language::English);
        MainWindow window(&languages);
        window.setErrorDialogsEnabled(false);
        window.show();
        QTRY_COMPARE(window.openAction()->text(), QStringLiteral("&Open…"));
        QCOMPARE(window.spyPlot()->yAxis->label(), QStringLiteral("Row"));

        QVERIFY(languages.setLanguage(Language::German));
        QTRY_COMPARE(window.openAction()->text(), QStringLiteral("Ö&ffnen…"));
        QCOMPARE(window.spyPlot()->yAxis->label(), QStringLiteral("Zeile"));
        QCOMPARE(window.resetZoomAction()->text(), QStringLiteral("Zoom &zurücksetzen"));

        QVERIFY(languages.setLanguage(Language::Russian));
        QTRY_COMPARE(window.openAction()->text(), QStringLiteral("&Открыть…"));
        QCOMPARE(window.spyPlot()->yAxis->label(), QStringLiteral("Строка"));

        QVERIFY(languages.setLanguage(Language::English));
        QTRY_COMPARE(window.openAction()->text(), QStringLiteral("&Open…"));
        QCOMPARE(window.spyPlot()->yAxis->label(), QStringLiteral("Row"));
    }

    void menuSwitchesAndRemembers()
    {
        LanguageManager languages;
        languages.setLanguage(Language::English);
        MainWindow window(&languages);
        window.languageMenu()->actionFor(Language::German)->trigger();
        QCOMPARE(languages.language(), Language::German);
        QCOMPARE(fs::ui::AppSettings().language(), Language::German);
        QVERIFY(window.languageMenu()->actionFor(Language::German)->isChecked());
        QTRY_COMPARE(window.languageMenu()->title(), QStringLiteral("&Sprache"));

        window.languageMenu()->actionFor(Language::System)->trigger();
        QCOMPARE(fs::ui::AppSettings().language(), Language::System);
        languages.setLanguage(Language::English);
    }
};

QTEST_MAIN(TestLanguage)
#include "tst_language.moc"

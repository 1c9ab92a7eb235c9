#include "app/appsettings.h"
#include "app/languagemanager.h"
#include "app/mainwindow.h"
#include "document/matrixlistdock.h"
#include "document/matrixlistmodel.h"
#include "document/matrixloader.h"
#include "pattern/spyplot.h"
#include "pattern/statuspanel.h"

#include <QApplication>
#include <QFileInfo>
#include <QMessageBox>
#include <QMimeData>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>
#include <QUrl>

using fs::ui::LoadFailure;
using fs::ui::MainWindow;
using fs::ui::MatrixDocumentPtr;

namespace {
const QString Bus = QStringLiteral(FS_BENCHMARK_DIR "/494_bus.mtx.gz");
const QString Nos4 = QStringLiteral(FS_BENCHMARK_DIR "/nos4.mtx.gz");
const QString BadHeader = QStringLiteral(FS_TEST_DATA_DIR "/malformed/bad_header.mtx");
}

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setOrganizationName(QStringLiteral("FactorScopeTest"));
        QApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
        fs::ui::AppSettings().setRecentFiles({});
        fs::ui::AppSettings().setSpyColorMode(fs::ui::SpyColorMode::Count);
        m_languages.setLanguage(fs::ui::Language::English);
    }

    void init()
    {
        m_window = std::make_unique<MainWindow>(&m_languages);
        m_window->setErrorDialogsEnabled(false);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup() { m_window.reset(); }

    void listsBenchmarkCollection()
    {
        QCOMPARE(m_window->matrixList()->model()->rowCount(), 32);
    }

    void opensFileInBackground()
    {
        QSignalSpy changed(m_window.get(), &MainWindow::documentChanged);
        m_window->openFile(Bus);
        QVERIFY(m_window->loader()->isBusy());
        QVERIFY(changed.wait(10000));
        const MatrixDocumentPtr doc = m_window->document();
        QVERIFY(doc);
        QCOMPARE(doc->matrix.rows(), 494);
        QCOMPARE(m_window->spyPlot()->document(), doc);
        QTRY_VERIFY(!m_window->spyPlot()->isRebinPending());
        QCOMPARE(m_window->spyPlot()->bins().total, doc->matrix.nonZeros());
        QCOMPARE(m_window->statusPanel()->sizeText(), QStringLiteral("n = 494"));
        QCOMPARE(m_window->statusPanel()->nonzerosText(), QStringLiteral("nnz = 1,666"));
        QCOMPARE(m_window->statusPanel()->symmetryText(), QStringLiteral("symmetric"));
        QCOMPARE(m_window->statusPanel()->fileText(), QStringLiteral("494_bus.mtx.gz"));
        QVERIFY(m_window->windowTitle().contains("494_bus"));
        QCOMPARE(fs::ui::AppSettings().recentFiles().value(0), QFileInfo(Bus).absoluteFilePath());
    }

    void failedLoadKeepsPreviousMatrix()
    {
        QSignalSpy changed(m_window.get(), &MainWindow::documentChanged);
        m_window->openFile(Bus);
        QVERIFY(changed.wait(10000));
        const MatrixDocumentPtr before = m_window->document();

        QSignalSpy failed(m_window.get(), &MainWindow::loadFailed);
        m_window->openFile(BadHeader);
        QVERIFY(failed.wait(10000));
        const auto failure = failed.constFirst().at(0).value<LoadFailure>();
        QCOMPARE(failure.kind, LoadFailure::Kind::MatrixMarket);
        QCOMPARE(failure.line, 1);
        QCOMPARE(failure.filePath, BadHeader);
        QCOMPARE(m_window->document(), before);
        QCOMPARE(m_window->spyPlot()->document(), before);
        QCOMPARE(m_window->statusPanel()->fileText(), QStringLiteral("494_bus.mtx.gz"));
        QCOMPARE(changed.size(), 1);
    }

    void errorDialogShowsFileAndLine()
    {
        m_window->setErrorDialogsEnabled(true);
        QString shownText;
        // The warning box is modal; close it from a timer once it appears.
        QTimer closer;
        connect(&closer, &QTimer::timeout, this, [&] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                shownText = box->text();
                box->accept();
            }
        });
        closer.start(20);
        QSignalSpy failed(m_window.get(), &MainWindow::loadFailed);
        m_window->openFile(BadHeader);
        QVERIFY(failed.wait(10000));
        QTRY_VERIFY(!shownText.isEmpty());
        QVERIFY(shownText.contains("bad_header.mtx"));
        QVERIFY(shownText.contains("Line 1"));
        QVERIFY(!m_window->document());
    }

    void newerRequestWins()
    {
        QSignalSpy changed(m_window.get(), &MainWindow::documentChanged);
        m_window->openFile(Bus);
        m_window->openFile(Nos4);
        m_window->loader()->waitForIdle();
        QCOMPARE(changed.size(), 1);
        QCOMPARE(m_window->document()->filePath, Nos4);
    }

    void listActivationOpensOnce()
    {
        QSignalSpy changed(m_window.get(), &MainWindow::documentChanged);
        const QString path = m_window->matrixList()->filePathOf(QStringLiteral("nos4"));
        QCOMPARE(QFileInfo(path), QFileInfo(Nos4));
        Q_EMIT m_window->matrixList()->fileActivated(path);
        QVERIFY(changed.wait(10000));
        // The second report of a double click must not load the shown file again.
        Q_EMIT m_window->matrixList()->fileActivated(path);
        QVERIFY(!m_window->loader()->isBusy());
        QCOMPARE(changed.size(), 1);
    }

    void dropOpensMatrixFile()
    {
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(Nos4)});
        const QPointF pos = m_window->rect().center();
        QDragEnterEvent enter(pos.toPoint(), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(m_window.get(), &enter);
        QVERIFY(enter.isAccepted());
        QSignalSpy changed(m_window.get(), &MainWindow::documentChanged);
        QDropEvent drop(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(m_window.get(), &drop);
        QVERIFY(changed.wait(10000));
        QCOMPARE(m_window->document()->matrix.rows(), 100);
    }

    void dropIgnoresOtherFiles()
    {
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(QStringLiteral(FS_BENCHMARK_DIR "/INDEX.csv"))});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        enter.setAccepted(false);
        QCoreApplication::sendEvent(m_window.get(), &enter);
        QVERIFY(!enter.isAccepted());
    }

    void hoverShowsInStatusBar()
    {
        QSignalSpy changed(m_window.get(), &MainWindow::documentChanged);
        m_window->openFile(Nos4);
        QVERIFY(changed.wait(10000));
        auto *plot = m_window->spyPlot();
        plot->rebinNow();
        const QPointF pos = plot->positionOfCell(0, 0);
        QMouseEvent move(QEvent::MouseMove, pos, plot->mapToGlobal(pos), Qt::NoButton, Qt::NoButton, Qt::NoModifier);
        QCoreApplication::sendEvent(plot, &move);
        const QString expected = QStringLiteral("Row 1, column 1: %1").arg(QLocale().toString(m_window->document()->matrix.coeff(0, 0), 'g', QLocale::FloatingPointShortest));
        QCOMPARE(m_window->hoverText(), expected);
    }

    void resetZoomAction()
    {
        QSignalSpy changed(m_window.get(), &MainWindow::documentChanged);
        m_window->openFile(Bus);
        QVERIFY(changed.wait(10000));
        auto *plot = m_window->spyPlot();
        plot->showWindow({0, 10, 0, 10});
        QVERIFY(plot->visibleWindow().row_end < 100);
        QVERIFY(m_window->resetZoomAction()->shortcuts().contains(QKeySequence(Qt::Key_Home)));
        m_window->resetZoomAction()->trigger();
        QCOMPARE(plot->visibleWindow().row_end, 494);
    }

    void colourModeActionSwitchesPlot()
    {
        QCOMPARE(m_window->spyPlot()->colorMode(), fs::ui::SpyColorMode::Count);
        m_window->colorByMagnitudeAction()->trigger();
        QCOMPARE(m_window->spyPlot()->colorMode(), fs::ui::SpyColorMode::MaxAbs);
        QCOMPARE(fs::ui::AppSettings().spyColorMode(), fs::ui::SpyColorMode::MaxAbs);
        fs::ui::AppSettings().setSpyColorMode(fs::ui::SpyColorMode::Count);
    }

private:
    fs::ui::LanguageManager m_languages;
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"

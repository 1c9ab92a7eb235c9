#include "collection/collectioncache.h"
#include "collection/collectioncontroller.h"
#include "collection/collectiondialog.h"
#include "collection/collectiondownloader.h"
#include "collection/collectionfilterbar.h"
#include "collection/collectionmodel.h"
#include "app/languagemanager.h"
#include "app/mainwindow.h"

#include <sources/ssstats.h>

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLineEdit>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using fs::ui::CollectionCache;
using fs::ui::CollectionDialog;
using fs::ui::CollectionDownloader;
using fs::ui::CollectionModel;

namespace {

const QString Index = QStringLiteral(FS_TEST_DATA_DIR "/collection/ssstats.csv");

// A port nobody listens on: the "no network" case, without depending on the machine's network.
QUrl refusedUrl()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost);
    const quint16 port = probe.serverPort();
    probe.close();
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
}

QStringList visibleNames(const CollectionDialog &dialog)
{
    QStringList names;
    const QAbstractItemModel *view = dialog.table()->model();
    for (int row = 0; row < view->rowCount(); ++row)
        names.append(view->index(row, CollectionModel::Name).data().toString());
    return names;
}

} // namespace

class TestCollectionDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setOrganizationName(QStringLiteral("FactorScopeTest"));
        QApplication::setApplicationName(QStringLiteral("tst_collectiondialog"));
        m_languages.setLanguage(fs::ui::Language::English);
    }

    void init()
    {
        m_cacheDir = std::make_unique<QTemporaryDir>();
        m_downloader = std::make_unique<CollectionDownloader>(CollectionCache(m_cacheDir->path()));
        m_downloader->setBaseUrl(refusedUrl());
        m_dialog = std::make_unique<CollectionDialog>(m_downloader.get());
    }

    void cleanup()
    {
        m_dialog.reset();
        m_downloader.reset();
        m_cacheDir.reset();
    }

    void withoutNetworkOffersALocalFile()
    {
        m_dialog->show();
        m_dialog->loadCachedIndexOrFetch();
        QTRY_VERIFY_WITH_TIMEOUT(m_dialog->isNoticeVisible(), 10000);
        QVERIFY2(m_dialog->noticeText().contains(QLatin1String("could not be downloaded")), qPrintable(m_dialog->noticeText()));
        QVERIFY(m_dialog->noticeText().contains(QLatin1String("ssstats.csv")));
        QVERIFY(m_dialog->loadFileButton()->isVisible());
        QCOMPARE(m_dialog->model()->rowCount(), 0);

        QVERIFY(m_dialog->loadIndexFile(Index));
        QVERIFY(!m_dialog->isNoticeVisible());
        QCOMPARE(m_dialog->model()->rowCount(), 16);
        QVERIFY2(m_dialog->statusText().contains(QLatin1String("line 9")), qPrintable(m_dialog->statusText()));
    }

    void notAnIndexIsRefused()
    {
        QVERIFY(m_dialog->loadIndexFile(Index));
        const QString bogus = m_cacheDir->filePath(QStringLiteral("bogus.csv"));
        QFile f(bogus);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("<html>\n<body>Service unavailable</body>\n</html>\n");
        f.close();
        QVERIFY(!m_dialog->loadIndexFile(bogus));
        QVERIFY(m_dialog->isNoticeVisible());
        QCOMPARE(m_dialog->model()->rowCount(), 16); // what was shown stays
    }

    void cachedIndexNeedsNoNetwork()
    {
        QVERIFY(QFile::copy(Index, m_cacheDir->filePath(QStringLiteral("ssstats.csv"))));
        m_dialog->loadCachedIndexOrFetch();
        QCOMPARE(m_dialog->model()->rowCount(), 16);
        QVERIFY(!m_dialog->isNoticeVisible());
    }

    void filters_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("posdef");
        QTest::addColumn<QString>("group");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<double>("maxRows");
        QTest::addColumn<double>("minNnz");
        QTest::addColumn<QStringList>("names");
        QTest::newRow("text in name") << "bus" << false << "" << "" << 0.0 << 0.0 << QStringList{"494_bus", "1138_bus"};
        QTest::newRow("text in kind") << "hostile" << false << "" << "" << 0.0 << 0.0 << QStringList{"traversal"};
        QTest::newRow("id") << "15" << false << "" << "" << 0.0 << 0.0 << QStringList{"traversal"};
        QTest::newRow("posdef drops no and unknown") << "" << true << "Pajek" << "" << 0.0 << 0.0 << QStringList{};
        QTest::newRow("group") << "" << false << "Pothen" << "" << 0.0 << 0.0 << QStringList{"mesh1e1"};
        QTest::newRow("kind with comma") << "" << false << "" << "test fixture, cut short" << 0.0 << 0.0
                                         << QStringList{"truncated"};
        QTest::newRow("rows and nnz") << "" << true << "HB" << "" << 1000.0 << 1000.0
                                      << QStringList{"494_bus", "gr_30_30"};
    }

    void filters()
    {
        QFETCH(QString, text);
        QFETCH(bool, posdef);
        QFETCH(QString, group);
        QFETCH(QString, kind);
        QFETCH(double, maxRows);
        QFETCH(double, minNnz);
        QFETCH(QStringList, names);
        QVERIFY(m_dialog->loadIndexFile(Index));
        fs::ui::CollectionFilterBar *bar = m_dialog->filterBar();
        bar->textEdit()->setText(text);
        bar->posdefBox()->setChecked(posdef);
        bar->groupBox()->setCurrentIndex(group.isEmpty() ? 0 : bar->groupBox()->findData(group));
        bar->kindBox()->setCurrentIndex(kind.isEmpty() ? 0 : bar->kindBox()->findData(kind));
        bar->maxRowsBox()->setValue(maxRows);
        bar->minNnzBox()->setValue(minNnz);
        QCOMPARE(visibleNames(*m_dialog), names);
    }

    void sortsNumerically()
    {
        QVERIFY(m_dialog->loadIndexFile(Index));
        m_dialog->table()->sortByColumn(CollectionModel::Nnz, Qt::DescendingOrder);
        QCOMPARE(visibleNames(*m_dialog).first(), QStringLiteral("bcsstk16")); // 290378 > 83883 as numbers
        QCOMPARE(m_dialog->model()->index(11, CollectionModel::PosDef).data().toString(), QStringLiteral("unknown"));
    }

    void cachedSelectionIsReadyWithoutNetwork()
    {
        QVERIFY(m_dialog->loadIndexFile(Index));
        const CollectionCache &cache = m_downloader->cache();
        const fs::sources::SsRecord &bus = m_dialog->model()->record(3);
        QCOMPARE(bus.name, std::string("494_bus"));
        QDir().mkpath(cache.matrixFolder(bus));
        QVERIFY(QFile::copy(QStringLiteral(FS_TEST_DATA_DIR "/suitesparse/can___24.mtx"), cache.matrixPath(bus)));
        m_dialog->model()->refreshCached(cache);
        QCOMPARE(m_dialog->model()->index(3, CollectionModel::Cached).data().toString(), QStringLiteral("downloaded"));

        QSignalSpy ready(m_dialog.get(), &CollectionDialog::matricesReady);
        QSignalSpy open(m_dialog.get(), &CollectionDialog::openRequested);
        m_dialog->table()->selectRow(3);
        QVERIFY(m_dialog->downloadButton()->isEnabled());
        m_dialog->downloadSelected();
        QCOMPARE(ready.size(), 1);
        QCOMPARE(ready.at(0).at(0).toStringList(), QStringList{cache.matrixPath(bus)});
        QCOMPARE(ready.at(0).at(1).toString(), cache.matricesFolder());
        m_dialog->openSelected();
        QCOMPARE(open.size(), 1);
        QCOMPARE(open.at(0).at(0).toString(), cache.matrixPath(bus));
    }

    void mainWindowHasTheMenuEntry()
    {
        fs::ui::MainWindow window(&m_languages);
        auto *controller = window.findChild<fs::ui::CollectionController *>();
        QVERIFY(controller);
        QVERIFY(window.fileMenu()->actions().contains(controller->action()));
        QCOMPARE(controller->action()->text(), QStringLiteral("SuiteSparse &Collection…"));
        m_languages.setLanguage(fs::ui::Language::German);
        QTRY_COMPARE(controller->action()->text(), QStringLiteral("SuiteSparse-&Sammlung…"));
        m_languages.setLanguage(fs::ui::Language::English);
        QTRY_COMPARE(controller->action()->text(), QStringLiteral("SuiteSparse &Collection…"));
    }

    void screenshot()
    {
        const CollectionCache &cache = m_downloader->cache();
        QVERIFY(QFile::copy(Index, cache.indexPath()));
        m_dialog->loadCachedIndexOrFetch();
        const fs::sources::SsRecord &bus = m_dialog->model()->record(3);
        QDir().mkpath(cache.matrixFolder(bus));
        QVERIFY(QFile::copy(QStringLiteral(FS_TEST_DATA_DIR "/suitesparse/can___24.mtx"), cache.matrixPath(bus)));
        m_dialog->model()->refreshCached(cache);
        m_dialog->resize(1000, 560);
        m_dialog->filterBar()->posdefBox()->setChecked(true);
        m_dialog->table()->selectRow(0);
        m_dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
        const QImage image = m_dialog->grab().toImage();
        QVERIFY(image.width() >= 1000);
        const QString out = qEnvironmentVariable("FS_SCREENSHOT_DIR", QDir::tempPath()) + QStringLiteral("/collection.png");
        QVERIFY(image.save(out));
    }

private:
    fs::ui::LanguageManager m_languages;
    std::unique_ptr<QTemporaryDir> m_cacheDir;
    std::unique_ptr<CollectionDownloader> m_downloader;
    std::unique_ptr<CollectionDialog> m_dialog;
};

QTEST_MAIN(TestCollectionDialog)
#include "tst_collectiondialog.moc"

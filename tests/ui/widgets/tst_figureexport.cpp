#include "widgets/figureexporter.h"
#include "document/generateddocument.h"
#include "perturb/plots/perturbdiagplot.h"
#include "perturb/perturbview.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace fs::ui;

namespace {

QByteArray head(const QString &path, int bytes)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.read(bytes) : QByteArray();
}

bool isSvg(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    QXmlStreamReader xml(&f);
    bool root = false;
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement && !root)
            root = xml.name() == QLatin1String("svg");
    }
    return root && !xml.hasError();
}

bool validFigure(const QString &path)
{
    if (path.endsWith(QLatin1String(".png")))
        return head(path, 8) == QByteArray("\x89PNG\r\n\x1a\n", 8) && !QImage(path).isNull();
    if (path.endsWith(QLatin1String(".pdf")))
        return head(path, 5) == "%PDF-" && QFile(path).size() > 500;
    return isSvg(path);
}

} // namespace

class TestFigureExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formats_data()
    {
        QTest::addColumn<QString>("suffix");
        QTest::newRow("png") << QStringLiteral("png");
        QTest::newRow("pdf") << QStringLiteral("pdf");
        QTest::newRow("svg") << QStringLiteral("svg");
    }

    void formats()
    {
        QFETCH(QString, suffix);
        QTemporaryDir dir;
        PerturbDiagPlot plot;
        plot.setDiagonalChange({0.4, 0.2, 0.1, 0.05});
        const QString path = dir.filePath(QStringLiteral("fig.") + suffix);
        QString error;
        QVERIFY2(FigureExporter::exportFigure(&plot, path, {100.0, 50.0, 200}, &error), qPrintable(error));
        QVERIFY(validFigure(path));
        if (suffix == QLatin1String("png")) {
            // 100 mm at 200 dpi = 787 px, within rounding of the layout size.
            const QImage image(path);
            QVERIFY(std::abs(image.width() - 787) <= 3);
            QVERIFY(std::abs(image.height() - 394) <= 3);
            QVERIFY(std::abs(image.dotsPerMeterX() - 200 / 0.0254) < 2);
        }
    }

    void cursorsAreNotDrawnButRestored()
    {
        QTemporaryDir dir;
        PerturbDiagPlot plot;
        plot.setDiagonalChange({0.4, 0.2, 0.1, 0.05});
        auto *cursor = new QCPItemStraightLine(&plot);
        cursor->point1->setCoords(2.5, 0);
        cursor->point2->setCoords(2.5, 1);
        cursor->setPen(QPen(QColor(255, 0, 255), 6));
        const auto magentaPixels = [&](const QString &path) {
            const QImage image = QImage(path).convertToFormat(QImage::Format_RGB32);
            int count = 0;
            for (int y = 0; y < image.height(); ++y)
                for (int x = 0; x < image.width(); ++x)
                    count += image.pixel(x, y) == qRgb(255, 0, 255);
            return count;
        };
        const QString shown = dir.filePath(QStringLiteral("shown.png"));
        QVERIFY(FigureExporter::exportFigure(&plot, shown, {80, 50, 96}));
        QVERIFY(magentaPixels(shown) > 50);
        FigureExporter::markAsCursor(cursor);
        const QString hidden = dir.filePath(QStringLiteral("hidden.png"));
        QVERIFY(FigureExporter::exportFigure(&plot, hidden, {80, 50, 96}));
        QCOMPARE(magentaPixels(hidden), 0);
        QVERIFY(cursor->visible());
    }

    void unknownFormatFails()
    {
        PerturbDiagPlot plot;
        QString error;
        QVERIFY(!FigureExporter::exportFigure(&plot, QStringLiteral("/tmp/x.bmp"), {}, &error));
        QVERIFY(!error.isEmpty());
    }

    void exportAllWritesFiguresAndTables()
    {
        QTemporaryDir dir;
        PerturbView view;
        view.resize(1200, 800);
        GeneratorRequest r;
        r.kind = fs::sparse::GeneratorKind::Counterexample;
        r.params.set("n", 60);
        const GeneratedDocument g = generateDocument(r);
        view.setGenerated(g);
        view.setDocument(g.document);
        view.waitForIdle();
        view.setEdit({0, 0, 1.0});
        view.waitForIdle();
        QString error;
        QVERIFY2(view.exportAll(dir.path(), QStringLiteral("svg"), {}, &error), qPrintable(error));
        for (const char *name : {"pattern.svg", "diagonal-change.svg", "factor-change.svg", "locality-profile.svg"})
            QVERIFY2(isSvg(dir.filePath(QLatin1String(name))), name);
        QFile csv(dir.filePath(QStringLiteral("diagonal-change.csv")));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QCOMPARE(csv.readLine().trimmed(), QByteArray("i,dL_ii"));
        const QList<QByteArray> first = csv.readLine().trimmed().split(',');
        QCOMPARE(first.value(0), QByteArray("1"));
        QVERIFY(std::abs(first.value(1).toDouble() - (std::sqrt(2.0) - 1.0)) < 1e-14);
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("locality-profile.csv"))));
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("factor-change.csv"))));
    }

    void headlessFigure_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("suffix");
        QTest::newRow("laplacian png") << QStringLiteral("fig1-laplacian") << QStringLiteral("png");
        QTest::newRow("counterexample pdf") << QStringLiteral("fig1-counterexample") << QStringLiteral("pdf");
        QTest::newRow("counterexample svg") << QStringLiteral("fig1-counterexample") << QStringLiteral("svg");
    }

    void headlessFigure()
    {
        QFETCH(QString, name);
        QFETCH(QString, suffix);
        if (QString::fromUtf8(FS_GUI_PATH).isEmpty())
            QSKIP("factorscope is not built");
        QTemporaryDir dir;
        const QString out = dir.filePath(name + QLatin1Char('.') + suffix);
        QProcess gui;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        gui.setProcessEnvironment(env);
        gui.start(QStringLiteral(FS_GUI_PATH), {QStringLiteral("--export-figure"), name, QStringLiteral("--out"), out});
        QVERIFY(gui.waitForFinished(60000));
        QVERIFY2(gui.exitCode() == 0, gui.readAllStandardError().constData());
        QVERIFY(validFigure(out));
    }

    void headlessFigureRejectsUnknownName()
    {
        if (QString::fromUtf8(FS_GUI_PATH).isEmpty())
            QSKIP("factorscope is not built");
        QTemporaryDir dir;
        QProcess gui;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        gui.setProcessEnvironment(env);
        gui.start(QStringLiteral(FS_GUI_PATH), {QStringLiteral("--export-figure"), QStringLiteral("fig9"),
                                                QStringLiteral("--out"), dir.filePath(QStringLiteral("x.png"))});
        QVERIFY(gui.waitForFinished(60000));
        QVERIFY(gui.exitCode() != 0);
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("x.png"))));
    }
};

QTEST_MAIN(TestFigureExport)
#include "tst_figureexport.moc"

// The dependency rules of the architecture, checked on the sources: core/ includes no Qt header,
// ui/ and app/ include no LibTorch header (Qt's keywords break ATen, and torch stays in core/learn).
#include <QDirIterator>
#include <QRegularExpression>
#include <QtTest>

class TestLayering : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void forbiddenIncludes_data();
    void forbiddenIncludes();
    void patternsCatchViolations();

private:
    static QStringList offenders(const QString &dir, const QRegularExpression &re);
};

static const QRegularExpression &qtInclude()
{
    static const QRegularExpression re(
        QStringLiteral(R"(^\s*#\s*include\s*[<"](Q[A-Za-z]*(/[^>"]*)?|qcustomplot\.h|qt[a-z]*/[^>"]*)[>"])"),
        QRegularExpression::MultilineOption);
    return re;
}

static const QRegularExpression &torchInclude()
{
    static const QRegularExpression re(QStringLiteral(R"(^\s*#\s*include\s*[<"](torch|ATen|c10)/)"),
                                       QRegularExpression::MultilineOption);
    return re;
}

QStringList TestLayering::offenders(const QString &dir, const QRegularExpression &re)
{
    QStringList bad;
    QDirIterator it(dir, {QStringLiteral("*.h"), QStringLiteral("*.hpp"), QStringLiteral("*.cpp")},
                    QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (f.open(QIODevice::ReadOnly) && re.match(QString::fromUtf8(f.readAll())).hasMatch())
            bad << path;
    }
    return bad;
}

void TestLayering::forbiddenIncludes_data()
{
    QTest::addColumn<QString>("dir");
    QTest::addColumn<bool>("qtForbidden");
    QTest::addColumn<bool>("torchForbidden");
    QTest::newRow("core") << QStringLiteral(FS_SOURCE_DIR "/core") << true << false;
    QTest::newRow("ui") << QStringLiteral(FS_SOURCE_DIR "/ui") << false << true;
    QTest::newRow("app") << QStringLiteral(FS_SOURCE_DIR "/app") << false << true;
}

void TestLayering::forbiddenIncludes()
{
    QFETCH(QString, dir);
    QFETCH(bool, qtForbidden);
    QFETCH(bool, torchForbidden);
    QVERIFY(QDir(dir).exists());
    if (qtForbidden) {
        const QStringList bad = offenders(dir, qtInclude());
        QVERIFY2(bad.isEmpty(), qPrintable(QStringLiteral("Qt headers in: ") + bad.join(QLatin1Char(' '))));
    }
    if (torchForbidden) {
        const QStringList bad = offenders(dir, torchInclude());
        QVERIFY2(bad.isEmpty(), qPrintable(QStringLiteral("LibTorch headers in: ") + bad.join(QLatin1Char(' '))));
    }
}

void TestLayering::patternsCatchViolations()
{
    // The check itself must be able to fail.
    QVERIFY(qtInclude().match(QStringLiteral("#include <QString>\n")).hasMatch());
    QVERIFY(qtInclude().match(QStringLiteral("  #include <QtCore/QObject>\n")).hasMatch());
    QVERIFY(qtInclude().match(QStringLiteral("#include \"qcustomplot.h\"\n")).hasMatch());
    QVERIFY(!qtInclude().match(QStringLiteral("#include <queue>\n")).hasMatch());
    QVERIFY(torchInclude().match(QStringLiteral("#include <torch/torch.h>\n")).hasMatch());
    QVERIFY(torchInclude().match(QStringLiteral("#include <ATen/ATen.h>\n")).hasMatch());
    QVERIFY(!torchInclude().match(QStringLiteral("#include <thread>\n")).hasMatch());
}

QTEST_APPLESS_MAIN(TestLayering)
#include "tst_layering.moc"

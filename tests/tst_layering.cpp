// The dependency rules of the architecture, checked on the sources:
// - core/ includes no Qt header; ui/ and app/ include no LibTorch header (Qt's keywords break ATen,
//   and torch stays in core/learn);
// - each core module includes only the modules below it (the table `coreRules`);
// - each ui/ feature folder includes only its own headers and the shared folders below it
//   (`uiRules`): no feature includes another feature, only app/ wires them together;
// - ui/ has no file in its root but its CMakeLists.txt.
#include <QDirIterator>
#include <QMap>
#include <QRegularExpression>
#include <QSet>
#include <QtTest>

namespace {

using Rules = QMap<QString, QSet<QString>>;

// Which module may include which (a module may always include itself). A folder that is not in
// the table is a violation too, so a new module must be placed in the order explicitly.
const Rules &coreRules()
{
    static const Rules rules{
        {QStringLiteral("support"), {}},
        {QStringLiteral("sparse"), {QStringLiteral("support")}},
        {QStringLiteral("sources"), {QStringLiteral("support"), QStringLiteral("sparse")}},
        {QStringLiteral("factor"), {QStringLiteral("support"), QStringLiteral("sparse")}},
        {QStringLiteral("precond"), {QStringLiteral("support"), QStringLiteral("sparse"), QStringLiteral("factor")}},
        {QStringLiteral("perturb"),
         {QStringLiteral("support"), QStringLiteral("sparse"), QStringLiteral("factor"), QStringLiteral("precond")}},
        {QStringLiteral("bench"),
         {QStringLiteral("support"), QStringLiteral("sparse"), QStringLiteral("factor"), QStringLiteral("precond")}},
        {QStringLiteral("dataset"), {QStringLiteral("support"), QStringLiteral("sparse"), QStringLiteral("precond")}},
        {QStringLiteral("learn"),
         {QStringLiteral("support"), QStringLiteral("sparse"), QStringLiteral("precond"), QStringLiteral("dataset")}},
    };
    return rules;
}

// widgets/ < document/ < pattern/ < the features < app/. pattern/ (the spy plot) is shared by the
// features that show a sparsity pattern.
const Rules &uiRules()
{
    static const QSet<QString> shared{QStringLiteral("widgets"), QStringLiteral("document"), QStringLiteral("pattern")};
    static const Rules rules{
        {QStringLiteral("widgets"), {}},
        {QStringLiteral("document"), {QStringLiteral("widgets")}},
        {QStringLiteral("pattern"), {QStringLiteral("widgets"), QStringLiteral("document")}},
        {QStringLiteral("perturb"), shared},
        {QStringLiteral("bench"), shared},
        {QStringLiteral("collection"), shared},
        {QStringLiteral("training"), shared},
        {QStringLiteral("app"),
         shared + QSet<QString>{QStringLiteral("perturb"), QStringLiteral("bench"), QStringLiteral("collection"),
                                QStringLiteral("training")}},
    };
    return rules;
}

QRegularExpression moduleInclude(const Rules &rules)
{
    QStringList names = rules.keys();
    return QRegularExpression(QStringLiteral(R"(^\s*#\s*include\s*[<"](%1)/)").arg(names.join(QLatin1Char('|'))),
                              QRegularExpression::MultilineOption);
}

// "file: includes X" for every include of a module the file's own module may not include.
QStringList violations(const QString &module, const QString &path, const QString &text, const Rules &rules)
{
    QStringList bad;
    if (!rules.contains(module)) {
        bad << QStringLiteral("%1: folder '%2' has no place in the layering table").arg(path, module);
        return bad;
    }
    const QSet<QString> allowed = rules.value(module);
    auto it = moduleInclude(rules).globalMatch(text);
    while (it.hasNext()) {
        const QString used = it.next().captured(1);
        if (used != module && !allowed.contains(used))
            bad << QStringLiteral("%1: includes %2/").arg(path, used);
    }
    return bad;
}

// Every source under root/<module>/…, checked against the rules of its first folder.
QStringList treeViolations(const QString &root, const Rules &rules)
{
    QStringList bad;
    const QDir base(root);
    QDirIterator it(root, {QStringLiteral("*.h"), QStringLiteral("*.hpp"), QStringLiteral("*.cpp")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString relative = base.relativeFilePath(path);
        const QString module = relative.section(QLatin1Char('/'), 0, 0);
        QFile f(path);
        if (f.open(QIODevice::ReadOnly))
            bad << violations(module, relative, QString::fromUtf8(f.readAll()), rules);
    }
    return bad;
}

const QRegularExpression &qtInclude()
{
    static const QRegularExpression re(
        QStringLiteral(R"(^\s*#\s*include\s*[<"](Q[A-Za-z]*(/[^>"]*)?|qcustomplot\.h|qt[a-z]*/[^>"]*)[>"])"),
        QRegularExpression::MultilineOption);
    return re;
}

const QRegularExpression &torchInclude()
{
    static const QRegularExpression re(QStringLiteral(R"(^\s*#\s*include\s*[<"](torch|ATen|c10)/)"),
                                       QRegularExpression::MultilineOption);
    return re;
}

QStringList offenders(const QString &dir, const QRegularExpression &re)
{
    QStringList bad;
    QDirIterator it(dir, {QStringLiteral("*.h"), QStringLiteral("*.hpp"), QStringLiteral("*.cpp")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (f.open(QIODevice::ReadOnly) && re.match(QString::fromUtf8(f.readAll())).hasMatch())
            bad << path;
    }
    return bad;
}

} // namespace

class TestLayering : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void forbiddenIncludes_data();
    void forbiddenIncludes();
    void coreModulesFollowTheirOrder();
    void uiFeaturesIncludeNoOtherFeature();
    void uiRootHoldsOnlyItsCMakeLists();
    void patternsCatchViolations();
    void moduleRulesCatchViolations();
};

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

void TestLayering::coreModulesFollowTheirOrder()
{
    // Only folders with sources count; core/CMakeLists.txt sits in the root.
    const QStringList bad = treeViolations(QStringLiteral(FS_SOURCE_DIR "/core"), coreRules());
    QVERIFY2(bad.isEmpty(), qPrintable(bad.join(QLatin1Char('\n'))));
}

void TestLayering::uiFeaturesIncludeNoOtherFeature()
{
    const QStringList bad = treeViolations(QStringLiteral(FS_SOURCE_DIR "/ui"), uiRules());
    QVERIFY2(bad.isEmpty(), qPrintable(bad.join(QLatin1Char('\n'))));
}

void TestLayering::uiRootHoldsOnlyItsCMakeLists()
{
    const QStringList files = QDir(QStringLiteral(FS_SOURCE_DIR "/ui")).entryList(QDir::Files | QDir::Hidden);
    QCOMPARE(files, QStringList{QStringLiteral("CMakeLists.txt")});
    // Every folder of ui/ is a known feature or shared folder.
    const QStringList folders = QDir(QStringLiteral(FS_SOURCE_DIR "/ui")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &folder : folders)
        QVERIFY2(uiRules().contains(folder), qPrintable(folder));
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

void TestLayering::moduleRulesCatchViolations()
{
    // A feature including another feature, a shared folder including a feature, core going upwards,
    // and a folder missing from the table are all reported; allowed includes are not.
    const auto ui = [](const QString &module, const QString &text) {
        return violations(module, QStringLiteral("x.cpp"), text, uiRules()).size();
    };
    QCOMPARE(ui(QStringLiteral("bench"), QStringLiteral("#include \"perturb/perturbview.h\"\n")), 1);
    QCOMPARE(ui(QStringLiteral("training"), QStringLiteral("#include \"app/mainwindow.h\"\n")), 1);
    QCOMPARE(ui(QStringLiteral("widgets"), QStringLiteral("#include \"document/workspace.h\"\n")), 1);
    QCOMPARE(ui(QStringLiteral("newfeature"), QString()), 1);
    QCOMPARE(ui(QStringLiteral("bench"), QStringLiteral("#include \"bench/benchview.h\"\n#include \"widgets/customplot.h\"\n"
                                                         "#include \"document/workspace.h\"\n#include <QWidget>\n")),
             0);
    QCOMPARE(ui(QStringLiteral("app"), QStringLiteral("#include \"perturb/perturbview.h\"\n#include \"bench/benchview.h\"\n")), 0);
    const auto core = [](const QString &module, const QString &text) {
        return violations(module, QStringLiteral("x.cpp"), text, coreRules()).size();
    };
    QCOMPARE(core(QStringLiteral("sparse"), QStringLiteral("#include \"precond/pcg.h\"\n")), 1);
    QCOMPARE(core(QStringLiteral("precond"), QStringLiteral("#include <bench/runner.h>\n#include \"learn/model.h\"\n")), 2);
    QCOMPARE(core(QStringLiteral("bench"), QStringLiteral("#include \"precond/pcg.h\"\n#include <sparse/matrix.h>\n")), 0);
}

QTEST_APPLESS_MAIN(TestLayering)
#include "tst_layering.moc"

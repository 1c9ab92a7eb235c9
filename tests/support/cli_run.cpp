#include "cli_run.h"

#include <QJsonDocument>
#include <QJsonArray>
#include <QProcess>

namespace fs::test {

QJsonObject ProcessRun::json() const
{
    return jsonObject(out);
}

QJsonObject jsonObject(const QByteArray &text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return {};
    return doc.object();
}

ProcessRun runProgram(const QString &program, const QStringList &args, int timeoutMs, const QString &workingDirectory)
{
    QProcess p;
    if (!workingDirectory.isEmpty())
        p.setWorkingDirectory(workingDirectory);
    p.start(program, args);
    ProcessRun run;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
    } else if (p.exitStatus() == QProcess::NormalExit) {
        run.code = p.exitCode();
    }
    run.out = p.readAllStandardOutput();
    run.err = p.readAllStandardError();
    return run;
}

QString usageErrorViolation(const ProcessRun &run, const QString &needle)
{
    const QString err = QString::fromUtf8(run.err);
    if (run.code != 2)
        return QStringLiteral("exit status %1, not 2 (stderr: %2)").arg(run.code).arg(err);
    if (!run.out.isEmpty())
        return QStringLiteral("stdout is not empty: ") + QString::fromUtf8(run.out);
    if (!err.startsWith(QLatin1String("error: ")) || err.count(QLatin1Char('\n')) != 1 || !err.endsWith(QLatin1Char('\n')))
        return QStringLiteral("stderr is not one line 'error: …': ") + err;
    if (!needle.isEmpty() && !err.contains(needle))
        return QStringLiteral("the error does not name '%1': %2").arg(needle, err);
    return {};
}

ProcessRun runCli(const QStringList &args, int timeoutMs, const QString &workingDirectory)
{
    return runProgram(QStringLiteral(FS_CLI_PATH), args, timeoutMs, workingDirectory);
}

QString benchRowFingerprint(const QJsonObject &row)
{
    QString s = row.value(QStringLiteral("name")).toString() + QLatin1Char(' ') + row.value(QStringLiteral("category")).toString();
    for (const char *m : {"none", "jacobi", "ic0", "kopt", "spai", "fsai"}) {
        const QJsonValue v = row.value(QLatin1String(m));
        s += QLatin1Char(' ') + QLatin1String(m) + QLatin1Char('=')
             + (v.isObject() ? QString::number(v[QStringLiteral("iterations")].toInt())
                                   + (v[QStringLiteral("converged")].toBool() ? QString() : QStringLiteral("!"))
                             : QStringLiteral("-"));
    }
    return s;
}

QStringList benchFingerprints(const QJsonObject &doc)
{
    QStringList out;
    for (const QJsonValue &r : doc.value(QStringLiteral("rows")).toArray())
        out.append(benchRowFingerprint(r.toObject()));
    return out;
}

} // namespace fs::test

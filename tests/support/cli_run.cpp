#include "cli_run.h"

#include <QJsonDocument>
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

QString cliPath()
{
    return QStringLiteral(FS_CLI_PATH);
}

ProcessRun runCli(const QStringList &args, int timeoutMs, const QString &workingDirectory)
{
    return runProgram(cliPath(), args, timeoutMs, workingDirectory);
}

} // namespace fs::test

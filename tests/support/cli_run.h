#pragma once
// Running the project's executables from a test, as a user would: exit status, stdout, stderr.

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace fs::test {

struct ProcessRun {
    /// The exit status, or -1 when the program crashed, could not start or ran past the timeout.
    int code = -1;
    QByteArray out;
    QByteArray err;

    /// stdout as one JSON object; empty when it is not one.
    QJsonObject json() const;
};

/// Runs `program` with `args` in `workingDirectory` (empty: the test's own) and waits at most
/// `timeoutMs` (the process is killed after that).
ProcessRun runProgram(const QString &program, const QStringList &args, int timeoutMs = 120000,
                      const QString &workingDirectory = {});
/// factorscope-cli of this build.
ProcessRun runCli(const QStringList &args, int timeoutMs = 120000, const QString &workingDirectory = {});

/// Empty when `run` keeps the command-line error contract (exit status 2, nothing on stdout, one
/// line `error: …` on stderr, naming `needle` when given); otherwise what it broke, for QVERIFY2.
QString usageErrorViolation(const ProcessRun &run, const QString &needle = {});

/// `text` as one JSON object; empty when it is not one.
QJsonObject jsonObject(const QByteArray &text);

/// What must agree between two benchmark runs of one matrix (a row of `bench --json`): name,
/// category and, per method, convergence and iterations (times differ).
QString benchRowFingerprint(const QJsonObject &row);
/// The fingerprints of every row of a `bench --json` document, in its order.
QStringList benchFingerprints(const QJsonObject &doc);

} // namespace fs::test

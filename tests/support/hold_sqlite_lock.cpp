// A second process that holds an SQLite store the way another FactorScope (or sqlite3) would:
// opens FILE, takes an exclusive lock with BEGIN EXCLUSIVE, prints "locked", and keeps the lock
// until its standard input closes. For the tests of a store locked by another process.
#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <cstdio>
#include <iostream>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::cerr << "usage: hold_sqlite_lock FILE\n";
        return 2;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"));
    db.setDatabaseName(QString::fromLocal8Bit(argv[1]));
    if (!db.open()) {
        std::cerr << "cannot open: " << db.lastError().text().toStdString() << '\n';
        return 1;
    }
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("BEGIN EXCLUSIVE"))) {
        std::cerr << "cannot lock: " << q.lastError().text().toStdString() << '\n';
        return 1;
    }
    std::cout << "locked" << std::endl;
    for (int c = std::getchar(); c != EOF; c = std::getchar()) {
    }
    q.exec(QStringLiteral("COMMIT"));
    return 0;
}

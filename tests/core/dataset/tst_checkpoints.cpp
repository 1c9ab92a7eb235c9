// The checkpoint folders of a run: the two newest are kept, a part folder (a kill while one was
// assembled) is never taken for a checkpoint, and a truncated, overwritten or missing file makes
// its checkpoint rejected with a reason while the one before it stays good.
#include "dataset/checkpoints.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace fs;
namespace fsys = std::filesystem;

namespace {

void writeBytes(const fsys::path &p, const std::string &bytes)
{
    std::ofstream(p, std::ios::binary) << bytes;
}

fsys::path commitEpoch(const fsys::path &ckpt, int epoch)
{
    const fsys::path part = dataset::begin_checkpoint(ckpt, epoch);
    writeBytes(part / "model.pt", std::string(1000 + epoch, char('a' + epoch)));
    writeBytes(part / "optimizer.pt", "optimizer of epoch " + std::to_string(epoch));
    return dataset::commit_checkpoint(ckpt, part, epoch, {{"epoch", epoch}});
}

} // namespace

class TestCheckpoints : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void keepsTheTwoNewest();
    void partFolderIsIgnored();
    void damagedNewestFallsBack();
    void digestSeesOneByte();
};

void TestCheckpoints::keepsTheTwoNewest()
{
    QTemporaryDir tmp;
    const fsys::path ckpt = tmp.path().toStdString();
    for (int e = 1; e <= 4; ++e)
        commitEpoch(ckpt, e);
    std::vector<std::string> rejected;
    const auto good = dataset::good_checkpoints(ckpt, rejected);
    QCOMPARE(good.size(), std::size_t(2));
    QCOMPARE(good[0].epoch, 4);
    QCOMPARE(good[1].epoch, 3);
    QCOMPARE(good[0].state.at("epoch").get<int>(), 4);
    QVERIFY(!good[0].state.contains("files"));
    QVERIFY(rejected.empty());
    QVERIFY(!fsys::exists(ckpt / "epoch-000002"));
    std::ifstream latest(ckpt / "latest.json");
    QCOMPARE(nlohmann::json::parse(latest).at("epoch").get<int>(), 4);
}

void TestCheckpoints::partFolderIsIgnored()
{
    QTemporaryDir tmp;
    const fsys::path ckpt = tmp.path().toStdString();
    commitEpoch(ckpt, 1);
    const fsys::path part = dataset::begin_checkpoint(ckpt, 2);
    writeBytes(part / "model.pt", "half");
    std::vector<std::string> rejected;
    const auto good = dataset::good_checkpoints(ckpt, rejected);
    QCOMPARE(good.size(), std::size_t(1));
    QCOMPARE(good[0].epoch, 1);
    QVERIFY(rejected.empty());
}

void TestCheckpoints::damagedNewestFallsBack()
{
    QTemporaryDir tmp;
    const fsys::path ckpt = tmp.path().toStdString();
    commitEpoch(ckpt, 1);
    const fsys::path newest = commitEpoch(ckpt, 2);
    fsys::resize_file(newest / "model.pt", 10);
    std::vector<std::string> rejected;
    auto good = dataset::good_checkpoints(ckpt, rejected);
    QCOMPARE(good.size(), std::size_t(1));
    QCOMPARE(good[0].epoch, 1);
    QCOMPARE(rejected.size(), std::size_t(1));
    QVERIFY2(rejected[0].find("epoch-000002") == 0 && rejected[0].find("model.pt") != std::string::npos
                 && rejected[0].find("truncated") != std::string::npos,
             rejected[0].c_str());

    fsys::remove(newest / "optimizer.pt");
    rejected.clear();
    good = dataset::good_checkpoints(ckpt, rejected);
    QCOMPARE(good.size(), std::size_t(1));
    QCOMPARE(rejected.size(), std::size_t(1));

    fsys::remove(newest / "state.json");
    rejected.clear();
    good = dataset::good_checkpoints(ckpt, rejected);
    QCOMPARE(good.size(), std::size_t(1));
    QVERIFY2(rejected.at(0).find("state.json") != std::string::npos, rejected.at(0).c_str());
}

void TestCheckpoints::digestSeesOneByte()
{
    QTemporaryDir tmp;
    const fsys::path ckpt = tmp.path().toStdString();
    const fsys::path only = commitEpoch(ckpt, 1);
    // Same size, one byte different: only the digest can tell.
    {
        std::fstream f(only / "model.pt", std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(500);
        f.put('#');
    }
    std::vector<std::string> rejected;
    QVERIFY(dataset::good_checkpoints(ckpt, rejected).empty());
    QCOMPARE(rejected.size(), std::size_t(1));
    QVERIFY2(rejected[0].find("digest") != std::string::npos, rejected[0].c_str());
}

QTEST_GUILESS_MAIN(TestCheckpoints)
#include "tst_checkpoints.moc"

// The trainer's JSON lines: each kind parses to its alternative, malformed lines are rejected.
#include "dataset/stream_line.h"

#include <QtTest>

#include <cmath>

using namespace fs::dataset;

class TestDatasetStream : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void epochLine();
    void gcvaeEpochLine();
    void finalLines();
    void writtenLinesReadBack();
    void malformed_data();
    void malformed();
};

void TestDatasetStream::epochLine()
{
    // A line as trainer.cpp writes it (keys in nlohmann's order).
    const StreamLine l = parse_stream_line(
        R"({"device":"cpu","elapsed":1.5,"epoch":4,"loss":0.25,"lr":0.001,"seconds":0.375,"test_cos":null,"train_cos":0.875})");
    const auto *e = std::get_if<EpochLine>(&l);
    QVERIFY(e);
    QCOMPARE(e->epoch, 4);
    QCOMPARE(e->train_cos, 0.875);
    QVERIFY(std::isnan(e->test_cos));
    QCOMPARE(e->loss, 0.25);
    QCOMPARE(e->lr, 0.001);
    QCOMPARE(e->seconds, 0.375);
    QCOMPARE(e->device, std::string("cpu"));
    QVERIFY(std::isnan(e->recon));
}

void TestDatasetStream::gcvaeEpochLine()
{
    const StreamLine l = parse_stream_line(
        R"({"epoch":2,"train_cos":0.5,"test_cos":0.625,"recon":1.25,"kl":0.125,"residual":3.0,"test_residual_ratio":1.0625})");
    const auto *e = std::get_if<EpochLine>(&l);
    QVERIFY(e);
    QCOMPARE(e->test_cos, 0.625);
    QCOMPARE(e->recon, 1.25);
    QCOMPARE(e->kl, 0.125);
    QCOMPARE(e->residual, 3.0);
    QCOMPARE(e->test_residual_ratio, 1.0625);
    QVERIFY(e->device.empty());
}

void TestDatasetStream::writtenLinesReadBack()
{
    // What the trainer writes (to_json) parses back field by field; NaN fields stay out.
    EpochLine e;
    e.epoch = 7;
    e.train_cos = 0.5;
    e.test_cos = 0.625;
    e.loss = 0.5;
    e.bound = 0.743;
    e.test_cos_far = 0.25;
    e.device = "cpu";
    set_number(e, "test_recon", 2.5);
    set_number(e, "kl", 0.125);
    const nlohmann::json j = to_json(e);
    QVERIFY(!j.contains("lr"));
    QVERIFY(!j.contains("recon"));
    const StreamLine parsed = parse_stream_line(j.dump());
    const auto *back = std::get_if<EpochLine>(&parsed);
    QVERIFY(back);
    QCOMPARE(back->epoch, 7);
    QCOMPARE(back->bound, 0.743);
    QCOMPARE(back->test_cos_far, 0.25);
    QCOMPARE(back->kl, 0.125);
    QCOMPARE(back->extra.at("test_recon"), 2.5);
    QVERIFY(std::isnan(back->lr));
    // No test set: test_cos is written as null.
    e.test_cos = EpochLine::nan;
    QVERIFY(to_json(e).at("test_cos").is_null());

    FinalLine f;
    f.status = RunOutcome::Failed;
    f.error = "the loss is not finite";
    f.matrix = "1e99";
    const StreamLine parsedFinal = parse_stream_line(to_json(f).dump());
    const auto *fb = std::get_if<FinalLine>(&parsedFinal);
    QVERIFY(fb);
    QCOMPARE(fb->status, RunOutcome::Failed);
    QCOMPARE(fb->matrix, std::string("1e99"));
    QCOMPARE(fb->error, f.error);
}

void TestDatasetStream::finalLines()
{
    // The final object carries "epoch" too; "status" decides.
    const StreamLine f = parse_stream_line(
        R"({"best_cos":0.9,"best_epoch":3,"device":"cuda:0","early_stopped":false,"elapsed":2.0,"epoch":3,"status":"finished"})");
    QVERIFY(std::holds_alternative<FinalLine>(f));
    QCOMPARE(std::get<FinalLine>(f).status, RunOutcome::Finished);
    QCOMPARE(std::get<FinalLine>(f).device, std::string("cuda:0"));
    const StreamLine s = parse_stream_line(R"({"epoch":1,"status":"stopped","train_cos":0.5})");
    QCOMPARE(std::get<FinalLine>(s).status, RunOutcome::Stopped);
    const StreamLine x = parse_stream_line(R"({"error":"cannot read d/manifest.json","status":"failed"})");
    QCOMPARE(std::get<FinalLine>(x).status, RunOutcome::Failed);
    QCOMPARE(std::get<FinalLine>(x).error, std::string("cannot read d/manifest.json"));
}

void TestDatasetStream::malformed_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QByteArray>("reason");
    QTest::newRow("not json") << QByteArray("epoch 3: train cos 0.5") << QByteArray("not valid JSON");
    QTest::newRow("cut off") << QByteArray(R"({"epoch":3,"train_cos":0.)") << QByteArray("not valid JSON");
    QTest::newRow("array") << QByteArray("[1,2]") << QByteArray("not a JSON object");
    QTest::newRow("number") << QByteArray("3") << QByteArray("not a JSON object");
    QTest::newRow("unknown status") << QByteArray(R"({"status":"exploded"})") << QByteArray("unknown status");
    // Found by fuzz/fuzz_stream_line: converting 4.4e15 to int was undefined.
    QTest::newRow("epoch beyond int") << QByteArray(R"({"epoch":4444444444444441,"train_cos":0.5})") << QByteArray("epoch out of range");
    QTest::newRow("negative epoch") << QByteArray(R"({"epoch":-3,"train_cos":0.5})") << QByteArray("epoch out of range");
    QTest::newRow("status not text") << QByteArray(R"({"status":1})") << QByteArray("unknown status");
    QTest::newRow("no train_cos") << QByteArray(R"({"epoch":3})") << QByteArray("no epoch or train_cos");
    QTest::newRow("epoch as text") << QByteArray(R"({"epoch":"3","train_cos":0.5})")
                                   << QByteArray("no epoch or train_cos");
    QTest::newRow("empty object") << QByteArray("{}") << QByteArray("no epoch or train_cos");
}

void TestDatasetStream::malformed()
{
    QFETCH(QByteArray, line);
    QFETCH(QByteArray, reason);
    const StreamLine l = parse_stream_line(line.toStdString());
    const auto *m = std::get_if<MalformedLine>(&l);
    QVERIFY(m);
    QCOMPARE(QByteArray::fromStdString(m->reason), reason);
}

QTEST_GUILESS_MAIN(TestDatasetStream)
#include "tst_dataset_stream.moc"

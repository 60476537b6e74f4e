// SPDX-License-Identifier: MIT
#include "yaml/boundedyaml.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Mesh;

class TestBoundedYaml : public QObject
{
    Q_OBJECT

private slots:
    void loadsMappingsSequencesAndScalars();
    void expandsAliasesWithinTheNodeLimit();
    void refusesAnAliasBombAtTheNodeLimit();
    void refusesDeepNesting();
    void reportsSyntaxErrorsWithLine();
    void refusesOversizedText();
};

void TestBoundedYaml::loadsMappingsSequencesAndScalars()
{
    QString error;
    const auto v = BoundedYaml::load("name: Orders\nversion: 1.2\ntags: [a, b]\nowner:\n  id: ann\n"
                                     "empty: ~\n",
                                     {}, &error);
    QVERIFY2(v, qPrintable(error));
    const QJsonObject o = v->toObject();
    QCOMPARE(o.value(u"name").toString(), QStringLiteral("Orders"));
    QCOMPARE(o.value(u"version").toString(), QStringLiteral("1.2"));
    QCOMPARE(o.value(u"tags").toArray(), (QJsonArray{QStringLiteral("a"), QStringLiteral("b")}));
    QCOMPARE(o.value(u"owner").toObject().value(u"id").toString(), QStringLiteral("ann"));
    QVERIFY(o.value(u"empty").isNull());
}

void TestBoundedYaml::expandsAliasesWithinTheNodeLimit()
{
    QString error;
    const auto v = BoundedYaml::load("base: &b {x: 1}\nuse: [*b, *b]\n", {}, &error);
    QVERIFY2(v, qPrintable(error));
    QCOMPARE(v->toObject().value(u"use").toArray().at(1).toObject().value(u"x").toString(),
             QStringLiteral("1"));
}

void TestBoundedYaml::refusesAnAliasBombAtTheNodeLimit()
{
    YamlLimits limits;
    limits.maxNodes = 1000;
    QString error;
    const auto v = BoundedYaml::load("a: &a [x, x, x, x, x, x, x, x, x, x]\n"
                                     "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                                     "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
                                     "d: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n",
                                     limits, &error);
    QVERIFY(!v);
    QVERIFY2(error.contains(u"more than 1000 nodes"), qPrintable(error));
}

void TestBoundedYaml::refusesDeepNesting()
{
    YamlLimits limits;
    limits.maxDepth = 10;
    QString error;
    QVERIFY(!BoundedYaml::load(QByteArray(20, '[') + QByteArray(20, ']'), limits, &error));
    QVERIFY2(error.contains(u"more than 10 levels"), qPrintable(error));
    QVERIFY(BoundedYaml::load(QByteArray(5, '[') + QByteArray(5, ']'), limits, &error));
}

void TestBoundedYaml::reportsSyntaxErrorsWithLine()
{
    QString error;
    QVERIFY(!BoundedYaml::load("a: 1\nb: [1, 2\nc: 3\n", {}, &error));
    QVERIFY2(error.startsWith(u"is not valid YAML: ") && error.contains(u"line "), qPrintable(error));
}

void TestBoundedYaml::refusesOversizedText()
{
    YamlLimits limits;
    limits.maxBytes = 1 << 20;
    QString error;
    QVERIFY(!BoundedYaml::load(QByteArray(2 << 20, 'a'), limits, &error));
    QVERIFY2(error.contains(u"at most 1 MB"), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestBoundedYaml)
#include "tst_boundedyaml.moc"

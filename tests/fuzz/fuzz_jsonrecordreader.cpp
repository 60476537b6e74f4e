// SPDX-License-Identifier: MIT
// JsonRecordReader: splits a stream into JSON records without parsing it whole.
#include "fuzzsupport.h"

#include "lineage/jsonrecordreader.h"

#include <QBuffer>

using namespace Mesh;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    JsonRecordReader reader(&buffer);
    QByteArray record;
    qint64 total = 0;
    qint64 last = 0;
    while (reader.next(&record)) {
        // Not "never blank": a form feed is not JSON white space, so "\f" is a (bad) record.
        Fuzz::check(!record.isEmpty(), "a record is never empty");
        Fuzz::check(reader.recordNumber() == last + 1, "records are numbered 1, 2, 3, …");
        Fuzz::check(reader.recordLine() >= 1, "a record starts on a line >= 1");
        last = reader.recordNumber();
        total += record.size();
        Fuzz::check(total <= bytes.size(), "records never hold more bytes than the input");
    }
    Fuzz::check(reader.bytesRead() <= bytes.size(), "never reads past the input");
    return 0;
}

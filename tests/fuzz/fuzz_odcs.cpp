// SPDX-License-Identifier: MIT
// Odcs::parse: Open Data Contract Standard v3 YAML. Any input is either refused with located
// errors, or read into a contract that writes back to YAML which parses again to the same
// contract (the round trip the contract import/export promises).
#include "fuzzsupport.h"

#include "contract/odcscontract.h"

using namespace Mesh;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const OdcsParseResult result = Odcs::parse(bytes);
    if (!result.ok()) {
        Fuzz::check(!result.errors.isEmpty(), "a refused contract has at least one error");
        for (const OdcsIssue &issue : result.errors)
            Fuzz::check(!issue.toString().isEmpty(), "every error says what is wrong");
        return 0;
    }
    const QByteArray written = Odcs::write(*result.contract);
    const OdcsParseResult again = Odcs::parse(written);
    Fuzz::check(again.ok(), "a contract written back parses again");
    Fuzz::check(Odcs::write(*again.contract) == written, "writing is stable after one round trip");
    return 0;
}

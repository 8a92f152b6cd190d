#if canImport(Glibc)
import Glibc
#endif
import RiskCore
import RiskIngest
import RiskIO

// `ParseLoop FILE [PASSES]`: reads an NDJSON file (plain or `.zst`) into memory, cuts it into lines
// (without their `\n` or `\r\n`; blank lines are skipped) and parses every line PASSES times
// (default 1) with `NDJSONRecordParser`. Made for instruction counts: only `parseAll` parses, so
//   valgrind --tool=callgrind --toggle-collect='*ParseLoop*parseAll*' ParseLoop FILE
// counts the parsing alone (copy the binary and `strip -g` it first: valgrind cannot read
// Swift's debug information). Prints the records, the rejections and a checksum of the parsed
// records, so that two builds can be compared.

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    print("usage: ParseLoop FILE [PASSES]")
    exit(2)
}
let passes = arguments.count > 2 ? Int(arguments[2]) ?? 1 : 1

/// The whole file (decompressed when it ends in `.zst`), read through RiskIO as `rescore` reads it.
func readFile(_ path: String) -> [UInt8] {
    do {
        let source = try ByteSource(path: path)
        defer { source.close() }
        var bytes: [UInt8] = []
        while let chunk = try source.next() { bytes.append(contentsOf: chunk) }
        return bytes
    } catch {
        print("cannot read \(path): \(error)")
        exit(1)
    }
}

let bytes = readFile(arguments[1])
var lines: [Range<Int>] = []
var lineStart = 0
for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
    var end = offset
    if end > lineStart, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
    if end > lineStart { lines.append(lineStart..<end) }
    lineStart = offset + 1
}
if lineStart < bytes.count { lines.append(lineStart..<bytes.count) }

/// A checksum of one parsed record's fields.
@inline(__always)
func digest(_ parsed: ParsedRecord) -> UInt64 {
    var sum = UInt64(truncatingIfNeeded: parsed.idRange.lowerBound &* 31 &+ parsed.idRange.upperBound)
    switch parsed.record {
    case .transaction(let logged):
        let tx = logged.transaction
        sum = sum &* 131 &+ tx.id &+ UInt64(bitPattern: tx.time) &+ tx.card.hash &+ UInt64(tx.card.bin)
        sum = sum &* 131 &+ UInt64(tx.card.last4) &+ UInt64(bitPattern: tx.amount) &+ tx.merchant &+ tx.terminal
        sum = sum &* 131 &+ UInt64(tx.mcc) &+ UInt64(tx.expiry) &+ (tx.pinPresent ? 7 : 3)
        sum = sum &* 131 &+ UInt64(logged.scenario.utf8.count)
    case .feedback(let feedback):
        sum = sum &* 131 &+ feedback.card.hash &+ UInt64(bitPattern: feedback.reportTime)
    case .status(let status):
        sum = sum &* 131 &+ status.card.hash &+ UInt64(bitPattern: status.time)
    }
    return sum
}

/// Parses every line `passes` times; returns the records accepted, rejected and their checksum.
@inline(never)
func parseAll(_ parser: NDJSONRecordParser, _ bytes: [UInt8], _ lines: [Range<Int>], passes: Int)
    -> (accepted: Int, rejected: Int, checksum: UInt64) {
    var accepted = 0, rejected = 0
    var checksum: UInt64 = 0
    bytes.withUnsafeBytes { all in
        for _ in 0..<passes {
            for range in lines {
                do throws(RecordError) {
                    let parsed = try parser.parse(UnsafeRawBufferPointer(rebasing: all[range]))
                    checksum = checksum &* 31 &+ digest(parsed)
                    accepted += 1
                } catch {
                    for byte in error.reason.utf8 { checksum = checksum &* 31 &+ UInt64(byte) }
                    rejected += 1
                }
            }
        }
    }
    return (accepted, rejected, checksum)
}

let result = parseAll(NDJSONRecordParser(), bytes, lines, passes: passes)
print("\(lines.count) lines, \(bytes.count) bytes, \(passes) passes: \(result.accepted) parsed, \(result.rejected) rejected, checksum \(String(result.checksum, radix: 16))")

import RiskIO
import RiskCore

/// Encodes decisions as NDJSON lines (one JSON object and `\n` each) into a reusable byte
/// buffer, by hand: no `JSONEncoder`, no `String` per record, no allocation once the buffer has
/// grown to its working size.
///
/// A line looks like (one line in the output; see `Docs/ingest.md`):
///
/// ```json
/// {"id":"tx-1","card":"411111******1111","action":"decline","score":92,"advice":"do_not_try_again",
///  "reasons":[{"code":"CARD_LOST","feature":"card.lost","observed":1,"threshold":0,"window":""}],"policy_version":1}
/// ```
///
/// The id is echoed as a JSON string (the input's id text, already escaped), the card is
/// masked (``CardReference/masked``); numbers use ``NumberFormatting``.
///
/// Each line is written straight into the buffer through a pointer, after one check that the
/// buffer has room for the longest line the decision can give.
public struct DecisionWriter: Sendable {
    /// Storage for the lines; only the first ``count`` bytes are meaningful.
    private var storage: [UInt8]
    /// Bytes of encoded lines since the last ``removeAll()``.
    public private(set) var count = 0
    /// Reason templates seen so far, with the encoded text before and after the observed value.
    private var fragments: [ReasonFragment] = []

    /// The encoded text of a reason template around its observed value.
    private struct ReasonFragment: Sendable {
        let identity: ObjectIdentifier
        /// Keeps the template alive while its identity is cached.
        let template: ReasonTemplate
        /// `{"code":…,"feature":…,"observed":`
        let prefix: [UInt8]
        /// `,"threshold":…,"window":…` (without the closing brace).
        let suffix: [UInt8]
    }

    /// Bytes a line takes at most besides its id and its reasons: the fixed text, a masked card
    /// (at most 20 bytes), the longest action and advice, a score and a policy version.
    private static let lineBound = 320
    /// Bytes a reason takes at most besides its template's fragments: a separator, the observed
    /// value, a contribution and the closing brace.
    private static let reasonBound = 96

    /// Creates a writer whose buffer starts with `capacity` bytes reserved.
    public init(capacity: Int = 1 << 16) {
        storage = Array(repeating: 0, count: max(capacity, Self.lineBound + RecordID.capacity))
    }

    /// A copy of the encoded lines since the last ``removeAll()``.
    public var buffer: [UInt8] { Array(storage[0..<count]) }

    /// Calls `body` with the encoded lines since the last ``removeAll()``, without copying them.
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try storage.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
    }

    /// Empties the buffer, keeping its storage.
    public mutating func removeAll() {
        count = 0
    }

    /// Appends one decision as a line.
    ///
    /// - Parameters:
    ///   - decision: The decision.
    ///   - id: The original id text to echo.
    ///   - card: The transaction's card, written masked.
    public mutating func append(_ decision: Decision, id: RecordID, card: CardReference) {
        withUnsafePointer(to: decision) { append($0, id: id, card: card) }
    }

    /// Appends one decision as a line, reading it in place (the pipeline's batches hold their
    /// decisions in memory of their own: this spares a copy and its reference counting).
    mutating func append(_ decision: UnsafePointer<Decision>, id: RecordID, card: CardReference) {
        var bound = Self.lineBound + id.count
        for index in 0..<decision.pointee.reasonCount {
            let fragment = fragments[fragmentIndex(for: decision.pointee.reason(at: index).template)]
            bound += fragment.prefix.count + fragment.suffix.count + Self.reasonBound
        }
        reserve(bound)
        let fragments = self.fragments
        let start = count
        count = storage.withUnsafeMutableBufferPointer { all in
            var out = ByteCursor(position: all.baseAddress! + start)
            out.appendASCII("{\"id\":\"")
            id.withBytes { out.append($0) }
            out.appendASCII("\",\"card\":\"")
            Self.writeMasked(card, to: &out)
            switch decision.pointee.action {
            case .allow: out.appendASCII("\",\"action\":\"allow\",\"score\":")
            case .review: out.appendASCII("\",\"action\":\"review\",\"score\":")
            case .decline: out.appendASCII("\",\"action\":\"decline\",\"score\":")
            }
            NumberFormatting.write(decision.pointee.score, to: &out)
            switch decision.pointee.advice {
            case .none: out.appendASCII(",\"advice\":\"none\",\"reasons\":[")
            case .tryAgainLater: out.appendASCII(",\"advice\":\"try_again_later\",\"reasons\":[")
            case .doNotTryAgain: out.appendASCII(",\"advice\":\"do_not_try_again\",\"reasons\":[")
            case .confirmCardData: out.appendASCII(",\"advice\":\"confirm_card_data\",\"reasons\":[")
            }
            for index in 0..<decision.pointee.reasonCount {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                let reason = decision.pointee.reason(at: index)
                let identity = ObjectIdentifier(reason.template)
                let fragment = fragments.first { $0.identity == identity }!
                out.append(fragment.prefix)
                NumberFormatting.write(reason.observed, to: &out)
                out.append(fragment.suffix)
                if !reason.contribution.isNaN {
                    out.appendASCII(",\"contribution\":")
                    NumberFormatting.write(reason.contribution, to: &out)
                }
                out.append(UInt8(ascii: "}"))
            }
            out.appendASCII("],\"policy_version\":")
            if decision.pointee.policyVersion < 0 { out.append(UInt8(ascii: "-")) }
            out.appendDecimal(UInt64(decision.pointee.policyVersion.magnitude))
            out.appendASCII("}\n")
            return out.position - all.baseAddress!
        }
    }

    /// Makes room for `bytes` more bytes after ``count``.
    @inline(__always)
    private mutating func reserve(_ bytes: Int) {
        guard storage.count - count < bytes else { return }
        storage.append(contentsOf: repeatElement(0, count: max(storage.count, bytes)))
    }

    /// The index of the encoded fixed parts of `template`'s reasons, encoding them the first
    /// time (a policy has a few dozen templates; the scan compares identities only).
    @inline(__always)
    private mutating func fragmentIndex(for template: ReasonTemplate) -> Int {
        let identity = ObjectIdentifier(template)
        for index in fragments.indices where fragments[index].identity == identity { return index }
        var prefix: [UInt8] = []
        NumberFormatting.appendASCII("{\"code\":", to: &prefix)
        Self.appendString(template.code, to: &prefix)
        NumberFormatting.appendASCII(",\"feature\":", to: &prefix)
        Self.appendString(template.feature, to: &prefix)
        NumberFormatting.appendASCII(",\"observed\":", to: &prefix)
        var suffix: [UInt8] = []
        if !template.threshold.isNaN {
            NumberFormatting.appendASCII(",\"threshold\":", to: &suffix)
            NumberFormatting.append(template.threshold, to: &suffix)
        }
        NumberFormatting.appendASCII(",\"window\":", to: &suffix)
        Self.appendString(template.window, to: &suffix)
        fragments.append(ReasonFragment(identity: identity, template: template, prefix: prefix, suffix: suffix))
        return fragments.count - 1
    }

    /// Writes the masked card exactly as ``CardReference/masked`` spells it (at most 20 bytes).
    @inline(__always)
    static func writeMasked(_ card: CardReference, to out: inout ByteCursor) {
        guard card.isPAN else {
            out.appendASCII("tok:")
            // All 16 digits in two word stores, then the leading zeros dropped.
            let raw = UnsafeMutableRawPointer(out.position)
            raw.storeBytes(of: hexDigits(UInt32(truncatingIfNeeded: card.hash >> 32)), as: UInt64.self)
            raw.storeBytes(of: hexDigits(UInt32(truncatingIfNeeded: card.hash)), toByteOffset: 8, as: UInt64.self)
            let digits = max(16 - card.hash.leadingZeroBitCount / 4, 1)
            if digits < 16 { raw.copyMemory(from: raw + (16 - digits), byteCount: digits) }
            out.position += digits
            return
        }
        NumberFormatting.writePadded(UInt64(card.bin), width: 6, to: &out)
        for _ in 0..<max(Int(card.panLength) - 10, 0) { out.append(UInt8(ascii: "*")) }
        NumberFormatting.writePadded(UInt64(card.last4), width: 4, to: &out)
    }

    /// The eight lowercase hex digits of `value`, most significant first, as the bytes of a word
    /// to store (eight nibbles spread into eight bytes, then turned into ASCII all at once).
    @inline(__always)
    static func hexDigits(_ value: UInt32) -> UInt64 {
        var word = UInt64(value)
        word = (word | word << 16) & 0x0000_FFFF_0000_FFFF
        word = (word | word << 8) & 0x00FF_00FF_00FF_00FF
        word = (word | word << 4) & 0x0F0F_0F0F_0F0F_0F0F
        // Byte k holds nibble k (least significant first): swap so the first byte stored is the
        // most significant digit. Bytes of 10...15 get 0x27 more, 'a' - '0' - 10.
        word = word.byteSwapped
        let letters = ((word &+ 0x0606_0606_0606_0606) >> 4) & 0x0101_0101_0101_0101
        return (word &+ 0x3030_3030_3030_3030 &+ letters &* 0x27).littleEndian
    }

    /// Appends `text` as a JSON string, escaping quotes, backslashes and control characters.
    static func appendString(_ text: String, to buffer: inout [UInt8]) {
        buffer.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                buffer.append(UInt8(ascii: "\\"))
                buffer.append(byte)
            case 0..<0x20:
                NumberFormatting.appendASCII("\\u00", to: &buffer)
                buffer.append(byte < 0x10 ? UInt8(ascii: "0") : UInt8(ascii: "1"))
                let low = byte & 15
                buffer.append(low < 10 ? UInt8(ascii: "0") + low : UInt8(ascii: "a") + low - 10)
            default:
                buffer.append(byte)
            }
        }
        buffer.append(UInt8(ascii: "\""))
    }
}

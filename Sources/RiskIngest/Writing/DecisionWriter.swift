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
public struct DecisionWriter: Sendable {
    /// The encoded lines since the last ``removeAll()``.
    public private(set) var buffer: [UInt8]
    /// Reason templates seen so far, with the encoded text before and after the observed value.
    private var templates: [ObjectIdentifier] = []
    private var prefixes: [[UInt8]] = []
    private var suffixes: [[UInt8]] = []
    private var retainedTemplates: [ReasonTemplate] = []

    /// Creates a writer whose buffer starts with `capacity` bytes reserved.
    public init(capacity: Int = 1 << 16) {
        buffer = []
        buffer.reserveCapacity(capacity)
    }

    /// Empties the buffer, keeping its storage.
    public mutating func removeAll() {
        buffer.removeAll(keepingCapacity: true)
    }

    /// Appends one decision as a line.
    ///
    /// - Parameters:
    ///   - decision: The decision.
    ///   - id: The original id text to echo.
    ///   - card: The transaction's card, written masked.
    public mutating func append(_ decision: Decision, id: RecordID, card: CardReference) {
        NumberFormatting.appendASCII("{\"id\":\"", to: &buffer)
        id.withBytes { buffer.append(contentsOf: $0) }
        NumberFormatting.appendASCII("\",\"card\":\"", to: &buffer)
        Self.appendMasked(card, to: &buffer)
        NumberFormatting.appendASCII("\",\"action\":\"", to: &buffer)
        switch decision.action {
        case .allow: NumberFormatting.appendASCII("allow", to: &buffer)
        case .review: NumberFormatting.appendASCII("review", to: &buffer)
        case .decline: NumberFormatting.appendASCII("decline", to: &buffer)
        }
        NumberFormatting.appendASCII("\",\"score\":", to: &buffer)
        NumberFormatting.append(decision.score, to: &buffer)
        switch decision.advice {
        case .none: NumberFormatting.appendASCII(",\"advice\":\"none\"", to: &buffer)
        case .tryAgainLater: NumberFormatting.appendASCII(",\"advice\":\"try_again_later\"", to: &buffer)
        case .doNotTryAgain: NumberFormatting.appendASCII(",\"advice\":\"do_not_try_again\"", to: &buffer)
        case .confirmCardData: NumberFormatting.appendASCII(",\"advice\":\"confirm_card_data\"", to: &buffer)
        }
        NumberFormatting.appendASCII(",\"reasons\":[", to: &buffer)
        for index in 0..<decision.reasonCount {
            if index > 0 { buffer.append(UInt8(ascii: ",")) }
            appendReason(decision.reason(at: index))
        }
        NumberFormatting.appendASCII("],\"policy_version\":", to: &buffer)
        if decision.policyVersion < 0 { buffer.append(UInt8(ascii: "-")) }
        NumberFormatting.appendDecimal(UInt64(decision.policyVersion.magnitude), to: &buffer)
        NumberFormatting.appendASCII("}\n", to: &buffer)
    }

    private mutating func appendReason(_ reason: Reason) {
        let template = reason.template
        let fragment = fragmentIndex(for: template)
        buffer.append(contentsOf: prefixes[fragment])
        NumberFormatting.append(reason.observed, to: &buffer)
        buffer.append(contentsOf: suffixes[fragment])
        if !reason.contribution.isNaN {
            NumberFormatting.appendASCII(",\"contribution\":", to: &buffer)
            NumberFormatting.append(reason.contribution, to: &buffer)
        }
        buffer.append(UInt8(ascii: "}"))
    }

    /// The index of the encoded fixed parts of `template`'s reasons, encoding them the first
    /// time (a policy has a few dozen templates; the scan compares identities only).
    @inline(__always)
    private mutating func fragmentIndex(for template: ReasonTemplate) -> Int {
        let identity = ObjectIdentifier(template)
        for index in templates.indices where templates[index] == identity { return index }
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
        templates.append(identity)
        prefixes.append(prefix)
        suffixes.append(suffix)
        // Keep the templates alive while their identities are cached.
        retainedTemplates.append(template)
        return templates.count - 1
    }

    /// Appends the masked card exactly as ``CardReference/masked`` spells it.
    static func appendMasked(_ card: CardReference, to buffer: inout [UInt8]) {
        guard card.isPAN else {
            NumberFormatting.appendASCII("tok:", to: &buffer)
            var started = false
            for shift in stride(from: 60, through: 0, by: -4) {
                let nibble = UInt8(truncatingIfNeeded: card.hash >> UInt64(shift)) & 15
                if nibble != 0 || started || shift == 0 {
                    started = true
                    buffer.append(nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10)
                }
            }
            return
        }
        NumberFormatting.appendPadded(UInt64(card.bin), width: 6, to: &buffer)
        for _ in 0..<max(Int(card.panLength) - 10, 0) { buffer.append(UInt8(ascii: "*")) }
        NumberFormatting.appendPadded(UInt64(card.last4), width: 4, to: &buffer)
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

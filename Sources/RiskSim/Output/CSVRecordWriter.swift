import RiskIO
import RiskCore

/// Encodes generated transactions as CSV rows with the canonical column names, appended to a
/// caller-owned byte buffer. Feedback and status records have no CSV form and are skipped.
///
/// Columns: `id,time,card,amount,currency,merchant,terminal,mcc,country,entry_mode,pin,expiry,
/// type,response_code,label,scenario`, with `time` in epoch milliseconds, `amount` a decimal
/// string with the currency's minor digits, `pin` as `1`/`0` and `label` as `fraud`/`genuine`.
/// No field ever needs quoting.
public struct CSVRecordWriter: Sendable {
    /// The header line (without its newline).
    public static let header = "id,time,card,amount,currency,merchant,terminal,mcc,country,entry_mode,pin,expiry,type,response_code,label,scenario"

    /// Creates a writer.
    public init() {}

    /// Appends the header line and its newline to `buffer`.
    public func appendHeader(to buffer: inout [UInt8]) {
        buffer.append(contentsOf: Self.header.utf8)
        buffer.append(0x0A)
    }

    /// Appends `record` as one row if it is a transaction; returns whether it wrote a row.
    @discardableResult
    public func append(_ record: GeneratedRecord, to buffer: inout [UInt8]) -> Bool {
        guard case .transaction(let logged) = record.record else { return false }
        buffer.appendWithCursor(maxBytes: 256 + logged.scenario.utf8.count) { out in
            appendRow(logged, record, to: &out)
        }
        return true
    }

    @inline(__always)
    private func appendRow(_ logged: LoggedTransaction, _ record: GeneratedRecord, to out: inout ByteCursor) {
        let transaction = logged.transaction
        out.appendDecimal(record.transactionNumber)
        out.append(0x2C)
        out.appendDecimal(transaction.time)
        out.append(0x2C)
        record.card.appendText(to: &out)
        out.append(0x2C)
        out.appendAmount(minorUnits: transaction.amount, minorDigits: transaction.currency.minorUnitDigits)
        out.append(0x2C)
        out.appendCurrency(transaction.currency)
        out.append(0x2C)
        out.appendMerchantText(Int(record.merchantNumber))
        out.append(0x2C)
        out.appendTerminalText(Int(record.terminalNumber))
        out.append(0x2C)
        out.appendDecimal(UInt64(transaction.mcc))
        out.append(0x2C)
        out.appendCountry(transaction.country)
        out.append(0x2C)
        out.appendEntryMode(transaction.entryMode)
        if transaction.pinPresent { out.appendASCII(",1,") } else { out.appendASCII(",0,") }
        out.appendExpiry(transaction.expiry)
        if transaction.messageType == .authorization { out.appendASCII(",authorization,") } else { out.appendASCII(",reversal,") }
        if let code = logged.responseCode { out.appendResponseCode(code) }
        switch logged.label {
        case .fraud: out.appendASCII(",fraud,")
        case .genuine: out.appendASCII(",genuine,")
        case .unknown: out.appendASCII(",,")
        }
        out.appendUTF8(logged.scenario)
        out.append(0x0A)
    }
}

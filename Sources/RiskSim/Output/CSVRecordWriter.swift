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
        let transaction = logged.transaction
        buffer.appendDecimal(record.transactionNumber)
        buffer.append(0x2C)
        buffer.appendDecimal(transaction.time)
        buffer.append(0x2C)
        record.card.appendText(to: &buffer)
        buffer.append(0x2C)
        buffer.appendAmount(minorUnits: transaction.amount, minorDigits: transaction.currency.minorUnitDigits)
        buffer.append(0x2C)
        buffer.appendCurrency(transaction.currency)
        buffer.append(0x2C)
        buffer.appendMerchantText(Int(record.merchantNumber))
        buffer.append(0x2C)
        buffer.appendTerminalText(Int(record.terminalNumber))
        buffer.append(0x2C)
        buffer.appendDecimal(UInt64(transaction.mcc))
        buffer.append(0x2C)
        buffer.appendCountry(transaction.country)
        buffer.append(0x2C)
        buffer.appendEntryMode(transaction.entryMode)
        buffer.appendASCII(transaction.pinPresent ? ",1," : ",0,")
        buffer.appendExpiry(transaction.expiry)
        buffer.appendASCII(transaction.messageType == .authorization ? ",authorization," : ",reversal,")
        if let code = logged.responseCode { buffer.appendResponseCode(code) }
        switch logged.label {
        case .fraud: buffer.appendASCII(",fraud,")
        case .genuine: buffer.appendASCII(",genuine,")
        case .unknown: buffer.append(0x2C); buffer.append(0x2C)
        }
        buffer.append(contentsOf: logged.scenario.utf8)
        buffer.append(0x0A)
        return true
    }
}

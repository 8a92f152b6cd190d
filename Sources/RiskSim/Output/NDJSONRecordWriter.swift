import RiskCore

/// Encodes generated records as NDJSON lines in the canonical record schema (see README):
/// one JSON object and a newline per record, appended to a caller-owned byte buffer.
///
/// Transactions carry every schema field (`time` in epoch milliseconds, `amount` as a decimal
/// string with the currency's minor digits, `label` as `fraud`/`genuine`); feedback records
/// carry `time`, `card`, `terminal`, `merchant`, `txn_time`, `ref` and `feedback`; status records
/// `time`, `card` and `status`. Nothing on this path uses Foundation or allocates beyond the
/// buffer's own growth.
public struct NDJSONRecordWriter: Sendable {
    /// Creates a writer.
    public init() {}

    /// Appends `record` as one line to `buffer`.
    public func append(_ record: GeneratedRecord, to buffer: inout [UInt8]) {
        switch record.record {
        case .transaction(let logged):
            appendTransaction(logged, record, to: &buffer)
        case .feedback(let feedback):
            buffer.appendASCII("{\"kind\":\"feedback\",\"time\":")
            buffer.appendDecimal(feedback.reportTime)
            buffer.appendASCII(",\"card\":\"")
            record.card.appendText(to: &buffer)
            buffer.appendASCII("\",\"terminal\":\"")
            buffer.appendTerminalText(Int(record.terminalNumber))
            buffer.appendASCII("\",\"merchant\":\"")
            buffer.appendMerchantText(Int(record.merchantNumber))
            buffer.appendASCII("\",\"txn_time\":")
            buffer.appendDecimal(feedback.transactionTime)
            buffer.appendASCII(",\"ref\":")
            buffer.appendDecimal(record.transactionNumber)
            buffer.appendASCII(feedback.kind == .chargeback ? ",\"feedback\":\"chargeback\"}\n" : ",\"feedback\":\"fraud_report\"}\n")
        case .status(let update):
            buffer.appendASCII("{\"kind\":\"status\",\"time\":")
            buffer.appendDecimal(update.time)
            buffer.appendASCII(",\"card\":\"")
            record.card.appendText(to: &buffer)
            buffer.appendASCII("\",\"status\":")
            buffer.appendJSONString(update.status.name)
            buffer.appendASCII("}\n")
        }
    }

    private func appendTransaction(_ logged: LoggedTransaction, _ record: GeneratedRecord, to buffer: inout [UInt8]) {
        let transaction = logged.transaction
        buffer.appendASCII("{\"kind\":\"transaction\",\"id\":")
        buffer.appendDecimal(record.transactionNumber)
        buffer.appendASCII(",\"time\":")
        buffer.appendDecimal(transaction.time)
        buffer.appendASCII(",\"card\":\"")
        record.card.appendText(to: &buffer)
        buffer.appendASCII("\",\"amount\":\"")
        buffer.appendAmount(minorUnits: transaction.amount, minorDigits: transaction.currency.minorUnitDigits)
        buffer.appendASCII("\",\"currency\":\"")
        buffer.appendCurrency(transaction.currency)
        buffer.appendASCII("\",\"merchant\":\"")
        buffer.appendMerchantText(Int(record.merchantNumber))
        buffer.appendASCII("\",\"terminal\":\"")
        buffer.appendTerminalText(Int(record.terminalNumber))
        buffer.appendASCII("\",\"mcc\":")
        buffer.appendDecimal(UInt64(transaction.mcc))
        buffer.appendASCII(",\"country\":\"")
        buffer.appendCountry(transaction.country)
        buffer.appendASCII("\",\"entry_mode\":\"")
        buffer.appendEntryMode(transaction.entryMode)
        buffer.appendASCII(transaction.pinPresent ? "\",\"pin\":true,\"expiry\":\"" : "\",\"pin\":false,\"expiry\":\"")
        buffer.appendExpiry(transaction.expiry)
        buffer.appendASCII(transaction.messageType == .authorization ? "\",\"type\":\"authorization\"" : "\",\"type\":\"reversal\"")
        if let code = logged.responseCode {
            buffer.appendASCII(",\"response_code\":\"")
            buffer.appendResponseCode(code)
            buffer.append(0x22)
        }
        switch logged.label {
        case .fraud: buffer.appendASCII(",\"label\":\"fraud\"")
        case .genuine: buffer.appendASCII(",\"label\":\"genuine\"")
        case .unknown: break
        }
        buffer.appendASCII(",\"scenario\":")
        buffer.appendJSONString(logged.scenario)
        buffer.appendASCII("}\n")
    }
}

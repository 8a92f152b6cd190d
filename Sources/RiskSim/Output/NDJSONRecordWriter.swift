import RiskIO
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
            buffer.appendWithCursor(maxBytes: 448 + 6 * logged.scenario.utf8.count) { out in
                appendTransaction(logged, record, to: &out)
            }
        case .feedback(let feedback):
            buffer.appendWithCursor(maxBytes: 320) { out in
                out.appendASCII("{\"kind\":\"feedback\",\"time\":")
                out.appendDecimal(feedback.reportTime)
                out.appendASCII(",\"card\":\"")
                record.card.appendText(to: &out)
                out.appendASCII("\",\"terminal\":\"")
                out.appendTerminalText(Int(record.terminalNumber))
                out.appendASCII("\",\"merchant\":\"")
                out.appendMerchantText(Int(record.merchantNumber))
                out.appendASCII("\",\"txn_time\":")
                out.appendDecimal(feedback.transactionTime)
                out.appendASCII(",\"ref\":")
                out.appendDecimal(record.transactionNumber)
                if feedback.kind == .chargeback {
                    out.appendASCII(",\"feedback\":\"chargeback\"}\n")
                } else {
                    out.appendASCII(",\"feedback\":\"fraud_report\"}\n")
                }
            }
        case .status(let update):
            buffer.appendWithCursor(maxBytes: 160) { out in
                out.appendASCII("{\"kind\":\"status\",\"time\":")
                out.appendDecimal(update.time)
                out.appendASCII(",\"card\":\"")
                record.card.appendText(to: &out)
                out.appendASCII("\",\"status\":")
                out.appendJSONString(update.status.name)
                out.appendASCII("}\n")
            }
        }
    }

    @inline(__always)
    private func appendTransaction(_ logged: LoggedTransaction, _ record: GeneratedRecord, to out: inout ByteCursor) {
        let transaction = logged.transaction
        out.appendASCII("{\"kind\":\"transaction\",\"id\":")
        out.appendDecimal(record.transactionNumber)
        out.appendASCII(",\"time\":")
        out.appendDecimal(transaction.time)
        out.appendASCII(",\"card\":\"")
        record.card.appendText(to: &out)
        out.appendASCII("\",\"amount\":\"")
        out.appendAmount(minorUnits: transaction.amount, minorDigits: transaction.currency.minorUnitDigits)
        out.appendASCII("\",\"currency\":\"")
        out.appendCurrency(transaction.currency)
        out.appendASCII("\",\"merchant\":\"")
        out.appendMerchantText(Int(record.merchantNumber))
        out.appendASCII("\",\"terminal\":\"")
        out.appendTerminalText(Int(record.terminalNumber))
        out.appendASCII("\",\"mcc\":")
        out.appendDecimal(UInt64(transaction.mcc))
        out.appendASCII(",\"country\":\"")
        out.appendCountry(transaction.country)
        out.appendASCII("\",\"entry_mode\":\"")
        out.appendEntryMode(transaction.entryMode)
        if transaction.pinPresent {
            out.appendASCII("\",\"pin\":true,\"expiry\":\"")
        } else {
            out.appendASCII("\",\"pin\":false,\"expiry\":\"")
        }
        out.appendExpiry(transaction.expiry)
        if transaction.messageType == .authorization {
            out.appendASCII("\",\"type\":\"authorization\"")
        } else {
            out.appendASCII("\",\"type\":\"reversal\"")
        }
        if let code = logged.responseCode {
            out.appendASCII(",\"response_code\":\"")
            out.appendResponseCode(code)
            out.append(0x22)
        }
        switch logged.label {
        case .fraud: out.appendASCII(",\"label\":\"fraud\"")
        case .genuine: out.appendASCII(",\"label\":\"genuine\"")
        case .unknown: break
        }
        out.appendASCII(",\"scenario\":")
        out.appendJSONString(logged.scenario)
        out.appendASCII("}\n")
    }
}

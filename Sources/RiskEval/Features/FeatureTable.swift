import RiskCore

/// The features CSV: `id,time,card,label`, then one column per feature in
/// ``FeatureSchema/names`` order — the file `Models/train.py` reads.
///
/// `card` is the masked card (`411111******1111`) or the token hash (`tok:…`), never a full
/// card number; `label` is `1` (fraud), `0` (genuine) or empty (unknown). Numbers are written
/// deterministically: whole values as integers, others in Swift's shortest round-trip form.
public enum FeatureTable {
    /// The header line, with its newline.
    public static let header: String = (["id", "time", "card", "label"] + FeatureSchema.names).joined(separator: ",") + "\n"

    /// Appends one row for a scored transaction.
    ///
    /// - Parameters:
    ///   - id: the transaction id as written in the input (quoted if it needs it); when empty,
    ///     the transaction's numeric id.
    ///   - logged: the transaction, with its label.
    ///   - features: the features the engine scored it with.
    public static func appendRow(id: UnsafeRawBufferPointer, _ logged: LoggedTransaction, features: FeatureVector, to out: inout [UInt8]) {
        let transaction = logged.transaction
        if id.isEmpty {
            NumberText.append(transaction.id, to: &out)
        } else {
            appendField(id, to: &out)
        }
        out.append(0x2C)
        NumberText.append(transaction.time, to: &out)
        out.append(0x2C)
        CardText.append(transaction.card, to: &out)
        out.append(0x2C)
        switch logged.label {
        case .fraud: out.append(0x31)
        case .genuine: out.append(0x30)
        case .unknown: break
        }
        features.withUnsafeValues { values in
            for value in values {
                out.append(0x2C)
                NumberText.append(value, to: &out)
            }
        }
        out.append(0x0A)
    }

    /// Appends a CSV field, quoting it when it holds a comma, a quote or a line break.
    static func appendField(_ bytes: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        guard bytes.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else {
            out.append(contentsOf: bytes)
            return
        }
        out.append(0x22)
        for byte in bytes {
            out.append(byte)
            if byte == 0x22 { out.append(0x22) }
        }
        out.append(0x22)
    }
}

import Foundation

/// Feature rows of the RiskModels test fixture `inputs.csv` (header line, then one row of
/// numbers per line; an empty field is a missing value, `Double.nan`), flattened row-major.
struct FixtureRows {
    let columns: Int
    let values: [Double]

    var count: Int { values.count / columns }

    init(path: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let lines = text.split(whereSeparator: \.isNewline)
        guard let header = lines.first else { throw FixtureError("\(path) is empty") }
        columns = header.split(separator: ",", omittingEmptySubsequences: false).count
        var values: [Double] = []
        for (number, line) in lines.dropFirst().enumerated() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count == columns else {
                throw FixtureError("\(path) line \(number + 2): \(fields.count) fields, header has \(columns)")
            }
            for field in fields {
                if field.isEmpty {
                    values.append(.nan)
                } else if let value = Double(field) {
                    values.append(value)
                } else {
                    throw FixtureError("\(path) line \(number + 2): \"\(field)\" is not a number")
                }
            }
        }
        self.values = values
    }
}

/// A fixture that cannot be read, with what is wrong.
struct FixtureError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

import RiskCore

/// Counts gathered while rescoring: records read and rejected, decisions by action, reason
/// codes, and, where the log carries the issuer's response, how the policy compares with it.
///
/// ``add(_:responseCode:)`` allocates nothing once every reason code has been seen once.
public struct RescoreSummary: Sendable {
    /// Non-blank data lines read (records and rejections).
    public var recordsRead = 0
    /// Lines rejected.
    public var recordsRejected = 0
    /// Feedback and status records applied.
    public var updates = 0
    /// Decisions by action, indexed by ``Action/rawValue``.
    public private(set) var decisionsByAction: [Int] = Array(repeating: 0, count: Action.allCases.count)
    /// How the policy's actions compare with the issuer's historical responses.
    public private(set) var comparison = IssuerComparison()
    /// Wall-clock seconds of the run (set by the caller).
    public var seconds: Double = 0
    /// CPU seconds per pipeline stage (zero when the run did not use the pipeline).
    public var stageCPU = StageCPUTimes()
    /// Reason counts by template identity (a policy has a few dozen templates: a scan of
    /// identities is cheaper than hashing), with the codes.
    private var reasonTemplates: [ObjectIdentifier] = []
    private var reasonCodes: [String] = []
    private var reasonCounts: [Int] = []

    /// An empty summary.
    public init() {}

    /// Transactions decided.
    public var decisions: Int { decisionsByAction.reduce(0, +) }

    /// Decided transactions per second of ``seconds``.
    public var recordsPerSecond: Double { seconds > 0 ? Double(recordsRead) / seconds : 0 }

    /// Counts one decision and, when known, the issuer's response to the same transaction.
    public mutating func add(_ decision: Decision, responseCode: ResponseCode?) {
        withUnsafePointer(to: decision) { add($0, responseCode: responseCode) }
    }

    /// Counts one decision read in place (see ``add(_:responseCode:)``).
    mutating func add(_ decision: UnsafePointer<Decision>, responseCode: ResponseCode?) {
        decisionsByAction[Int(decision.pointee.action.rawValue)] += 1
        for index in 0..<decision.pointee.reasonCount {
            let template = decision.pointee.reason(at: index).template
            let key = ObjectIdentifier(template)
            if let slot = reasonTemplates.firstIndex(of: key) {
                reasonCounts[slot] += 1
            } else {
                reasonTemplates.append(key)
                reasonCodes.append(template.code)
                reasonCounts.append(1)
            }
        }
        if let responseCode {
            comparison.add(policy: decision.pointee.action, issuerApproved: responseCode.category == .approved)
        }
    }

    /// Reason codes by how often they were cited, most frequent first (ties by code).
    public func topReasons(_ limit: Int = 10) -> [(code: String, count: Int)] {
        var byCode: [String: Int] = [:]
        for (slot, count) in reasonCounts.enumerated() { byCode[reasonCodes[slot], default: 0] += count }
        return byCode.map { (code: $0.key, count: $0.value) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.code < $1.code }
            .prefix(limit).map { $0 }
    }
}

/// The policy's actions against the issuer's historical answers, for the transactions whose
/// log carries a response code.
public struct IssuerComparison: Sendable, Hashable {
    /// Counts indexed by policy action (``Action/rawValue``) × issuer (0 approved, 1 declined).
    public private(set) var counts: [Int] = Array(repeating: 0, count: Action.allCases.count * 2)

    /// An empty comparison.
    public init() {}

    /// Counts one transaction.
    public mutating func add(policy: Action, issuerApproved: Bool) {
        counts[Int(policy.rawValue) * 2 + (issuerApproved ? 0 : 1)] += 1
    }

    /// Transactions with the given policy action and issuer answer.
    public func count(policy: Action, issuerApproved: Bool) -> Int {
        counts[Int(policy.rawValue) * 2 + (issuerApproved ? 0 : 1)]
    }

    /// Transactions with an issuer response.
    public var total: Int { counts.reduce(0, +) }

    /// The policy would decline, the issuer approved.
    public var policyDeclinedIssuerApproved: Int { count(policy: .decline, issuerApproved: true) }

    /// The policy would allow, the issuer declined.
    public var policyAllowedIssuerDeclined: Int { count(policy: .allow, issuerApproved: false) }
}

/// The live decision for a transaction and, when a challenger policy is installed, the
/// decision the challenger would have made on the same features.
public struct ShadowDecision: Sendable {
    /// The champion's decision: the one the gateway acts on.
    public var live: Decision
    /// The challenger's decision, or nil when no challenger is installed. Never acted on.
    public var shadow: Decision?

    /// Pairs a live decision with an optional shadow decision.
    public init(live: Decision, shadow: Decision?) {
        self.live = live
        self.shadow = shadow
    }
}

/// Champion/challenger: a second policy (with its own rules and model) runs in shadow.
///
/// The challenger decides on exactly the features the champion's decision used, after it.
/// It never writes state (decisions never feed the state, and the features are computed once,
/// by the champion's scoring) and never changes the live decision. Its decisions carry their
/// own ``Decision/policyVersion``, numbered from the same counter as ``install(_:)``.
extension RiskEngine {
    /// Installs (or replaces) the challenger policy and returns its version number.
    @discardableResult
    public func installChallenger(_ policy: Policy) -> Int {
        installLock.withLock { version in
            version += 1
            for shard in cardShards {
                shard.withLock { $0.challenger = (policy, version) }
            }
            return version
        }
    }

    /// Removes the challenger; later decisions have no shadow.
    public func removeChallenger() {
        installLock.withLock { _ in
            for shard in cardShards {
                shard.withLock { $0.challenger = nil }
            }
        }
    }

    /// The challenger policy now installed, if any.
    public var challenger: Policy? { cardShards[0].withLock { $0.challenger?.policy } }

    /// Scores a transaction like ``score(_:)`` and also asks the challenger.
    @discardableResult
    public func scoreWithShadow(_ tx: Transaction) -> ShadowDecision {
        var features = FeatureVector()
        return scoreWithShadow(tx, features: &features)
    }

    /// Scores a transaction like ``score(_:features:)``, leaves the features in `features`, and
    /// returns the live decision with the challenger's decision on the same features.
    @discardableResult
    public func scoreWithShadow(_ tx: Transaction, features: inout FeatureVector) -> ShadowDecision {
        let live = score(tx, features: &features)
        guard let challenger = cardShards[configuration.partition(of: tx.card.hash)].withLock({ $0.challenger }) else {
            return ShadowDecision(live: live, shadow: nil)
        }
        var copy = features
        return ShadowDecision(live: live, shadow: challenger.policy.decide(&copy, transactionID: tx.id, policyVersion: challenger.version))
    }

    /// Applies one stream record like ``process(_:)``; for a transaction returns the live and
    /// shadow decisions, nil otherwise.
    @discardableResult
    public func processWithShadow(_ streamRecord: StreamRecord) -> ShadowDecision? {
        guard case .transaction(let logged) = streamRecord else {
            process(streamRecord)
            return nil
        }
        let decisions = scoreWithShadow(logged.transaction)
        if let code = logged.responseCode {
            record(outcome: Outcome(transaction: logged.transaction, responseCode: code))
        }
        return decisions
    }
}

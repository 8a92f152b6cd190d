import RiskCore

/// What one window benchmark keeps between its iterations: the replayed traffic, the state
/// under test and the feature vector it writes. The first call to ``warmUp(_:)`` feeds one
/// full pass of the traffic, so every key is already tracked when measurement starts.
final class WarmState<State> {
    var stream: WarmTraffic
    let state: State
    var features = FeatureVector()
    private var isWarm = false

    init(traffic: WarmTraffic, state: State) {
        stream = traffic
        self.state = state
    }

    /// Runs `update` over one pass of the traffic, once.
    func warmUp(_ update: (State, Transaction, inout FeatureVector) -> Void) {
        guard !isWarm else { return }
        isWarm = true
        for _ in 0..<WarmTraffic.count { update(state, stream.next(), &features) }
    }
}

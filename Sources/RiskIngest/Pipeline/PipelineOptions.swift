import RiskCore
import RiskIO

/// How a ``RescorePipeline`` is sized.
public struct PipelineOptions: Sendable {
    /// Parser workers and keyed workers (each); 1...254.
    public var workers: Int
    /// Partitions and capacities of the engine state: the same configuration gives the same
    /// decisions as ``RiskEngine`` with it.
    public var engine: EngineConfiguration
    /// Lines per batch.
    public var batchCapacity: Int
    /// The key for card hashes.
    public var cardKey: SipHashKey
    /// Read and decompression buffer size per input.
    public var bufferSize: Int
    /// The ``Decision/policyVersion`` stamped on the decisions (``RiskEngine`` starts at 1).
    public var policyVersion: Int

    /// Creates options.
    public init(workers: Int = 2, engine: EngineConfiguration = EngineConfiguration(), batchCapacity: Int = 2048,
                cardKey: SipHashKey = .defaultCardKey, bufferSize: Int = ByteSource.defaultBufferSize, policyVersion: Int = 1) {
        precondition((1...Self.maximumWorkers).contains(workers) && batchCapacity >= 1)
        self.workers = workers
        self.engine = engine
        self.batchCapacity = batchCapacity
        self.cardKey = cardKey
        self.bufferSize = bufferSize
        self.policyVersion = policyVersion
    }

    /// The most parser and keyed workers a pipeline runs.
    public static let maximumWorkers = 254

    /// Batches in circulation: enough for every stage to hold one while the next fills.
    var poolSize: Int { 2 * workers + 4 }
}

/// Progress of a running pipeline, reported once per batch.
public struct PipelineProgress: Sendable {
    /// Lines read so far (records and rejections).
    public var recordsRead: Int
    /// Stored input bytes consumed (compressed bytes for zstd).
    public var bytesConsumed: Int64
    /// Total stored input bytes, when every input is a regular file.
    public var totalBytes: Int64?
}

/// What one example may use. The wall-clock timeout kills the whole process group; the CPU and
/// memory limits are set with setrlimit in the child as a second line of defence.
public struct ProcessLimits: Sendable, Hashable {
    public var timeout: Double
    /// Bytes of stdout and stderr together kept before the example is stopped.
    public var outputCap: Int
    public var cpuSeconds: Int
    public var memoryBytes: Int
    public var fileSizeBytes: Int

    public static let defaultOutputCap = 4 << 20

    public init(timeout: Double, outputCap: Int = ProcessLimits.defaultOutputCap, cpuSeconds: Int? = nil, memoryBytes: Int = 2 << 30, fileSizeBytes: Int = 64 << 20) {
        self.timeout = timeout
        self.outputCap = outputCap
        self.cpuSeconds = cpuSeconds ?? Int(timeout.rounded(.up)) * 2 + 1
        self.memoryBytes = memoryBytes
        self.fileSizeBytes = fileSizeBytes
    }
}

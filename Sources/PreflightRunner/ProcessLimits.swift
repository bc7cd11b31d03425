import PreflightCore

/// What one example (or one exercise check) may use: the single specification both ways of
/// running code follow. The wall-clock deadline is kept by the supervisor; the others are set
/// in the example's own process (CPU time, address space, file size) and, where the machine
/// offers cgroups, on everything it starts together (processes, memory).
public struct ProcessLimits: Sendable, Hashable {
    public var timeout: Double
    /// Bytes of stdout and stderr together kept before the example is stopped.
    public var outputCap: Int
    public var cpuSeconds: Int
    public var memoryBytes: Int
    public var fileSizeBytes: Int
    /// Processes the example may have running at once, itself included.
    public var processes: Int
    /// How long output may still arrive after the example's own process has ended, when a
    /// process it left behind keeps the output open; then the stragglers are stopped.
    public var grace: Double

    public static let defaultOutputCap = 4 << 20
    public static let defaultMemory = 2 << 30
    public static let defaultFileSize = 64 << 20
    public static let defaultProcesses = 64
    public static let defaultGrace = 0.25

    /// Callers validate `timeout` where they read it (`CourseConfig.isValidTimeout`); a value that
    /// slipped past is held to that range here rather than trusted.
    public init(timeout: Double, outputCap: Int = ProcessLimits.defaultOutputCap, cpuSeconds: Int? = nil,
                memoryBytes: Int = ProcessLimits.defaultMemory, fileSizeBytes: Int = ProcessLimits.defaultFileSize,
                processes: Int = ProcessLimits.defaultProcesses, grace: Double = ProcessLimits.defaultGrace) {
        let timeout = timeout.isNaN ? CourseConfig.defaultTimeout : min(max(timeout, 0.001), CourseConfig.maximumTimeout)
        self.timeout = timeout
        self.outputCap = outputCap
        self.cpuSeconds = cpuSeconds ?? Int(timeout.rounded(.up)) * 2 + 1
        self.memoryBytes = memoryBytes
        self.fileSizeBytes = fileSizeBytes
        self.processes = processes
        self.grace = grace
    }

    /// "10 s, 21 s CPU, 2 GiB memory, 64 processes, 64 MiB files, 4 MiB output".
    public var summary: String {
        func bytes(_ value: Int) -> String {
            value >= 1 << 30 && value % (1 << 30) == 0 ? "\(value >> 30) GiB" : "\(value >> 20) MiB"
        }
        return "\(formatSeconds(timeout)), \(cpuSeconds) s CPU, \(bytes(memoryBytes)) memory, \(processes) processes, \(bytes(fileSizeBytes)) files, \(bytes(outputCap)) output"
    }
}

// A test helper, not a product: writes progress records one transaction at a time and prints
// each one's number after it is committed, so a test can kill it at any moment and check that
// every confirmed write survived.
import Foundation
import PreflightStore

let arguments = CommandLine.arguments
// With a fifth argument `outbox`, each write also queues a statement, in the same transaction.
guard arguments.count == 4 || arguments.count == 5, let count = Int(arguments[3]) else {
    FileHandle.standardError.write(Data("usage: store-torture DATABASE WRITER-NAME COUNT [outbox]\n".utf8))
    exit(64)
}
do {
    let store = try ProgressStore(url: URL(fileURLWithPath: arguments[1]))
    for index in 0..<count {
        let statements = arguments.count == 5 ? [OutboxStatement(id: "\(arguments[2])-\(index)", body: "{}")] : []
        try store.recordExampleRun(lessonID: "\(arguments[2])-\(index)", exampleIndex: index, passed: index % 2 == 0, statements: statements)
        // Unbuffered: the number is out the moment the write is confirmed.
        FileHandle.standardOutput.write(Data("\(index)\n".utf8))
    }
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}

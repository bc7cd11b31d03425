import ArgumentParser
import Foundation
import PreflightApp
import PreflightCore

/// `preflight lrs connect|status|disconnect`: the Learning Record Store your records go to.
struct LRSCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lrs",
        abstract: "Connect a Learning Record Store (xAPI) to send your learning records to.",
        subcommands: [LRSConnectCommand.self, LRSStatusCommand.self, LRSDisconnectCommand.self],
        defaultSubcommand: LRSStatusCommand.self)
}

struct LRSConnectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "connect",
        abstract: "Save the LRS's xAPI endpoint and your credentials (the password is asked for, or read from standard input).",
        discussion: """
            The endpoint must use https, except on this machine (localhost, 127.0.0.1, ::1).
            The connection is saved in $XDG_CONFIG_HOME/preflight/lrs.json (or ~/.config/preflight/), readable by you only.
            From then on every lesson, example, quiz answer, exercise and flashcard you record is queued as an
            xAPI statement and sent by `preflight sync` (tried in the background after each command).
            """)

    @Argument(help: ArgumentHelp("The LRS's xAPI endpoint, such as https://lrs.example.org/xAPI/", valueName: "URL"))
    var url: String

    @Option(help: ArgumentHelp("Your user name on the LRS.", valueName: "NAME"))
    var user: String

    func run() throws {
        let password = try PasswordInput.read(prompt: "Password for \(Visible.escape(user)) at \(Visible.escape(url)): ")
        let connected = try LearningRecords.connect(endpoint: url, user: user, password: password, environment: ProcessInfo.processInfo.environment)
        Console.out("Connected to \(Visible.escape(connected.connection.endpoint)) as \(Visible.escape(connected.connection.user)) (saved in \(Visible.escape(connected.file.path)), mode 0600).")
        Console.out("Your records will name you as \(Visible.escape(connected.agent.description)); `preflight whoami --name … --email …` changes that.")
        Console.out(Visible.escape(connected.note))
    }
}

struct LRSStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "Show the connected LRS and who your records name.")

    func run() throws {
        let status = try LearningRecords.status(environment: ProcessInfo.processInfo.environment)
        guard let connection = status.connection, let agent = status.agent else {
            Console.out("No LRS is connected. `preflight lrs connect URL --user NAME` connects one.")
            return
        }
        Console.out("LRS: \(Visible.escape(connection.endpoint))")
        Console.out("User: \(Visible.escape(connection.user)) (password saved in \(Visible.escape(status.file.path)))")
        Console.out("Records name you as \(Visible.escape(agent.description)).")
        Console.out("`preflight sync --status` shows what is waiting to be sent for a course.")
    }
}

struct LRSDisconnectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "disconnect", abstract: "Forget the LRS and its password (queued records are kept).")

    func run() throws {
        if try LearningRecords.disconnect(environment: ProcessInfo.processInfo.environment) {
            Console.out("Disconnected: the LRS and its password are forgotten. Records already queued stay queued for a later `preflight lrs connect`.")
        } else {
            Console.out("No LRS was connected.")
        }
    }
}

/// `preflight whoami`: how learning records name you.
struct WhoamiCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whoami",
        abstract: "Set or show how your learning records name you (a name and email, or an account).",
        discussion: "Without options it shows the current identity. Without any identity, records name your LRS user as an account on the LRS's home page.")

    @Option(help: "Your name, as instructors will see it.")
    var name: String?

    @Option(help: "Your email address (records identify you by it).")
    var email: String?

    @Option(help: ArgumentHelp("An account name on another system, with --home-page.", valueName: "NAME"))
    var account: String?

    @Option(help: ArgumentHelp("The home page of the system the account belongs to.", valueName: "URL"))
    var homePage: String?

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        if name != nil || email != nil || account != nil || homePage != nil {
            let identity = try LearnerIdentity(name: name, email: email, accountHomePage: homePage, accountName: account)
            let file = try LearningRecords.setIdentity(identity, environment: environment)
            Console.out("Saved in \(Visible.escape(file.path)).")
        }
        let current = try LearningRecords.identity(environment: environment)
        if let agent = current.agent {
            Console.out("Your records name you as \(Visible.escape(agent.description)).")
        } else if let identity = current.identity {
            let who = [identity.name, identity.email.map { "<\($0)>" }, identity.accountName.map { "account \($0)" }].compactMap { $0 }.joined(separator: " ")
            Console.out("You are \(Visible.escape(who)); no LRS is connected yet (`preflight lrs connect URL --user NAME`).")
        } else {
            Console.out("No identity is set and no LRS is connected.")
        }
    }
}

import ArgumentParser
import Foundation

/// The `streamstage` command: live event-streaming demos in a terminal.
@main
struct Streamstage: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "streamstage",
        abstract: "Live event-streaming demos in a terminal: a Kafka-faithful log, consumer groups, lag and more.",
        subcommands: [
            RunCommand.self, WatchCommand.self, ServeCommand.self, ListCommand.self, ValidateCommand.self, DescribeCommand.self, ReplayCommand.self, BenchCommand.self,
        ],
        defaultSubcommand: RunCommand.self)

    /// Parses and runs; every error is one clear message on stderr and exit code 2 (help: 0).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let failure as UserFacingError {
            FileHandle.standardError.write(Data(("streamstage: " + failure.message + "\n").utf8))
            Foundation.exit(2)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                let message = fullMessage(for: error)
                if !message.isEmpty { print(message) }
                Foundation.exit(0)
            }
            if let text = usageError(error) { FileHandle.standardError.write(Data((text + "\n").utf8)) }
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }

    /// A command-line mistake as one line, then the hint where the usage is
    /// (`See 'streamstage run --help' for more information.`); nil for a bare exit code.
    static func usageError(_ error: Error) -> String? {
        let message = message(for: error).split(separator: "\n").first.map(String.init) ?? ""
        guard !message.isEmpty else { return nil }
        let hint = fullMessage(for: error).split(separator: "\n").last { $0.contains("--help") }
            .map { $0.trimmingCharacters(in: .whitespaces) } ?? "See 'streamstage --help' for more information."
        return "streamstage: \(message)\n\(hint)"
    }
}

/// A problem the user can fix, already worded for them; the CLI prints it and exits with 2.
struct UserFacingError: Error {
    var message: String
}

import Foundation
import Yams

/// All the problems found in one scenario file, sorted by position.
public struct ScenarioErrors: Error, Sendable, Equatable, CustomStringConvertible {
    public var errors: [ScenarioError]

    public init(_ errors: [ScenarioError]) {
        self.errors = errors
    }

    /// One line per problem.
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}

/// Reads scenario files into validated models.
///
///     do {
///         let spec = try ScenarioLoader.load(path: "demo-data/command-vs-events.yaml")
///     } catch {
///         for problem in error.errors { print(problem) }   // file:line:column: …
///     }
public enum ScenarioLoader {
    /// The scenario `streamstage run` uses when none is named.
    public static let defaultScenario = "command-vs-events"

    /// Parses and validates YAML text; `file` labels positions in messages (and gives the default id).
    /// `rates` are a talk's unless a benchmark says otherwise.
    public static func parse(yaml: String, file: String, rates: RateLimits = .talk) throws(ScenarioErrors) -> ScenarioSpec {
        if let problem = YAMLBudget.problem(in: yaml, file: file) { throw ScenarioErrors([problem]) }
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw ScenarioErrors([yamlError(error, file: file, yaml: yaml)])
        }
        guard let root else {
            throw ScenarioErrors([ScenarioError(
                file: file, at: SourcePosition(line: 1, column: 1), message: "empty scenario file",
                expected: "a mapping with scenario: 1, title, topics, … and script")])
        }
        let reader = Reader(file: file)
        reader.rates = rates
        let tree = YAMLNode(root)
        let spec = reader.document(tree, defaultID: defaultID(for: file))
        Validator(reader: reader).checkReferences()
        if let spec { reader.checkTotals(spec, root: tree) }
        guard let spec, reader.errors.isEmpty else {
            throw ScenarioErrors(reader.errors.sorted { $0.position < $1.position })
        }
        return spec
    }

    /// Reads and parses the file at `path`.
    public static func load(path: String) throws(ScenarioErrors) -> ScenarioSpec {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        if let bytes = (attributes?[.size] as? NSNumber)?.intValue, bytes > Limits.fileBytes {
            throw ScenarioErrors([ScenarioError(
                file: path, at: SourcePosition(line: 1, column: 1),
                message: "the file is \(bytes) bytes, more than the limit of \(Limits.fileBytes)",
                expected: "a scenario file of at most 1 MiB")])
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ScenarioErrors([ScenarioError(
                file: path, at: SourcePosition(line: 1, column: 1), message: "cannot read the file",
                expected: "a readable scenario file (.yaml)")])
        }
        return try parse(yaml: String(decoding: data, as: UTF8.self), file: path)
    }

    /// Every problem in `yaml` (empty when it is a valid scenario), for `streamstage validate`.
    public static func validate(yaml: String, file: String) -> [ScenarioError] {
        do {
            _ = try parse(yaml: yaml, file: file)
            return []
        } catch {
            return error.errors
        }
    }

    /// The path of scenario `nameOrPath`: an existing path as given, else `<directory>/<name>.yaml`
    /// when that exists; nil otherwise.
    public static func resolve(_ nameOrPath: String, in directory: String) -> String? {
        let manager = FileManager.default
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".yaml") || nameOrPath.hasSuffix(".yml") {
            return manager.fileExists(atPath: nameOrPath) ? nameOrPath : nil
        }
        for ext in ["yaml", "yml"] {
            let path = (directory as NSString).appendingPathComponent("\(nameOrPath).\(ext)")
            if manager.fileExists(atPath: path) { return path }
        }
        return nil
    }

    /// The scenario files (`*.yaml`, `*.yml`) in `directory`, sorted by name.
    public static func bundledScenarios(in directory: String) -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return files.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
            .map { (directory as NSString).appendingPathComponent($0) }
    }

    /// The file name without directory and extension.
    static func defaultID(for file: String) -> String {
        let base = (file as NSString).lastPathComponent
        let stem = (base as NSString).deletingPathExtension
        return Reader.isValidName(stem) ? stem : "scenario"
    }

    /// A Yams parse error as one positioned problem (at most at the end of the last line: libyaml
    /// puts an unexpected end after a final newline on the line that does not exist).
    static func yamlError(_ error: Error, file: String, yaml: String) -> ScenarioError {
        let expected = "valid YAML: check the indentation, the ':' after each key and matching quotes or brackets"
        var position = SourcePosition(line: 1, column: 1)
        var message = "malformed YAML"
        if let yamlError = error as? YamlError {
            switch yamlError {
            case .scanner(let context, let problem, let mark, _),
                .parser(let context, let problem, let mark, _),
                .composer(let context, let problem, let mark, _):
                position = clamped(SourcePosition(line: mark.line, column: mark.column), to: yaml)
                message = "malformed YAML: \(problem)" + (context.map { " (\($0.text))" } ?? "")
            case .reader(let problem, _, _, _):
                message = "malformed YAML: \(problem)"
            case .duplicatedKeysInMapping(let duplicates, let context):
                position = SourcePosition(line: context.mark.line, column: context.mark.column)
                return ScenarioError(
                    file: file, at: position,
                    message: "duplicate key '\(duplicates.joined(separator: "', '"))'",
                    expected: "each key once per mapping")
            default:
                break
            }
        }
        return ScenarioError(file: file, at: position, message: message, expected: expected)
    }

    /// `position`, or the end of the last line when it lies past it.
    static func clamped(_ position: SourcePosition, to yaml: String) -> SourcePosition {
        var lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.count > 1, lines.last?.isEmpty == true { lines.removeLast() }
        guard position.line > lines.count, let last = lines.last else { return position }
        return SourcePosition(line: lines.count, column: last.unicodeScalars.count + 1)
    }
}

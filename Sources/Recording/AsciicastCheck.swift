import Foundation

/// A strict checker for asciicast v2 files, stricter than any player.
///
/// It checks the header's fields and types, that every line is JSON, that events are
/// `[time, code, data]` with numeric non-decreasing times, a known code and string data,
/// that `"r"` data reads `COLSxROWS`, that no line is blank, and that the file ends with
/// exactly one newline.
public enum AsciicastCheck {
    /// Checks the file at `url`; an unreadable file is one problem on line 0.
    public static func validate(contentsOf url: URL) -> [Problem] {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            return [Problem(line: 0, kind: .unreadable(url.path))]
        }
        return validate(data)
    }

    /// Checks the bytes of an asciicast v2 file; returns no problems when it is valid.
    public static func validate(_ data: Data) -> [Problem] {
        guard !data.isEmpty else { return [Problem(line: 1, kind: .emptyFile)] }
        var lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        let endsWithNewline = data.last == UInt8(ascii: "\n")
        if endsWithNewline { lines.removeLast() }
        var problems: [Problem] = []
        var previousTime: Double?
        for (index, bytes) in lines.enumerated() {
            let number = index + 1
            var lineProblems: [Problem.Kind] = []
            if let value = parse(bytes, into: &lineProblems) {
                if number == 1 {
                    checkHeader(value, into: &lineProblems)
                } else {
                    checkEvent(value, previousTime: &previousTime, into: &lineProblems)
                }
            }
            problems += lineProblems.map { Problem(line: number, kind: $0) }
        }
        if !endsWithNewline { problems.append(Problem(line: lines.count, kind: .missingFinalNewline)) }
        return problems
    }

    /// Parses one line as a JSON value, or records why it is not one.
    private static func parse(_ bytes: Data, into problems: inout [Problem.Kind]) -> Any? {
        if bytes.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }) {
            problems.append(.blankLine)
            return nil
        }
        guard String(validating: bytes, as: UTF8.self) != nil else {
            problems.append(.notUTF8)
            return nil
        }
        guard let value = try? JSONSerialization.jsonObject(with: bytes, options: [.fragmentsAllowed]) else {
            problems.append(.invalidJSON)
            return nil
        }
        return value
    }

    private static func checkHeader(_ value: Any, into problems: inout [Problem.Kind]) {
        guard let header = value as? [String: Any] else {
            problems.append(.headerNotObject)
            return
        }
        switch header["version"].map(JSONKind.init) {
        case nil: problems.append(.missingField("version"))
        case .integer?:
            if (header["version"] as? Int) != 2 { problems.append(.unsupportedVersion) }
        case _?: problems.append(.wrongType(field: "version", expected: "integer"))
        }
        for field in ["width", "height"] {
            switch header[field].map(JSONKind.init) {
            case nil: problems.append(.missingField(field))
            case .integer?:
                if let size = header[field] as? Int, size > 0 { break }
                problems.append(.notPositive(field))
            case _?: problems.append(.wrongType(field: field, expected: "integer"))
            }
        }
        for field in ["timestamp", "duration", "idle_time_limit"] {
            if let kind = header[field].map(JSONKind.init), !kind.isNumber {
                problems.append(.wrongType(field: field, expected: "number"))
            }
        }
        for field in ["command", "title"] {
            if let kind = header[field].map(JSONKind.init), kind != .string {
                problems.append(.wrongType(field: field, expected: "string"))
            }
        }
        if let env = header["env"] {
            checkStrings(env, field: "env", required: [], into: &problems)
        }
        if let theme = header["theme"] {
            checkStrings(theme, field: "theme", required: ["fg", "bg", "palette"], into: &problems)
        }
    }

    /// Checks that `value` is an object of strings holding at least the `required` keys.
    private static func checkStrings(_ value: Any, field: String, required: [String], into problems: inout [Problem.Kind]) {
        guard let object = value as? [String: Any] else {
            problems.append(.wrongType(field: field, expected: "object"))
            return
        }
        for key in required where object[key] == nil {
            problems.append(.missingField("\(field).\(key)"))
        }
        for (key, member) in object.sorted(by: { $0.key < $1.key }) where JSONKind(member) != .string {
            problems.append(.wrongType(field: "\(field).\(key)", expected: "string"))
        }
    }

    private static func checkEvent(_ value: Any, previousTime: inout Double?, into problems: inout [Problem.Kind]) {
        guard let event = value as? [Any] else {
            problems.append(.eventNotArray)
            return
        }
        guard event.count == 3 else {
            problems.append(.eventLength(event.count))
            return
        }
        if JSONKind(event[0]).isNumber, let time = (event[0] as? NSNumber)?.doubleValue {
            if let previousTime, time < previousTime {
                problems.append(.timeDecreasing(previous: previousTime, time: time))
            }
            previousTime = max(previousTime ?? time, time)
        } else {
            problems.append(.timeNotNumber)
        }
        let data = event[2] as? String
        if data == nil { problems.append(.dataNotString) }
        guard let code = event[1] as? String else {
            problems.append(.codeNotString)
            return
        }
        guard ["o", "i", "m", "r"].contains(code) else {
            problems.append(.unknownCode(code))
            return
        }
        if code == "r", let data, !isResize(data) {
            problems.append(.badResize(data))
        }
    }

    /// Whether `data` reads `COLSxROWS` with ASCII digits: `^\d+x\d+$`.
    static func isResize(_ data: String) -> Bool {
        let parts = data.split(separator: "x", omittingEmptySubsequences: false)
        return parts.count == 2 && parts.allSatisfy { part in
            !part.isEmpty && part.unicodeScalars.allSatisfy { ("0"..."9").contains($0) }
        }
    }
}

import Foundation
import Recording
import Testing

private let header = #"{"version":2,"width":80,"height":24}"#

/// Checks `text` as file content.
private func check(_ text: String) -> [AsciicastCheck.Problem] {
    AsciicastCheck.validate(Data(text.utf8))
}

private func problem(_ line: Int, _ kind: AsciicastCheck.Problem.Kind) -> [AsciicastCheck.Problem] {
    [AsciicastCheck.Problem(line: line, kind: kind)]
}

@Suite("Strict asciicast v2 checker")
struct AsciicastCheckTests {
    @Test("a file with every field and event code passes")
    func valid() {
        let text = #"{"version":2,"width":80,"height":24,"timestamp":1700000000,"duration":2.5,"#
            + #""idle_time_limit":2.0,"command":"demo","title":"t","env":{"TERM":"xterm"},"#
            + ##""theme":{"fg":"#ffffff","bg":"#000000","palette":"#000000:#ffffff"},"x-extra":[1]}"## + "\n"
            + #"[0, "o", "hi"]"# + "\n" + #"[0.5,"i","q"]"# + "\n" + #"[0.5,"m",""]"# + "\n" + #"[1,"r","100x30"]"# + "\n"
        #expect(check(text) == [])
    }

    @Test("an empty file")
    func empty() {
        #expect(check("") == problem(1, .emptyFile))
    }

    @Test("the file must end with a newline")
    func finalNewline() {
        #expect(check(header + "\n" + #"[0,"o","x"]"#) == problem(2, .missingFinalNewline))
    }

    @Test("exactly one newline at the end: a second is a blank line")
    func extraNewline() {
        #expect(check(header + "\n" + #"[0,"o","x"]"# + "\n\n") == problem(3, .blankLine))
    }

    @Test("no blank line in the middle")
    func blankLine() {
        #expect(check(header + "\n \n" + #"[0,"o","x"]"# + "\n") == problem(2, .blankLine))
    }

    @Test("every line must be JSON")
    func invalidJSON() {
        #expect(check(header + "\n" + #"[0,"o","x"# + "\n") == problem(2, .invalidJSON))
        #expect(check("{version: 2}\n") == problem(1, .invalidJSON))
    }

    @Test("every line must be UTF-8")
    func notUTF8() {
        var data = Data((header + "\n" + #"[0,"o",""#).utf8)
        data += [0xFF]
        data += Data("\"]\n".utf8)
        #expect(AsciicastCheck.validate(data) == problem(2, .notUTF8))
    }

    @Test("the header is an object")
    func headerObject() {
        #expect(check("[2,80,24]\n") == problem(1, .headerNotObject))
    }

    @Test("version is the integer 2")
    func version() {
        #expect(check(#"{"width":80,"height":24}"# + "\n") == problem(1, .missingField("version")))
        #expect(check(#"{"version":"2","width":80,"height":24}"# + "\n")
            == problem(1, .wrongType(field: "version", expected: "integer")))
        #expect(check(#"{"version":2.0,"width":80,"height":24}"# + "\n")
            == problem(1, .wrongType(field: "version", expected: "integer")))
        #expect(check(#"{"version":3,"width":80,"height":24}"# + "\n") == problem(1, .unsupportedVersion))
    }

    @Test("width and height are positive integers")
    func size() {
        #expect(check(#"{"version":2,"height":24}"# + "\n") == problem(1, .missingField("width")))
        #expect(check(#"{"version":2,"width":80,"height":0}"# + "\n") == problem(1, .notPositive("height")))
        #expect(check(#"{"version":2,"width":80.5,"height":24}"# + "\n")
            == problem(1, .wrongType(field: "width", expected: "integer")))
        #expect(check(#"{"version":2,"width":true,"height":24}"# + "\n")
            == problem(1, .wrongType(field: "width", expected: "integer")))
    }

    @Test("optional header fields have their types")
    func optionalFields() {
        #expect(check(#"{"version":2,"width":80,"height":24,"timestamp":"now"}"# + "\n")
            == problem(1, .wrongType(field: "timestamp", expected: "number")))
        #expect(check(#"{"version":2,"width":80,"height":24,"idle_time_limit":false}"# + "\n")
            == problem(1, .wrongType(field: "idle_time_limit", expected: "number")))
        #expect(check(#"{"version":2,"width":80,"height":24,"title":1}"# + "\n")
            == problem(1, .wrongType(field: "title", expected: "string")))
        #expect(check(#"{"version":2,"width":80,"height":24,"env":{"TERM":null}}"# + "\n")
            == problem(1, .wrongType(field: "env.TERM", expected: "string")))
        #expect(check(#"{"version":2,"width":80,"height":24,"env":"TERM=xterm"}"# + "\n")
            == problem(1, .wrongType(field: "env", expected: "object")))
        #expect(check(##"{"version":2,"width":80,"height":24,"theme":{"fg":"#fff","bg":"#000"}}"## + "\n")
            == problem(1, .missingField("theme.palette")))
    }

    @Test("events are arrays of three elements")
    func eventShape() {
        #expect(check(header + "\n" + #"{"t":0}"# + "\n") == problem(2, .eventNotArray))
        #expect(check(header + "\n" + #"[0,"o"]"# + "\n") == problem(2, .eventLength(2)))
    }

    @Test("the time is a number")
    func timeNumber() {
        #expect(check(header + "\n" + #"["0.5","o","x"]"# + "\n") == problem(2, .timeNotNumber))
        #expect(check(header + "\n" + #"[true,"o","x"]"# + "\n") == problem(2, .timeNotNumber))
    }

    @Test("times never decrease")
    func timeOrder() {
        let text = header + "\n" + #"[1.5,"o","a"]"# + "\n" + #"[1.5,"o","b"]"# + "\n" + #"[1.25,"o","c"]"# + "\n"
        #expect(check(text) == problem(4, .timeDecreasing(previous: 1.5, time: 1.25)))
    }

    @Test("the code is one of o, i, m, r")
    func codes() {
        #expect(check(header + "\n" + #"[0,"x","0"]"# + "\n") == problem(2, .unknownCode("x")))
        #expect(check(header + "\n" + #"[0,1,"x"]"# + "\n") == problem(2, .codeNotString))
    }

    @Test("the data is a string")
    func dataString() {
        #expect(check(header + "\n" + #"[0,"o",5]"# + "\n") == problem(2, .dataNotString))
    }

    @Test("resize data reads COLSxROWS")
    func resizeData() {
        for bad in ["80X24", "80x", "x24", "80x24x1", " 80x24", "８0x24", "-1x24"] {
            #expect(check(header + "\n" + "[0,\"r\",\"\(bad)\"]\n") == problem(2, .badResize(bad)))
        }
    }

    @Test("problems are reported with their line, in order")
    func severalProblems() {
        let text = #"{"version":2,"width":80}"# + "\n" + #"[0,"o"]"# + "\n" + #"[0,"q","x"]"#
        #expect(check(text).map(\.description) == [
            "line 1: the header lacks 'height'",
            "line 2: an event must have 3 elements, not 2",
            #"line 3: unknown event code "q"; expected o, i, m or r"#,
            "line 3: the last line does not end with a newline",
        ])
    }

    @Test("an unreadable file is one problem on line 0")
    func unreadable() throws {
        let url = try temporaryFolder().appendingPathComponent("missing.cast")
        #expect(AsciicastCheck.validate(contentsOf: url) == problem(0, .unreadable(url.path)))
    }
}

import CYaml

/// Checks the size of a YAML document as its aliases would expand it, from libyaml's event
/// stream and before any tree is built, so an alias bomb ("billion laughs") costs one linear pass.
///
/// Each anchored node is measured once (nodes and depth); an alias adds its anchor's measure
/// instead of being expanded. Malformed YAML is left for the composer to report.
enum YAMLBudget {
    /// The node count and depth of one (expanded) node.
    private struct Measure {
        var nodes: Int
        var depth: Int
    }

    /// A collection being read: what it has measured so far and the anchor it will register.
    private struct Frame {
        var anchor: String?
        var nodes = 1
        var childDepth = 0
    }

    /// The first limit `yaml` breaks, as a positioned problem; nil when it stays within them.
    static func problem(in yaml: String, file: String) -> ScenarioError? {
        let size = yaml.utf8.count
        if size > Limits.fileBytes {
            return ScenarioError(
                file: file, at: SourcePosition(line: 1, column: 1),
                message: "the file is \(size) bytes, more than the limit of \(Limits.fileBytes)",
                expected: "a scenario file of at most 1 MiB")
        }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        var bytes = Array(yaml.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            return scan(&parser, file: file)
        }
    }

    /// Walks the events, one at a time, until the stream ends, the YAML is malformed, or a limit breaks.
    private static func scan(_ parser: inout yaml_parser_t, file: String) -> ScenarioError? {
        var anchors: [String: Measure] = [:]
        var stack: [Frame] = []
        var expanded = 0
        var aliases = 0
        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
            defer { yaml_event_delete(&event) }
            let position = SourcePosition(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
            var finished: Measure?
            switch event.type {
            case YAML_STREAM_END_EVENT, YAML_NO_EVENT:
                return nil
            case YAML_SCALAR_EVENT:
                expanded += 1
                finished = Measure(nodes: 1, depth: 1)
                if let anchor = text(event.data.scalar.anchor) { anchors[anchor] = finished }
            case YAML_SEQUENCE_START_EVENT:
                expanded += 1
                stack.append(Frame(anchor: text(event.data.sequence_start.anchor)))
            case YAML_MAPPING_START_EVENT:
                expanded += 1
                stack.append(Frame(anchor: text(event.data.mapping_start.anchor)))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let frame = stack.popLast() else { return nil }
                let measure = Measure(nodes: frame.nodes, depth: frame.childDepth + 1)
                if let anchor = frame.anchor { anchors[anchor] = measure }
                finished = measure
            case YAML_ALIAS_EVENT:
                aliases += 1
                if aliases > Limits.aliases {
                    return ScenarioError(
                        file: file, at: position, message: "more than \(Limits.aliases) aliases",
                        expected: "at most \(Limits.aliases) uses of *alias in one file")
                }
                // An undefined alias is the composer's error to report.
                guard let name = text(event.data.alias.anchor), let measure = anchors[name] else { return nil }
                expanded += measure.nodes
                finished = measure
            default:
                continue
            }
            if expanded > Limits.expandedNodes {
                return ScenarioError(
                    file: file, at: position,
                    message: "the aliases expand the file to more than \(Limits.expandedNodes) YAML nodes",
                    expected: "at most \(Limits.expandedNodes) values once every *alias is expanded")
            }
            let depth = stack.count + (finished?.depth ?? 0)
            if depth > Limits.nestingDepth {
                return ScenarioError(
                    file: file, at: position, message: "values nested more than \(Limits.nestingDepth) levels deep",
                    expected: "at most \(Limits.nestingDepth) levels of nesting, aliases expanded")
            }
            if let finished, !stack.isEmpty {
                stack[stack.count - 1].nodes += finished.nodes
                stack[stack.count - 1].childDepth = max(stack[stack.count - 1].childDepth, finished.depth)
            }
        }
    }

    /// A libyaml anchor as a Swift string.
    private static func text(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}

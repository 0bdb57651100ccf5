/// Why a recording or journal file cannot be started.
public enum RecordingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The folder meant to hold the file does not exist (or is not a folder).
    case folderMissing(path: String, folder: String)
    /// The path names a folder, not a file.
    case isFolder(path: String)
    /// The file cannot be created or opened for writing.
    case notWritable(path: String, reason: String)
    /// The file opened but its first line could not be written.
    case writeFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case .folderMissing(let path, let folder):
            "cannot write '\(path)': folder '\(folder)' does not exist"
        case .isFolder(let path):
            "cannot write '\(path)': it is a folder"
        case .notWritable(let path, let reason):
            "cannot write '\(path)': \(reason)"
        case .writeFailed(let path, let reason):
            "cannot write '\(path)': \(reason)"
        }
    }
}

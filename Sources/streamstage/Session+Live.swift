import Foundation

extension Session {
    /// Runs full-screen in the terminal.
    func runLive(speed: Double, durationMs: Int64?, output: OutputOptions) throws(UserFacingError) {
        throw UserFacingError(message: "the live dashboard is not built into this binary yet; use --headless")
    }
}

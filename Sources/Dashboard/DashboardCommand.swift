/// What a key asks the dashboard to do; the reducer gives each its meaning.
public enum DashboardCommand: Hashable, Sendable {
    /// Go to the scenario's next step.
    case nextStep
    /// Go back one step (re-simulated exactly from the start).
    case previousStep
    /// Jump to step 1…9.
    case jumpToStep(Int)
    /// Pause or resume the simulation.
    case togglePause
    /// Run the simulation faster.
    case faster
    /// Run the simulation slower.
    case slower
    /// Move the keyboard focus to the next panel or group.
    case focusNext
    /// Move the keyboard focus to the previous panel or group.
    case focusPrevious
    /// Scroll the focused group's describe table (or, with no group focused, the narration) up a page.
    case scrollUp
    /// Scroll the focused group's describe table (or, with no group focused, the narration) down a page.
    case scrollDown
    /// Add a member to the focused consumer group.
    case addMember
    /// Kill a member of the focused consumer group.
    case killMember
    /// Freeze or unfreeze the event feed while the world goes on.
    case toggleFeedFreeze
    /// Start typing a filter for the event feed.
    case filterFeed
    /// Restart the scenario from the beginning.
    case restart
    /// Pause or resume the recording.
    case toggleRecordingPause
    /// Put a marker into the recording at this moment (`streamstage watch`).
    case mark
    /// Show or hide the help overlay.
    case toggleHelp
    /// Close the overlay or cancel the filter.
    case escape
    /// Leave the dashboard.
    case quit
}

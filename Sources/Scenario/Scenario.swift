// The Scenario module; see README.md for its place in the architecture.

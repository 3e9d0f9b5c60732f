// swift-format-ignore-file
// A catalogue of words: one entry per line, the English beside the Dutch for a translator.

/// The test runner's and coverage report's words in English and Dutch (see `Words`).
/// What a test expects is not here: it is repeated in the covenant's own keywords.
enum AuthoringWords {
    static let entries: [String: (en: String, nl: String)] = [
        // TestRunner.swift: how a decision differs from what the test expects ({0} is what
        // the decision is, {1} what the test expects).
        "testRunner.effect": ("the decision is {0}, not {1}", "de beslissing is {0}, niet {1}"),
        "testRunner.decidedBy": ("decided by {0}, not {1}", "beslist door {0}, niet door {1}"),
        "testRunner.obliges": ("obliges {0}, not {1}", "de verplichtingen zijn {0}, niet {1}"),
        "testRunner.waives": ("waives {0}, not {1}", "de vervallen verplichtingen zijn {0}, niet {1}"),
        "testRunner.postpones": ("postpones {0}, not {1}", "de uitgestelde verplichtingen zijn {0}, niet {1}"),
        "testRunner.misses": ("misses facts {0}, not {1}", "de ontbrekende feiten zijn {0}, niet {1}"),
        "testRunner.none": ("(none)", "(geen)"),
        "testRunner.notInForce": ("(the covenant is not in force on {0})", "(het convenant is op {0} niet van kracht)"),
        "testRunner.thatDay": ("that day", "die dag"),
    ]
}

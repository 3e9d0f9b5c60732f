import CovenantEval
import Testing

/// The message catalogue: every entry in both languages, with the same placeholders.
@Suite struct MessagesTests {
    @Test func everyEntryHasBothLanguagesWithTheSamePlaceholders() {
        #expect(Messages.catalogue.count > 40)
        for (key, entry) in Messages.catalogue {
            #expect(!entry.en.isEmpty && !entry.nl.isEmpty, "\(key)")
            #expect(
                Messages.placeholders(entry.en) == Messages.placeholders(entry.nl), "\(key): \(entry.en) / \(entry.nl)")
        }
    }

    @Test func placeholdersAreFilledAndListsReadNaturally() {
        #expect(Messages.text("decision.permittedBy.one", .nl, "medisch") == "toegestaan op grond van regel medisch")
        #expect(Messages.text("decision.permittedBy.one", .en, "medisch") == "permitted by rule medisch")
        #expect(Messages.list(["a", "b", "c"], .nl) == "a, b en c" && Messages.list(["a"], .en) == "a")
        // A value with braces in it is never read as a placeholder.
        #expect(
            Messages.text("diff.statement", .en, "x {1}", "y", "{2}", "b", "c") == "x {1}: y — was: {2}; now: b (c)")
        #expect(DecisionTable.timingText("within 4 weeks", .nl) == "binnen 4 weken")
        #expect(DecisionTable.timingText("within 1 week", .nl) == "binnen 1 week")
        #expect(DecisionTable.timingText("within 7 years", .nl) == "binnen 7 jaar")
        #expect(
            DecisionTable.timingText("before", .nl) == "vooraf" && DecisionTable.timingText("after", .en) == "after")
    }
}

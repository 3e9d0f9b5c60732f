/// The syntax stage's diagnostics in English and Dutch (see `Words`).
enum SyntaxWords {
    static let entries: [String: (en: String, nl: String)] = [
        // DiagnosticRenderer.swift: the labels of a rendered diagnostic.
        "render.error": ("error", "fout"),
        "render.warning": ("warning", "waarschuwing"),
        "render.note": ("note", "opmerking"),
        "render.acknowledged": ("acknowledged", "aanvaard"),
        "render.acknowledgedBecause": ("acknowledged", "aanvaard omdat"),
        "render.witness": ("witness", "voorbeeld"),
        "render.principle": ("principle", "beginsel"),
        "render.help": ("help", "tip"),
        // Frontend.swift
        "frontend.moreErrors.one": ("{0} more error was not shown (limit maxErrorsPerFile = {1})",
                                    "nog {0} fout is niet getoond (grens maxErrorsPerFile = {1})"),
        "frontend.moreErrors.many": ("{0} more errors were not shown (limit maxErrorsPerFile = {1})",
                                     "nog {0} fouten zijn niet getoond (grens maxErrorsPerFile = {1})"),
        "frontend.moreErrors.help": ("fix the errors above first; many of the rest may follow from them",
                                     "herstel eerst de fouten hierboven; veel van de overige volgen daar waarschijnlijk uit"),
    ]
}

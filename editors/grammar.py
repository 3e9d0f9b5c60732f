#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Writes the editor grammars from the keyword and value tables of grammar/covenant.ebnf.

    python3 editors/grammar.py          (re)writes the three files below
    python3 editors/grammar.py --check  fails when one of them is not what it would write

- editors/vscode/syntaxes/covenant.tmLanguage.json          TextMate grammar, scope source.covenant
- editors/vscode/syntaxes/covenant-markdown.tmLanguage.json injection: ```covenant blocks in Markdown
- editors/vim/syntax/covenant.vim                           Vim syntax file

The tables in covenant.ebnf are kept equal to the lexer's by GrammarTests, so the grammars know
every spelling of both keyword sets; TextMateGrammarTests tokenizes every shipped covenant with the
TextMate grammar and checks it against the parser. Standard library only.

What the grammars claim (docs/editors.md): keywords are context words, so a word is scoped as a
keyword only where the parser reads it as one. The file's keyword set follows its header
(`taal nl` / `language nl`; English without one). Header words (version, controller, valid from
until) are keywords only in the `covenant { }` header; the expected decision (permit/deny,
toegestaan/geweigerd) only after expect/verwacht; `permitted`/`toegestaan` before oblige/verplicht;
true/false/ja/nee are values. A word right after a value position (==, !=, <, =, |, :, a comma,
`in {`, default, valid) is a name or a value and never scoped as a keyword.
"""
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
EBNF = ROOT / "grammar" / "covenant.ebnf"
TM = ROOT / "editors" / "vscode" / "syntaxes" / "covenant.tmLanguage.json"
TM_MD = ROOT / "editors" / "vscode" / "syntaxes" / "covenant-markdown.tmLanguage.json"
VIM = ROOT / "editors" / "vim" / "syntax" / "covenant.vim"


def table(text, name):
    start = text.index("(* " + name)
    body = text[start:text.index("*)", start)]
    return [line.split() for line in body.splitlines()[1:] if line.split()]


def load():
    text = EBNF.read_text(encoding="utf-8")
    keywords = {}
    for row in table(text, "KEYWORDS"):
        # English has one spelling per keyword; the rest of the row is Dutch.
        keywords[row[0]] = {"en": [row[1]], "nl": row[2:]}
    values = {}
    for row in table(text, "VALUES"):
        words = row[1:]
        assert len(words) % 2 == 0, row
        half = len(words) // 2
        entry = values.setdefault(row[0], {"en": [], "nl": []})
        entry["en"] += words[:half]
        entry["nl"] += words[half:]
    reserved = next(l for l in text.splitlines() if l.startswith("(* RESERVED"))
    reserved = reserved.split(":", 1)[1].replace("*)", "").split()
    return keywords, values, reserved


WORD = r"[^\W\d]\w*"
FENCE_CLOSE = r"^\s{0,3}(?:`{3,}|~{3,})\s*$"

# Declarations that name what they declare, with the scope of the name.
DECLARATIONS = [
    ("party", "entity.name.type.party"),
    ("group", "entity.name.type.party"),
    ("category", "entity.name.type.category"),
    ("purpose", "entity.name.type.purpose"),
    ("fact", "entity.name.type.fact"),
    ("basis", "entity.name.function.basis"),
    ("obligation", "entity.name.function.obligation"),
    ("rule", "entity.name.function.rule"),
    ("guarantee", "entity.name.function.guarantee"),
]
HEADER = ["version", "controller", "valid", "from", "until"]
# Clause keywords followed by a word from a closed list of values.
VALUE_CLAUSES = [
    ("kind", ["party_kind", "purpose_kind", "basis_kind", "obligation_kind"]),
    ("secrecy", ["secrecy"]),
    ("nature", ["nature"]),
    ("special", ["special_category"]),
    ("role", ["fact_role"]),
]
# Keywords that are handled by a rule of their own (or are values), not by the plain lists.
SPECIAL = set(HEADER) | {"language", "covenant", "true", "false", "permitted", "denied", "ifPermitted",
                         "whenever", "default", "test", "bool", "int", "expect", "in"}
SPECIAL |= {d for d, _ in DECLARATIONS} | {k for k, _ in VALUE_CLAUSES}
EFFECTS = ["permit", "forbid", "never", "always"]
LOGICAL = ["and", "or", "not"]


def alt(words):
    # Longest first, so that an alternation never stops at a prefix of a longer spelling.
    return "|".join(sorted(set(words), key=lambda w: (-len(w), w)))


def words(keywords, names, lang):
    out = []
    for n in names:
        out += keywords[n][lang]
    return out


def value_words(values, lists, lang):
    out = []
    for l in lists:
        out += values[l][lang]
    return out


def body(keywords, values, reserved, lang):
    """The repository rules of one keyword set, named '<lang>-...'."""
    kw = lambda *names: words(keywords, names, lang)
    k1 = lambda name: keywords[name][lang][0] if len(keywords[name][lang]) == 1 else "(?:%s)" % alt(
        keywords[name][lang])
    booleans = alt(kw("true", "false"))
    actors = alt(values["actor"][lang])
    units = alt(values["time_unit"][lang])
    value = r"(?:\b(%s)\b|(\d+)\b|(%s))" % (booleans, WORD)
    value_caps = lambda first: {
        str(first): {"name": "constant.language.boolean.covenant"},
        str(first + 1): {"name": "constant.numeric.integer.covenant"},
    }
    declaration_keywords = kw(*[d for d, _ in DECLARATIONS], "covenant", "test")
    rules = {}
    p = lang + "-"

    rules[p + "header"] = {
        "comment": "The covenant { } header: its clause words are keywords only here.",
        "begin": r"\b(%s)\b" % k1("covenant"),
        "beginCaptures": {"1": {"name": "keyword.other.declaration.covenant"}},
        "end": r"(\})|(?=^\s*(?:%s)\b)" % alt(declaration_keywords),
        "endCaptures": {"1": {"name": "punctuation.section.block.end.covenant"}},
        "name": "meta.header.covenant",
        "patterns": [
            {"include": "#comment"},
            {"include": "#string"},
            {"include": "#date"},
            {"match": r"\b(%s)\b" % alt(kw(*HEADER)), "name": "keyword.other.header.covenant"},
            {"include": "#punctuation"},
        ],
    }
    patterns = [{"include": "#comment"}, {"include": "#string"}, {"include": "#" + p + "header"}]
    for declaration, scope in DECLARATIONS:
        patterns.append({
            "match": r"\b(%s)\s+(%s)" % (k1(declaration), WORD),
            "captures": {
                "1": {"name": "keyword.other.declaration.covenant"},
                "2": {"name": scope + ".covenant"},
            },
        })
    patterns += [
        {
            "match": r"\b(%s)\s+(%s)\s+(%s)" % (k1("exception"), k1("to"), WORD),
            "captures": {
                "1": {"name": "keyword.other.covenant"},
                "2": {"name": "keyword.other.covenant"},
                "3": {"name": "entity.other.inherited-class.rule.covenant"},
            },
        },
        {
            "comment": "The expected decision is a keyword only right after expect.",
            "match": r"\b(%s)\b(?:\s+(%s)\b)?" % (k1("expect"), alt(kw("permitted", "denied"))),
            "captures": {
                "1": {"name": "keyword.other.covenant"},
                "2": {"name": "keyword.control.effect.covenant"},
            },
        },
        {
            "comment": "A whenever guarantee's 'permitted oblige ...'.",
            "match": r"\b(%s)(?=\s+%s\b)" % (alt(kw("ifPermitted")), k1("oblige")),
            "name": "keyword.control.effect.covenant",
        },
    ]
    # Dutch 'telkens' may be followed by 'als' ("telkens als"), which the formatter prints.
    whenever = alt(kw("whenever")) + (r")\b(?:\s+(als)\b)?" if lang == "nl" else r")\b")
    patterns.append({"match": r"\b(" + whenever, "captures": {
        "1": {"name": "keyword.control.effect.covenant"}, "2": {"name": "keyword.control.effect.covenant"}}})
    for clause, lists in VALUE_CLAUSES:
        patterns.append({
            "match": r"\b(%s)\b(?:\s+(%s)\b)?" % (k1(clause), alt(value_words(values, lists, lang))),
            "captures": {
                "1": {"name": "keyword.other.covenant"},
                "2": {"name": "support.constant.%s.covenant" % lists[0].replace("_", "-")},
            },
        })
    patterns += [
        {
            "comment": "An actor before the obligation it names.",
            "match": r"\b(%s)\s+(%s)\b(?=\s+%s)" % (alt(kw("oblige", "waived", "postponed")), actors, WORD),
            "captures": {
                "1": {"name": "keyword.other.covenant"},
                "2": {"name": "support.constant.actor.covenant"},
            },
        },
        {
            "comment": "The value of a default, and the valid values of a consent role.",
            "match": r"\b(%s)\b(?:\s+%s)?" % (alt(kw("default", "valid")), value),
            "captures": dict({"1": {"name": "keyword.other.covenant"}}, **value_caps(2)),
        },
        {
            "comment": "A fact's type: bool, int, or the first value of an enumeration.",
            "match": r"(:)\s*(?:\b(%s)\b|(%s))?" % (alt(kw("bool", "int")), WORD),
            "captures": {
                "1": {"name": "punctuation.separator.type.covenant"},
                "2": {"name": "keyword.other.type.covenant"},
            },
        },
        {
            "comment": "A value after a comparison or in a fact assignment: a name or value, not a keyword.",
            "match": r"(==|!=|<=|>=|<|>|=)\s*%s?" % value,
            "captures": dict({"1": {"name": "keyword.operator.comparison.covenant"}}, **value_caps(2)),
        },
        {
            "match": r"\b(%s)\s*(\{)\s*%s?" % (k1("in"), value),
            "captures": dict({
                "1": {"name": "keyword.operator.logical.covenant"},
                "2": {"name": "punctuation.section.braces.begin.covenant"},
            }, **value_caps(3)),
        },
        {
            "comment": "After a comma comes a name or a value (an actor before a duty), never a keyword.",
            "match": r"(,)\s*(?:(%s)\s+(?=%s)|%s)?" % (actors, WORD, value),
            "captures": dict({
                "1": {"name": "punctuation.separator.comma.covenant"},
                "2": {"name": "support.constant.actor.covenant"},
            }, **value_caps(3)),
        },
        {
            "match": r"(\|)\s*(%s)?" % WORD,
            "captures": {"1": {"name": "punctuation.separator.alternative.covenant"}},
        },
        {
            "match": r"\b(\d+)\s+(%s)\b" % units,
            "captures": {
                "1": {"name": "constant.numeric.integer.covenant"},
                "2": {"name": "support.constant.time-unit.covenant"},
            },
        },
        {"match": r"\b(%s)\b" % alt(kw(*[d for d, _ in DECLARATIONS], "test")),
         "name": "keyword.other.declaration.covenant"},
        {"match": r"\b(%s)\b" % alt(kw(*EFFECTS)), "name": "keyword.control.effect.covenant"},
        {"match": r"\b(%s)\b" % alt(kw(*LOGICAL, "in")), "name": "keyword.operator.logical.covenant"},
    ]
    plain = [k for k in keywords if k not in SPECIAL and k not in EFFECTS and k not in LOGICAL]
    patterns += [
        {"match": r"\b(%s)\b" % alt(kw(*plain)), "name": "keyword.other.covenant"},
        {"match": r"\b(%s)\b" % booleans, "name": "constant.language.boolean.covenant"},
        {"include": "#date"},
        {"include": "#number"},
        {"include": "#operator"},
        {"include": "#punctuation"},
    ]
    rules[p + "body"] = {"patterns": patterns}
    return rules


def covenant_grammar(keywords, values, reserved):
    language = alt(keywords["language"]["en"] + keywords["language"]["nl"])
    repository = {
        "comment": {
            "match": r"(//).*$",
            "name": "comment.line.double-slash.covenant",
            "captures": {"1": {"name": "punctuation.definition.comment.covenant"}},
        },
        "string": {
            "begin": '"',
            "beginCaptures": {"0": {"name": "punctuation.definition.string.begin.covenant"}},
            "end": r'(")|$',
            "endCaptures": {"1": {"name": "punctuation.definition.string.end.covenant"}},
            "name": "string.quoted.double.covenant",
            "patterns": [
                {"match": r'\\["\\nt]', "name": "constant.character.escape.covenant"},
                {"match": r"\\.", "name": "invalid.illegal.escape.covenant"},
            ],
        },
        "date": {"match": r"\b\d{4}-\d{2}-\d{2}\b", "name": "constant.numeric.date.covenant"},
        "number": {"match": r"\b\d+\b", "name": "constant.numeric.integer.covenant"},
        "operator": {
            "patterns": [
                {"match": "->", "name": "keyword.operator.arrow.covenant"},
                {"match": r"\.\.", "name": "keyword.operator.range.covenant"},
                {"match": "-", "name": "keyword.operator.minus.covenant"},
            ]
        },
        "punctuation": {
            "patterns": [
                {"match": r"\{", "name": "punctuation.section.block.begin.covenant"},
                {"match": r"\}", "name": "punctuation.section.block.end.covenant"},
                {"match": r"\(", "name": "punctuation.section.parens.begin.covenant"},
                {"match": r"\)", "name": "punctuation.section.parens.end.covenant"},
                {"match": ",", "name": "punctuation.separator.comma.covenant"},
            ]
        },
        "dutch": {
            "comment": "A file that starts with 'taal nl' or 'language nl' uses the Dutch keywords to its end "
            "(or, in Markdown, to the end of its code block).",
            "begin": r"^\s*(%s)\s+(nl)\b" % language,
            "beginCaptures": {
                "1": {"name": "keyword.other.declaration.covenant"},
                "2": {"name": "constant.language.keyword-set.covenant"},
            },
            "end": "(?=%s)" % FENCE_CLOSE,
            "patterns": [{"include": "#nl-body"}],
        },
        "english": {
            "match": r"^\s*(%s)\s+(en)\b" % language,
            "captures": {
                "1": {"name": "keyword.other.declaration.covenant"},
                "2": {"name": "constant.language.keyword-set.covenant"},
            },
        },
    }
    for lang in ("en", "nl"):
        repository.update(body(keywords, values, reserved, lang))
    return {
        "$schema": "https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json",
        "name": "Covenant",
        "scopeName": "source.covenant",
        "comment": "Generated by editors/grammar.py from grammar/covenant.ebnf; do not edit by hand.",
        "fileTypes": ["covenant"],
        "patterns": [{"include": "#comment"}, {"include": "#dutch"}, {"include": "#english"},
                     {"include": "#en-body"}],
        "repository": repository,
    }


def markdown_grammar(keywords):
    language = alt(keywords["language"]["en"] + keywords["language"]["nl"])
    fence_open = r"^(\s{0,3})((`|~)\3{2,})\s*(covenant)(?=\s|$).*$"
    fence_captures = {
        "2": {"name": "punctuation.definition.markdown"},
        "4": {"name": "fenced_code.block.language.markdown"},
    }
    return {
        "$schema": "https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json",
        "name": "Covenant in Markdown",
        "scopeName": "markdown.covenant.codeblock",
        "comment": "Generated by editors/grammar.py; do not edit by hand. ```covenant blocks in Markdown. As in a "
        "literate covenant (*.covenant.md), a first block that starts with 'taal nl' sets the Dutch keywords for "
        "every later block: from there to the end of the document the grammar reads the prose itself "
        "(as Markdown) and each covenant block as Dutch.",
        "injectionSelector": "L:text.html.markdown -meta.embedded.block.covenant -markup.fenced_code",
        "patterns": [{"include": "#fenced-covenant"}],
        "repository": {
            "fenced-covenant": {
                "begin": fence_open,
                "beginCaptures": fence_captures,
                "end": r"^(\1|\s{0,3})(\2\3*)\s*$",
                "endCaptures": {"2": {"name": "punctuation.definition.markdown"}},
                "contentName": "meta.embedded.block.covenant",
                "patterns": [{"include": "#dutch-document"}, {"include": "source.covenant"}],
            },
            "dutch-document": {
                "begin": r"^\s*(%s)\s+(nl)\b" % language,
                "beginCaptures": {
                    "1": {"name": "keyword.other.declaration.covenant"},
                    "2": {"name": "constant.language.keyword-set.covenant"},
                },
                "end": "(?!)",
                "name": "meta.covenant.dutch-document",
                "patterns": [
                    {
                        "comment": "After a block's closing fence: Markdown up to the next covenant block.",
                        "begin": FENCE_CLOSE,
                        "beginCaptures": {"0": {"name": "punctuation.definition.markdown"}},
                        "end": "(?=%s)" % fence_open,
                        "contentName": "meta.covenant.prose.markdown",
                        "patterns": [{"include": "text.html.markdown"}],
                    },
                    {"match": fence_open, "captures": fence_captures},
                    {"include": "source.covenant#nl-body"},
                ],
            },
        },
    }


def vim_syntax(keywords, values, reserved):
    def kws(lang, names):
        return " ".join(sorted(set(words(keywords, names, lang))))

    # `covenant` starts the header region, whose start a keyword would hide.
    declarations = [d for d, _ in DECLARATIONS] + ["test", "language"]
    effects = EFFECTS + ["whenever"]
    plain = [k for k in keywords if k not in HEADER and k not in declarations and k not in effects
             and k not in LOGICAL + ["in", "covenant", "true", "false", "permitted", "denied", "ifPermitted"]]
    lines = [
        '" Vim syntax file for Covenant (*.covenant), both keyword sets.',
        '" Generated by editors/grammar.py from grammar/covenant.ebnf; do not edit by hand.',
        '" Install: docs/editors.md. The file\'s keyword set follows its header (taal nl / language nl);',
        '" in a literate covenant (*.covenant.md) the header of its first block.',
        "if exists('b:current_syntax') | finish | endif",
        "let s:cpo_save = &cpo | set cpo&vim",
        "",
        "let s:nl = search('^\\s*\\(taal\\|language\\)\\s\\+nl\\>', 'nw') > 0",
        "",
        "syn case match",
        "syn sync fromstart",
        "syn keyword covenantTodo contained TODO FIXME XXX NOTE",
        'syn match covenantComment "//.*$" contains=covenantTodo,@Spell',
        'syn region covenantString start=+"+ skip=+\\\\\\\\\\|\\\\"+ end=+"\\|$+ contains=covenantEscape,@Spell',
        'syn match covenantEscape contained +\\\\["\\\\nt]+',
        'syn match covenantDate "\\<\\d\\{4}-\\d\\{2}-\\d\\{2}\\>"',
        'syn match covenantNumber "\\<\\d\\+\\>"',
        'syn match covenantOperator "->\\|\\.\\.\\|==\\|!=\\|<=\\|>=\\|[<>=|]"',
        "",
    ]
    for lang, cond in (("nl", "if s:nl"), ("en", "else")):
        lines.append(cond)
        one = lambda name: keywords[name][lang][0]
        lines += [
            "  syn keyword covenantDeclaration %s" % kws(lang, declarations),
            # Dutch 'telkens' is matched with its 'als' below.
            "  syn keyword covenantEffect %s" % kws(lang, effects if lang == "en" else EFFECTS),
            "  syn keyword covenantLogical %s" % kws(lang, LOGICAL + ["in"]),
            "  syn keyword covenantKeyword %s" % kws(lang, plain),
            "  syn keyword covenantBoolean %s" % kws(lang, ["true", "false"]),
            "  syn keyword covenantHeaderKeyword contained %s" % kws(lang, HEADER),
            '  syn region covenantHeader matchgroup=covenantDeclaration start="\\<%s\\>" end="}"'
            " contains=covenantHeaderKeyword,covenantString,covenantDate,covenantComment" % one("covenant"),
            # The expected decision only after expect; 'permitted' before oblige.
            '  syn match covenantEffect "\\(\\<%s\\s\\+\\)\\@<=\\(%s\\)\\>"'
            % (one("expect"), "\\|".join(words(keywords, ["permitted", "denied"], lang))),
            '  syn match covenantEffect "\\<%s\\>\\(\\s\\+%s\\>\\)\\@="' % (one("ifPermitted"), one("oblige")),
        ]
        if lang == "nl":
            lines.append('  syn match covenantEffect "\\<telkens\\>\\(\\s\\+als\\>\\)\\="')
        # A word after a value position is a name or a value, never a keyword.
        lines.append('  syn match covenantValue "\\(==\\|!=\\|<=\\|>=\\|-\\@<!>\\|[<=|:,]\\)\\s*\\w\\+"'
                     ' contains=covenantOperator,covenantNumber,covenantBoolean,covenantType,covenantActor')
        lines.append("  syn keyword covenantType contained %s" % kws(lang, ["bool", "int"]))
        lines.append("  syn keyword covenantActor contained %s" % " ".join(values["actor"][lang]))
    lines += [
        "endif",
        "",
        "hi def link covenantComment Comment",
        "hi def link covenantTodo Todo",
        "hi def link covenantString String",
        "hi def link covenantEscape SpecialChar",
        "hi def link covenantDate Constant",
        "hi def link covenantNumber Number",
        "hi def link covenantBoolean Boolean",
        "hi def link covenantOperator Operator",
        "hi def link covenantDeclaration Structure",
        "hi def link covenantEffect Conditional",
        "hi def link covenantLogical Operator",
        "hi def link covenantKeyword Keyword",
        "hi def link covenantHeaderKeyword Keyword",
        "hi def link covenantType Type",
        "hi def link covenantActor Constant",
        "",
        "let b:current_syntax = 'covenant'",
        "let &cpo = s:cpo_save | unlet s:cpo_save",
    ]
    return "\n".join(lines) + "\n"


def main():
    keywords, values, reserved = load()
    outputs = {
        TM: json.dumps(covenant_grammar(keywords, values, reserved), indent=2, ensure_ascii=False) + "\n",
        TM_MD: json.dumps(markdown_grammar(keywords), indent=2, ensure_ascii=False) + "\n",
        VIM: vim_syntax(keywords, values, reserved),
    }
    check = "--check" in sys.argv[1:]
    stale = []
    for path, text in outputs.items():
        if check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(str(path.relative_to(ROOT)))
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    if stale:
        print("not up to date (run python3 editors/grammar.py): " + ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

/// A compiled covenant: everything the evaluator needs, and the names to answer in words, with
/// no reference to the source language. Built by CovenantLang's Compiler, or loaded from JSON.
///
/// Scope is indexed without materialising parties × parties × categories × purposes: each
/// dimension is partitioned into equivalence classes (entities that no rule tells apart); the
/// (leaf category class, purpose class) cells list the rules in scope, and a bitset per rule over
/// the sender classes and one over the recipient classes filters them. So a decision touches only
/// the few rules of its cells, however many rules the covenant has.
public struct DecisionTable: Sendable, Equatable {
    /// 2: fact roles, obligation kinds, who acts, postponement (language version 2).
    /// 3: the scope index by (leaf class, purpose class) cell with party-class bitsets per rule,
    /// instead of by (sender class, recipient class) pair.
    public static let formatVersion = 3

    public struct Metadata: Sendable, Equatable {
        public package(set) var title: String
        public package(set) var version: String?
        public package(set) var validFrom: String?
        public package(set) var validUntil: String?
        /// Lowercase hex SHA-256 of the covenant source the table was compiled from.
        public package(set) var sourceSHA256: String
        /// The covenant's keyword language: the language its decisions are explained in
        /// unless the user asks for another.
        public package(set) var language: Language
        package init(
            title: String, version: String?, validFrom: String?, validUntil: String?, sourceSHA256: String,
            language: Language = .en
        ) {
            self.title = title
            self.version = version
            self.validFrom = validFrom
            self.validUntil = validUntil
            self.sourceSHA256 = sourceSHA256
            self.language = language
        }
    }

    public enum FactKind: Sendable, Equatable {
        case bool
        case int(low: Int64, high: Int64)
        case enumeration([String])
    }

    public struct Fact: Sendable, Equatable {
        public package(set) var id: String
        public package(set) var name: String?
        public package(set) var kind: FactKind
        /// The encoded default (bool 0/1, the integer, the enumeration index), if declared.
        public package(set) var defaultValue: Int64?
        /// The fact's legal role: "consent", "age", "representative", or nil.
        public package(set) var role: String?
        /// Nobody can change it by acting (declared fixed, or an age): explanations never
        /// suggest changing it.
        public package(set) var fixed: Bool

        package init(
            id: String, name: String?, kind: DecisionTable.FactKind, defaultValue: Int64?, role: String? = nil,
            fixed: Bool = false
        ) {
            self.id = id
            self.name = name
            self.kind = kind
            self.defaultValue = defaultValue
            self.role = role
            self.fixed = fixed
        }
    }

    /// A group of parties, by name: kept so that a query naming a group is told to ask for one
    /// of its members (a decision is always about one sender and one recipient).
    public struct Group: Sendable, Equatable {
        public package(set) var id: String
        public package(set) var members: [Int32]

        package init(id: String, members: [Int32]) {
            self.id = id
            self.members = members
        }
    }

    public struct Entity: Sendable, Equatable {
        public package(set) var id: String
        public package(set) var name: String?

        package init(id: String, name: String?) {
            self.id = id
            self.name = name
        }
    }

    public struct Category: Sendable, Equatable {
        public package(set) var id: String
        public package(set) var name: String?
        /// The leaf categories below it (itself when it is a leaf): a query for it is decided as
        /// the conjunction over these.
        public package(set) var leaves: [Int32]

        package init(id: String, name: String?, leaves: [Int32]) {
            self.id = id
            self.name = name
            self.leaves = leaves
        }
    }

    public struct Basis: Sendable, Equatable {
        public package(set) var id: String
        public package(set) var citation: String?
        public package(set) var kind: String

        package init(id: String, citation: String?, kind: String) {
            self.id = id
            self.citation = citation
            self.kind = kind
        }
    }

    public struct Obligation: Sendable, Equatable {
        public package(set) var id: String
        public package(set) var name: String?
        /// inform, record, notify, confirm, erase or other.
        public package(set) var kind: String

        package init(id: String, name: String?, kind: String = "other") {
            self.id = id
            self.name = name
            self.kind = kind
        }
    }

    /// Who must carry out an obligation.
    public enum Actor: String, Sendable, Equatable, CaseIterable {
        case sender, recipient, controller
    }

    public struct ObligationUse: Sendable, Equatable {
        package var obligation: Int32
        public package(set) var actor: Actor
        /// Index into `timings`, or -1 for none.
        package var timing: Int32
        /// Root node of the `unless` condition, or -1.
        package var unless: Int32
        /// The `unless` condition as written, for "waivedBecause".
        public package(set) var unlessText: String?
        /// Root node of the `postponed while` condition, or -1.
        package var postponed: Int32
        /// The `postponed while` condition as written, for "postponedBecause".
        public package(set) var postponedText: String?

        package init(
            obligation: Int32, actor: Actor = .sender, timing: Int32, unless: Int32, unlessText: String?,
            postponed: Int32 = -1, postponedText: String? = nil
        ) {
            self.obligation = obligation
            self.actor = actor
            self.timing = timing
            self.unless = unless
            self.unlessText = unlessText
            self.postponed = postponed
            self.postponedText = postponedText
        }
    }

    public enum Effect: String, Sendable, Equatable {
        case permit, deny
    }

    public struct Rule: Sendable, Equatable {
        public package(set) var id: String
        public package(set) var title: String?
        /// `.permit` or `.deny` (a forbid).
        public package(set) var effect: Effect
        /// Root node of the `when` condition, or -1 for none (always holds).
        package var condition: Int32
        public package(set) var conditionText: String?
        public package(set) var bases: [Int32]
        public package(set) var obligations: [ObligationUse]
        /// The rule this one is an exception to, or -1.
        package var exceptionTo: Int32
        /// Length of the `exception to` chain from this rule (0 for a rule that is no exception).
        package var depth: Int32

        package init(
            id: String, title: String?, effect: DecisionTable.Effect, condition: Int32, conditionText: String?,
            bases: [Int32], obligations: [DecisionTable.ObligationUse], exceptionTo: Int32, depth: Int32
        ) {
            self.id = id
            self.title = title
            self.effect = effect
            self.condition = condition
            self.conditionText = conditionText
            self.bases = bases
            self.obligations = obligations
            self.exceptionTo = exceptionTo
            self.depth = depth
        }
    }

    /// A condition node. Operands are fact values encoded as Int64 (see `Fact.defaultValue`).
    package struct Node: Sendable, Equatable {
        package enum Kind: UInt8, Sendable {
            case truth = 0  // fact is true
            case compare = 1  // fact OP value
            case member = 2  // fact in set (op 0) / not in set (op 1): setValues[first..<first+count]
            case not = 3  // not children[first]
            case and = 4  // all of children[first..<first+count]
            case or = 5  // any of children[first..<first+count]
        }
        package enum Operator: UInt8, Sendable {
            case eq = 0, ne, lt, le, gt, ge

            /// Whether `v` (op) `value` holds.
            @inline(__always)
            package func holds(_ v: Int64, _ value: Int64) -> Bool {
                switch self {
                case .eq: v == value
                case .ne: v != value
                case .lt: v < value
                case .le: v <= value
                case .gt: v > value
                case .ge: v >= value
                }
            }

            /// The operator that holds exactly when this one does not.
            package var inverse: Operator {
                switch self {
                case .eq: .ne
                case .ne: .eq
                case .lt: .ge
                case .le: .gt
                case .gt: .le
                case .ge: .lt
                }
            }
        }
        package var kind: Kind
        package var op: UInt8
        package var fact: Int32
        package var value: Int64
        package var first: Int32
        package var count: Int32

        package init(kind: Kind, op: UInt8 = 0, fact: Int32 = -1, value: Int64 = 0, first: Int32 = 0, count: Int32 = 0)
        {
            self.kind = kind
            self.op = op
            self.fact = fact
            self.value = value
            self.first = first
            self.count = count
        }
    }

    public package(set) var metadata: Metadata
    public package(set) var parties: [Entity]
    /// The covenant's groups, members expanded (for messages only; rules hold parties).
    public package(set) var groups: [Group] = []
    public package(set) var categories: [Category]
    public package(set) var purposes: [Entity]
    public package(set) var facts: [Fact]
    public package(set) var bases: [Basis]
    public package(set) var obligations: [Obligation]
    /// Distinct obligation timings as written: "before", "after", "within 4 weeks".
    public package(set) var timings: [String]
    public package(set) var rules: [Rule]
    package var nodes: [Node]
    package var children: [Int32]
    package var setValues: [Int64]

    /// Equivalence class of each party as a sender and as a recipient, of each leaf category
    /// (-1 for a non-leaf), and of each purpose.
    package var senderClass: [Int32]
    package var recipientClass: [Int32]
    package var leafClass: [Int32]
    package var purposeClass: [Int32]
    package var recipientClassCount: Int32
    /// Per rule, a bitset over the sender classes its scope includes (`senderWords` words per
    /// rule: class s is bit s % 64 of word s / 64), and one over the recipient classes.
    package var senderWords: Int32
    package var recipientWords: Int32
    package var ruleSenderBits: [UInt64]
    package var ruleRecipientBits: [UInt64]
    /// Rules in scope for each (leaf class, purpose class) cell, as a CSR index: the rules of
    /// cell k = leafClass × purposeClassCount + purposeClass are
    /// `cellRules[cellOffsets[k]..<cellOffsets[k+1]]`, deepest exceptions first (then by index).
    package var cellOffsets: [Int32]
    package var cellRules: [Int32]
    /// Per category class and per purpose class, a bitset of the rules whose scope includes it.
    package var wordsPerClass: Int32
    package var categoryRuleBits: [UInt64]
    package var purposeRuleBits: [UInt64]
    /// The SHA-256 of the table's encoded body (what a table file's `sha256` says): which
    /// table decided, for decisions and the decision log. Set by the compiler and the loader;
    /// not part of the body itself.
    public package(set) var sha256: String = ""

    package init(
        metadata: Metadata, parties: [Entity], categories: [Category], purposes: [Entity], facts: [Fact],
        bases: [Basis], obligations: [Obligation], timings: [String], rules: [Rule], nodes: [Node],
        children: [Int32], setValues: [Int64], senderClass: [Int32], recipientClass: [Int32],
        leafClass: [Int32], purposeClass: [Int32], recipientClassCount: Int32, senderWords: Int32,
        recipientWords: Int32, ruleSenderBits: [UInt64], ruleRecipientBits: [UInt64], cellOffsets: [Int32],
        cellRules: [Int32], wordsPerClass: Int32, categoryRuleBits: [UInt64], purposeRuleBits: [UInt64]
    ) {
        self.metadata = metadata
        self.parties = parties
        self.categories = categories
        self.purposes = purposes
        self.facts = facts
        self.bases = bases
        self.obligations = obligations
        self.timings = timings
        self.rules = rules
        self.nodes = nodes
        self.children = children
        self.setValues = setValues
        self.senderClass = senderClass
        self.recipientClass = recipientClass
        self.leafClass = leafClass
        self.purposeClass = purposeClass
        self.recipientClassCount = recipientClassCount
        self.senderWords = senderWords
        self.recipientWords = recipientWords
        self.ruleSenderBits = ruleSenderBits
        self.ruleRecipientBits = ruleRecipientBits
        self.cellOffsets = cellOffsets
        self.cellRules = cellRules
        self.wordsPerClass = wordsPerClass
        self.categoryRuleBits = categoryRuleBits
        self.purposeRuleBits = purposeRuleBits
    }
}

extension DecisionTable {
    /// The first and last day the covenant is in force (nil: no bound on that side).
    public struct Validity: Sendable, Equatable {
        public var from: CalendarDate?
        public var until: CalendarDate?
    }

    /// The first and last day the covenant is in force.
    public var validity: Validity {
        Validity(
            from: metadata.validFrom.flatMap(CalendarDate.init), until: metadata.validUntil.flatMap(CalendarDate.init))
    }

    /// A day on which the covenant is in force: its first day (any day when it names no
    /// validity). Analyses that range over rules and facts decide on it, and so do tests that
    /// name no date, so they do not change with the calendar.
    public var firstDayInForce: CalendarDate {
        validity.from ?? CalendarDate(year: 2000, month: 1, day: 1)!
    }

    /// Whether the table was compiled from exactly these source bytes (its recorded SHA-256).
    public func wasCompiled<Bytes: Sequence>(from source: Bytes) -> Bool where Bytes.Element == UInt8 {
        metadata.sourceSHA256 == SHA256.hexDigest(source)
    }
}

/// A compiled covenant: everything the evaluator needs, and the names to answer in words, with
/// no reference to the source language. Built by CovenantLang's Compiler, or loaded from JSON.
///
/// Scope is indexed without materialising parties × parties × categories × purposes: each
/// dimension is partitioned into equivalence classes (entities that no rule tells apart), the
/// (sender class, recipient class) pairs index the rules in scope, and a bitset per category
/// class and per purpose class filters them.
public struct DecisionTable: Sendable, Equatable {
    public static let formatVersion = 1

    public struct Metadata: Sendable, Equatable {
        public var title: String
        public var version: String?
        public var validFrom: String?
        public var validUntil: String?
        /// Lowercase hex SHA-256 of the covenant source the table was compiled from.
        public var sourceSHA256: String
        public init(title: String, version: String?, validFrom: String?, validUntil: String?, sourceSHA256: String) {
            self.title = title
            self.version = version
            self.validFrom = validFrom
            self.validUntil = validUntil
            self.sourceSHA256 = sourceSHA256
        }
    }

    public enum FactKind: Sendable, Equatable {
        case bool
        case int(low: Int64, high: Int64)
        case enumeration([String])
    }

    public struct Fact: Sendable, Equatable {
        public var id: String
        public var name: String?
        public var kind: FactKind
        /// The encoded default (bool 0/1, the integer, the enumeration index), if declared.
        public var defaultValue: Int64?

        public init(id: String, name: String?, kind: DecisionTable.FactKind, defaultValue: Int64?) {
            self.id = id
            self.name = name
            self.kind = kind
            self.defaultValue = defaultValue
        }
    }

    public struct Entity: Sendable, Equatable {
        public var id: String
        public var name: String?

        public init(id: String, name: String?) {
            self.id = id
            self.name = name
        }
    }

    public struct Category: Sendable, Equatable {
        public var id: String
        public var name: String?
        /// The leaf categories below it (itself when it is a leaf): a query for it is decided as
        /// the conjunction over these.
        public var leaves: [Int32]

        public init(id: String, name: String?, leaves: [Int32]) {
            self.id = id
            self.name = name
            self.leaves = leaves
        }
    }

    public struct Basis: Sendable, Equatable {
        public var id: String
        public var citation: String?
        public var kind: String

        public init(id: String, citation: String?, kind: String) {
            self.id = id
            self.citation = citation
            self.kind = kind
        }
    }

    public struct ObligationUse: Sendable, Equatable {
        public var obligation: Int32
        /// Index into `timings`, or -1 for none.
        public var timing: Int32
        /// Root node of the `unless` condition, or -1.
        public var unless: Int32
        /// The `unless` condition as written, for "waivedBecause".
        public var unlessText: String?

        public init(obligation: Int32, timing: Int32, unless: Int32, unlessText: String?) {
            self.obligation = obligation
            self.timing = timing
            self.unless = unless
            self.unlessText = unlessText
        }
    }

    public enum Effect: String, Sendable, Equatable {
        case permit, deny
    }

    public struct Rule: Sendable, Equatable {
        public var id: String
        public var title: String?
        /// `.permit` or `.deny` (a forbid).
        public var effect: Effect
        /// Root node of the `when` condition, or -1 for none (always holds).
        public var condition: Int32
        public var conditionText: String?
        public var bases: [Int32]
        public var obligations: [ObligationUse]
        /// The rule this one is an exception to, or -1.
        public var exceptionTo: Int32
        /// Length of the `exception to` chain from this rule (0 for a rule that is no exception).
        public var depth: Int32

        public init(id: String, title: String?, effect: DecisionTable.Effect, condition: Int32, conditionText: String?,
                    bases: [Int32], obligations: [DecisionTable.ObligationUse], exceptionTo: Int32, depth: Int32) {
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
    public struct Node: Sendable, Equatable {
        public enum Kind: UInt8, Sendable {
            case truth = 0      // fact is true
            case compare = 1    // fact OP value
            case member = 2     // fact in set (op 0) / not in set (op 1): setValues[first..<first+count]
            case not = 3        // not children[first]
            case and = 4        // all of children[first..<first+count]
            case or = 5         // any of children[first..<first+count]
        }
        public enum Operator: UInt8, Sendable {
            case eq = 0, ne, lt, le, gt, ge
        }
        public var kind: Kind
        public var op: UInt8
        public var fact: Int32
        public var value: Int64
        public var first: Int32
        public var count: Int32

        public init(kind: Kind, op: UInt8 = 0, fact: Int32 = -1, value: Int64 = 0, first: Int32 = 0, count: Int32 = 0) {
            self.kind = kind
            self.op = op
            self.fact = fact
            self.value = value
            self.first = first
            self.count = count
        }
    }

    public var metadata: Metadata
    public var parties: [Entity]
    public var categories: [Category]
    public var purposes: [Entity]
    public var facts: [Fact]
    public var bases: [Basis]
    public var obligations: [Entity]
    /// Distinct obligation timings as written: "before", "after", "within 4 weeks".
    public var timings: [String]
    public var rules: [Rule]
    public var nodes: [Node]
    public var children: [Int32]
    public var setValues: [Int64]

    /// Equivalence class of each party as a sender and as a recipient, of each leaf category
    /// (-1 for a non-leaf), and of each purpose.
    public var senderClass: [Int32]
    public var recipientClass: [Int32]
    public var leafClass: [Int32]
    public var purposeClass: [Int32]
    public var recipientClassCount: Int32
    /// Rules in scope for each (sender class, recipient class), as a CSR index: the rules of
    /// pair k are `pairRules[pairOffsets[k]..<pairOffsets[k+1]]`, deepest exceptions first.
    public var pairOffsets: [Int32]
    public var pairRules: [Int32]
    /// Per category class and per purpose class, a bitset of the rules whose scope includes it.
    public var wordsPerClass: Int32
    public var categoryRuleBits: [UInt64]
    public var purposeRuleBits: [UInt64]

    public init(metadata: Metadata, parties: [Entity], categories: [Category], purposes: [Entity], facts: [Fact],
                bases: [Basis], obligations: [Entity], timings: [String], rules: [Rule], nodes: [Node],
                children: [Int32], setValues: [Int64], senderClass: [Int32], recipientClass: [Int32],
                leafClass: [Int32], purposeClass: [Int32], recipientClassCount: Int32, pairOffsets: [Int32],
                pairRules: [Int32], wordsPerClass: Int32, categoryRuleBits: [UInt64], purposeRuleBits: [UInt64]) {
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
        self.pairOffsets = pairOffsets
        self.pairRules = pairRules
        self.wordsPerClass = wordsPerClass
        self.categoryRuleBits = categoryRuleBits
        self.purposeRuleBits = purposeRuleBits
    }
}

extension DecisionTable {
    /// Whether the table was compiled from exactly these source bytes (its recorded SHA-256).
    public func wasCompiled<Bytes: Sequence>(from source: Bytes) -> Bool where Bytes.Element == UInt8 {
        metadata.sourceSHA256 == SHA256.hexDigest(source)
    }
}

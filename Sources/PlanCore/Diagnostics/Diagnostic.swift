public enum Severity: String, Sendable, Comparable {
    case error, warning, note

    private var rank: Int {
        switch self {
        case .error: return 0
        case .warning: return 1
        case .note: return 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// Every diagnostic code in one place, so that codes stay unique and the
/// README can list them. Errors are Exxx, warnings Wxxx.
public enum DiagnosticCode: String, CaseIterable, Sendable {
    // lexical and syntax
    case syntax = "E001"
    case unterminatedString = "E002"
    case invalidEscape = "E003"
    case invalidUTF8 = "E004"
    case invalidDate = "E005"
    case invalidNumber = "E006"
    case nestingTooDeep = "E007"
    case unexpectedCharacter = "E008"
    case clauseNotAllowed = "E009"
    // names
    case unknownName = "E010"
    case unknownGoal = "E011"
    case unknownSkill = "E012"
    case unknownValue = "E013"
    case unknownMilestone = "E014"
    case unknownContact = "E015"
    case unknownField = "E016"
    case unknownObjective = "E018"
    case unknownExperience = "E019"
    case unknownHabit = "E035"
    case unknownFunction = "E017"
    case duplicate = "E020"
    case levelOutOfRange = "E021"
    case afterCycle = "E022"
    case updateOfUndeclared = "E023"
    case startAfterDue = "E024"
    case capacityOutOfRange = "E025"
    case emptyName = "E026"
    case removeOfReferenced = "E027"
    case cannotDrop = "E028"
    /// A statement that starts with a word no statement starts with.
    case unknownStatement = "E029"
    // evaluation
    case typeMismatch = "E030"
    case badArguments = "E031"
    case indexOutOfRange = "E032"
    case divisionByZero = "E033"
    /// A change to a log entry that does not say which of the day's entries.
    case ambiguousEntry = "E034"
    // files
    case includeFailed = "E040"
    case includeCycle = "E041"
    case assertionFailed = "E042"
    // warnings
    case goalWithoutDate = "W001"
    case goalOverdue = "W002"
    case milestoneAfterGoal = "W003"
    case goalBeforePrerequisite = "W004"
    case goalServesNothing = "W005"
    case needAboveTarget = "W006"
    case noVision = "W007"
    case valueUnserved = "W008"
    case milestoneOverdue = "W009"
    case contactOverdue = "W010"
    case logAfterToday = "W011"
    case drift = "W012"
    case objectiveUnaligned = "W013"
    case overCapacity = "W014"
    case reviewPastDue = "W015"
    case targetBelowLevel = "W016"
    case updateOverriddenByLog = "W017"
    case habitLetGo = "W018"
}

/// A problem found in the input: a value that stages collect and go on.
/// Only the command line decides what an error means for the exit status.
public struct Diagnostic: Sendable, Equatable {
    public struct Note: Sendable, Equatable {
        public var message: String
        public var range: SourceRange

        public init(_ message: String, at range: SourceRange) {
            self.message = message
            self.range = range
        }
    }

    public var severity: Severity
    public var code: DiagnosticCode
    public var message: String
    public var range: SourceRange
    /// Shown after the caret: what to do about it.
    public var hint: String?
    /// Other places that explain this one (where a duplicate was first declared).
    public var notes: [Note]
    /// The hint as edits, when what it says to write is certain.
    public var fix: Fix?

    public init(_ severity: Severity, _ code: DiagnosticCode, _ message: String,
                at range: SourceRange, hint: String? = nil, notes: [Note] = [], fix: Fix? = nil) {
        self.severity = severity
        self.code = code
        self.message = message
        self.range = range
        self.hint = hint
        self.notes = notes
        self.fix = fix
    }

    public static func error(_ code: DiagnosticCode, _ message: String, at range: SourceRange,
                             hint: String? = nil, notes: [Note] = [], fix: Fix? = nil) -> Diagnostic {
        Diagnostic(.error, code, message, at: range, hint: hint, notes: notes, fix: fix)
    }

    public static func warning(_ code: DiagnosticCode, _ message: String, at range: SourceRange,
                               hint: String? = nil, notes: [Note] = [], fix: Fix? = nil) -> Diagnostic {
        Diagnostic(.warning, code, message, at: range, hint: hint, notes: notes, fix: fix)
    }
}

/// So that a step that either finds something or says what is wrong can
/// return a `Result` of the two.
extension Diagnostic: Error {}

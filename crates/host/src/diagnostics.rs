//! Diagnostics: what a module did that IIS leaves silent, or that iissim cannot do.

use std::fmt;

/// What kind of problem a [`Diagnostic`] reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum DiagnosticKind {
    /// The module called a method iissim does not implement; it got the error IIS would give.
    Unimplemented,
    /// The module broke the API contract (a null `this`, a bad argument, a misuse).
    ContractViolation,
    /// A host method panicked; the module got a failure value instead of an unwind.
    HostPanic,
    /// Something iissim does differently from IIS, which the user should know.
    Note,
}

impl DiagnosticKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DiagnosticKind::Unimplemented => "unimplemented",
            DiagnosticKind::ContractViolation => "contract-violation",
            DiagnosticKind::HostPanic => "host-panic",
            DiagnosticKind::Note => "note",
        }
    }
}

/// One structured report: which module, in which notification, through which method, what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub kind: DiagnosticKind,
    pub module: Option<String>,
    pub notification: Option<&'static str>,
    pub method: String,
    pub message: String,
}

impl Diagnostic {
    /// Whether strict mode turns this diagnostic into a failure.
    pub fn is_failure(&self) -> bool {
        !matches!(self.kind, DiagnosticKind::Note)
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.kind.as_str())?;
        if let Some(module) = &self.module {
            write!(f, "module {module}")?;
            if let Some(n) = self.notification {
                write!(f, " in {n}")?;
            }
            write!(f, ": ")?;
        }
        write!(f, "{}: {}", self.method, self.message)
    }
}

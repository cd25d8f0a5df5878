//! The lesson's formulas as MathML markup, with live numbers substituted.
//!
//! Everything here is built from fixed markup and formatted numbers only
//! (never from user text), so the strings are safe to insert as HTML.
//! A long formula is emitted as several `<math>` pieces (each step of an
//! `=` chain is one piece) so that it can wrap on narrow screens.

use crate::loss::triplet::{hinge_argument, hinge_f64};
use crate::state::input::format_readout;

/// `‖f(A) − f(X)‖₂²` for the point named by `x` (already MathML, e.g. `<mi>P</mi>`).
fn squared_norm(x: &str) -> String {
    format!(
        "<mo fence=\"false\">‖</mo><mi>f</mi><mo stretchy=\"false\">(</mo><mi>A</mi><mo stretchy=\"false\">)</mo><mo>−</mo>\
         <mi>f</mi><mo stretchy=\"false\">(</mo>{x}<mo stretchy=\"false\">)</mo><msubsup><mo fence=\"false\">‖</mo><mn>2</mn><mn>2</mn></msubsup>"
    )
}

/// A number as MathML, with a real minus sign for negatives.
fn number(text: &str) -> String {
    match text.strip_prefix('-') {
        Some(rest) => format!("<mo>−</mo><mn>{rest}</mn>"),
        None => format!("<mn>{text}</mn>"),
    }
}

/// `max(0, body)`.
fn max0(body: &str) -> String {
    format!("<mo>max</mo><mo>(</mo><mn>0</mn><mo>,</mo>{body}<mo>)</mo>")
}

/// One wrappable piece of a formula.
fn math(body: &str, alt: &str) -> String {
    format!("<math alttext=\"{alt}\"><mrow>{body}</mrow></math>")
}

/// The lesson's first formula: `L(A, P, N) = max(0, ‖f(A) − f(P)‖₂² − ‖f(A) − f(N)‖₂² + α)`.
pub fn triplet_formula() -> String {
    let lhs = "<mi>L</mi><mo>(</mo><mi>A</mi><mo>,</mo><mi>P</mi><mo>,</mo><mi>N</mi><mo>)</mo><mo>=</mo>";
    let rhs =
        max0(&format!("{}<mo>−</mo>{}<mo>+</mo><mi>α</mi>", squared_norm("<mi>P</mi>"), squared_norm("<mi>N</mi>")));
    math(lhs, "L(A, P, N) =") + &math(&rhs, "max(0, ‖f(A) − f(P)‖₂² − ‖f(A) − f(N)‖₂² + α)")
}

/// The lesson's second formula: the double sum over k positives and m negatives.
pub fn multi_formula() -> String {
    let sum = |index: &str, to: &str| {
        format!("<munderover><mo>∑</mo><mrow><mi>{index}</mi><mo>=</mo><mn>1</mn></mrow><mi>{to}</mi></munderover>")
    };
    let p = "<msub><mi>P</mi><mi>i</mi></msub>";
    let n = "<msub><mi>N</mi><mi>j</mi></msub>";
    let sums = format!("<mi>L</mi><mo>=</mo>{}{}", sum("i", "k"), sum("j", "m"));
    let body = max0(&format!("{}<mo>−</mo>{}<mo>+</mo><mi>α</mi>", squared_norm(p), squared_norm(n)));
    math(&sums, "L = Σ_{i=1..k} Σ_{j=1..m}") + &math(&body, "max(0, ‖f(A) − f(P_i)‖₂² − ‖f(A) − f(N_j)‖₂² + α)")
}

/// Numbers to substitute into the single-triplet formula, already formatted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Substitution {
    /// `d_ap` as text.
    pub d_ap: String,
    /// `d_an` as text.
    pub d_an: String,
    /// `α` as text, or `None` for the lesson's "no margin" version.
    pub alpha: Option<String>,
    /// The hinge argument as text (may be negative).
    pub argument: String,
    /// The loss as text.
    pub loss: String,
    /// The distance inside the hinge, written symbolically in the first piece.
    pub distance: DistanceSymbol,
}

/// How the first piece of a substitution writes the distances.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum DistanceSymbol {
    /// `‖f(A) − f(P)‖₂²`, the lesson's.
    #[default]
    Squared,
    /// `‖f(A) − f(P)‖₂`.
    Plain,
    /// `‖f(A) − f(P) + ε‖₂` (PyTorch).
    PlusEps,
}

/// `‖f(A) − f(X)‖₂` or `‖f(A) − f(X) + ε‖₂` for the point `x`.
fn plain_norm(x: &str, eps: bool) -> String {
    let eps = if eps { "<mo>+</mo><mi>ε</mi>" } else { "" };
    format!(
        "<mo fence=\"false\">‖</mo><mi>f</mi><mo stretchy=\"false\">(</mo><mi>A</mi><mo stretchy=\"false\">)</mo>\
         <mo>−</mo><mi>f</mi><mo stretchy=\"false\">(</mo>{x}<mo stretchy=\"false\">)</mo>{eps}\
         <msub><mo fence=\"false\">‖</mo><mn>2</mn></msub>"
    )
}

impl DistanceSymbol {
    fn write(self, x: &str) -> String {
        match self {
            DistanceSymbol::Squared => squared_norm(x),
            DistanceSymbol::Plain => plain_norm(x, false),
            DistanceSymbol::PlusEps => plain_norm(x, true),
        }
    }
}

impl Substitution {
    /// Live numbers in the readout format (`0.50 − 0.51 + 0.20`).
    pub fn live(d_ap: f32, d_an: f32, alpha: f32) -> Substitution {
        let argument = hinge_argument(d_ap, d_an, alpha);
        Substitution {
            d_ap: format_readout(d_ap),
            d_an: format_readout(d_an),
            alpha: Some(format_readout(alpha)),
            argument: format_readout(argument),
            loss: format_readout(argument.max(0.0)),
            distance: DistanceSymbol::Squared,
        }
    }

    /// The lesson's worked example, formatted as the lesson writes it
    /// (`0.5 − 0.51`), computed in f64 from d_ap = 0.5, d_an = 0.51.
    pub fn lesson(alpha: Option<f64>) -> Substitution {
        let short = |v: f64| {
            let s = format!("{:.2}", (v * 100.0).round() / 100.0);
            let s = s.trim_end_matches('0').trim_end_matches('.').to_string();
            if s == "-0" {
                "0".to_string()
            } else {
                s
            }
        };
        let a = alpha.unwrap_or(0.0);
        Substitution {
            d_ap: short(0.5),
            d_an: short(0.51),
            alpha: alpha.map(short),
            argument: short(0.5 - 0.51 + a),
            loss: short(hinge_f64(0.5, 0.51, a)),
            distance: DistanceSymbol::Squared,
        }
    }
}

/// `max(0, ‖…‖² − ‖…‖² (+ α)) = max(0, d_ap − d_an (+ α)) = max(0, arg) = L`.
pub fn substitution_formula(s: &Substitution) -> String {
    let symbolic_alpha = if s.alpha.is_some() { "<mo>+</mo><mi>α</mi>" } else { "" };
    let numeric_alpha = s.alpha.as_deref().map(|a| format!("<mo>+</mo>{}", number(a))).unwrap_or_default();
    let symbolic = max0(&format!(
        "{}<mo>−</mo>{}{symbolic_alpha}",
        s.distance.write("<mi>P</mi>"),
        s.distance.write("<mi>N</mi>")
    ));
    let numeric = max0(&format!("{}<mo>−</mo>{}{numeric_alpha}", number(&s.d_ap), number(&s.d_an)));
    let alt_alpha = s.alpha.as_deref().map(|a| format!(" + {a}")).unwrap_or_default();
    [
        math(
            &symbolic,
            if s.alpha.is_some() {
                "max(0, ‖f(A) − f(P)‖² − ‖f(A) − f(N)‖² + α)"
            } else {
                "max(0, ‖f(A) − f(P)‖² − ‖f(A) − f(N)‖²)"
            },
        ),
        math(&format!("<mo>=</mo>{numeric}"), &format!("= max(0, {} − {}{alt_alpha})", s.d_ap, s.d_an)),
        math(&format!("<mo>=</mo>{}", max0(&number(&s.argument))), &format!("= max(0, {})", s.argument)),
        math(&format!("<mo>=</mo>{}", number(&s.loss)), &format!("= {}", s.loss)),
    ]
    .concat()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(mathml: &str) -> String {
        // Strip tags: what a reader sees, in order.
        let mut out = String::new();
        let mut in_tag = false;
        for c in mathml.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                _ if !in_tag => out.push(c),
                _ => {}
            }
        }
        out
    }

    #[test]
    fn live_formula_shows_the_lesson_numbers() {
        let s = Substitution::live(0.5, 0.51000005, 0.2);
        assert_eq!(s.d_ap, "0.50");
        assert_eq!(s.d_an, "0.51");
        assert_eq!(s.loss, "0.19");
        let text = text_of(&substitution_formula(&s));
        assert!(text.contains("max(0,0.50−0.51+0.20)=max(0,0.19)=0.19"), "{text}");
    }

    #[test]
    fn lesson_versions_match_the_seed() {
        let without = text_of(&substitution_formula(&Substitution::lesson(None)));
        assert!(without.ends_with("max(0,0.5−0.51)=max(0,−0.01)=0"), "{without}");
        let with = text_of(&substitution_formula(&Substitution::lesson(Some(0.2))));
        assert!(with.ends_with("max(0,0.5−0.51+0.2)=max(0,0.19)=0.19"), "{with}");
    }

    #[test]
    fn formulas_are_balanced_markup() {
        for m in [triplet_formula(), multi_formula(), substitution_formula(&Substitution::live(1.0, 0.0, 2.0))] {
            assert!(m.matches("<math").count() >= 2);
            assert_eq!(m.matches("<math").count(), m.matches("</math>").count());
            let opens = m.matches('<').count();
            let closes = m.matches('>').count();
            assert_eq!(opens, closes);
            assert!(m.ends_with("</math>"));
        }
        assert!(text_of(&triplet_formula()).starts_with("L(A,P,N)=max(0,‖f(A)−f(P)‖22−‖f(A)−f(N)‖22+α)"));
    }
}

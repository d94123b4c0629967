//! Edits: what a stage wants to change, as data. [`apply`] is the one place that changes text;
//! [`Applied::compose`] carries an edit made on a stage's output back onto the input, so the report
//! always speaks of input spans, and replaying it on the input gives the output.

use serde::Serialize;

use crate::Span;

/// What kind of change an edit makes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum EditKind {
    /// Unicode normalisation (NFC) or a repaired encoding slip (mojibake).
    Normalize,
    /// A non-word repaired against the lexicon.
    Word,
    /// A non-word compound repaired part by part.
    Compound,
    /// A real word replaced because its context calls for another ("for" -> "för").
    RealWord,
    /// Typography: the Swedish dash, list markers.
    Typography,
    /// Lines of one paragraph joined.
    Join,
    /// A word broken at a line end rejoined.
    Hyphenation,
    /// Page furniture removed: running header or footer, page number, signature line.
    Furniture,
    /// A paragraph that repeats an earlier one removed.
    Duplicate,
}

impl EditKind {
    /// Is this a removal of text (furniture, duplicate) rather than a repair?
    pub fn is_removal(self) -> bool {
        matches!(self, EditKind::Furniture | EditKind::Duplicate)
    }
}

/// One change: replace `span` of the input (which reads `before`) with `after`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Edit {
    /// Where, in bytes of the input.
    pub span: Span,
    /// The input text of `span`.
    pub before: String,
    /// The replacement.
    pub after: String,
    /// What kind of change.
    pub kind: EditKind,
    /// How sure the stage is, 0..=1.
    pub confidence: f32,
    /// Why, in a few words.
    pub reason: String,
    /// For a duplicate: the input span of the copy that was kept.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kept: Option<Span>,
}

impl Edit {
    /// An edit of `span` of `text` to `after`.
    pub fn new(
        text: &str,
        span: Span,
        after: impl Into<String>,
        kind: EditKind,
        confidence: f32,
        reason: impl Into<String>,
    ) -> Edit {
        Edit {
            span,
            before: span.of(text).to_string(),
            after: after.into(),
            kind,
            confidence,
            reason: reason.into(),
            kept: None,
        }
    }
}

/// Applies edits (sorted by span, not overlapping) to `text`.
///
/// ```
/// use putsa::{apply, Edit, EditKind, Span};
/// let text = "Boras Stad";
/// let e = Edit::new(text, Span::new(0, 5), "Borås", EditKind::Word, 0.9, "skeleton");
/// assert_eq!(apply(text, &[e]), "Borås Stad");
/// ```
pub fn apply(text: &str, edits: &[Edit]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for e in edits {
        debug_assert!(
            e.span.start >= at,
            "edits overlap or are unsorted at {:?}",
            e.span
        );
        out.push_str(&text[at..e.span.start]);
        out.push_str(&e.after);
        at = e.span.end;
    }
    out.push_str(&text[at..]);
    out
}

/// Sorts edits by span and drops any that overlaps an earlier-kept one. Stages produce
/// non-overlapping edits; this keeps `apply`'s contract when two stages meet.
pub fn normalize_order(edits: &mut Vec<Edit>) {
    edits.sort_by_key(|e| (e.span.start, e.span.end));
    let mut last_end = 0;
    let mut first = true;
    edits.retain(|e| {
        let keep = first || e.span.start >= last_end;
        if keep {
            last_end = e.span.end;
            first = false;
        }
        keep
    });
}

/// The result of applying `edits` to an input: the output text and, for mapping spans back,
/// each edit's span in the output.
#[derive(Clone, Debug)]
pub struct Applied {
    /// The output text.
    pub text: String,
    /// The edits, sorted, not overlapping.
    pub edits: Vec<Edit>,
    /// For each edit, its span in `text`.
    out_spans: Vec<Span>,
}

impl Applied {
    /// Applies `edits` (they are sorted first) to `input`.
    pub fn new(input: &str, mut edits: Vec<Edit>) -> Applied {
        normalize_order(&mut edits);
        let mut text = String::with_capacity(input.len());
        let mut out_spans = Vec::with_capacity(edits.len());
        let mut at = 0;
        for e in &edits {
            text.push_str(&input[at..e.span.start]);
            let s = text.len();
            text.push_str(&e.after);
            out_spans.push(Span::new(s, text.len()));
            at = e.span.end;
        }
        text.push_str(&input[at..]);
        Applied {
            text,
            edits,
            out_spans,
        }
    }

    /// Maps output span `s` back to the input: the input span, widened to whole edits that
    /// `s` cuts into; the output span of that widened region; and the edits inside it.
    fn to_input(&self, s: Span) -> (Span, Span, std::ops::Range<usize>) {
        let lo = self.out_spans.partition_point(|o| o.end <= s.start);
        let hi = self.out_spans.partition_point(|o| o.start < s.end).max(lo);
        let delta = |i: usize| -> isize {
            // output offset minus input offset after the first i edits
            match i {
                0 => 0,
                _ => self.out_spans[i - 1].end as isize - self.edits[i - 1].span.end as isize,
            }
        };
        let (start, out_start) = if lo < hi && self.out_spans[lo].start < s.start {
            (self.edits[lo].span.start, self.out_spans[lo].start)
        } else {
            ((s.start as isize - delta(lo)) as usize, s.start)
        };
        let (end, out_end) = if lo < hi && self.out_spans[hi - 1].end > s.end {
            (self.edits[hi - 1].span.end, self.out_spans[hi - 1].end)
        } else {
            ((s.end as isize - delta(hi)) as usize, s.end)
        };
        (
            Span::new(start, end.max(start)),
            Span::new(out_start, out_end.max(out_start)),
            lo..hi,
        )
    }

    /// Carries one edit made on this output back onto the input (without applying it), and
    /// says which earlier edits it covers.
    pub fn carry(&self, input: &str, e: Edit) -> (Edit, std::ops::Range<usize>) {
        let (span, region, inner) = self.to_input(e.span);
        let kept = e.kept.map(|k| self.to_input(k).0);
        let mut e = e;
        // Most edits touch no earlier edit: their texts are kept as they are, unallocated.
        if region != e.span {
            let mut after = String::with_capacity(e.after.len() + region.len() - e.span.len());
            after.push_str(&self.text[region.start..e.span.start]);
            after.push_str(&e.after);
            after.push_str(&self.text[e.span.end..region.end]);
            e.after = after;
        }
        let before = span.of(input);
        if e.before != before {
            e.before = before.to_string();
        }
        (Edit { span, kept, ..e }, inner)
    }

    /// Carries edits made on this output back onto the input: each later edit replaces the
    /// earlier edits it touches, its span widened to cover them. Returns the combined, sorted
    /// edit list for the input; applying it to the input gives the later edits' output.
    pub fn compose(self, input: &str, later: Vec<Edit>) -> Vec<Edit> {
        let mut later = later;
        normalize_order(&mut later);
        let mut swallowed = vec![false; self.edits.len()];
        let mut out = Vec::with_capacity(self.edits.len() + later.len());
        for e in later {
            let (mapped, inner) = self.carry(input, e);
            for i in inner {
                swallowed[i] = true;
            }
            out.push(mapped);
        }
        out.extend(
            self.edits
                .into_iter()
                .zip(swallowed)
                .filter(|(_, s)| !s)
                .map(|(e, _)| e),
        );
        normalize_order(&mut out);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_later_edit_is_carried_onto_the_input_widened_over_the_edits_it_cuts_into() {
        let input = "ab cd ef";
        let first = Edit::new(input, Span::new(3, 5), "CDX", EditKind::Word, 1.0, "first");
        let applied = Applied::new(input, vec![first]);
        assert_eq!(applied.text, "ab CDX ef");
        let out = applied.text.clone();
        let later = vec![
            // Touches nothing earlier: kept as it is.
            Edit::new(&out, Span::new(0, 2), "AB", EditKind::Word, 1.0, "apart"),
            // Cuts into the first edit's "CDX": widened to cover all of it.
            Edit::new(&out, Span::new(4, 8), "yz", EditKind::Word, 1.0, "inside"),
        ];
        let expected = apply(&out, &later);
        let composed = applied.compose(input, later);
        assert_eq!(apply(input, &composed), expected);
        let seen: Vec<_> = composed
            .iter()
            .map(|e| (e.span, e.before.as_str(), e.after.as_str()))
            .collect();
        assert_eq!(
            seen,
            [
                (Span::new(0, 2), "ab", "AB"),
                (Span::new(3, 7), "cd e", "Cyz"),
            ]
        );
    }
}

//! Undo and redo for the writing surface. The browser's own history cannot be used: the
//! surface is drawn again whenever the browser's markup is replaced by ours, which the
//! browser's undo does not know. So each change keeps the surface's blocks and the caret;
//! typing within a second joins the step before it, as in a word processor.

use infoshos_model::rich_text::Block;

use super::caret::Caret;

/// Steps kept; an article's worth of edits, a few hundred kilobytes at most.
const KEPT: usize = 200;
/// Typing this close to the step before joins it (milliseconds).
const JOINED_WITHIN: f64 = 1_000.0;

#[derive(Default)]
pub(super) struct History {
    steps: Vec<(Vec<Block>, Option<Caret>)>,
    at: usize,
    last_typed: f64,
}

impl History {
    /// Forgets every step: the surface now holds `blocks` (a draft opened, the form emptied).
    pub(super) fn start(&mut self, blocks: Vec<Block>) {
        self.steps = vec![(blocks, None)];
        self.at = 0;
        self.last_typed = 0.0;
    }

    /// The surface changed to `blocks`; `typing` for text typed or deleted at `now`.
    pub(super) fn record(
        &mut self,
        blocks: Vec<Block>,
        caret: Option<Caret>,
        typing: bool,
        now: f64,
    ) {
        if self.steps.get(self.at).is_some_and(|(b, _)| *b == blocks) {
            return;
        }
        self.steps.truncate(self.at + 1);
        let joins = typing && now - self.last_typed < JOINED_WITHIN && self.at > 0;
        self.last_typed = if typing { now } else { 0.0 };
        if joins {
            self.steps[self.at] = (blocks, caret);
            return;
        }
        self.steps.push((blocks, caret));
        if self.steps.len() > KEPT {
            self.steps.remove(0);
        }
        self.at = self.steps.len() - 1;
    }

    pub(super) fn undo(&mut self) -> Option<&(Vec<Block>, Option<Caret>)> {
        self.last_typed = 0.0;
        self.at = self.at.checked_sub(1)?;
        self.steps.get(self.at)
    }

    pub(super) fn redo(&mut self) -> Option<&(Vec<Block>, Option<Caret>)> {
        self.last_typed = 0.0;
        if self.at + 1 >= self.steps.len() {
            return None;
        }
        self.at += 1;
        self.steps.get(self.at)
    }
}

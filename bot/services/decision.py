"""Answer, "not sure", or decline: one calibrated decision from a few signals.

Each signal is measured on the best candidate passage (see :class:`Evidence`). A logistic
model turns them into the probability that the passage answers the question; two
thresholds split that into three verdicts:

* ``answer``: probability at least :data:`ANSWER_AT`, the passage holds the kind of
  answer asked for, if any, it has something of the question besides its names (a word
  of it, or the kind asked for), and it is no document's introduction met by a question
  about something else (see :meth:`Model.can_answer`), or it is the one FAQ item whose
  question the member asked word for word: the passage is shown as the answer;
* ``unsure``: at least :data:`UNSURE_AT`: the closest passage is shown, labelled as
  possibly not answering, with the next closest under it (members would rather see them
  than nothing);
* ``none``: the bot says it does not know and offers the closest questions.

How the numbers below were fitted (``python -m bot calibrate``, :func:`fit`): every
question of four question files written for this, independently of the evaluation files
(``tests/data/calibration-questions.yaml`` over the bundled knowledge base, and
``heldout-``, ``extra-`` and ``members-questions.yaml`` over ``kb_heldout``, ``kb_extra``
and ``kb_members``, documents of our own) is asked over its knowledge base; the
label of a question is 1 when its best candidate is a right answer (right document, and the
snippet shows the expected words) and 0 otherwise (wrong passage, or a question the
documents do not answer). The coefficients are an L2-regularised logistic regression on
standardised signals; ``ANSWER_AT`` is the lowest threshold at which at most
:data:`TARGET_FALSE_ANSWERS` of the calibration questions that must not be answered are
answered (those that :meth:`Model.can_answer` rules out never are), ``UNSURE_AT`` the lowest
at which at most :data:`TARGET_FALSE_UNSURE` get at least "not sure". The evaluation files
(``../shared/eval``) were never used to fit; ``python -m bot eval`` reports on them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import Literal

import numpy as np

Verdict = Literal["answer", "unsure", "none"]

TARGET_FALSE_ANSWERS = 0.15  # share of unanswerable calibration questions allowed an answer (the product target: at least 85% declined)
TARGET_FALSE_UNSURE = 0.35  # ... allowed at least an "unsure"


@dataclass(frozen=True, slots=True)
class Evidence:
    """The signals measured on the best candidate passage for a question."""

    coverage: float  # weighted share of the question's words the passage has (synonyms, titles count); 0 when it has none but names and "job"
    similarity: float  # cosine of question and passage vectors
    question_similarity: float  # cosine of question and the passage's FAQ question (else = similarity)
    kind: float  # 1 when the question asks for a kind of answer (a date, an amount…) and the passage holds one
    missing: float  # 1 when it asks for one and the passage holds none (the two are separate evidence), speaks
    # only of other years (or gives a starting figure for "pay in year 2"), names another kind
    # of the thing "is there a … ?" asks for, or never says the thing asked about ("will they
    # pay relocation?"), or, on a page of several roles, is about none of them while the
    # question names one ("the lab manager's pay" over the co-ops'), or is another role's
    # posting than the one whose title the question says
    margin: float  # ranking score of the best passage minus the next one elsewhere (that states no sum it states)
    named: float  # 1 when the question names a programme (a name, or a name's words in a row) and the passage's document is it
    unknown: float  # share of the question's weight in words the knowledge base never uses
    sentence: float  # the best cosine of the question with one sentence of the passage
    absent: float  # share of the question's weight (names aside) in words its document never uses
    # not a signal of the model (see Model.can_answer): the passage is its document's
    # introduction, and the question asks neither what the programme is nor a kind of answer
    general: bool = False
    # not a signal either: the passage holds the kind asked for only by what its heading
    # implies ("is it remote?" against "## Location / Apprentices report to the training centre")
    implied: bool = False
    # nor this: the passage is the one FAQ item whose question the member asked word for word
    # ("How can I become a mentor?"): its answer is the answer, whatever the signals say
    copied: bool = False
    # nor this: the passage is of a page added to the question's scope (a general FAQ) and
    # does not say the programme named: at most "not sure"
    elsewhere: bool = False

    def vector(self) -> np.ndarray:
        """Return the signals as an array, in field order."""
        return np.fromiter((getattr(self, name) for name in FEATURES), dtype=np.float64, count=len(FEATURES))


FEATURES: tuple[str, ...] = tuple(
    f.name for f in fields(Evidence) if f.name not in ("general", "implied", "copied", "elsewhere")
)
# The direction each signal may push: more of it can only raise (or only lower) confidence.
# A fit that gives a signal the other sign has learnt an accident of its data: that signal
# is then left out (coefficient 0).
SIGNS: dict[str, int] = {
    "coverage": 1,
    "similarity": 1,
    "question_similarity": 1,
    "kind": 1,
    "missing": -1,
    "margin": 1,
    "named": 1,
    "unknown": -1,
    "sentence": 1,
    "absent": -1,
}

# Fitted by ``python -m bot calibrate`` (see the module docstring); raw-signal scale.
COEFFICIENTS: dict[str, float] = {
    "coverage": 0.0,
    "similarity": 0.4259,
    "question_similarity": 3.8657,
    "kind": 0.127,
    "missing": -4.3715,
    "margin": 0.7057,
    "named": 1.6017,
    "unknown": 0.0,
    "sentence": 1.3701,
    "absent": -1.5893,
}
INTERCEPT = -3.1032
ANSWER_AT = 0.4080
UNSURE_AT = 0.1292


@dataclass(frozen=True, slots=True)
class Model:
    """A fitted decision: coefficients over :data:`FEATURES`, intercept and the two thresholds."""

    coefficients: tuple[float, ...]
    intercept: float
    answer_at: float
    unsure_at: float

    def probability(self, evidence: Evidence) -> float:
        """Return the probability that the passage answers the question."""
        z = float(np.dot(self.coefficients, evidence.vector())) + self.intercept
        return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))

    @staticmethod
    def can_answer(evidence: Evidence) -> bool:
        """Return whether the passage can be a confident answer at all, whatever the model says.

        The model adds its signals, and some kinds of passage reach its threshold on the
        strength of the others alone; they are at most "not sure":

        * a passage without the kind of answer asked for ("who runs the acoustics group?"
          against a list of the groups): a high coverage outweighed the missing kind;
        * a passage that has nothing of the question but its names: no word of it (names, the words
          of its document's title, and "job" or "role", aside) and no answer of the kind asked for ("will I get a
          mentor on the data science internship?" against the internship's requirements). Every passage of the
          named document has the names, so the name credit and the margin are high, and
          whether this one answers rests on the static embeddings' similarity alone, which
          tells a right passage from a near miss only weakly;
        * a document's introduction for a question that asks neither what the programme is
          nor for a kind of answer ("can a freshman apply to the summer program?"): an
          introduction says a little of everything its programme is about, so it shares
          the names and the everyday words of any question about it, and is the answer far
          less often than another passage that does;
        * a passage that holds the kind asked for only by what its heading implies: "## Location"
          says where one reports, and an FAQ elsewhere may still allow two days a week at home;
        * a passage of an organisation's page added to the question's scope (its staff FAQ)
          that does not say the programme or site named: "No animals are allowed at either
          site" may or may not be the bakehouse's rule.
        """
        ruled_out = evidence.missing or evidence.general or evidence.implied or evidence.elsewhere
        return not ruled_out and (evidence.coverage > 0 or evidence.kind > 0)

    def verdict(self, evidence: Evidence) -> tuple[Verdict, float]:
        """Return the verdict and the probability behind it (see :meth:`can_answer`); an FAQ
        item whose question the member copied is the answer."""
        p = self.probability(evidence)
        if evidence.copied or (p >= self.answer_at and self.can_answer(evidence)):
            return "answer", p
        if p >= self.unsure_at:
            return "unsure", p
        return "none", p


SHIPPED = Model(tuple(COEFFICIENTS[f] for f in FEATURES), INTERCEPT, ANSWER_AT, UNSURE_AT)


def fit(
    samples: Sequence[Evidence],
    labels: Sequence[int],
    must_decline: Sequence[bool],
    *,
    l2: float = 1.0,
    iterations: int = 200,
) -> Model:
    """Fit a logistic model and its thresholds (see the module docstring).

    ``labels[i]`` is 1 when the best candidate of question i is a right answer;
    ``must_decline[i]`` is true when answering question i at all is wrong (its documents
    do not answer it, or the best candidate is wrong).
    """
    x = np.stack([s.vector() for s in samples])
    y = np.asarray(labels, dtype=np.float64)
    mean, std = x.mean(axis=0), x.std(axis=0)
    std[std == 0] = 1.0
    z1 = np.hstack([(x - mean) / std, np.ones((len(x), 1))])
    signs = np.asarray([SIGNS[f] for f in FEATURES] + [0])
    active = np.ones(z1.shape[1], dtype=bool)
    while True:
        w = _logistic(z1[:, active], y, l2, iterations)
        full = np.zeros(z1.shape[1])
        full[active] = w
        wrong = active & (signs * full < 0)
        if not wrong.any():
            break
        active &= ~wrong
    w = full
    coefficients = w[:-1] / std
    intercept = float(w[-1] - np.dot(w[:-1], mean / std))
    raw = Model(tuple(coefficients.tolist()), intercept, 0.5, 0.5)
    probabilities = np.asarray([raw.probability(s) for s in samples])
    decline = np.asarray(must_decline, dtype=bool)
    negatives = np.sort(probabilities[decline])[::-1]
    # A negative that Model.can_answer rules out is never answered: the answer threshold is
    # the lowest that lets through the same share of all negatives.
    holding = np.asarray([Model.can_answer(s) for s in samples])
    could_answer = np.sort(probabilities[decline & holding])[::-1]
    allowed = TARGET_FALSE_ANSWERS * len(negatives) / max(1, len(could_answer))
    return Model(
        raw.coefficients,
        intercept,
        _threshold(could_answer, min(1.0, allowed)),
        _threshold(negatives, TARGET_FALSE_UNSURE),
    )


def _logistic(z1: np.ndarray, y: np.ndarray, l2: float, iterations: int) -> np.ndarray:
    """Fit L2-regularised logistic regression by Newton's method (the last column is the intercept)."""
    w = np.zeros(z1.shape[1])
    penalty = np.full(z1.shape[1], l2)
    penalty[-1] = 0.0  # the intercept is not shrunk
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-np.clip(z1 @ w, -60, 60)))
        gradient = z1.T @ (p - y) + penalty * w
        hessian = (z1.T * (p * (1 - p))) @ z1 + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-9:
            break
    return w


def _threshold(negatives_desc: np.ndarray, allowed: float) -> float:
    """Return the lowest threshold that lets at most ``allowed`` of the negatives through."""
    if not len(negatives_desc):
        return 0.5
    k = math.floor(allowed * len(negatives_desc))
    if k >= len(negatives_desc):
        return float(negatives_desc[-1])
    return float(min(0.99, negatives_desc[k] + 1e-6))

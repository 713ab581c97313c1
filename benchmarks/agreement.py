"""Agreement of scriptkit's judgements with human raters, on ``../shared/eval`` (see its README).

    python -m benchmarks.agreement            # figures on the TEST splits (DEV beside them)
    python -m benchmarks.agreement --fit      # refit the formality weights on DEV splits only

What is measured is what users see: the findings of the rules, the audit's warm-language score
(made from the SK2xx findings) and SK202's formality score. Lexicons and weights are tuned on DEV
splits only; TEST figures are reported. Published figures from the eval README and the results
files are printed beside ours, in the same measure where the data allow it. Nothing from the eval
sets is copied into the package: they are read here, at run time, only.

The eval folder is ``$SCRIPTKIT_SHARED/eval`` or ``../shared/eval`` next to the repository;
when it is absent the harness says so and exits 0 (it is not part of the test run). A data set
missing from it is SKIPPED, naming the file looked for, and the others are measured.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import math
import os
import sys
import time
from collections.abc import Callable, Sequence
from functools import cache, lru_cache
from pathlib import Path
from typing import NamedTuple

from scriptkit.audit import counts_against, score
from scriptkit.config import LintConfig
from scriptkit.inference import acknowledges_feelings, infer_slots, reacts_emotionally
from scriptkit.linting import lint_text
from scriptkit.rules.lexicon import table
from scriptkit.rules.warmth import FORMALITY_BIAS, FORMALITY_WEIGHTS, formality, formality_features

REPO = Path(__file__).resolve().parent.parent

# Figures stated in eval/README.md (human ceilings) and the Pavlick results file (read at run time).
README_CEILINGS = {
    "epitome_er_kappa": "expert-expert weighted kappa 0.35-0.56 (Emotional Reactions, on its 3 levels)",
    "stanford_rater": "one rater vs the other four: r = 0.42-0.57",
}


def eval_dir() -> Path | None:
    env = os.environ.get("SCRIPTKIT_SHARED")  # when set, it is the only place looked at
    candidate = Path(env) / "eval" if env else REPO.parent / "shared" / "eval"
    return candidate if (candidate / "README.md").is_file() else None


def _rows(path: Path) -> list[dict[str, str]]:
    csv.field_size_limit(10**8)
    with path.open(encoding="utf-8", errors="replace", newline="") as fh:
        return list(csv.DictReader(fh))


# ---------------------------------------------------------------- metrics (no numpy here)

def pearson(xs: Sequence[float], ys: Sequence[float]) -> float:
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    return sxy / math.sqrt(sxx * syy) if sxx and syy else 0.0


def _ranks(xs: Sequence[float]) -> list[float]:
    order = sorted(range(len(xs)), key=lambda i: xs[i])
    ranks = [0.0] * len(xs)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and xs[order[j + 1]] == xs[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return ranks


def spearman(xs: Sequence[float], ys: Sequence[float]) -> float:
    return pearson(_ranks(xs), _ranks(ys))


def auc(scores: Sequence[float], labels: Sequence[int]) -> float:
    """Area under the ROC curve (Mann-Whitney, ties counted half)."""
    ranked = sorted(zip(scores, labels, strict=True))
    pos = sum(labels)
    neg = len(labels) - pos
    rank_sum = 0.0
    i = 0
    while i < len(ranked):
        j = i
        while j < len(ranked) and ranked[j][0] == ranked[i][0]:
            j += 1
        avg_rank = (i + j + 1) / 2  # ranks are 1-based
        rank_sum += avg_rank * sum(lab for _, lab in ranked[i:j])
        i = j
    return (rank_sum - pos * (pos + 1) / 2) / (pos * neg) if pos and neg else float("nan")


def cohen_kappa(pred: Sequence[bool], gold: Sequence[bool]) -> float:
    """Agreement beyond chance of two yes/no labellings (Cohen's kappa)."""
    n = len(gold)
    if not n:
        return float("nan")
    observed = sum(p == g for p, g in zip(pred, gold, strict=True)) / n
    yes_p, yes_g = sum(pred) / n, sum(gold) / n
    chance = yes_p * yes_g + (1 - yes_p) * (1 - yes_g)
    return (observed - chance) / (1 - chance) if chance < 1 else float(observed == 1)


def all_yes_f1(gold: Sequence[bool]) -> float:
    """The F1 of saying yes to everything: the floor an F1 on these labels is read against."""
    rate = sum(gold) / len(gold) if gold else 0.0
    return 2 * rate / (1 + rate) if rate else 0.0


def prf(pred: Sequence[bool], gold: Sequence[bool]) -> tuple[float, float, float]:
    tp = sum(p and g for p, g in zip(pred, gold, strict=True))
    fp = sum(p and not g for p, g in zip(pred, gold, strict=True))
    fn = sum(g and not p for p, g in zip(pred, gold, strict=True))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def ridge(rows: list[list[float]], target: list[float], lam: float = 1.0) -> list[float]:
    """Least squares with an L2 penalty (not on the intercept, the first column)."""
    k = len(rows[0])
    a = [[0.0] * k for _ in range(k)]
    b = [0.0] * k
    for x, y in zip(rows, target, strict=True):
        for i in range(k):
            b[i] += x[i] * y
            for j in range(k):
                a[i][j] += x[i] * x[j]
    for i in range(1, k):
        a[i][i] += lam
    # Gaussian elimination with partial pivoting
    for col in range(k):
        piv = max(range(col, k), key=lambda r: abs(a[r][col]))
        a[col], a[piv] = a[piv], a[col]
        b[col], b[piv] = b[piv], b[col]
        for r in range(col + 1, k):
            f = a[r][col] / a[col][col] if a[col][col] else 0.0
            for c in range(col, k):
                a[r][c] -= f * a[col][c]
            b[r] -= f * b[col]
    w = [0.0] * k
    for i in reversed(range(k)):
        w[i] = (b[i] - sum(a[i][j] * w[j] for j in range(i + 1, k))) / a[i][i] if a[i][i] else 0.0
    return w


# ---------------------------------------------------------------- what users see of a reply

class ReplySignals(NamedTuple):
    warm_language: float  # the audit's warm-language score, 0-100, from the SK2xx findings
    warmth_findings: bool  # any SK2xx finding (what `scriptkit review` and `check` list)
    no_warm_line: bool  # SK207 no-warm-language among them
    formality: float  # SK202's formality score


@lru_cache(maxsize=1)
def _config() -> LintConfig:
    return LintConfig().override(grammar="off")  # (no server: the rules alone)


@cache
def reply_signals(text: str) -> ReplySignals:
    """A text judged as `scriptkit review` judges a reply, scored as `scriptkit audit` scores a macro."""
    found = lint_text(text, config=_config()).diagnostics
    return ReplySignals(score([d for d in found if "warm_language" in counts_against(d)]),
                        any(d.code.startswith("SK2") for d in found),
                        any(d.name == "no-warm-language" for d in found),
                        formality(text))


# ---------------------------------------------------------------- data sets and splits

def epitome(root: Path) -> tuple[list[tuple[str, bool]], list[tuple[str, bool]]]:
    dev: list[tuple[str, bool]] = []
    test: list[tuple[str, bool]] = []
    for row in _rows(root / "epitome" / "emotional-reactions-reddit.csv"):
        item = (row["response_post"], int(row["level"]) >= 1)
        is_test = int(hashlib.sha1(row["rp_id"].encode()).hexdigest(), 16) % 5 == 0
        (test if is_test else dev).append(item)
    return dev, test


def pavlick(root: Path) -> tuple[list[tuple[str, float]], list[tuple[str, float]]]:
    base = root / "pavlick_formality_subset"
    dev = [(r["text"], float(r["label"])) for f in ("train.csv", "validation.csv") for r in _rows(base / f)]
    test = [(r["text"], float(r["label"])) for r in _rows(base / "test.csv")]
    return dev, test


def pavlick_published(root: Path) -> list[tuple[str, float]]:
    path = root / "pavlick_formality_subset" / "results_pavlick_formality.csv"
    if not path.is_file():
        return []
    return [(r[""] or "?", float(r["Pearson Correlation"])) for r in _rows(path)]


def stanford(root: Path) -> tuple[list[tuple[str, float]], list[tuple[str, float]]]:
    base = root / "stanford_politeness"
    dev = [(r["Request"], float(r["Normalized Score"])) for r in _rows(base / "wikipedia.annotated.csv")]
    test = [(r["Request"], float(r["Normalized Score"])) for r in _rows(base / "stack-exchange.annotated.csv")]
    return dev, test


def yeomans(root: Path) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    base = root / "yeomans_politeness_r"
    dev = [(r["message"], int(float(r["condition"]))) for r in _rows(base / "phone_offers.csv")]
    test = [(r["message"], int(float(r["condition"]))) for r in _rows(base / "bowl_offers.csv")]
    return dev, test


CARE_INTENTS = ("acknowledging", "sympathizing", "consoling", "expressing_care_concern")
SOLUTION_INTENTS = ("suggesting", "advising")


def intents(root: Path) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(utterance, "care" | "solution"); TEST = line numbers 5, 10, ... of each file."""
    base = root / "empathetic_intents" / "manual_annotations"
    dev: list[tuple[str, str]] = []
    test: list[tuple[str, str]] = []
    for group, names in (("care", CARE_INTENTS), ("solution", SOLUTION_INTENTS)):
        for name in names:
            lines = (base / f"{name}.txt").read_text(encoding="utf-8", errors="replace").splitlines()
            for number, line in enumerate(lines, start=1):
                if line.strip():
                    (test if number % 5 == 0 else dev).append((line.strip(), group))
    return dev, test


def practice_of(text: str) -> str:
    """What slot inference says an utterance mostly does: care (acknowledgment or warm language) or solution."""
    slots = [slot for _, _, slot, _ in infer_slots(text) if slot != "other"]
    if not slots:
        return "none"
    care = sum(s in ("acknowledgment", "warm_language") for s in slots)
    return "care" if care >= len(slots) - care else "solution"


LEND_AN_EAR_DIMENSIONS = ("validating_emotions", "dismissing_emotions", "advice_giving")


LEND_AN_EAR_EXPERTS = ("expert1", "expert2", "expert3")


def lend_an_ear(root: Path) -> list[tuple[str, dict[str, dict[str, float]]]]:
    """(supporter turns, {dimension: {expert: rating}}) for the 50 Lend an Ear conversations."""
    base = root / "kumar2025_llm_empathy_judging"
    ratings: dict[str, dict[str, dict[str, float]]] = {}
    for expert in LEND_AN_EAR_EXPERTS:
        for row in _rows(base / "annotations" / "lend_an_ear" / f"{expert}_ratings.csv"):
            for dim in LEND_AN_EAR_DIMENSIONS:
                ratings.setdefault(row["conversation_id"], {}).setdefault(dim, {})[expert] = float(row[dim])
    out = []
    for row in _rows(base / "original_data" / "sample_lend_an_ear_conversations.csv"):
        turns = [line.split(":", 1)[1].strip() for line in row["full_conversation"].splitlines()
                 if line.startswith("Supporter:")]
        got = ratings.get(row["conversation_id"])
        if got:
            out.append(("\n\n".join(turns), got))
    return out


def lend_an_ear_published(root: Path) -> dict[tuple[str, str], list[str]]:
    """Published Spearman correlations on Lend an Ear, {(who, dimension): [figure per pair]}: one expert
    vs another, and the experts vs the LLM judge (the results file beside the annotations)."""
    path = root / "kumar2025_llm_empathy_judging" / "annotations" / "all_annotator_pairs_spearman_kappa.csv"
    found: dict[tuple[str, str], list[str]] = {}
    seen: set[tuple[str, str]] = set()
    for row in _rows(path) if path.is_file() else []:
        dim, pair = row["Dimension"], row["Annotator Pair"]
        if row["Dataset"] != "Lend an Ear" or dim not in LEND_AN_EAR_DIMENSIONS or (dim, pair) in seen:
            continue  # (the file lists some pairs twice)
        seen.add((dim, pair))
        who = ("expert pairs" if "expert" in pair and "experts" not in pair
               else "experts vs LLM" if pair == "('experts', 'llm')" else None)
        if who:
            found.setdefault((who, dim), []).append(row["Spearman Correlation"])
    return found


def conversation_scores(turns: str) -> dict[str, float]:
    """Our reading of a supporter's turns, per dimension (higher = more of it)."""
    pieces = [t for t in turns.split("\n\n") if t.strip()]
    n = max(1, len(pieces))
    validating = sum(acknowledges_feelings(t) or reacts_emotionally(t) for t in pieces) / n
    dismissing = sum(len(list(table("dismissive.yaml").finditer(t))) for t in pieces) / n
    slots = [slot for t in pieces for _, _, slot, _ in infer_slots(t)]
    advice = sum(s == "solution" for s in slots) / max(1, len(slots))
    return {"validating_emotions": validating, "dismissing_emotions": dismissing, "advice_giving": advice}


# ---------------------------------------------------------------- fitting (DEV only)

def fit(root: Path) -> None:
    dev, _ = pavlick(root)
    names = list(FORMALITY_WEIGHTS)
    x = [[1.0] + [formality_features(t)[n] for n in names] for t, _ in dev]
    w = ridge(x, [y for _, y in dev], lam=0.5)
    print("formality (Pavlick DEV): bias", round(w[0], 3))
    for n, v in zip(names, w[1:], strict=True):
        print(f"    {n!r}: {v:.3f},")


# ---------------------------------------------------------------- report

LABEL_WIDTH = 50


def _timed(label: str, fn: Callable[[], str]) -> bool:
    """Print ``label`` and what ``fn`` measured; SKIPPED, naming the file, when a data set's file is missing."""
    t = time.perf_counter()
    try:
        line = fn()
    except FileNotFoundError as missing:
        print(f"{label:<{LABEL_WIDTH}} SKIPPED: {missing.filename} is not there")
        return False
    print(f"{label:<{LABEL_WIDTH}} {line}   ({time.perf_counter() - t:.1f}s)")
    return True


def report(root: Path) -> None:
    print(f"eval data: {root}")
    print("tuned on DEV splits only; the TEST figure is the one to quote\n")

    def detector(fn: Callable[[str], bool]) -> Callable[[], str]:
        def run() -> str:
            dev, test = epitome(root)
            out = []
            for name, data in (("DEV", dev), ("TEST", test)):
                pred, gold = [fn(t) for t, _ in data], [g for _, g in data]
                p, r, f1 = prf(pred, gold)
                out.append(f"{name} F1 {f1:.3f} (P {p:.2f} R {r:.2f}, n={len(data)}), "
                           f"kappa {cohen_kappa(pred, gold):.3f}, all-yes F1 {all_yes_f1(gold):.3f}")
            return " | ".join(out)
        return run

    shown = [_timed("acknowledgment (SK301) vs EPITOME ER>=1", detector(acknowledges_feelings)),
             _timed("acknowledgment or sympathy vs EPITOME ER>=1", detector(reacts_emotionally))]
    if any(shown):
        print(f"    published: human ceiling {README_CEILINGS['epitome_er_kappa']} (eval README); "
              "ours is Cohen's kappa on yes/no (level >= 1)")

    def form() -> str:
        dev, test = pavlick(root)
        return " | ".join(f"{name} Pearson {pearson([formality(t) for t, _ in d], [y for _, y in d]):.3f} (n={len(d)})"
                          for name, d in (("DEV", dev), ("TEST", test)))

    published = pavlick_published(root) if _timed("formality score (SK202) vs Pavlick formality", form) else []
    if published:
        print("    published on TEST (results file): "
              + ", ".join(f"{n} {v:.2f}" for n, v in sorted(published, key=lambda kv: -kv[1])))

    def offers(measure: Callable[[list[ReplySignals], list[int]], str]) -> Callable[[], str]:
        def run() -> str:
            dev, test = yeomans(root)
            out = []
            for name, d in (("DEV", dev), ("TEST", test)):
                out.append(f"{name} {measure([reply_signals(t) for t, _ in d], [c for _, c in d])} (n={len(d)})")
            return " | ".join(out)
        return run

    def share(flags: list[bool], labels: list[int]) -> str:
        rate = {c: sum(f for f, lab in zip(flags, labels, strict=True) if lab == c) / max(1, labels.count(c))
                for c in (0, 1)}
        return f"flags {rate[0]:.0%} of tough and {rate[1]:.0%} of warm offers"

    if _timed("warm-language score (audit) vs Yeomans offers",
              offers(lambda s, lab: f"AUC {auc([x.warm_language for x in s], lab):.3f}")):
        _timed("any SK2xx finding vs Yeomans offers",
               offers(lambda s, lab: f"AUC {auc([float(not x.warmth_findings) for x in s], lab):.3f}, "
                                     f"{share([x.warmth_findings for x in s], lab)}"))
        _timed("no warm line (SK207) vs Yeomans offers",
               offers(lambda s, lab: f"AUC {auc([float(not x.no_warm_line) for x in s], lab):.3f}, "
                                     f"{share([x.no_warm_line for x in s], lab)}"))
        _timed("1 - formality score (SK202) vs Yeomans offers",
               offers(lambda s, lab: f"AUC {auc([1 - x.formality for x in s], lab):.3f}"))
        print("    published: none in the eval README for this split")

    def polite() -> str:
        dev, test = stanford(root)
        out = []
        for name, d in (("DEV", dev), ("TEST", test)):
            scores = [reply_signals(t).warm_language for t, _ in d]
            gold = [y for _, y in d]
            # the corpus paper's binary task: top vs bottom quartile of the normalised score
            cut_lo, cut_hi = sorted(gold)[len(gold) // 4], sorted(gold)[3 * len(gold) // 4]
            ends = [(s, int(g >= cut_hi)) for s, g in zip(scores, gold, strict=True) if g <= cut_lo or g >= cut_hi]
            out.append(f"{name} Pearson {pearson(scores, gold):.3f}, AUC top/bottom quartile "
                       f"{auc([s for s, _ in ends], [lab for _, lab in ends]):.3f} (n={len(d)})")
        return " | ".join(out)

    if _timed("warm-language score (audit) vs Stanford politeness", polite):
        print(f"    published: human ceiling {README_CEILINGS['stanford_rater']} (eval README)")

    def intent() -> str:
        dev, test = intents(root)
        out = []
        for name, d in (("DEV", dev), ("TEST", test)):
            pred = [practice_of(t) for t, _ in d]
            recalls = []
            for group in ("care", "solution"):
                idx = [i for i, (_, g) in enumerate(d) if g == group]
                recalls.append(sum(pred[i] == group for i in idx) / len(idx) if idx else 0.0)
            out.append(f"{name} balanced accuracy {sum(recalls) / 2:.3f} (care {recalls[0]:.2f}, "
                       f"solution {recalls[1]:.2f}, n={len(d)})")
        return " | ".join(out)

    if _timed("slot inference: care vs solution intents", intent):
        print("    published: none comparable (the intents paper reports a 32+9-way BERT classifier)")

    per_expert: list[str] = []

    def kumar() -> str:
        rows = lend_an_ear(root)
        ours = [conversation_scores(t) for t, _ in rows]
        figures = []
        for dim in LEND_AN_EAR_DIMENSIONS:
            means = [sum(g[dim].values()) / len(g[dim]) for _, g in rows]
            figures.append(f"{dim} Spearman {spearman([o[dim] for o in ours], means):.3f}")
            each = []
            for expert in LEND_AN_EAR_EXPERTS:  # one rater at a time, as the published pairs are
                rated = [(o[dim], g[dim][expert]) for o, (_, g) in zip(ours, rows, strict=True) if expert in g[dim]]
                each.append(f"{spearman([a for a, _ in rated], [b for _, b in rated]):.2f}")
            per_expert.append(f"    ours vs each expert (Spearman) {dim}: {', '.join(each)}")
        return " | ".join(figures) + f" (n={len(rows)}, all TEST)"

    if _timed("Lend an Ear conversations vs mean of 3 experts", kumar):
        print("\n".join(per_expert))
        for (who, dim), figures in lend_an_ear_published(root).items():
            print(f"    published ({who}, Spearman) {dim}: {', '.join(figures)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.agreement", description=__doc__.splitlines()[0])
    parser.add_argument("--fit", action="store_true", help="refit the formality weights on the DEV splits")
    args = parser.parse_args(argv)
    root = eval_dir()
    if root is None:
        where = os.environ.get("SCRIPTKIT_SHARED") or str(REPO.parent / "shared")
        print(f"SKIPPED: no eval data at {where}/eval (set SCRIPTKIT_SHARED to the folder holding eval/); "
              "nothing measured")
        return 0
    if args.fit:
        try:
            fit(root)
        except FileNotFoundError as missing:
            print(f"SKIPPED: {missing.filename} is not there; nothing fitted")
    else:
        report(root)
        print(f"\ncurrent weights: formality bias {FORMALITY_BIAS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The agreement benchmark measures what users see, prints like-for-like published figures, and skips
a data set that is not there (``benchmarks/agreement.py``). Every text here is written for this test."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

import pytest

import scriptkit.rules.warmth
from benchmarks import agreement

WARM = ["Thanks so much for listing this! I'd be glad to offer $40, and I hope your week is going well.",
        "Thank you for the quick reply, we really appreciate your help with this."]
TOUGH = ["I will pay $30. Not a cent more.", "Final offer is $25. Take it or leave it."]


def _write(path: Path, header: list[str], rows: Sequence[Sequence[object]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)


def _eval(tmp_path: Path) -> Path:
    root = tmp_path / "eval"
    root.mkdir()
    (root / "README.md").write_text("test eval folder\n", encoding="utf-8")
    return root


def _run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> str:
    monkeypatch.setenv("SCRIPTKIT_SHARED", str(tmp_path))
    assert agreement.main([]) == 0
    return capsys.readouterr().out


def test_offers_are_measured_with_the_audits_warm_language_score_not_an_unused_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    root = _eval(tmp_path)
    rows = [[1, t] for t in WARM] + [[0, t] for t in TOUGH]
    for name in ("phone_offers.csv", "bowl_offers.csv"):
        _write(root / "yeomans_politeness_r" / name, ["condition", "message"], rows)
    out = _run(tmp_path, monkeypatch, capsys)
    line = next(ln for ln in out.splitlines() if "warm-language score" in ln and "offers" in ln)
    assert "TEST AUC 1.000" in line  # both warm offers have a warm line, neither tough one does
    assert "any SK2xx finding" in out
    assert "warmth score" not in out
    # the score no rule, review or audit used is gone from the package
    assert not hasattr(scriptkit.rules.warmth, "warmth")
    assert not hasattr(scriptkit.rules.warmth, "WARMTH_WEIGHTS")


def test_reply_signals_are_the_audits() -> None:
    warm, tough = agreement.reply_signals(WARM[1]), agreement.reply_signals(TOUGH[1])
    assert warm.warm_language == 100.0 and not warm.warmth_findings
    assert tough.warm_language == 0.0 and tough.warmth_findings  # SK207: no warm line


def test_cohen_kappa() -> None:
    # agreement 3 of 4, chance 0.5 * 0.25 + 0.5 * 0.75 = 0.5
    assert agreement.cohen_kappa([True, True, False, False], [True, False, False, False]) == pytest.approx(0.5)
    assert agreement.cohen_kappa([True, False], [True, False]) == pytest.approx(1.0)


def test_epitome_rows_print_kappa_and_the_all_yes_baseline(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    root = _eval(tmp_path)
    replies = ["That sounds so hard, I'm sorry you're going through it.", "Have you tried a new router?",
               "Check the settings page.", "What model is it?", "Restart it and see.", "I feel for you, truly."]
    levels = [2, 0, 0, 0, 0, 1]
    _write(root / "epitome" / "emotional-reactions-reddit.csv", ["sp_id", "rp_id", "seeker_post", "response_post",
                                                                   "level", "rationales"],
           [["s", f"r{i}", "q", t, lv, ""] for i, (t, lv) in enumerate(zip(replies, levels, strict=True))])
    out = _run(tmp_path, monkeypatch, capsys)
    rows = [ln for ln in out.splitlines() if "EPITOME" in ln]
    assert len(rows) == 2 and all("kappa" in ln for ln in rows)
    # 2 of the 6 are positive, split by rp_id between DEV and TEST: all-yes F1 is 2p/(1+p) on each split
    dev, test = agreement.epitome(root)
    for name, data in (("DEV", dev), ("TEST", test)):
        p = sum(g for _, g in data) / len(data)
        assert f"{name} F1" in rows[0] and f"all-yes F1 {2 * p / (1 + p):.3f}" in rows[0]


def test_lend_an_ear_prints_spearman_beside_spearman(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    root = _eval(tmp_path)
    base = root / "kumar2025_llm_empathy_judging"
    turns = ["I'm so sorry, that sounds really painful.", "Maybe try talking to your manager about it.",
             "That's frustrating, I understand.", "Calm down, it's not a big deal."]
    convs = [[f"c{i}", f"Seeker: a thing happened\nSupporter: {t}", 40] for i, t in enumerate(turns)]
    _write(base / "original_data" / "sample_lend_an_ear_conversations.csv",
           ["conversation_id", "full_conversation", "response_length"], convs)
    dims = list(agreement.LEND_AN_EAR_DIMENSIONS)
    for e, shift in (("expert1", 0), ("expert2", 1), ("expert3", 0)):
        _write(base / "annotations" / "lend_an_ear" / f"{e}_ratings.csv", ["conversation_id", *dims],
               [[f"c{i}", 1 + (i + shift) % 4, 1 + i % 3, 1 + (i * 2) % 4] for i in range(len(turns))])
    header = ["Dataset", "Dimension", "Annotator Pair", "Spearman Correlation", "Weighted Cohen's Kappa"]
    pairs = [["Lend an Ear", "validating_emotions", "('expert1', 'expert2')", "0.41", "0.22"],
             ["Lend an Ear", "validating_emotions", "('expert1', 'expert2')", "0.41", "0.22"],  # listed twice
             ["Lend an Ear", "validating_emotions", "('expert2', 'expert3')", "0.52", "0.33"],
             ["Lend an Ear", "validating_emotions", "('experts', 'llm')", "0.63", "0.44"],
             ["Other Set", "validating_emotions", "('expert1', 'expert2')", "0.99", "0.99"]]
    _write(base / "annotations" / "all_annotator_pairs_spearman_kappa.csv", header, pairs)
    out = _run(tmp_path, monkeypatch, capsys)
    assert "published (expert pairs, Spearman) validating_emotions: 0.41, 0.52" in out
    assert "published (experts vs LLM, Spearman) validating_emotions: 0.63" in out
    assert "weighted kappa" not in out and "0.99" not in out
    assert "vs each expert" in out  # ours against one expert at a time, as the pairs are


def test_a_partial_eval_folder_skips_each_missing_set_and_goes_on(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    root = _eval(tmp_path)
    _write(root / "epitome" / "emotional-reactions-reddit.csv", ["sp_id", "rp_id", "seeker_post", "response_post",
                                                                   "level", "rationales"],
           [["s", f"r{i}", "q", t, i % 2, ""] for i, t in enumerate(WARM + TOUGH)])
    out = _run(tmp_path, monkeypatch, capsys)
    assert "EPITOME" in out and "F1" in out
    skipped = [ln for ln in out.splitlines() if "SKIPPED" in ln]
    assert len(skipped) >= 5, out
    assert any(str(root / "pavlick_formality_subset") in ln for ln in skipped)
    assert any(str(root / "kumar2025_llm_empathy_judging") in ln for ln in skipped)
    monkeypatch.setenv("SCRIPTKIT_SHARED", str(tmp_path))
    assert agreement.main(["--fit"]) == 0
    assert "SKIPPED" in capsys.readouterr().out

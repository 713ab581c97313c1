"""`init --locale pt-BR` left English greetings behind a TODO (German, French, Spanish and Dutch packs got their
own), and a Portuguese email pasted into a slot ("Olá, Ana," ... "Atenciosamente,") gave the customer two greetings
and two sign-offs with no finding: SK008 and SK009 knew no Portuguese. Brazil's and Portugal's layouts differ
("Um abraço" / "Com os melhores cumprimentos", "você está falando" / "está a falar")."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from scriptkit.loading import load_pack
from tests.conftest import run_cli

BRAZIL = ("id: atraso\ntitle: Pedidos::Atraso\nchannels: [email, chat, phone]\n"
          "acknowledgment: Poxa, sinto muito que o seu pedido ainda não chegou, sei que você contava com ele.\n"
          "flexibility:\n  guidance: Veja primeiro o rastreio na transportadora.\n"
          "solution: Já mandei um novo pedido hoje e te envio o código de rastreio até amanhã.\n")


def _check(root: Path) -> list[dict[str, Any]]:
    out = run_cli("check", str(root), "--grammar", "off", "--format", "json")
    return list(json.loads(out.output)["diagnostics"])


@pytest.mark.parametrize(("locale", "signoff", "phone", "hours"), [
    ("pt-BR", "Um abraço,", "Olá, você está falando com", "de segunda a sexta, das 8h às 18h"),
    ("pt", "Um abraço,", "Olá, você está falando com", "de segunda a sexta, das 8h às 18h"),
    ("pt-PT", "Com os melhores cumprimentos,", "Olá, está a falar com", "de segunda a sexta-feira, das 8h00 às 18h00"),
    ("pt-AO", "Com os melhores cumprimentos,", "Olá, está a falar com", "de segunda a sexta-feira, das 8h00 às 18h00"),
])
def test_a_portuguese_pack_gets_its_countrys_layouts(tmp_path: Path, locale: str, signoff: str, phone: str,
                                                     hours: str) -> None:
    root = tmp_path / "pack"
    made = run_cli("init", str(root), "--locale", locale)
    assert made.exit_code == 0, made.output
    assert "TODO" not in (root / "pack.yaml").read_text(encoding="utf-8") and "in Portuguese" in made.output
    meta = load_pack(root).meta
    assert meta.channels["email"].greeting == "Olá, {{ customer.first_name | fallback('bom dia') }}!"
    assert meta.channels["email"].signoff.splitlines()[0] == signoff
    assert meta.channels["phone"].greeting.startswith(phone)
    assert meta.constants["support_hours"] == hours


def test_a_brazilian_pack_of_brazilian_replies_has_no_english_layout_finding(tmp_path: Path) -> None:
    root = tmp_path / "pack"
    assert run_cli("init", str(root), "--locale", "pt-BR").exit_code == 0
    for example in (root / "scripts").iterdir():
        example.unlink()
    (root / "scripts" / "atraso.yaml").write_text(BRAZIL, encoding="utf-8")
    found = {d["code"] for d in _check(root)}
    assert not found & {"SK015", "SK407", "SK008", "SK009"}, found


PASTED = ("id: atraso\ntitle: Pedidos::Atraso\nchannels: [{channel}]\n"
          "acknowledgment: {ack}\n"
          "flexibility:\n  guidance: Veja primeiro o rastreio na transportadora.\n"
          "solution: {solution}\n")
ACK = "Sinto muito que o seu pedido ainda não chegou, sei que você contava com ele."
SOLUTION = "Já mandei um novo pedido hoje e te envio o código de rastreio até amanhã."
LAYOUT = ("name: Loja\nlocale: pt-BR\nchannels:\n  email:\n"
          "    greeting: \"Olá, {{ customer.first_name | fallback('bom dia') }}!\"\n"
          "    signoff: \"Um abraço,\\n{{ agent.first_name }}\"\n"
          "  chat:\n    greeting: \"Olá, {{ customer.first_name | fallback('bom dia') }}!\"\n")


@pytest.mark.parametrize(("opening", "closing", "codes"), [
    ("Olá, Ana,\n\n", "\n\nAtenciosamente,\nBeatriz Souza", {"SK008", "SK009"}),
    ("Prezada Sra. Lima,\n\n", "\n\nUm abraço,\nBeatriz", {"SK008", "SK009"}),
    ("Bom dia, Ana!\n\n", "\n\nCom os melhores cumprimentos,\nJoão Silva\nApoio ao cliente", {"SK008", "SK009"}),
    ("Oi, Ana! ", "\n\nAbraços,\nBeatriz", {"SK008", "SK009"}),
    # (the reply's own words: a sentence that opens with "Bom" or ends with thanks is no frame)
    ("Bom saber que você já recebeu a primeira parte. ", " Obrigada pela paciência!", set()),
])
def test_a_pasted_portuguese_greeting_and_signoff_are_found(make_pack: Any, opening: str, closing: str,
                                                            codes: set[str]) -> None:
    script = PASTED.format(channel="email", ack=json.dumps(opening + ACK, ensure_ascii=False),
                           solution=json.dumps(SOLUTION + closing, ensure_ascii=False))
    root = make_pack({"atraso.yaml": script}, pack_yaml=LAYOUT)
    assert {d["code"] for d in _check(root)} & {"SK008", "SK009"} == codes


def test_a_brazilian_chat_may_end_with_um_abraco(make_pack: Any) -> None:
    script = PASTED.format(channel="chat", ack=json.dumps(ACK, ensure_ascii=False),
                           solution=json.dumps(SOLUTION + " Um abraço!", ensure_ascii=False))
    root = make_pack({"atraso.yaml": script}, pack_yaml=LAYOUT)
    assert "SK009" not in {d["code"] for d in _check(root)}

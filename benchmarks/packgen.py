"""A generator of large, varied packs for the benchmarks (our own phrase banks, seeded).

Each script combines a topic, an emotion, phrasing templates and optional placeholders,
constants, blanks and alternatives, so the rule set sees realistic variety: some scripts
are warm and clear, some cold and corporate, some long, and a few near-duplicates.
"""

from __future__ import annotations

import random
from pathlib import Path

TOPICS = [
    ("order", "your order", "arrived damaged", "a replacement", "ship"),
    ("refund", "your refund", "has not reached your account", "the refund", "process"),
    ("login", "your account", "keeps locking you out", "a reset link", "send"),
    ("billing", "your invoice", "charged you twice", "the duplicate charge", "reverse"),
    ("delivery", "your parcel", "is running late", "a new delivery slot", "book"),
    ("subscription", "your plan", "renewed without warning", "the renewal", "cancel"),
    ("app", "the app", "keeps crashing", "a fix", "push"),
    ("booking", "your booking", "was moved without notice", "a new time", "confirm"),
    ("warranty", "your device", "stopped charging", "a repair", "arrange"),
    ("gift", "the gift card", "shows a zero balance", "the balance", "restore"),
    ("password", "your password", "won't reset", "a manual reset", "trigger"),
    ("shipping", "the tracking page", "hasn't updated", "an update from the courier", "chase"),
]
FEELINGS = ["frustrating", "upsetting", "worrying", "disappointing", "stressful", "confusing", "annoying"]
EMOTIONS = ["frustrated", "upset", "worried", "disappointed", "stressed", "confused", "angry", "anxious"]
ACKS = [
    "I can see how {feeling} it is that {thing} {problem}.",
    "I understand how {feeling} this must be, especially when you were counting on {thing}.",
    "It's really {feeling} when {thing} {problem}, and I'm glad you told us.",
    "That sounds {feeling}, and I can see why you reached out about {thing}.",
    "I hear you: {thing} {problem}, and that's {feeling} after everything you've tried.",
    "Thank you for explaining what happened with {thing}; I know how {feeling} it is.",
]
COLD_ACKS = [
    "We acknowledge receipt of your correspondence regarding {thing}.",
    "Please be advised that your inquiry concerning {thing} has been received.",
    "We regret any inconvenience caused by the matter referenced above.",
]
WARMS = [
    "I'm really sorry this happened.",
    "I'm so sorry for the hassle, and thank you for your patience.",
    "Thanks for bearing with us while we sort this out.",
    "I'd feel the same way in your shoes.",
    "I really appreciate you taking the time to tell us.",
]
SOLUTIONS = [
    "I've gone ahead and {verb}ed {fix} for you today, and you'll get a confirmation email within the hour.",
    "I'll {verb} {fix} right now and update you by the end of the day.",
    "Let's get this sorted: I'll {verb} {fix} today and check back with you tomorrow morning.",
    "I've asked our team to {verb} {fix}, and I'll email you within 2 business days with the result.",
    "I'll {verb} {fix} within {{{{ refund_window_days }}}} days, and you don't need to do anything else.",
    "I've set up {fix} for you, and it will be ready by {{{{ blank.ready_day }}}}.",
]
COLD_SOLUTIONS = [
    "The matter will be reviewed in accordance with applicable policy.",
    "Customers are advised to consult the help centre for further information.",
    "Should you require further assistance, do not hesitate to contact us at your earliest convenience.",
]
EXTRAS = [
    " If anything else comes up, just reply to this email and I'll pick it up.",
    " Your reference is {{ ticket.id }} in case you need it.",
    " I know this isn't the experience you expected from {{ brand_name }}.",
    "",
    "",
]
PRODUCTS = [
    "blender", "desk lamp", "running shoes", "rain jacket", "coffee grinder", "phone case", "yoga mat",
    "backpack", "headphones", "kettle", "office chair", "bike helmet", "sofa cover", "winter boots",
    "air fryer", "smart watch", "baby monitor", "camping stove", "paint set", "garden hose", "printer",
    "mattress", "laptop stand", "water bottle", "board game", "suitcase", "toaster", "wall clock",
    "rug", "microphone", "webcam", "router", "vacuum", "drill", "tent", "scarf", "monitor", "keyboard",
]
DETAILS = [
    "I've also noted that you were charged {n} dollars for shipping on the {product}.",
    "Your {product} left our warehouse on day {n} of the order, which is later than it should have been.",
    "I can see {n} messages from you about the {product}, and none of them should have been needed.",
    "The {product} was marked as delivered at {h}pm, so I understand why this is confusing.",
    "You mentioned the {product} was a gift, so I've put a note on the order for {n} days of extra care.",
    "I checked with the courier, and the {product} is sitting at the depot {n} miles from you.",
    "",
    "",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
GUIDANCE = [
    "If the customer mentions a deadline, offer the fastest option.",
    "Check the order history before promising a date.",
    "If they have written in before about this, acknowledge that first.",
]


def _q(text: str) -> str:
    """A YAML double-quoted scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def script_yaml(i: int, rng: random.Random) -> str:
    key, thing, problem, fix, verb = rng.choice(TOPICS)
    feeling = rng.choice(FEELINGS)
    cold = rng.random() < 0.15
    fill = {"feeling": feeling, "thing": thing, "problem": problem, "fix": fix, "verb": verb}
    if cold:
        acks = [rng.choice(COLD_ACKS).format(**fill)]
        solution = (rng.choice(COLD_SOLUTIONS) + f" Reference number {rng.randint(1000, 99999)} "
                    f"applies to the {rng.choice(PRODUCTS)} ordered on {rng.choice(DAYS)}.")
    else:
        acks = [t.format(**fill) for t in rng.sample(ACKS, rng.choice((1, 1, 2)))]
        product = rng.choice(PRODUCTS)
        detail = rng.choice(DETAILS).format(n=rng.randint(2, 90), h=rng.randint(1, 11), product=product)
        solution = (rng.choice(SOLUTIONS).format(**fill) + rng.choice(EXTRAS)
                    + (" " + detail if detail else "")
                    + f" I'll check on your {product} again on {rng.choice(DAYS)}.")
    if rng.random() < 0.3:
        acks[0] = "{{ customer.first_name | fallback('Hi') }}, " + acks[0][0].lower() + acks[0][1:]
    lines = [
        f"id: {key}-{i:05d}",
        f"title: {_q(key.title() + '::Case ' + str(i))}",
        f"scenario: {_q('The customer says ' + thing + ' ' + problem + '.')}",
        f"emotion: {rng.choice(EMOTIONS)}",
        f"channels: [{', '.join(rng.sample(['email', 'chat', 'sms', 'social'], rng.choice((1, 1, 2))))}]",
        f"tags: [{key}]",
    ]
    if len(acks) == 1:
        lines.append(f"acknowledgment: {_q(acks[0])}")
    else:
        lines.append("acknowledgment:")
        lines.extend(f"  - {_q(a)}" for a in acks)
    if not cold and rng.random() < 0.8:
        lines.append(f"warm_language: {_q(rng.choice(WARMS))}")
    uses_blank = "blank.ready_day" in solution
    if uses_blank or rng.random() < 0.6:
        lines.append("flexibility:")
        lines.append(f"  guidance: {_q(rng.choice(GUIDANCE))}")
        if uses_blank:
            lines.append("  blanks:")
            lines.append("    - name: ready_day")
            lines.append("      prompt: The day it will be ready, e.g. Thursday")
        if rng.random() < 0.3:
            lines.append("  alternatives:")
            lines.append("    - label: Customer prefers a call")
            lines.append(f"      text: {_q('I can call you today to walk through ' + fix + ' together.')}")
    lines.append(f"solution: {_q(solution)}")
    return "\n".join(lines) + "\n"


PACK_YAML = """name: Benchmark pack
version: 1.0.0
locale: en-US
constants:
  refund_window_days: 5
  brand_name: Northwind
"""


def generate(root: Path, count: int = 10_000, seed: int = 7) -> Path:
    """Write a pack of ``count`` scripts under ``root`` and return its folder."""
    rng = random.Random(seed)
    (root / "scripts").mkdir(parents=True, exist_ok=True)
    (root / "pack.yaml").write_text(PACK_YAML, encoding="utf-8")
    for i in range(count):
        (root / "scripts" / f"s{i:05d}.yaml").write_text(script_yaml(i, rng), encoding="utf-8")
    return root

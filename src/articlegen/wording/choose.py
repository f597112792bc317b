"""Variant choice by highest-random-weight (rendezvous) hashing.

Each eligible variant gets a score from a hash of (seed, pair, message, variant id)
and the best score wins. A variant's score never depends on the other variants,
so adding one to a message changes only the choices the new variant wins (about
1/(n+1) of pairs) and removing one changes only the choices it had won: an edit
to a phrasebank gives a small, reviewable diff. blake2b, not hash(), keeps choices
identical across processes and PYTHONHASHSEED values.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from hashlib import blake2b
from typing import Any

from ..errors import RenderError
from .phrasebank import Message, Variant


@lru_cache(maxsize=65536)
def variant_score(seed: int, pair_key: str, message_id: str, variant_id: str) -> int:
    digest = blake2b(f"{seed}\x1f{pair_key}\x1f{message_id}\x1f{variant_id}".encode(), digest_size=8)
    return int.from_bytes(digest.digest(), "big")


class ScoreCache:
    """variant_score for one article: the seed and pair are hashed once, each variant's key after."""

    def __init__(self, seed: int, pair_key: str) -> None:
        self.prefix = blake2b(f"{seed}\x1f{pair_key}\x1f".encode(), digest_size=8)
        # A fifth of an article's messages come twice (a sentence for each job, column labels).
        self.known: dict[tuple[bytes, ...], list[bytes]] = {}

    def scores(self, keys: tuple[bytes, ...]) -> list[bytes]:
        """variant_score of each key as its 8 digest bytes, a key being score_key(message_id, variant_id).

        Bytes of one length order as the big-endian integers they spell, so they rank the same
        without int.from_bytes, which took a third of the time of this loop (~85 an article).
        """
        found = self.known.get(keys)
        if found is not None:
            return found
        copy = self.prefix.copy
        found = []
        for key in keys:
            digest = copy()
            digest.update(key)
            found.append(digest.digest())
        self.known[keys] = found
        return found

    def rank(self, message_id: str, eligible: tuple[Variant, ...]) -> list[Variant]:
        """As rank_variants, for variants already known to be eligible."""
        scores = self.scores(tuple(score_key(message_id, v.id) for v in eligible))
        order = sorted(range(len(eligible)), key=scores.__getitem__, reverse=True)
        return [eligible[i] for i in order]


def score_key(message_id: str, variant_id: str) -> bytes:
    """What variant_score hashes after the seed and pair."""
    return f"{message_id}\x1f{variant_id}".encode()


def is_eligible(variant: Variant, slots: Mapping[str, Any]) -> bool:
    if variant.condition is None:
        return True
    try:
        return variant.condition(slots)
    except Exception as err:  # a condition is editor code: report it, with its place
        raise RenderError(
            f"{variant.file}:{variant.line}: condition {variant.condition_text!r} failed: {err}"
        ) from None


def rank_variants(message: Message, slots: Mapping[str, Any], seed: int, pair_key: str) -> list[Variant]:
    """Eligible variants, best first."""
    eligible = [v for v in message.variants if is_eligible(v, slots)]
    return sorted(
        eligible,
        key=lambda v: variant_score(seed, pair_key, message.id, v.id),
        reverse=True,
    )


def choose_variant(
    message: Message,
    slots: Mapping[str, Any],
    seed: int,
    pair_key: str,
    used: frozenset[str] = frozenset(),
) -> Variant:
    """The best-scoring eligible variant not yet used in this article.

    When a message appears more often than it has variants, a used one is taken
    again: its slots differ, so the sentence still does.
    """
    return choose_among(rank_variants(message, slots, seed, pair_key), message, used)


def choose_among(ranked: list[Variant], message: Message, used: frozenset[str] = frozenset()) -> Variant:
    """The first of ranked variants not yet used; split out so callers can keep the ranking."""
    if not ranked:
        raise no_variant_applies(message)
    return next((v for v in ranked if v.id not in used), ranked[0])


def no_variant_applies(message: Message) -> RenderError:
    return RenderError(f"{message.file}:{message.line}: no variant of {message.id!r} applies to these facts")

"""What the reader remembers from the sentences before: an explicit value, passed along.

Later sentences lean on earlier ones: "This includes €200m for drones" belongs to the donor
of the package just told, "All of them have pledged …" to the coalition last named, "It will
also send …" to the subject of the sentence before. The memory is a frozen value that the
extractor hands to each sentence's readers and replaces after each sentence, so no reader
writes into shared state and the flow of facts from sentence to sentence can be followed.
"""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True, slots=True)
class Memory:
    """The article's running memory at one sentence."""

    last_donors: tuple[str, ...] = ()  # donors of the last sentence that stated a pledge
    last_coalition: str | None = None
    last_coalition_at: int = -100  # index of the sentence that named it
    found: tuple[tuple[int, str], ...] = ()  # (sentence, first donor found there)

    def after_pledges(self, index: int, donors: list[str]) -> Memory:
        """The memory once sentence ``index`` stated pledges by ``donors``."""
        if not donors:
            return self
        return replace(
            self,
            last_donors=tuple(dict.fromkeys(donors)),
            found=(*self.found, (index, donors[0])),
        )

    def after_coalition(self, index: int, coalition: str) -> Memory:
        """The memory once sentence ``index`` named ``coalition``."""
        return replace(self, last_coalition=coalition, last_coalition_at=index)

    def donor_found_in(self, index: int) -> str | None:
        """The first donor a pledge of sentence ``index`` had."""
        return next((donor for at, donor in self.found if at == index), None)

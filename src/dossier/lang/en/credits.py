"""How English news credits the outlet or agency a text comes from."""

from __future__ import annotations

from dossier.lang.language import Credits

CREDITS = Credits(
    phrases=(
        r"\b(?:first|originally) (?:published|appeared|ran) (?:by|in|on) <<name>>",
        r"\b(?:this|the) (?:article|story|report|piece) (?:was )?(?:first |originally )?"
        r"(?:published|appeared) (?:by|in|on) <<name>>",
        r"\brepublished (?:with (?:kind )?permission )?(?:from|of) <<name>>",
        r"\breproduced (?:with (?:kind )?permission )?(?:from|of) <<name>>",
        r"<<name>> contributed (?:reporting )?to this (?:report|story|article)",
        r"\bcourtesy of <<name>>",
    ),
    told=(r"\btold (?:the )?<<name>>(?=\s*[.,;:)”\"]|\s*$|\s+(?:on|in|that|by|last)\b)",),
)

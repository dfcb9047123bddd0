from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class DedupSettings:
    duplicate_jaccard: float = 0.8  # documents this similar are copies (duplicate_of)
    num_perm: int = 128  # MinHash permutations for whole documents
    span_num_perm: int = 64  # for paragraphs and sentences (many more units; verified exactly)
    # Word shingle sizes: documents are compared on 5-grams, paragraphs on 3-grams.
    doc_shingle: int = 5
    span_shingle: int = 3
    # LSH candidate threshold for documents (candidates are then verified exactly).
    doc_candidate_jaccard: float = 0.5
    # A document is also a copy when this share of its shingles is inside another document
    # (a reprint that cut or added a paragraph or two).
    duplicate_containment: float = 0.9
    # Paragraphs (or long sentences) at least this similar in two different documents are
    # recorded as shared spans on both.
    shared_jaccard: float = 0.5
    shared_min_words: int = 12  # shorter units are never shared spans
    # Between documents that already share a paragraph, inside paragraphs that matched nothing,
    # sentences of at least shared_sentence_min_words
    # words this similar (3-shingle Jaccard) are shared too: a rewritten background sentence
    # keeping names, dates and most phrasing (measured: 0.33 for a reworded sentence, < 0.13
    # for unrelated sentences on the same story).
    shared_sentence_jaccard: float = 0.3
    shared_sentence_min_words: int = 15

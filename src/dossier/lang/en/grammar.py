"""English clause structure as spaCy's English pipelines label it (ClearNLP dependencies,
Penn Treebank tags, Universal morphology)."""

from __future__ import annotations

from dossier.lang.language import Grammar, words

GRAMMAR = Grammar(
    subject_deps=frozenset(words("nsubj nsubjpass csubj csubjpass expl")),
    passive_subject_deps=frozenset(words("nsubjpass csubjpass")),
    passive_aux_deps=frozenset(words("auxpass")),
    aux_deps=frozenset(words("aux auxpass")),
    object_deps=frozenset(words("dobj dative attr oprd")),
    agent_deps=frozenset(words("agent")),
    prep_deps=frozenset(words("prep")),
    prep_object_deps=frozenset(words("pobj pcomp")),
    negation_deps=frozenset(words("neg")),
    clause_deps=frozenset(
        words("ROOT ccomp xcomp advcl relcl conj acl csubj csubjpass parataxis pcomp")
    ),
    complement_deps=frozenset(words("ccomp xcomp")),
    conjunct_deps=frozenset(words("conj")),
    subject_sharing_deps=frozenset(words("xcomp acomp conj")),
    modal_tags=frozenset(words("MD")),
    # "would" too: the future seen from the past ("said he would be handed back").
    future_auxiliaries=frozenset(words("will shall would wo")),
    hypothetical_auxiliaries=frozenset(words("would")),
    perfect_auxiliaries=frozenset(words("have")),
    counterfactual_auxiliaries=frozenset(words("would")),
    past_morph="Tense=Past",
    verb_pos=frozenset(words("VERB AUX")),
    adposition_pos=frozenset(words("ADP")),
)

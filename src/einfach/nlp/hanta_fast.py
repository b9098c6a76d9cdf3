# SPDX-License-Identifier: LGPL-3.0-or-later
# This module re-implements the decoding loops of HanTa (Christian Wartena, LGPL-3.0-or-later)
# and is therefore licensed like HanTa, unlike the rest of einfach (MIT); see README, "Licence".
"""A fast path through HanTa's own model with output identical to HanTa's.

HanTa (Hannover Tagger, LGPL-3.0-or-later, used unmodified) tags a sentence in three
steps, all in pure Python:

1. ``analyze_forward``: a Viterbi pass over the *letters* of every word form
   that is not in the model's precomputed word cache, giving the possible
   POS tags of the form with their log probabilities;
2. ``tag_sent_viterbi``: a second-order Viterbi pass over the *words* of the
   sentence, with the emissions of step 1 (``_tag_word(..., conditional=True)``);
3. ``_analyze``: for each (word, chosen tag), ``analyze_viterbi`` finds the
   most likely morpheme segmentation, from which the lemma is built.

:class:`FastHanta` computes exactly the same numbers, in the same order
(floating-point sums are evaluated in HanTa's order, dictionaries are filled
in HanTa's order so that ties are broken the same way), over the same model
tables, but:

* the sentence decoder encodes a state ``(t1, t2)`` as one integer, looks only
  at the tags a word can have instead of at all 56 tags of each transition
  row, and keeps each word's emission list (already filtered and ordered as
  HanTa's loop visits it) cached by (word form, case flag);
* the two letter-level passes look a segment up once in the set of all
  known morphemes, try a segment that is no known morpheme only with the
  tags that may stand for an unknown morpheme, and a known one only with the
  tags that know it or may guess it (HanTa's ``lp_m_t`` returned -inf for
  nearly all of its 12 million calls on the AufenthG); the suffix of an
  unknown segment is found once for all tags;
* word analyses are memoised by the normalised (lower-case) form, so "Antrag"
  and "antrag" are analysed once.

The loops of the letter lattice (:func:`fill_lattice`, the lemma pass's best path) and of
the sentence decoder also exist in C (``_lattice.c``, an optional extension built at
installation when a C compiler is there, see ``hatch_build.py``): the same dicts filled in the
same order with the same floats, five to six times faster (``docs/performance.md``).
:class:`FastHanta` uses them when they were built (``EINFACH_NO_EXTENSIONS=1`` turns them off)
and this module's Python loops otherwise; ``tests/test_lattice_compiled.py`` compares the two.

Identity with plain HanTa is checked by ``tests/test_tagger_identity.py`` and
``benchmarks/identity_gsd.py``.  If a model does not have the shape this
module relies on (every transition row of the sentence model lists the same
tags in the same order; tag ids below 256; all guessable tags share one
suffix table), :class:`FastHanta` falls back to HanTa's own methods
(``supported`` / ``words_supported`` tell which).

Licence note: HanTa is LGPL-3.0; this module imports it and reads its model
tables at run time, and re-implements the loops of ``tag_sent_viterbi``,
``analyze_forward``, ``analyze_viterbi`` and ``lp_m_t`` so that they compute
the same results.
"""

from __future__ import annotations

import math
import os
from operator import itemgetter

from HanTa.HanoverTagger import EMPTY, END, END_UNKNOWN, START, UNKNOWN, HanoverTagger
from numpy import logaddexp  # HanTa sums a word's tag probabilities with it; the same function, the same floats

NEG_INF = -math.inf
LOWERBOUND = -1e6  # HanTa's lowerbound in all three Viterbi passes
SENTENCE_BEAM = 5  # tag_sent_viterbi: continue from states within 1 of the 6th best
WORD_BEAM = 3  # analyze_forward / analyze_viterbi: within 1 of the 4th best
EMISSION_CUTOFF = 5  # tag_sent_viterbi calls _tag_word(cutoff=5)
WHOLE_WORD_PENALTY = 4.6  # lp_m_t: an unknown morpheme that is the whole word
SHIFT = 8  # state (a, b) -> a << SHIFT | b; tag ids are below 1 << SHIFT
MASK = (1 << SHIFT) - 1

# Bounded memo tables: when one is full it is emptied (cheaper than LRU
# bookkeeping on every hit; a long document refills it with its own words).
CACHE_SIZE = 200_000
PLAN_CACHE_SIZE = 200_000  # plans of all follower tables together (see FastHanta._lattice)
PREFIX_CACHE_SIZE = 40_000  # prefixes in the forward pass's lattice memo (see FastHanta._lattice)
MIN_SHARED_PREFIX = 4  # shorter shared prefixes save too little to be worth the look-up


class HanTaModel(HanoverTagger):
    """HanTa's ``HanoverTagger`` with a faster set-up; every table is HanTa's own.

    HanTa computes, when it loads a model, which morpheme states can lead to
    each final state (``reachable``) by scanning the full list of transitions
    for every state it visits (about 35 ms).  The same sets come from a
    breadth-first search over a predecessor table.
    """

    def reachable(self) -> None:
        predecessors: dict[int, set[int]] = {}
        for (_, current), followers in self.LP_trans.items():
            for follower in followers:
                predecessors.setdefault(follower, set()).add(current)
        self.reachability = {}
        for tag in self.int2tag.keys():
            if tag >= 0:
                continue
            found: set[int] = set()
            todo = [tag]
            while todo:
                for state in predecessors.get(todo.pop(), ()):
                    if state not in found:
                        found.add(state)
                        todo.append(state)
            self.reachability[tag] = frozenset(found)


class FastHanta:
    """HanTa's ``tag_sent(words, taglevel=1)`` with a faster implementation.

    ``tagger`` is a loaded :class:`HanTa.HanoverTagger.HanoverTagger`.  Its
    ``analyze_forward`` and ``analyze_viterbi`` are replaced (on this
    instance only) by the fast versions here, so that HanTa's own lemma code
    (``_analyze``, ``makelemma``) runs on top of them unchanged.
    """

    def __init__(self, tagger: HanoverTagger, cache_size: int = CACHE_SIZE, compiled: bool = True) -> None:
        self.tagger = tagger
        self.cache_size = cache_size
        # the loops of the lattices: compiled if asked for and built (same results); a model the
        # compiled letter lattice cannot hold switches _fill back to Python (see _lattice_tables)
        compiled = compiled and compiled_fill_lattice is not None
        if compiled:
            self._fill, self._prepare = compiled_fill_lattice, compiled_prepare
        else:
            self._fill, self._prepare = fill_lattice, prepare_tables
        self._tables = None  # the model's tables for _fill, made on first use (see _lattice)
        self._sentence_model = None  # the compiled sentence decoder's tables (see tag_ids)
        self._forward_memo: dict[str, list] = {}
        self._emission_memo: dict[tuple, tuple] = {}
        self._emission_by_form: dict[tuple, tuple] = {}
        self._lemma_memo: dict[tuple, str] = {}
        # Optional: the lemmas of the model's known forms (see known_lemmas), e.g. a memory-mapped
        # trie: key "form\ttag id" -> [lemma as UTF-8].  Only a speed-up: the same lemmas as computed.
        self.known_lemmas = None
        self._prepare_sentence_model()
        if compiled and self.supported:
            self._sentence_model = compiled_prepare_sentences(self._trans, self._end)
        self._prepare_word_model()
        tagger.analyze_forward = self.analyze_forward
        tagger.analyze_viterbi = self.analyze_viterbi

    # ------------------------------------------------------------------ setup

    def _prepare_sentence_model(self) -> None:
        """Integer-coded transition rows for the sentence decoder."""
        trans = self.tagger.LP_trans_word
        order = None
        self.supported = True
        for state, row in trans.items():
            keys = tuple(row)
            if order is None:
                order = keys
                if not all(0 <= tag <= MASK for tag in keys):  # every row has these keys: checked once
                    self.supported = False
                    return
            if keys != order or not (0 <= state[0] <= MASK and 0 <= state[1] <= MASK):
                self.supported = False
                return
        self._tag_order = tuple(tag for tag in order if tag != END)
        self._trans = {state[0] << SHIFT | state[1]: row for state, row in trans.items()}
        self._end = {code: row.get(END, NEG_INF) for code, row in self._trans.items()}
        # An unknown word: every tag (but END) with emission 0, in row order.
        self._any_tag = tuple((tag, 0) for tag in self._tag_order)

    def _prepare_word_model(self) -> None:
        """Integer-coded morpheme transitions, and which tags may stand for an unknown morpheme."""
        tagger = self.tagger
        nonfinal = tagger.LP_trans_nonfinal
        # lp_m_t guesses a probability for a morpheme it does not know only for these tags.
        guessable = frozenset(t for t in tagger.LP_hapax_t if t in tagger.LP_s_t)
        self._guessable = guessable
        followers = {t for row in nonfinal.values() for t, _ in row}
        # Int_t + LP_hapax_t[t], the first sum of lp_m_t's guess (same float as HanTa's left-to-right sum).
        self._guess_base = {t: tagger.Int_t + tagger.LP_hapax_t[t] for t in guessable}
        # lp_m_t picks the suffix from the tag's own table; all tables know the same suffixes, so
        # the suffix of a segment is found once for all tags.
        suffix_sets = {frozenset(tagger.LP_s_t[t]) for t in guessable}
        self._suffixes = next(iter(suffix_sets)) if len(suffix_sets) == 1 else frozenset()
        self.words_supported = (
            all(t in tagger.LP_m_t for t in followers)  # else HanTa's lp_m_t raises KeyError
            and all(t in tagger.LP_len_t for t in guessable)
            and len(suffix_sets) == 1
            and "" in self._suffixes
            and all(0 <= t <= MASK for state in (*nonfinal, *tagger.LP_trans_final) for t in state)
            and all(0 < t <= MASK for t in followers)
        )
        self._to_target: dict[int, tuple[dict, dict]] = {}
        self._morphs: frozenset[str] | None = None
        # (strict, prefix) -> the forward lattice of a word with that prefix (see _lattice)
        self._prefixes: dict[tuple, list] = {}
        if self.words_supported:
            self._followers = self._code_followers(lambda t: True)
            self._final_of = {a << SHIFT | b: row for (a, b), row in tagger.LP_trans_final.items()}

    def _code_followers(self, keep) -> tuple[dict, dict]:
        """Per state code: ([(tag, log p, code of the next state, None)] for the kept non-final
        followers, the same restricted to guessable tags; HanTa's order kept in both), and an
        empty memo of plans (see :meth:`_lattice`).

        The rows are filled when a state is first reached (:class:`_FollowerRows`): a
        letter reaches a few dozen of the 293 states, and building all rows for each of
        the dozen target tags of the lemma pass took 0.09 s of a cold check."""
        return _FollowerRows(self.tagger.LP_trans_nonfinal, keep, self._guessable), {}

    def _morph_set(self) -> frozenset[str]:
        """Every morpheme some tag knows (``LP_m_t``), built on first use."""
        if self._morphs is None:
            self._morphs = frozenset().union(*self.tagger.LP_m_t.values())
        return self._morphs

    def _trim(self, memo: dict) -> None:
        if len(memo) >= self.cache_size:
            memo.clear()

    # ------------------------------------------------------------ sentences

    def tag_sent(self, words: list[str]) -> list[tuple[str, str, str]]:
        """Same as ``HanoverTagger.tag_sent(words, taglevel=1)``: (word, lemma, tag)."""
        if len(words) == 0:
            return []
        tags = self.tag_ids(words)
        int2tag = self.tagger.int2tag
        lemma = self.lemma
        return [(word, lemma(word, tag), int2tag[tag]) for word, tag in zip(words, tags)]

    def tag_ids(self, words: list[str]) -> list[int]:
        """Same as ``HanoverTagger.tag_sent_viterbi(words)``: one tag id per word."""
        if not self.supported or not words:  # HanTa fails on an empty sentence: let it
            return HanoverTagger.tag_sent_viterbi(self.tagger, words)
        if self._sentence_model is not None:  # the same loops, compiled (_lattice.c)
            tags = compiled_decode_sentence(
                list(words), self._emission_memo, self.emission, self._sentence_model, EMPTY << SHIFT | START,
            )
            # None: no path, where HanTa itself fails; let it raise its own error
            return tags if tags is not None else HanoverTagger.tag_sent_viterbi(self.tagger, words)
        emission = self.emission
        emissions = self._emission_memo
        trans = self._trans
        previous = {EMPTY << SHIFT | START: 0.0}
        backpointers = []
        for i, word in enumerate(words):
            candidates = emissions.get((word, i > 0)) or emission(word, i > 0)
            if len(previous) > SENTENCE_BEAM:
                rowbound = sorted(previous.values(), reverse=True)[SENTENCE_BEAM] - 1
            else:
                rowbound = LOWERBOUND
            row: dict[int, float] = {}
            pointers: dict[int, int] = {}
            for state, lp0 in previous.items():
                if lp0 < rowbound:
                    continue
                lp_t = trans[state]
                base = (state & MASK) << SHIFT
                for tag, lp_w in candidates:
                    lp = lp0 + lp_t[tag] + lp_w
                    if lp > LOWERBOUND:
                        new = base | tag
                        old = row.get(new)
                        if old is None or lp > old:
                            row[new] = lp
                            pointers[new] = state
            backpointers.append(pointers)
            previous = row
        end = self._end
        best, best_lp = None, NEG_INF
        for state, lp0 in previous.items():
            lp = lp0 + end[state]
            if lp > best_lp:
                best, best_lp = state, lp
        if best is None:  # HanTa itself fails here; let it raise its own error
            return HanoverTagger.tag_sent_viterbi(self.tagger, words)
        tags = [best & MASK]
        state = best
        for i in range(len(words) - 1, 0, -1):
            state = backpointers[i][state]
            tags.append(state & MASK)
        tags.reverse()
        return tags

    def emission(self, word: str, casesensitive: bool) -> tuple:
        """The (tag, log p) pairs the decoder tries for ``word``, in HanTa's loop order.

        ``_tag_word(word, cutoff=5, casesensitive, conditional=True)`` as a
        dict, restricted to the tags of a transition row and ordered like it.
        """
        key = (word, casesensitive)
        found = self._emission_memo.get(key)
        if found is None:
            found = self._emission(word, casesensitive)
            self._trim(self._emission_memo)
            self._emission_memo[key] = found
        return found

    def _emission(self, word: str, casesensitive: bool) -> tuple:
        tagger = self.tagger
        upcase = bool(casesensitive and word[0].isupper())
        form = tagger.normalize(word)
        key = (form, casesensitive, upcase)
        found = self._emission_by_form.get(key)
        if found is not None:
            return found
        if form in tagger.cache:
            p_tags = tagger.cache[form]
            cached = True
        else:
            p_tags = self.analyze_forward(form)
            cached = False
        lp_case, lp_wtag = tagger.LP_case_t, tagger.LP_wtag
        scored = []
        for tag, p in p_tags:
            if tag != UNKNOWN:
                if casesensitive:
                    p += lp_case[tag][upcase]
                p -= lp_wtag[tag]
            scored.append((tag, p))
        scored.sort(key=itemgetter(1), reverse=True)
        if not cached and scored:
            limit = scored[0][1] - EMISSION_CUTOFF
            scored = [(tag, p) for tag, p in scored if p >= limit]
        wprobs = dict(scored)
        if not wprobs or (len(wprobs) == 1 and UNKNOWN in wprobs):
            found = self._any_tag
        else:
            found = tuple((tag, wprobs[tag]) for tag in self._tag_order if tag in wprobs)
        self._trim(self._emission_by_form)
        self._emission_by_form[key] = found
        return found

    def lemma(self, word: str, tag: int) -> str:
        """``_analyze(word, tag, taglevel=1)[0]``, memoised by lower-case form and tag."""
        key = (word.lower(), tag)
        found = self._lemma_memo.get(key)
        if found is None:
            # (MARISA ends a key at NUL: "a\x00b" would find the entries of "a")
            table = self.known_lemmas if "\x00" not in word else None
            stored = table.get(f"{key[0]}\t{tag}") if table is not None else None
            if stored:
                found = stored[0].decode("utf-8")
            else:
                found = HanoverTagger._analyze(self.tagger, word, tag, taglevel=1)[0]
            self._trim(self._lemma_memo)
            self._lemma_memo[key] = found
        return found

    def known_lemmas_items(self):
        """("form\ttag id", lemma as UTF-8) for every form of the model's word cache and each of
        its tags: the only tags the sentence decoder can choose for such a form.  About 37,000
        lemmas, 2.5 s; a table of them (``known_lemmas``) spares a cold process most of the
        lemma analyses of a letter."""
        analyze = HanoverTagger._analyze
        tagger = self.tagger
        for form, entries in tagger.cache.items():
            if "\t" in form:
                continue
            for tag, _ in entries:
                yield f"{form}\t{tag}", analyze(tagger, form, tag, taglevel=1)[0].encode("utf-8")

    # ---------------------------------------------------------------- words

    def _lattice(self, word: str, strict: bool, followers: tuple, backpointer: list | None) -> list:
        """Fill HanTa's morpheme lattice of ``word`` up to its last letter.

        ``table[j][code]`` is the best log probability of reading ``word[:j]``
        as morphemes whose last two tags t1, t2 are coded ``t1 << 8 | t2``.
        ``followers`` (from :meth:`_code_followers`) gives per state the
        non-final followers, those that may stand for an unknown morpheme,
        and a memo of "plans": for a (state, known morpheme) the followers
        that know the morpheme or may guess it.
        HanTa's ``lp_m_t`` is -inf for all other followers (nearly all of
        its calls), so they are not tried.  The loops keep HanTa's order, so
        dictionaries fill in the same order and ties are broken alike.

        Rows ``0..p`` of the lattice depend only on ``word[:p]`` (for words
        of at least 4 letters, where whether a segment may be guessed depends
        on the segment alone): they are complete once the rows before them
        have been read, and nothing writes to them afterwards.  So the forward
        pass (``backpointer`` None) keeps the rows of a word by its prefixes,
        and a word that shares a prefix of ``p`` letters with an earlier one
        ("aufenthaltserlaubnis" → "aufenthaltserlaubnisse") starts from
        them: rows before ``p`` are read only for the segments that end
        after ``p``.  Each row still receives its entries in HanTa's order
        (by start row, then state, then plan), so the result is the same.
        (Measured: −20 % for the forward pass over the AufenthG's unseen
        forms; the lemma pass, whose memos are split by target tag, got
        slower, so it does not use them.)
        """
        rows, plans = followers
        if len(plans) > 1000 and self._plan_count() >= PLAN_CACHE_SIZE:
            self._clear_plans()
        wlen = len(word)
        shared = 0
        keep = backpointer is None and wlen >= 4
        if keep:
            for p in range(wlen - 1, MIN_SHARED_PREFIX - 1, -1):
                found = self._prefixes.get((strict, word[:p]))
                if found is not None:
                    shared = p
                    break
        if shared:
            table: list[dict] = found[: shared + 1] + [{} for _ in range(wlen + 1 - shared)]
        else:
            table = [{EMPTY << SHIFT | START: 0}] + [{} for _ in range(wlen + 1)]
        tables = self._lattice_tables()  # first: it may fall back to the Python loops (self._fill)
        self._fill(word, strict, shared, table, rows, plans, tables, backpointer)
        if keep and wlen > MIN_SHARED_PREFIX:
            self._keep_prefixes(strict, word, shared, table)
        return table

    def _lattice_tables(self):
        """The model's tables for ``_fill``, made on first use."""
        if self._tables is None:
            tagger = self.tagger
            tables = (tagger.LP_m_t, self._guessable, self._morph_set(), self._guess_base, tagger.LP_len_t,
                      tagger.LP_s_t, self._suffixes)
            try:
                self._tables = self._prepare(*tables)
            except ValueError:  # a model the compiled version cannot hold (e.g. more guessable tags)
                self._fill, self._prepare = fill_lattice, prepare_tables
                self._tables = prepare_tables(*tables)
        return self._tables

    def _keep_prefixes(self, strict: bool, word: str, shared: int, table: list) -> None:
        """Remember the lattice rows of ``word`` under its prefixes that are not yet known."""
        prefixes = self._prefixes
        if len(prefixes) >= PREFIX_CACHE_SIZE:
            prefixes.clear()
        for p in range(max(shared + 1, MIN_SHARED_PREFIX), len(word)):
            prefixes[(strict, word[:p])] = table

    def _plan_count(self) -> int:
        """Plans memoised in all follower tables together (bounded by PLAN_CACHE_SIZE)."""
        return len(self._followers[1]) + sum(len(table[1]) for table in self._to_target.values())

    def _clear_plans(self) -> None:
        self._followers[1].clear()
        for table in self._to_target.values():
            table[1].clear()

    def analyze_forward(self, word: str) -> list:
        """``HanoverTagger.analyze_forward``, memoised: POS tags of a word form."""
        found = self._forward_memo.get(word)
        if found is None:
            if self.words_supported:
                found = self._analyze_forward(word)
            else:
                found = HanoverTagger.analyze_forward(self.tagger, word)
            self._trim(self._forward_memo)
            self._forward_memo[word] = found
        return list(found)

    def _analyze_forward(self, word: str) -> list:
        table = self._lattice(word, self.tagger.strict, self._followers, None)
        final_of = self._final_of
        last: dict[tuple, float] = {}
        for state, lp in table[-2].items():
            for tag, lpt in final_of.get(state, ()):
                lp1 = lp + lpt
                if lp1 > LOWERBOUND:
                    new = (state & MASK, tag)
                    if new not in last or lp1 > last[new]:
                        last[new] = lp1
        results: dict = {}
        for state, lp in last.items():
            if lp == NEG_INF:
                continue
            pos = -state[1]
            if pos in results:
                results[pos] = logaddexp(results[pos], lp)
            else:
                results[pos] = lp
        result_list = list(results.items())
        result_list.sort(key=itemgetter(1), reverse=True)
        if not result_list:
            result_list = [(UNKNOWN, 0)]
        return result_list

    def analyze_viterbi(self, word: str, targetpos: int) -> list:
        """``HanoverTagger.analyze_viterbi``: the best morpheme path to ``targetpos``."""
        if not self.words_supported:
            return HanoverTagger.analyze_viterbi(self.tagger, word, targetpos)
        followers = self._followers_to(targetpos)
        final_of = self._final_of
        wlen = len(word)
        tables = self._lattice_tables()
        if self._fill is compiled_fill_lattice:  # the same passes in C, which return the path only
            for localstrict in (True, False):
                path = compiled_best_path(word, localstrict, *followers, tables, final_of, targetpos,
                                          EMPTY << SHIFT | START)
                if path is not None:
                    return path
            return [(UNKNOWN, wlen), (END_UNKNOWN, wlen + 1)]
        for localstrict in (True, False):
            backpointer: list[dict] = [{} for _ in range(wlen + 2)]
            table = self._lattice(word, localstrict, followers, backpointer)
            last: dict[tuple, float] = {}
            for state, lp in table[-2].items():
                for tag, lpt in final_of.get(state, ()):
                    if tag == targetpos:
                        lp1 = lp + lpt
                        if lp1 > LOWERBOUND:
                            new = (state & MASK, tag)
                            if new not in last or lp1 > last[new]:
                                last[new] = lp1
                                backpointer[-1][new] = (state, wlen)
                        break
            if last:
                break
        pmax = NEG_INF
        beststate = (EMPTY, EMPTY)
        for state, lp in last.items():
            if lp > pmax:
                pmax = lp
                beststate = state
        i = len(backpointer) - 1
        if beststate == (EMPTY, EMPTY):
            return [(UNKNOWN, i - 1), (END_UNKNOWN, i)]
        path = [(beststate[1], i)]
        state, i = backpointer[i][beststate]
        while i > 0:  # states of the lattice are codes; the last is the start state
            path.append((state & MASK, i))
            state, i = backpointer[i][state]
        path.reverse()
        return path

    def _followers_to(self, targetpos: int) -> tuple[dict, dict]:
        """``_code_followers`` for the tags from which ``targetpos`` can be reached."""
        found = self._to_target.get(targetpos)
        if found is None:
            reachable = self.tagger.reachability.get(targetpos, frozenset())
            found = self._to_target[targetpos] = self._code_followers(reachable.__contains__)
        return found


def prepare_tables(lp_m_t, guessable, morphs, guess_base, len_lp, suffix_lp, suffixes) -> tuple:
    """The model's tables as :func:`fill_lattice` reads them (the compiled version packs them)."""
    return lp_m_t, guessable, morphs, guess_base, len_lp, suffix_lp, suffixes


def fill_lattice(
    word: str, strict: bool, shared: int, table: list, rows, plans: dict, tables: tuple,
    backpointer: list | None,
) -> None:
    """The loops of :meth:`FastHanta._lattice`: fill ``table`` (and ``backpointer``) row by row.

    The compiled module ``einfach.nlp._lattice`` (``_lattice.c``, built at installation when a
    C compiler is there) has functions of the same names and arguments (``prepare_tables`` is
    its ``prepare``) that compute the same floats in the same order and fill the dicts of
    ``table`` and ``backpointer`` in the same order; this one is used when it is missing.
    ``plans`` is a memo of each version's own (the compiled one keeps packed followers there)."""
    lp_m_t, guessable, morphs, guess_base, len_lp, suffix_lp, suffixes = tables
    wlen = len(word)
    for i in range(wlen):  # row wlen has no letter left to read
        row = table[i]
        if not row:
            continue
        if len(row) > WORD_BEAM:
            rowbound = sorted(row.values(), reverse=True)[WORD_BEAM] - 1
        else:
            rowbound = LOWERBOUND
        # with a shared prefix, rows before it already hold what ends inside it
        first = shared + 1 if i < shared else i + 1  # the first row a segment from i reaches
        segments = [word[i:j] for j in range(first, wlen + 1)]
        known = [segment in morphs for segment in segments]
        if strict:
            may_guess = [False] * len(segments)
        else:
            may_guess = [wlen < 4 or len(segment) > 2 for segment in segments]
        whole = len(segments) - 1 if i == 0 else -1  # the segment that is the whole word
        shapes: list = [None] * len(segments)  # (length class, suffix) of a segment, once guessed

        for state, lp in row.items():
            if lp < rowbound:
                continue
            full, only_guess = rows[state]
            if not full:
                continue
            origin = (state, i)
            for k, is_known in enumerate(known):
                if not is_known:  # no tag knows the segment: only guessable followers can read it
                    if not only_guess or not may_guess[k]:
                        continue
                    plan = only_guess
                else:  # the followers that know the morpheme or may guess it, in HanTa's order
                    key = (state, segments[k], may_guess[k])
                    plan = plans.get(key)
                    if plan is None:
                        segment = segments[k]
                        plan = plans[key] = [
                            (tag, lpt, new, lp_m_t[tag].get(segment)) for tag, lpt, new, _ in full
                            if segment in lp_m_t[tag] or (may_guess[k] and tag in guessable)
                        ]
                target = table[first + k]
                for tag, lpt, new, lpm in plan:
                    if lpm is None:
                        # lp_m_t's guess: Int_t + LP_hapax_t[t] + LP_len_t[t][len] + LP_s_t[t][suffix]
                        shape = shapes[k]
                        if shape is None:
                            segment = segments[k]
                            shape = shapes[k] = (min(len(segment), 24), suffix_of(segment, suffixes))
                        lpm = guess_base[tag] + len_lp[tag][shape[0]] + suffix_lp[tag][shape[1]]
                        if k == whole:
                            lpm -= WHOLE_WORD_PENALTY
                        if lpm == NEG_INF:
                            continue
                    lp1 = lp + lpt + lpm
                    if lp1 > LOWERBOUND:
                        old = target.get(new)
                        if old is None or lp1 > old:
                            target[new] = lp1
                            if backpointer is not None:
                                backpointer[first + k][new] = origin


def suffix_of(m: str, suffixes: frozenset) -> str:
    """The suffix of an unknown morpheme that ``lp_m_t`` looks up (longest of 4..1 letters it knows)."""
    mlen = len(m)
    if mlen > 4 and m[-4:] in suffixes:
        return m[-4:]
    if mlen > 3 and m[-3:] in suffixes:
        return m[-3:]
    if mlen > 2 and m[-2:] in suffixes:
        return m[-2:]
    if mlen > 1 and m[-1:] in suffixes:
        return m[-1:]
    return ""


try:  # built from _lattice.c at installation when a C compiler is there (see hatch_build.py)
    if os.environ.get("EINFACH_NO_EXTENSIONS", "") not in ("", "0"):  # the Python loops on purpose
        raise ImportError("EINFACH_NO_EXTENSIONS is set")
    from ._lattice import best_path as compiled_best_path
    from ._lattice import decode_sentence as compiled_decode_sentence
    from ._lattice import fill_lattice as compiled_fill_lattice
    from ._lattice import prepare as compiled_prepare
    from ._lattice import prepare_sentences as compiled_prepare_sentences
except ImportError:
    compiled_fill_lattice = compiled_prepare = compiled_prepare_sentences = compiled_decode_sentence = None
    compiled_best_path = None


class _FollowerRows(dict):
    """State code -> (the kept non-final followers of the state, those of them that are guessable),
    see ``FastHanta._code_followers``; computed when a state is first reached."""

    def __init__(self, nonfinal: dict, keep, guessable: frozenset) -> None:
        super().__init__()
        self._nonfinal = nonfinal
        self._keep = keep
        self._guessable = guessable

    def __missing__(self, code: int) -> tuple[list, list]:
        b = code & MASK
        row = self._nonfinal.get((code >> SHIFT, b))
        keep = self._keep
        full = [(t, p, b << SHIFT | t, None) for t, p in row if keep(t)] if row is not None else []
        guessable = self._guessable
        found = self[code] = (full, [entry for entry in full if entry[0] in guessable])
        return found

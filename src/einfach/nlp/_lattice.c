/* SPDX-License-Identifier: LGPL-3.0-or-later
 *
 * The inner loops of HanTa's letter lattice (analyze_forward / analyze_viterbi with lp_m_t),
 * compiled.  HanTa (Hannover Tagger) is by Christian Wartena, LGPL-3.0-or-later; like
 * hanta_fast.py, this file re-implements its loops and is licensed like HanTa.
 *
 * fill_lattice() here is hanta_fast.fill_lattice() in C, with the same arguments: it fills
 * the same Python dicts (one per row of the lattice, keyed by state codes) with the same
 * doubles in the same order, so ties are broken as in HanTa.  Inside, the rows are C arrays
 * (written to the dicts once, at the end); morphemes and suffixes are looked up in C hash
 * tables by a hash that grows letter by letter (no Python string per segment); a state's
 * followers are packed C structs; lp_m_t's guess for a (segment, tag) is computed once per
 * row.  decode_sentence() is FastHanta.tag_ids' Viterbi pass over the words, on the same
 * rows.  The doubles come from the same additions in the same order (no multiplications,
 * so no fused multiply-add can change a result).  hanta_fast.py uses the Python versions
 * when this module was not built (no C compiler at installation);
 * tests/test_lattice_compiled.py compares them.
 *
 * Why by hand: the lattice of the word forms HanTa's model does not know was about a third
 * of a check of varied text (docs/performance.md); no library offers this loop.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>
#include <stdint.h>

#define WORD_BEAM 3             /* letters: continue from states within 1 of the 4th best */
#define SENTENCE_BEAM 5         /* words: continue from states within 1 of the 6th best */
#define LOWERBOUND (-1e6)       /* HanTa's lowerbound */
#define WHOLE_WORD_PENALTY 4.6  /* lp_m_t: an unknown morpheme that is the whole word */
#define MAX_LENGTH_CLASS 24     /* lp_m_t: min(len(morpheme), 24) */
#define TAGS 256                /* tag ids are below 256 (hanta_fast checks: words_supported) */
#define CODES (1 << 16)         /* state code: t1 << 8 | t2 */
#define MAX_GUESSABLE 32         /* tags that may stand for an unknown morpheme (HanTa's model: 11) */

static PyObject *code_objects[CODES]; /* state codes as Python ints, made once */

/* ------------------------------------------------------------------ small helpers */

static PyObject *
code_object(long code) /* borrowed reference (kept for the life of the process); NULL on error */
{
    if (code < 0 || code >= CODES) {
        PyErr_Format(PyExc_ValueError, "state code %ld out of range", code);
        return NULL;
    }
    if (code_objects[code] == NULL)
        code_objects[code] = PyLong_FromLong(code);
    return code_objects[code];
}

static inline int
as_double(PyObject *number, double *out)
{
    *out = PyFloat_CheckExact(number) ? PyFloat_AS_DOUBLE(number) : PyFloat_AsDouble(number);
    return (*out == -1.0 && PyErr_Occurred()) ? -1 : 0;
}

static int
as_code(PyObject *number, long limit, long *out)
{
    *out = PyLong_AsLong(number);
    if (*out == -1 && PyErr_Occurred())
        return -1;
    if (*out < 0 || *out >= limit) {
        PyErr_Format(PyExc_ValueError, "tag or state %ld out of range", *out);
        return -1;
    }
    return 0;
}

/* ------------------------------------------------------------------ strings in C */

/* A table of strings (as code points) with what the lattice needs to know of each: for a
   morpheme, the (tag, log p) pairs of the tags that know it; for a suffix, the log p that
   each guessable tag gives it.  Looked up by a hash that grows letter by letter, so the
   segments word[i:j] of a row need no Python strings. */
typedef struct {
    long tag;
    double lpm;
} MorphTag;

typedef struct {
    uint64_t hash;
    Py_UCS4 *text;
    Py_ssize_t length;
    MorphTag *pairs;   /* morphemes */
    Py_ssize_t pair_count;
    double *by_slot;   /* suffixes: LP_s_t[tag][suffix] per guess slot */
} Entry;

typedef struct {
    Entry *entries;
    Py_ssize_t size; /* power of 2, at least twice the count */
    Py_ssize_t count;
} StringTable;

#define FNV_OFFSET 0xcbf29ce484222325ULL
#define FNV_PRIME 0x100000001b3ULL

static inline uint64_t
hash_step(uint64_t hash, Py_UCS4 letter)
{
    return (hash ^ letter) * FNV_PRIME;
}

static uint64_t
hash_of(const Py_UCS4 *text, Py_ssize_t length)
{
    uint64_t hash = FNV_OFFSET;
    for (Py_ssize_t n = 0; n < length; n++)
        hash = hash_step(hash, text[n]);
    return hash;
}

static Entry *
find_entry(const StringTable *table, uint64_t hash, const Py_UCS4 *text, Py_ssize_t length)
{
    Py_ssize_t mask = table->size - 1;
    for (Py_ssize_t slot = (Py_ssize_t)(hash & mask);; slot = (slot + 1) & mask) {
        Entry *entry = &table->entries[slot];
        if (entry->text == NULL)
            return NULL;
        if (entry->hash == hash && entry->length == length
            && memcmp(entry->text, text, length * sizeof(Py_UCS4)) == 0)
            return entry;
    }
}

/* The entry of a Python string, added if new (a table never holds more than half its size). */
static Entry *
add_entry(StringTable *table, PyObject *string)
{
    if (!PyUnicode_Check(string)) {
        PyErr_SetString(PyExc_TypeError, "morphemes and suffixes must be strings");
        return NULL;
    }
    Py_ssize_t length = PyUnicode_GET_LENGTH(string);
    Py_UCS4 *text = PyUnicode_AsUCS4Copy(string);
    if (text == NULL)
        return NULL;
    uint64_t hash = hash_of(text, length);
    Entry *entry = find_entry(table, hash, text, length);
    if (entry != NULL) {
        PyMem_Free(text);
        return entry;
    }
    if (2 * (table->count + 1) > table->size) {
        PyMem_Free(text);
        PyErr_SetString(PyExc_ValueError, "string table full");
        return NULL;
    }
    Py_ssize_t mask = table->size - 1, slot = (Py_ssize_t)(hash & mask);
    while (table->entries[slot].text != NULL)
        slot = (slot + 1) & mask;
    entry = &table->entries[slot];
    entry->hash = hash;
    entry->text = text;
    entry->length = length;
    table->count++;
    return entry;
}

static int
make_table(StringTable *table, Py_ssize_t count)
{
    table->size = 16;
    while (table->size < 2 * count + 2)
        table->size *= 2;
    table->entries = PyMem_Calloc(table->size, sizeof(Entry));
    if (table->entries == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    return 0;
}

static void
release_table(StringTable *table)
{
    for (Py_ssize_t slot = 0; table->entries != NULL && slot < table->size; slot++) {
        PyMem_Free(table->entries[slot].text); /* PyUnicode_AsUCS4Copy allocates with PyMem */
        PyMem_Free(table->entries[slot].pairs);
        PyMem_Free(table->entries[slot].by_slot);
    }
    PyMem_Free(table->entries);
}

/* ------------------------------------------------------------------ the model's tables */

/* What prepare() takes from HanTa's model, in C: per guessable tag the first sums of lp_m_t's
   guess and its length table; the morphemes with the tags that know them; the suffixes
   with their log p per guessable tag. */
typedef struct {
    StringTable morphs;
    StringTable suffixes;
    double guess_base[TAGS];
    double len_lp[TAGS][MAX_LENGTH_CLASS + 1];
    int guess_slot[TAGS];   /* index of a guessable tag in the per-slot arrays, -1 for the others */
    long slot_tag[MAX_GUESSABLE];
    int guessable_count;
} Model;

static void
release_model(PyObject *capsule)
{
    Model *model = PyCapsule_GetPointer(capsule, "einfach.nlp._lattice.Model");
    if (model == NULL)
        return;
    release_table(&model->morphs);
    release_table(&model->suffixes);
    PyMem_Free(model);
}

/* Per guessable tag: Int_t + LP_hapax_t[t] and LP_len_t[t]. */
static int
read_guessable(Model *model, PyObject *guessable, PyObject *guess_base, PyObject *len_lp)
{
    PyObject *iterator = PyObject_GetIter(guessable), *tag_object;
    if (iterator == NULL)
        return -1;
    while ((tag_object = PyIter_Next(iterator)) != NULL) {
        long tag;
        PyObject *base = NULL, *row = NULL, *lengths = NULL;
        int failed = as_code(tag_object, TAGS, &tag) < 0
            || (base = PyObject_GetItem(guess_base, tag_object)) == NULL
            || as_double(base, &model->guess_base[tag]) < 0
            || (row = PyObject_GetItem(len_lp, tag_object)) == NULL
            || (lengths = PySequence_Fast(row, "LP_len_t[tag] must be a sequence")) == NULL;
        if (!failed && PySequence_Fast_GET_SIZE(lengths) <= MAX_LENGTH_CLASS) {
            PyErr_SetString(PyExc_ValueError, "LP_len_t[tag] is too short");
            failed = 1;
        }
        for (int n = 0; !failed && n <= MAX_LENGTH_CLASS; n++)
            failed = as_double(PySequence_Fast_GET_ITEM(lengths, n), &model->len_lp[tag][n]) < 0;
        if (!failed && model->guess_slot[tag] < 0) {
            if (model->guessable_count == MAX_GUESSABLE) {
                PyErr_SetString(PyExc_ValueError, "too many guessable tags");
                failed = 1;
            }
            else {
                model->slot_tag[model->guessable_count] = tag;
                model->guess_slot[tag] = model->guessable_count++;
            }
        }
        Py_DECREF(tag_object);
        Py_XDECREF(base);
        Py_XDECREF(row);
        Py_XDECREF(lengths);
        if (failed) {
            Py_DECREF(iterator);
            return -1;
        }
    }
    Py_DECREF(iterator);
    return PyErr_Occurred() ? -1 : 0;
}

/* Every morpheme some tag knows (the keys of all of lp_m_t's dicts: `morphs`, whose size
   sizes the table), and for the tags that can follow a state (0 < tag < 256) the log p
   each gives it. */
static int
read_morphemes(Model *model, PyObject *morphs, PyObject *lp_m_t)
{
    if (make_table(&model->morphs, PySet_GET_SIZE(morphs)) < 0)
        return -1;
    Py_ssize_t pos = 0;
    PyObject *tag_object, *morphemes;
    while (PyDict_Next(lp_m_t, &pos, &tag_object, &morphemes)) {
        long tag = PyLong_AsLong(tag_object);
        if (tag == -1 && PyErr_Occurred())
            return -1;
        if (!PyDict_Check(morphemes)) {
            PyErr_SetString(PyExc_TypeError, "LP_m_t[tag] must be a dict");
            return -1;
        }
        int follower = tag > 0 && tag < TAGS; /* others never follow a state (words_supported) */
        Py_ssize_t morph_pos = 0;
        PyObject *morph, *value;
        while (PyDict_Next(morphemes, &morph_pos, &morph, &value)) {
            Entry *entry = add_entry(&model->morphs, morph);
            if (entry == NULL)
                return -1;
            if (!follower)
                continue;
            MorphTag *pairs = PyMem_Realloc(entry->pairs, (entry->pair_count + 1) * sizeof(MorphTag));
            if (pairs == NULL) {
                PyErr_NoMemory();
                return -1;
            }
            entry->pairs = pairs;
            pairs[entry->pair_count].tag = tag;
            if (as_double(value, &pairs[entry->pair_count++].lpm) < 0)
                return -1;
        }
    }
    if (model->morphs.count != PySet_GET_SIZE(morphs)) {
        PyErr_SetString(PyExc_ValueError, "morphs must be the keys of LP_m_t's dicts");
        return -1;
    }
    return 0;
}

/* Every suffix the guess knows, with LP_s_t[tag][suffix] per guessable tag. */
static int
read_suffixes(Model *model, PyObject *suffixes, PyObject *suffix_lp)
{
    if (make_table(&model->suffixes, PySet_GET_SIZE(suffixes)) < 0)
        return -1;
    PyObject *by_tag[MAX_GUESSABLE];
    int tables = 0;
    for (; tables < model->guessable_count; tables++) {
        PyObject *tag = PyLong_FromLong(model->slot_tag[tables]);
        by_tag[tables] = tag == NULL ? NULL : PyObject_GetItem(suffix_lp, tag);
        Py_XDECREF(tag);
        if (by_tag[tables] == NULL)
            break;
    }
    int status = tables == model->guessable_count ? 0 : -1;
    PyObject *iterator = status == 0 ? PyObject_GetIter(suffixes) : NULL, *suffix;
    while (iterator != NULL && status == 0 && (suffix = PyIter_Next(iterator)) != NULL) {
        Entry *entry = add_entry(&model->suffixes, suffix);
        if (entry == NULL || (entry->by_slot = PyMem_Calloc(MAX_GUESSABLE, sizeof(double))) == NULL) {
            if (entry != NULL)
                PyErr_NoMemory();
            status = -1;
        }
        for (int slot = 0; status == 0 && slot < model->guessable_count; slot++) {
            PyObject *value = PyObject_GetItem(by_tag[slot], suffix); /* KeyError like lp_m_t's */
            status = value == NULL || as_double(value, &entry->by_slot[slot]) < 0 ? -1 : 0;
            Py_XDECREF(value);
        }
        Py_DECREF(suffix);
    }
    Py_XDECREF(iterator);
    for (int slot = 0; slot < tables; slot++)
        Py_DECREF(by_tag[slot]);
    return status < 0 || PyErr_Occurred() || iterator == NULL ? -1 : 0;
}

PyDoc_STRVAR(prepare_doc,
"prepare(lp_m_t, guessable, morphs, guess_base, len_lp, suffix_lp, suffixes)\n\n"
"The model's tables for fill_lattice (see hanta_fast.prepare_tables).");

static PyObject *
prepare(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 7) {
        PyErr_Format(PyExc_TypeError, "prepare() takes 7 arguments (%zd given)", nargs);
        return NULL;
    }
    PyObject *lp_m_t = args[0], *guessable = args[1], *morphs = args[2], *suffixes = args[6];
    if (!PyDict_Check(lp_m_t) || !PyAnySet_Check(guessable) || !PyAnySet_Check(morphs)
        || !PyAnySet_Check(suffixes)) {
        PyErr_SetString(PyExc_TypeError, "prepare: lp_m_t must be a dict, guessable, morphs and suffixes sets");
        return NULL;
    }
    Model *model = PyMem_Calloc(1, sizeof(Model));
    if (model == NULL)
        return PyErr_NoMemory();
    PyObject *capsule = PyCapsule_New(model, "einfach.nlp._lattice.Model", release_model);
    if (capsule == NULL) {
        PyMem_Free(model);
        return NULL;
    }
    for (int t = 0; t < TAGS; t++)
        model->guess_slot[t] = -1;
    if (read_guessable(model, guessable, args[3], args[4]) < 0 || read_morphemes(model, morphs, lp_m_t) < 0
        || read_suffixes(model, suffixes, args[5]) < 0) {
        Py_DECREF(capsule);
        return NULL;
    }
    return capsule;
}

/* ------------------------------------------------------------------ followers of a state */

typedef struct {
    long tag;
    long next; /* code of the state after the follower */
    double lpt;
    int guess_slot; /* -1: the tag never guesses a morpheme */
} Follower;

/* rows[state][0] (the kept followers, HanTa's order) packed, memoised in `plans` by state
   (a bytes object of Follower, borrowed from the memo); NULL on error. */
static PyObject *
followers_of(PyObject *rows, PyObject *plans, Model *model, PyObject *state)
{
    if (state == NULL)
        return NULL;
    PyObject *found = PyDict_GetItemWithError(plans, state);
    if (found != NULL && PyBytes_Check(found))
        return found;
    if (found == NULL && PyErr_Occurred())
        return NULL;
    PyObject *pair = PyObject_GetItem(rows, state); /* (followers, guessable followers) */
    if (pair == NULL)
        return NULL;
    PyObject *full = PyTuple_Check(pair) && PyTuple_GET_SIZE(pair) == 2 ? PyTuple_GET_ITEM(pair, 0) : NULL;
    if (full == NULL || !PyList_Check(full)) {
        PyErr_SetString(PyExc_TypeError, "rows[state] must be a pair of lists");
        Py_DECREF(pair);
        return NULL;
    }
    Py_ssize_t n = PyList_GET_SIZE(full);
    PyObject *packed = PyBytes_FromStringAndSize(NULL, n * (Py_ssize_t)sizeof(Follower));
    for (Py_ssize_t e = 0; packed != NULL && e < n; e++) {
        PyObject *entry = PyList_GET_ITEM(full, e);
        Follower *follower = &((Follower *)PyBytes_AS_STRING(packed))[e];
        if (!PyTuple_Check(entry) || PyTuple_GET_SIZE(entry) != 4) {
            PyErr_SetString(PyExc_TypeError, "followers must be (tag, log p, next state, None) tuples");
            Py_CLEAR(packed);
        }
        else if (as_code(PyTuple_GET_ITEM(entry, 0), TAGS, &follower->tag) < 0
                 || as_code(PyTuple_GET_ITEM(entry, 2), CODES, &follower->next) < 0
                 || as_double(PyTuple_GET_ITEM(entry, 1), &follower->lpt) < 0) {
            Py_CLEAR(packed);
        }
        else {
            follower->guess_slot = model->guess_slot[follower->tag];
        }
    }
    Py_DECREF(pair);
    if (packed == NULL)
        return NULL;
    int failed = PyDict_SetItem(plans, state, packed);
    Py_DECREF(packed);
    return failed ? NULL : packed;
}

/* ------------------------------------------------------------------ rows of the lattice */

/* One entry of a row: a state, its best log probability, and where it came from. */
typedef struct {
    long code;
    double lp;
    long from_state;
    Py_ssize_t from_row;
} Cell;

/* A row: its cells in the order a Python dict would hold them, and an index by code. */
typedef struct {
    Cell *cells;
    Py_ssize_t count, capacity;
    int32_t *index; /* open addressing: position + 1, 0 = empty; size index_size (power of 2) */
    Py_ssize_t index_size;
} Row;

static void
release_rows(Row *rows, Py_ssize_t count)
{
    for (Py_ssize_t r = 0; r < count; r++) {
        PyMem_Free(rows[r].cells);
        PyMem_Free(rows[r].index);
    }
    PyMem_Free(rows);
}

static inline Py_ssize_t
slot_of(const Row *row, long code)
{
    Py_ssize_t mask = row->index_size - 1, slot = (Py_ssize_t)((code * 2654435761u) >> 7) & mask;
    while (row->index[slot] != 0 && row->cells[row->index[slot] - 1].code != code)
        slot = (slot + 1) & mask;
    return slot;
}

static int
grow(Row *row)
{
    Py_ssize_t capacity = row->capacity ? row->capacity * 2 : 16;
    Cell *cells = PyMem_Realloc(row->cells, capacity * sizeof(Cell));
    int32_t *index = PyMem_Calloc(capacity * 2, sizeof(int32_t));
    if (cells == NULL || index == NULL) {
        if (cells != NULL)
            row->cells = cells;
        PyMem_Free(index);
        PyErr_NoMemory();
        return -1;
    }
    row->cells = cells;
    row->capacity = capacity;
    PyMem_Free(row->index);
    row->index = index;
    row->index_size = capacity * 2;
    for (Py_ssize_t p = 0; p < row->count; p++)
        row->index[slot_of(row, row->cells[p].code)] = (int32_t)(p + 1);
    return 0;
}

/* target[code] = lp if code is new or lp is better (Python: `old is None or lp1 > old`). */
static inline int
relax(Row *row, long code, double lp, long from_state, Py_ssize_t from_row)
{
    if (row->count == row->capacity && grow(row) < 0)
        return -1;
    Py_ssize_t slot = slot_of(row, code);
    if (row->index[slot] != 0) {
        Cell *cell = &row->cells[row->index[slot] - 1];
        if (lp > cell->lp) {
            cell->lp = lp;
            cell->from_state = from_state;
            cell->from_row = from_row;
        }
        return 0;
    }
    row->cells[row->count] = (Cell){code, lp, from_state, from_row};
    row->index[slot] = (int32_t)++row->count;
    return 0;
}

/* sorted(row.values(), reverse=True)[beam] - 1, or LOWERBOUND for a short row (beam <= 8). */
static double
row_bound(const Row *row, Py_ssize_t beam)
{
    if (row->count <= beam)
        return LOWERBOUND;
    double best[9];
    Py_ssize_t kept = 0;
    for (Py_ssize_t p = 0; p < row->count; p++) {
        double v = row->cells[p].lp;
        if (kept == beam + 1 && !(v > best[beam]))
            continue;
        Py_ssize_t j = kept < beam + 1 ? kept++ : beam;
        while (j > 0 && best[j - 1] < v) {
            best[j] = best[j - 1];
            j--;
        }
        best[j] = v;
    }
    return best[beam] - 1;
}

/* The cell of `rows` that `cell` came from (it is there: relax() recorded it). */
static inline const Cell *
predecessor(const Row *rows, const Cell *cell)
{
    const Row *before = &rows[cell->from_row];
    return &before->cells[before->index[slot_of(before, cell->from_state)] - 1];
}

/* ------------------------------------------------------------------ one row's segments */

/* word[i:j] for one j: its entry if it is a morpheme some tag knows, whether it may be
   guessed, its suffix once a guess needs it, and lp_m_t's guess per guessable tag once
   computed (NaN: not yet; the guess depends on the segment and the tag, not on the state). */
typedef struct {
    const Entry *morph; /* NULL: no tag knows the segment */
    const Entry *suffix;
    const Py_UCS4 *text;
    Py_ssize_t length;
    int may_guess;
    int whole;
    double guesses[MAX_GUESSABLE];
} Segment;

/* The suffix of an unknown morpheme that lp_m_t looks up: the longest of 4..1 letters the
   guess knows (shorter than the morpheme), else "". */
static const Entry *
suffix_of(const Model *model, const Py_UCS4 *text, Py_ssize_t length)
{
    for (Py_ssize_t n = 4; n >= 1; n--) {
        if (length <= n)
            continue;
        const Py_UCS4 *tail = text + length - n;
        const Entry *entry = find_entry(&model->suffixes, hash_of(tail, n), tail, n);
        if (entry != NULL)
            return entry;
    }
    return find_entry(&model->suffixes, FNV_OFFSET, text, 0);
}

static int
segment_guess(const Model *model, Segment *segment, long tag, int slot, double *out)
{
    if (!isnan(segment->guesses[slot])) {
        *out = segment->guesses[slot];
        return 0;
    }
    if (segment->suffix == NULL && (segment->suffix = suffix_of(model, segment->text, segment->length)) == NULL) {
        PyErr_SetString(PyExc_KeyError, "the guess knows no empty suffix");
        return -1;
    }
    Py_ssize_t length_class = segment->length < MAX_LENGTH_CLASS ? segment->length : MAX_LENGTH_CLASS;
    /* Int_t + LP_hapax_t[t] + LP_len_t[t][len] + LP_s_t[t][suffix], left to right as in Python */
    double lpm = model->guess_base[tag] + model->len_lp[tag][length_class] + segment->suffix->by_slot[slot];
    if (segment->whole)
        lpm -= WHOLE_WORD_PENALTY;
    *out = segment->guesses[slot] = lpm;
    return 0;
}

/* The log p of the morpheme for `tag`, NaN if the tag does not know it. */
static inline double
known_lp(const Segment *segment, long tag)
{
    const Entry *morph = segment->morph;
    for (Py_ssize_t p = 0; p < morph->pair_count; p++) {
        if (morph->pairs[p].tag == tag)
            return morph->pairs[p].lpm;
    }
    return NAN;
}

/* The segments word[i:first] .. word[i:wlen] of row i. */
static void
set_up_segments(const Model *model, Segment *segments, const Py_UCS4 *letters, Py_ssize_t wlen,
                Py_ssize_t i, Py_ssize_t first, int strict)
{
    uint64_t hash = FNV_OFFSET;
    for (Py_ssize_t j = i + 1; j <= wlen; j++) {
        hash = hash_step(hash, letters[j - 1]);
        if (j < first)
            continue;
        Segment *segment = &segments[j - first];
        segment->text = letters + i;
        segment->length = j - i;
        segment->morph = find_entry(&model->morphs, hash, letters + i, j - i);
        segment->may_guess = !strict && (wlen < 4 || segment->length > 2);
        segment->whole = i == 0 && j == wlen;
        segment->suffix = NULL;
        for (int slot = 0; slot < model->guessable_count; slot++)
            segment->guesses[slot] = NAN;
    }
}

/* Row i: every segment word[i:j] (j from `first`) read from every state within the beam.
   The followers of a state are tried in HanTa's order: for a segment no tag knows, those
   that may guess it; for a known one, those that know it or may guess it. */
static int
fill_row(Model *model, const Py_UCS4 *letters, Py_ssize_t wlen, Py_ssize_t i, Py_ssize_t first, int strict,
         Row *rows, PyObject *follower_rows, PyObject *plans, Segment *segments)
{
    Row *row = &rows[i];
    double bound = row_bound(row, WORD_BEAM);
    Py_ssize_t count = wlen + 1 - first;
    int status = 0;
    set_up_segments(model, segments, letters, wlen, i, first, strict);
    for (Py_ssize_t p = 0; status == 0 && p < row->count; p++) {
        long state = row->cells[p].code;
        double lp = row->cells[p].lp;
        if (lp < bound)
            continue;
        PyObject *packed = followers_of(follower_rows, plans, model, code_object(state));
        if (packed == NULL) {
            status = -1;
            break;
        }
        const Follower *followers = (const Follower *)PyBytes_AS_STRING(packed);
        Py_ssize_t n = PyBytes_GET_SIZE(packed) / (Py_ssize_t)sizeof(Follower);
        for (Py_ssize_t k = 0; status == 0 && n > 0 && k < count; k++) {
            Segment *s = &segments[k];
            if (s->morph == NULL && !s->may_guess)
                continue;
            Row *target = &rows[first + k];
            for (Py_ssize_t e = 0; e < n; e++) {
                const Follower *f = &followers[e];
                double lpm = s->morph != NULL ? known_lp(s, f->tag) : NAN;
                if (isnan(lpm)) { /* lp_m_t's guess, for tags that may guess the segment */
                    if (!s->may_guess || f->guess_slot < 0)
                        continue;
                    if (segment_guess(model, s, f->tag, f->guess_slot, &lpm) < 0) {
                        status = -1;
                        break;
                    }
                    if (lpm == -INFINITY)
                        continue;
                }
                double lp1 = lp + f->lpt + lpm; /* (lp + lpt) + lpm, as in Python */
                if (lp1 > LOWERBOUND && relax(target, f->next, lp1, state, i) < 0) {
                    status = -1;
                    break;
                }
            }
        }
    }
    return status;
}

/* ------------------------------------------------------------------ Python dicts in and out */

static int
read_row(PyObject *dict, Row *row)
{
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    while (PyDict_Next(dict, &pos, &key, &value)) {
        long code;
        double lp;
        if (as_code(key, CODES, &code) < 0 || as_double(value, &lp) < 0 || relax(row, code, lp, -1, -1) < 0)
            return -1;
    }
    return 0;
}

static int
write_row(const Row *row, PyObject *dict, PyObject *back)
{
    for (Py_ssize_t p = 0; p < row->count; p++) {
        const Cell *cell = &row->cells[p];
        PyObject *code = code_object(cell->code), *value = PyFloat_FromDouble(cell->lp);
        if (code == NULL || value == NULL || PyDict_SetItem(dict, code, value) < 0) {
            Py_XDECREF(value);
            return -1;
        }
        Py_DECREF(value);
        if (back != NULL) {
            PyObject *from = code_object(cell->from_state);
            PyObject *origin = from == NULL ? NULL : Py_BuildValue("(On)", from, cell->from_row);
            if (origin == NULL || PyDict_SetItem(back, code, origin) < 0) {
                Py_XDECREF(origin);
                return -1;
            }
            Py_DECREF(origin);
        }
    }
    return 0;
}

static int
is_list_of_dicts(PyObject *list, Py_ssize_t length, const char *name)
{
    if (!PyList_Check(list) || PyList_GET_SIZE(list) < length) {
        PyErr_Format(PyExc_TypeError, "%s must be a list of at least %zd dicts", name, length);
        return 0;
    }
    for (Py_ssize_t k = 0; k < length; k++) {
        if (!PyDict_Check(PyList_GET_ITEM(list, k))) {
            PyErr_Format(PyExc_TypeError, "%s[%zd] must be a dict", name, k);
            return 0;
        }
    }
    return 1;
}

/* A word's lattice in C: `letters` and `rows` (wlen + 1 of them, rows 0..shared filled by the
   caller) are the caller's; fill_lattice() and best_path() use it. */
typedef struct {
    Py_ssize_t wlen;
    Py_UCS4 *letters;
    Row *rows;
    Segment *segments;
} Lattice;

static void
release_lattice(Lattice *lattice)
{
    if (lattice->rows != NULL)
        release_rows(lattice->rows, lattice->wlen + 1);
    PyMem_Free(lattice->segments);
    PyMem_Free(lattice->letters);
}

static int
open_lattice(Lattice *lattice, PyObject *word)
{
    Py_ssize_t wlen = lattice->wlen = PyUnicode_GET_LENGTH(word);
    lattice->rows = PyMem_Calloc(wlen + 1, sizeof(Row));
    lattice->segments = PyMem_Malloc((wlen + 1) * sizeof(Segment));
    lattice->letters = PyMem_Malloc((wlen + 1) * sizeof(Py_UCS4));
    if (lattice->rows == NULL || lattice->segments == NULL || lattice->letters == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    return PyUnicode_AsUCS4(word, lattice->letters, wlen + 1, 1) == NULL ? -1 : 0;
}

/* Fill the rows after `shared` (whose rows are filled), letter by letter. */
static int
run_lattice(Model *model, Lattice *lattice, Py_ssize_t shared, int strict, PyObject *follower_rows,
            PyObject *plans)
{
    for (Py_ssize_t i = 0; i < lattice->wlen; i++) { /* row wlen has no letter left to read */
        if (lattice->rows[i].count == 0)
            continue;
        /* with a shared prefix, rows before it already hold what ends inside it */
        Py_ssize_t first = i < shared ? shared + 1 : i + 1;
        if (fill_row(model, lattice->letters, lattice->wlen, i, first, strict, lattice->rows, follower_rows, plans,
                     lattice->segments) < 0)
            return -1;
    }
    return 0;
}

static int
check_word(PyObject *word, PyObject *plans, const char *function)
{
    if (!PyUnicode_Check(word) || !PyDict_Check(plans)) {
        PyErr_Format(PyExc_TypeError, "%s: word must be a str and plans a dict", function);
        return -1;
    }
    return 0;
}

PyDoc_STRVAR(fill_lattice_doc,
"fill_lattice(word, strict, shared, table, rows, plans, tables, backpointer)\n\n"
"einfach.nlp.hanta_fast.fill_lattice, compiled: the same results.  `tables` comes from\n"
"prepare(); `plans` holds this version's packed followers.");

static PyObject *
fill_lattice(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 8) {
        PyErr_Format(PyExc_TypeError, "fill_lattice() takes 8 arguments (%zd given)", nargs);
        return NULL;
    }
    PyObject *word = args[0], *table = args[3], *backpointer = args[7];
    Model *model = PyCapsule_GetPointer(args[6], "einfach.nlp._lattice.Model");
    int strict = PyObject_IsTrue(args[1]);
    Py_ssize_t shared = PyLong_AsSsize_t(args[2]);
    if (model == NULL || strict < 0 || (shared == -1 && PyErr_Occurred()) || check_word(word, args[5], "fill_lattice") < 0)
        return NULL;
    Py_ssize_t wlen = PyUnicode_GET_LENGTH(word);
    if (shared < 0 || shared > wlen) {
        PyErr_SetString(PyExc_ValueError, "fill_lattice: shared must be between 0 and len(word)");
        return NULL;
    }
    if (!is_list_of_dicts(table, wlen + 1, "table")
        || (backpointer != Py_None && !is_list_of_dicts(backpointer, wlen + 1, "backpointer")))
        return NULL;
    for (Py_ssize_t r = shared + 1; r <= wlen; r++) {
        if (PyDict_GET_SIZE(PyList_GET_ITEM(table, r)) != 0) {
            PyErr_SetString(PyExc_ValueError, "fill_lattice: the rows after the shared prefix must be empty");
            return NULL;
        }
    }
    Lattice lattice = {0};
    int status = open_lattice(&lattice, word);
    for (Py_ssize_t r = 0; status == 0 && r <= shared; r++)
        status = read_row(PyList_GET_ITEM(table, r), &lattice.rows[r]);
    if (status == 0)
        status = run_lattice(model, &lattice, shared, strict, args[4], args[5]);
    for (Py_ssize_t r = shared + 1; status == 0 && r <= wlen; r++)
        status = write_row(&lattice.rows[r], PyList_GET_ITEM(table, r),
                           backpointer == Py_None ? NULL : PyList_GET_ITEM(backpointer, r));
    release_lattice(&lattice);
    if (status < 0)
        return NULL;
    Py_RETURN_NONE;
}

/* The best final (t2, targetpos) of the lattice's last row, as analyze_viterbi chooses it:
   per (t2, target) the best state (first one on ties), then the best of those (first one on
   ties), as a cell index of `last`; -1 if no state reaches the target. */
static int
best_final(const Row *last, PyObject *final_of, long target, Py_ssize_t *best)
{
    typedef struct { long t2; double lp; Py_ssize_t cell; } Final;
    Final finals[TAGS];
    Py_ssize_t count = 0;
    *best = -1;
    for (Py_ssize_t p = 0; p < last->count; p++) {
        const Cell *cell = &last->cells[p];
        PyObject *state = code_object(cell->code);
        if (state == NULL)
            return -1;
        PyObject *endings = PyDict_GetItemWithError(final_of, state); /* [(tag, log p)] */
        if (endings == NULL) {
            if (PyErr_Occurred())
                return -1;
            continue;
        }
        PyObject *fast = PySequence_Fast(endings, "final_of[state] must be a sequence");
        if (fast == NULL)
            return -1;
        for (Py_ssize_t e = 0; e < PySequence_Fast_GET_SIZE(fast); e++) {
            PyObject *ending = PySequence_Fast_GET_ITEM(fast, e);
            long tag;
            double lpt;
            if (!PyTuple_Check(ending) || PyTuple_GET_SIZE(ending) != 2) {
                PyErr_SetString(PyExc_TypeError, "final_of[state] must hold (tag, log p) pairs");
                Py_DECREF(fast);
                return -1;
            }
            tag = PyLong_AsLong(PyTuple_GET_ITEM(ending, 0));
            if ((tag == -1 && PyErr_Occurred()) || as_double(PyTuple_GET_ITEM(ending, 1), &lpt) < 0) {
                Py_DECREF(fast);
                return -1;
            }
            if (tag != target)
                continue;
            double lp1 = cell->lp + lpt;
            if (lp1 > LOWERBOUND) {
                long t2 = cell->code & (TAGS - 1);
                Py_ssize_t f = 0;
                while (f < count && finals[f].t2 != t2)
                    f++;
                if (f == count)
                    finals[count++] = (Final){t2, lp1, p};
                else if (lp1 > finals[f].lp)
                    finals[f] = (Final){t2, lp1, p};
            }
            break;
        }
        Py_DECREF(fast);
    }
    double best_lp = -INFINITY;
    for (Py_ssize_t f = 0; f < count; f++) {
        if (finals[f].lp > best_lp) {
            best_lp = finals[f].lp;
            *best = finals[f].cell;
        }
    }
    return 0;
}

PyDoc_STRVAR(best_path_doc,
"best_path(word, strict, rows, plans, tables, final_of, targetpos, start)\n\n"
"One pass of FastHanta.analyze_viterbi, compiled: the best morpheme path of `word` to\n"
"`targetpos` as [(tag, end), ...], or None if the lattice does not reach it.");

static PyObject *
best_path(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 8) {
        PyErr_Format(PyExc_TypeError, "best_path() takes 8 arguments (%zd given)", nargs);
        return NULL;
    }
    PyObject *word = args[0], *final_of = args[5];
    Model *model = PyCapsule_GetPointer(args[4], "einfach.nlp._lattice.Model");
    int strict = PyObject_IsTrue(args[1]);
    long target = PyLong_AsLong(args[6]), start;
    if (model == NULL || strict < 0 || (target == -1 && PyErr_Occurred()) || check_word(word, args[3], "best_path") < 0
        || as_code(args[7], CODES, &start) < 0)
        return NULL;
    if (!PyDict_Check(final_of)) {
        PyErr_SetString(PyExc_TypeError, "best_path: final_of must be a dict");
        return NULL;
    }
    Lattice lattice = {0};
    int status = open_lattice(&lattice, word);
    if (status == 0)
        status = relax(&lattice.rows[0], start, 0.0, -1, -1);
    if (status == 0)
        status = run_lattice(model, &lattice, 0, strict, args[2], args[3]);
    Py_ssize_t wlen = lattice.wlen, best = -1;
    if (status == 0)
        status = best_final(&lattice.rows[wlen], final_of, target, &best);
    PyObject *path = NULL;
    if (status == 0 && best < 0) {
        Py_INCREF(Py_None);
        path = Py_None;
    }
    else if (status == 0 && (path = PyList_New(0)) != NULL) {
        /* (t2 of each state, its row) from row wlen back to row 1, reversed, then (target, wlen + 1) */
        const Cell *cell = &lattice.rows[wlen].cells[best];
        for (Py_ssize_t row = wlen; path != NULL && row > 0; row = cell->from_row) {
            if (row < wlen)
                cell = predecessor(lattice.rows, cell);
            PyObject *step = Py_BuildValue("(ln)", cell->code & (TAGS - 1), row);
            if (step == NULL || PyList_Append(path, step) < 0)
                Py_CLEAR(path);
            Py_XDECREF(step);
        }
        PyObject *last = path == NULL ? NULL : Py_BuildValue("(ln)", target, wlen + 1);
        if (path != NULL && (last == NULL || PyList_Reverse(path) < 0 || PyList_Append(path, last) < 0))
            Py_CLEAR(path);
        Py_XDECREF(last);
    }
    release_lattice(&lattice);
    return path;
}

/* ------------------------------------------------------------------ the sentence decoder */

/* The sentence model (tag_sent_viterbi's LP_trans_word) as a matrix: per state code a row
   of log p per tag (NaN: the row has no such tag) and the log p of the sentence's end. */
typedef struct {
    int32_t state_index[CODES]; /* row of a state code, -1: none */
    Py_ssize_t states;
    double *trans;              /* states x TAGS */
    double *end;                /* states */
} SentenceModel;

static void
release_sentence_model(PyObject *capsule)
{
    SentenceModel *model = PyCapsule_GetPointer(capsule, "einfach.nlp._lattice.SentenceModel");
    if (model == NULL)
        return;
    PyMem_Free(model->trans);
    PyMem_Free(model->end);
    PyMem_Free(model);
}

PyDoc_STRVAR(prepare_sentences_doc,
"prepare_sentences(trans, end)\n\n"
"The sentence model for decode_sentence: trans maps a state code to {tag: log p}, end a\n"
"state code to the log p of ending there (see FastHanta._prepare_sentence_model).");

static PyObject *
prepare_sentences(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2 || !PyDict_Check(args[0]) || !PyDict_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "prepare_sentences(trans, end) takes two dicts");
        return NULL;
    }
    PyObject *trans = args[0], *end = args[1];
    SentenceModel *model = PyMem_Calloc(1, sizeof(SentenceModel));
    if (model == NULL)
        return PyErr_NoMemory();
    PyObject *capsule = PyCapsule_New(model, "einfach.nlp._lattice.SentenceModel", release_sentence_model);
    if (capsule == NULL) {
        PyMem_Free(model);
        return NULL;
    }
    Py_ssize_t states = PyDict_GET_SIZE(trans);
    model->trans = PyMem_Malloc((states ? states : 1) * TAGS * sizeof(double));
    model->end = PyMem_Malloc((states ? states : 1) * sizeof(double));
    if (model->trans == NULL || model->end == NULL) {
        Py_DECREF(capsule);
        return PyErr_NoMemory();
    }
    for (Py_ssize_t c = 0; c < CODES; c++)
        model->state_index[c] = -1;
    Py_ssize_t pos = 0;
    PyObject *state, *row;
    while (PyDict_Next(trans, &pos, &state, &row)) {
        long code;
        Py_ssize_t index = model->states++;
        double *lp = &model->trans[index * TAGS];
        for (int t = 0; t < TAGS; t++)
            lp[t] = NAN;
        if (as_code(state, CODES, &code) < 0 || !PyDict_Check(row)) {
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_TypeError, "prepare_sentences: a row must be a dict");
            Py_DECREF(capsule);
            return NULL;
        }
        model->state_index[code] = (int32_t)index;
        Py_ssize_t row_pos = 0;
        PyObject *tag_object, *value;
        while (PyDict_Next(row, &row_pos, &tag_object, &value)) {
            long tag = PyLong_AsLong(tag_object);
            if (tag == -1 && PyErr_Occurred()) {
                Py_DECREF(capsule);
                return NULL;
            }
            if (tag >= 0 && tag < TAGS && as_double(value, &lp[tag]) < 0) {
                Py_DECREF(capsule);
                return NULL;
            }
        }
        PyObject *at_end = PyDict_GetItemWithError(end, state);
        if (at_end == NULL && !PyErr_Occurred())
            PyErr_SetObject(PyExc_KeyError, state);
        if (at_end == NULL || as_double(at_end, &model->end[index]) < 0) {
            Py_DECREF(capsule);
            return NULL;
        }
    }
    return capsule;
}

/* A word's emissions: memo.get((word, casesensitive)) or emission(word, casesensitive), a
   tuple of (tag, log p) pairs.  New reference, NULL on error. */
static PyObject *
emissions_of(PyObject *word, int casesensitive, PyObject *memo, PyObject *emission)
{
    PyObject *flag = casesensitive ? Py_True : Py_False;
    PyObject *key = PyTuple_Pack(2, word, flag);
    if (key == NULL)
        return NULL;
    PyObject *found = PyDict_GetItemWithError(memo, key);
    Py_DECREF(key);
    if (found != NULL && PyObject_IsTrue(found) == 1) {
        Py_INCREF(found);
        return found;
    }
    if (PyErr_Occurred())
        return NULL;
    found = PyObject_CallFunctionObjArgs(emission, word, flag, NULL);
    if (found != NULL && !PyTuple_Check(found)) {
        Py_DECREF(found);
        PyErr_SetString(PyExc_TypeError, "emission() must return a tuple of (tag, log p) pairs");
        return NULL;
    }
    return found;
}

/* One word of the sentence decoder: row i + 1 from row i. */
static int
decode_word(SentenceModel *model, Row *rows, Py_ssize_t i, PyObject *candidates)
{
    const Row *previous = &rows[i];
    Row *next = &rows[i + 1];
    double bound = row_bound(previous, SENTENCE_BEAM);
    Py_ssize_t n = PyTuple_GET_SIZE(candidates);
    long tags[TAGS];
    double lp_w[TAGS];
    if (n > TAGS) {
        PyErr_SetString(PyExc_ValueError, "too many emissions");
        return -1;
    }
    for (Py_ssize_t c = 0; c < n; c++) {
        PyObject *pair = PyTuple_GET_ITEM(candidates, c);
        if (!PyTuple_Check(pair) || PyTuple_GET_SIZE(pair) != 2) {
            PyErr_SetString(PyExc_TypeError, "an emission must be a (tag, log p) pair");
            return -1;
        }
        if (as_code(PyTuple_GET_ITEM(pair, 0), TAGS, &tags[c]) < 0 || as_double(PyTuple_GET_ITEM(pair, 1), &lp_w[c]) < 0)
            return -1;
    }
    for (Py_ssize_t p = 0; p < previous->count; p++) {
        const Cell *cell = &previous->cells[p];
        if (cell->lp < bound)
            continue;
        int32_t index = model->state_index[cell->code];
        if (index < 0) {
            PyErr_Format(PyExc_KeyError, "state %ld", cell->code);
            return -1;
        }
        const double *lp_t = &model->trans[(Py_ssize_t)index * TAGS];
        long base = (cell->code & (TAGS - 1)) << 8;
        for (Py_ssize_t c = 0; c < n; c++) {
            if (isnan(lp_t[tags[c]])) {
                PyErr_Format(PyExc_KeyError, "tag %ld", tags[c]);
                return -1;
            }
            double lp = cell->lp + lp_t[tags[c]] + lp_w[c]; /* (lp0 + lp_t[tag]) + lp_w, as in Python */
            if (lp > LOWERBOUND && relax(next, base | tags[c], lp, cell->code, i) < 0)
                return -1;
        }
    }
    return 0;
}

PyDoc_STRVAR(decode_sentence_doc,
"decode_sentence(words, memo, emission, model, start)\n\n"
"FastHanta.tag_ids' Viterbi pass over the words, compiled: the tag ids, or None where HanTa\n"
"itself would fail (no path).  `model` comes from prepare_sentences().");

static PyObject *
decode_sentence(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 5 || !PyList_Check(args[0]) || !PyDict_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "decode_sentence(words, memo, emission, model, start): words a list, memo a dict");
        return NULL;
    }
    PyObject *words = args[0], *memo = args[1], *emission = args[2];
    SentenceModel *model = PyCapsule_GetPointer(args[3], "einfach.nlp._lattice.SentenceModel");
    long start;
    if (model == NULL || as_code(args[4], CODES, &start) < 0)
        return NULL;
    Py_ssize_t count = PyList_GET_SIZE(words);
    Row *rows = PyMem_Calloc(count + 1, sizeof(Row));
    if (rows == NULL)
        return PyErr_NoMemory();
    PyObject *result = NULL;
    int status = relax(&rows[0], start, 0.0, -1, -1);
    for (Py_ssize_t i = 0; status == 0 && i < count; i++) {
        PyObject *word = PyList_GET_ITEM(words, i);
        PyObject *candidates = emissions_of(word, i > 0, memo, emission);
        if (candidates == NULL) {
            status = -1;
            break;
        }
        status = decode_word(model, rows, i, candidates);
        Py_DECREF(candidates);
    }
    if (status == 0) {
        const Row *last = &rows[count];
        Py_ssize_t best = -1;
        double best_lp = -INFINITY;
        for (Py_ssize_t p = 0; p < last->count; p++) {
            int32_t index = model->state_index[last->cells[p].code];
            if (index < 0) {
                PyErr_Format(PyExc_KeyError, "state %ld", last->cells[p].code);
                status = -1;
                break;
            }
            double lp = last->cells[p].lp + model->end[index];
            if (lp > best_lp) {
                best = p;
                best_lp = lp;
            }
        }
        if (status == 0 && best < 0) {
            Py_INCREF(Py_None); /* HanTa itself fails here: the caller lets it */
            result = Py_None;
        }
        else if (status == 0 && (result = PyList_New(count)) != NULL) {
            const Cell *cell = &last->cells[best];
            for (Py_ssize_t i = count; i >= 1; i--) {
                PyObject *tag = PyLong_FromLong(cell->code & (TAGS - 1));
                if (tag == NULL) {
                    Py_CLEAR(result);
                    break;
                }
                PyList_SET_ITEM(result, i - 1, tag);
                if (i > 1)
                    cell = predecessor(rows, cell);
            }
        }
    }
    release_rows(rows, count + 1);
    return result;
}

static PyMethodDef methods[] = {
    {"fill_lattice", (PyCFunction)(void (*)(void))fill_lattice, METH_FASTCALL, fill_lattice_doc},
    {"prepare", (PyCFunction)(void (*)(void))prepare, METH_FASTCALL, prepare_doc},
    {"best_path", (PyCFunction)(void (*)(void))best_path, METH_FASTCALL, best_path_doc},
    {"prepare_sentences", (PyCFunction)(void (*)(void))prepare_sentences, METH_FASTCALL, prepare_sentences_doc},
    {"decode_sentence", (PyCFunction)(void (*)(void))decode_sentence, METH_FASTCALL, decode_sentence_doc},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_lattice",
    "HanTa's letter lattice and sentence decoder loops, compiled (see einfach.nlp.hanta_fast).", -1, methods,
    NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC
PyInit__lattice(void)
{
    return PyModule_Create(&module);
}

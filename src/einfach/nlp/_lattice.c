/* SPDX-License-Identifier: LGPL-3.0-or-later
 *
 * The inner loops of HanTa's letter lattice (analyze_forward / analyze_viterbi with lp_m_t),
 * compiled.  HanTa (Hannover Tagger) is by Christian Wartena, LGPL-3.0-or-later; like
 * hanta_fast.py, this file re-implements its loops and is licensed like HanTa.
 *
 * fill_lattice() here is hanta_fast.fill_lattice() in C, with the same arguments and on the
 * same Python objects (lists of dicts keyed by state codes, plans memoised in a dict).  It
 * computes the same doubles with the same additions in the same order (only additions and
 * comparisons: no contraction into fused multiply-adds can change a result) and fills every
 * dict in the same order, so ties are broken as in HanTa.  hanta_fast.py uses the Python
 * version when this module was not built (no C compiler at installation);
 * tests/test_lattice_compiled.py compares the two.
 *
 * Why by hand: the lattice of the word forms HanTa's model does not know was about a third
 * of a check of varied text (docs/performance.md); the loop is a few dozen lines of dict
 * and float work that no library offers.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>

#define WORD_BEAM 3             /* continue from states within 1 of the 4th best */
#define LOWERBOUND (-1e6)       /* HanTa's lowerbound */
#define WHOLE_WORD_PENALTY 4.6  /* lp_m_t: an unknown morpheme that is the whole word */
#define MAX_LENGTH_CLASS 24     /* lp_m_t: min(len(morpheme), 24) */

static PyObject *empty_string;

/* The suffix of an unknown morpheme that lp_m_t looks up: the longest of 4..1 letters in
   `suffixes` (shorter than the morpheme), else "".  New reference, NULL on error. */
static PyObject *
suffix_of(PyObject *segment, Py_ssize_t length, PyObject *suffixes)
{
    for (Py_ssize_t n = 4; n >= 1; n--) {
        if (length <= n)
            continue;
        PyObject *tail = PyUnicode_Substring(segment, length - n, length);
        if (tail == NULL)
            return NULL;
        int found = PySet_Contains(suffixes, tail);
        if (found == 1)
            return tail;
        Py_DECREF(tail);
        if (found < 0)
            return NULL;
    }
    Py_INCREF(empty_string);
    return empty_string;
}

/* A float from a Python number (HanTa's tables hold floats; the start state holds int 0). */
static inline int
as_double(PyObject *number, double *out)
{
    *out = PyFloat_CheckExact(number) ? PyFloat_AS_DOUBLE(number) : PyFloat_AsDouble(number);
    return (*out == -1.0 && PyErr_Occurred()) ? -1 : 0;
}

/* sorted(row.values(), reverse=True)[WORD_BEAM] - 1 if the row has more than WORD_BEAM
   entries, else LOWERBOUND. */
static int
row_bound(PyObject *row, double *bound)
{
    if (PyDict_GET_SIZE(row) <= WORD_BEAM) {
        *bound = LOWERBOUND;
        return 0;
    }
    double best[WORD_BEAM + 1];
    Py_ssize_t kept = 0, pos = 0;
    PyObject *key, *value;
    while (PyDict_Next(row, &pos, &key, &value)) {
        double v;
        if (as_double(value, &v) < 0)
            return -1;
        if (kept == WORD_BEAM + 1 && !(v > best[WORD_BEAM]))
            continue;
        Py_ssize_t j = kept < WORD_BEAM + 1 ? kept++ : WORD_BEAM;
        while (j > 0 && best[j - 1] < v) {
            best[j] = best[j - 1];
            j--;
        }
        best[j] = v;
    }
    *bound = best[WORD_BEAM] - 1;
    return 0;
}

/* lp_m_t's guess for an unknown (or guessable) morpheme:
   Int_t + LP_hapax_t[t] (guess_base[t]) + LP_len_t[t][length class] + LP_s_t[t][suffix]. */
static int
guess(PyObject *tag, Py_ssize_t length_class, PyObject *suffix, PyObject *guess_base,
      PyObject *len_lp, PyObject *suffix_lp, double *out)
{
    double base, by_length, by_suffix;
    PyObject *item = PyObject_GetItem(guess_base, tag);
    if (item == NULL)
        return -1;
    int failed = as_double(item, &base);
    Py_DECREF(item);
    if (failed)
        return -1;
    PyObject *table = PyObject_GetItem(len_lp, tag);
    if (table == NULL)
        return -1;
    item = PySequence_GetItem(table, length_class);
    Py_DECREF(table);
    if (item == NULL)
        return -1;
    failed = as_double(item, &by_length);
    Py_DECREF(item);
    if (failed)
        return -1;
    table = PyObject_GetItem(suffix_lp, tag);
    if (table == NULL)
        return -1;
    item = PyObject_GetItem(table, suffix);
    Py_DECREF(table);
    if (item == NULL)
        return -1;
    failed = as_double(item, &by_suffix);
    Py_DECREF(item);
    if (failed)
        return -1;
    *out = base + by_length + by_suffix; /* left to right, as in Python */
    return 0;
}

/* A state code (or tag id) as a Python int, created once per process: the lattice's dicts are
   keyed by them, and codes above 256 are not among Python's shared small ints. */
#define CODES (1 << 16)
static PyObject *code_objects[CODES];

static PyObject *
code_object(long code)
{
    if (code < 0 || code >= CODES)
        return PyLong_FromLong(code); /* new reference */
    if (code_objects[code] == NULL && (code_objects[code] = PyLong_FromLong(code)) == NULL)
        return NULL;
    Py_INCREF(code_objects[code]);
    return code_objects[code];
}

/* One entry of a plan: a follower of a state that may read a segment, with the log
   probability of the transition and of the morpheme (or `guessed`: lp_m_t's guess). */
typedef struct {
    long tag;
    long next; /* code of the state after the follower */
    double lpt;
    double lpm;
    int guessed;
} PlanEntry;

#define PLAN_SIZE(plan) (PyBytes_GET_SIZE(plan) / (Py_ssize_t)sizeof(PlanEntry))
#define PLAN_ENTRIES(plan) ((const PlanEntry *)PyBytes_AS_STRING(plan))

/* Read one (tag, lpt, next, lpm or None) tuple of a follower list into `entry`. */
static int
unpack_follower(PyObject *follower, PlanEntry *entry)
{
    if (!PyTuple_Check(follower) || PyTuple_GET_SIZE(follower) != 4) {
        PyErr_SetString(PyExc_TypeError, "followers must be (tag, log p, next state, None) tuples");
        return -1;
    }
    entry->tag = PyLong_AsLong(PyTuple_GET_ITEM(follower, 0));
    entry->next = PyLong_AsLong(PyTuple_GET_ITEM(follower, 2));
    if ((entry->tag == -1 || entry->next == -1) && PyErr_Occurred())
        return -1;
    entry->guessed = 1;
    entry->lpm = 0.0;
    return as_double(PyTuple_GET_ITEM(follower, 1), &entry->lpt);
}

/* The followers of a state that know the morpheme `segment` (with its log probability from
   lp_m_t[tag]) or may guess it (may_guess and tag in guessable), in HanTa's order; with
   `segment` NULL: all followers of the list, to be guessed.  A bytes object of PlanEntry
   (not tracked by the garbage collector, read without unboxing); NULL on error. */
static PyObject *
make_plan(PyObject *followers, PyObject *segment, int may_guess, PyObject *lp_m_t, PyObject *guessable)
{
    Py_ssize_t n = PyList_GET_SIZE(followers), kept = 0;
    PyObject *plan = PyBytes_FromStringAndSize(NULL, n * (Py_ssize_t)sizeof(PlanEntry));
    if (plan == NULL)
        return NULL;
    PlanEntry *entries = (PlanEntry *)PyBytes_AS_STRING(plan);
    for (Py_ssize_t e = 0; e < n; e++) {
        PyObject *follower = PyList_GET_ITEM(followers, e);
        PlanEntry *entry = &entries[kept];
        if (unpack_follower(follower, entry) < 0)
            goto error;
        if (segment != NULL) {
            PyObject *morphs = PyObject_GetItem(lp_m_t, PyTuple_GET_ITEM(follower, 0));
            if (morphs == NULL)
                goto error;
            PyObject *lpm = PyDict_Check(morphs) ? PyDict_GetItemWithError(morphs, segment) : NULL;
            if (lpm == NULL && !PyErr_Occurred() && !PyDict_Check(morphs))
                PyErr_SetString(PyExc_TypeError, "LP_m_t[tag] must be a dict");
            if (lpm == NULL && PyErr_Occurred()) {
                Py_DECREF(morphs);
                goto error;
            }
            if (lpm != NULL) {
                entry->guessed = 0;
                int failed = as_double(lpm, &entry->lpm);
                Py_DECREF(morphs);
                if (failed)
                    goto error;
            }
            else {
                Py_DECREF(morphs);
                int guess_it = may_guess ? PySet_Contains(guessable, PyTuple_GET_ITEM(follower, 0)) : 0;
                if (guess_it < 0)
                    goto error;
                if (!guess_it)
                    continue;
            }
        }
        kept++;
    }
    if (kept < n && _PyBytes_Resize(&plan, kept * (Py_ssize_t)sizeof(PlanEntry)) < 0)
        return NULL;
    return plan;
error:
    Py_DECREF(plan);
    return NULL;
}

/* plans[key], made by make_plan on a miss (steals the reference to key).  New reference. */
static PyObject *
memoised_plan(PyObject *plans, PyObject *key, PyObject *followers, PyObject *segment, int may_guess,
              PyObject *lp_m_t, PyObject *guessable)
{
    if (key == NULL)
        return NULL;
    PyObject *plan = PyDict_GetItemWithError(plans, key);
    if (plan != NULL && PyBytes_Check(plan)) {
        Py_INCREF(plan);
    }
    else if (!PyErr_Occurred()) {  /* a miss (or a plan of the Python version: made anew) */
        plan = make_plan(followers, segment, may_guess, lp_m_t, guessable);
        if (plan != NULL && PyDict_SetItem(plans, key, plan) < 0)
            Py_CLEAR(plan);
    }
    else {
        plan = NULL;
    }
    Py_DECREF(key);
    return plan;
}

/* Per segment of a row: the substring, whether some tag knows it, whether it may be guessed,
   its suffix once a guess needs it, and lp_m_t's guess per tag once computed (the guess
   depends on the segment and the tag, not on the state it is read from). */
typedef struct {
    PyObject *text;
    PyObject *suffix; /* NULL until needed */
    double *guesses;  /* NULL until needed; NaN: not computed yet */
    Py_ssize_t length;
    int known;
    int may_guess;
} Segment;

#define TAGS 256

static void
release_segments(Segment *segments, Py_ssize_t count)
{
    for (Py_ssize_t k = 0; k < count; k++) {
        Py_XDECREF(segments[k].text);
        Py_XDECREF(segments[k].suffix);
        PyMem_Free(segments[k].guesses);
    }
    PyMem_Free(segments);
}

/* lp_m_t's guess for `segment` and `tag`, computed once per row (see Segment). */
static int
segment_guess(Segment *segment, long tag, int whole, PyObject *guess_base, PyObject *len_lp,
              PyObject *suffix_lp, PyObject *suffixes, double *out)
{
    if (segment->guesses != NULL && tag >= 0 && tag < TAGS && !isnan(segment->guesses[tag])) {
        *out = segment->guesses[tag];
        return 0;
    }
    if (segment->suffix == NULL) {
        segment->suffix = suffix_of(segment->text, segment->length, suffixes);
        if (segment->suffix == NULL)
            return -1;
    }
    if (segment->guesses == NULL) {
        segment->guesses = PyMem_Malloc(TAGS * sizeof(double));
        if (segment->guesses == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        for (int t = 0; t < TAGS; t++)
            segment->guesses[t] = NAN;
    }
    PyObject *tag_object = code_object(tag);
    if (tag_object == NULL)
        return -1;
    Py_ssize_t length_class = segment->length < MAX_LENGTH_CLASS ? segment->length : MAX_LENGTH_CLASS;
    int failed = guess(tag_object, length_class, segment->suffix, guess_base, len_lp, suffix_lp, out);
    Py_DECREF(tag_object);
    if (failed)
        return -1;
    if (whole)
        *out -= WHOLE_WORD_PENALTY;
    if (tag >= 0 && tag < TAGS)
        segment->guesses[tag] = *out;
    return 0;
}

/* Read the entries of one plan from a state with log probability `lp` into the row `target`
   (and, in the lemma pass, the state they came from into `back_row`). */
static int
read_plan(PyObject *plan, double lp, Segment *segment, int whole, PyObject *target,
          PyObject *back_row, PyObject *origin, PyObject *guess_base, PyObject *len_lp,
          PyObject *suffix_lp, PyObject *suffixes)
{
    const PlanEntry *entries = PLAN_ENTRIES(plan);
    Py_ssize_t n = PLAN_SIZE(plan);
    for (Py_ssize_t e = 0; e < n; e++) {
        const PlanEntry *entry = &entries[e];
        double lpm = entry->lpm;
        if (entry->guessed) {
            if (segment_guess(segment, entry->tag, whole, guess_base, len_lp, suffix_lp, suffixes, &lpm) < 0)
                return -1;
            if (lpm == -INFINITY)
                continue;
        }
        double lp1 = lp + entry->lpt + lpm; /* (lp + lpt) + lpm, as in Python */
        if (!(lp1 > LOWERBOUND))
            continue;
        PyObject *next = code_object(entry->next);
        if (next == NULL)
            return -1;
        PyObject *old = PyDict_GetItemWithError(target, next);
        int status = 0;
        if (old == NULL && PyErr_Occurred()) {
            status = -1;
        }
        else {
            double before;
            if (old != NULL && as_double(old, &before) < 0)
                status = -1;
            else if (old == NULL || lp1 > before) {
                PyObject *value = PyFloat_FromDouble(lp1);
                if (value == NULL || PyDict_SetItem(target, next, value) < 0
                    || (back_row != NULL && PyDict_SetItem(back_row, next, origin) < 0))
                    status = -1;
                Py_XDECREF(value);
            }
        }
        Py_DECREF(next);
        if (status < 0)
            return -1;
    }
    return 0;
}

/* One row of the lattice: every segment word[i:j] (j from `first`) read from every state of
   row i that is within the beam. */
static int
fill_row(PyObject *word, Py_ssize_t wlen, Py_ssize_t i, Py_ssize_t first, int strict, PyObject *table,
         PyObject *rows, PyObject *plans, PyObject *lp_m_t, PyObject *guessable, PyObject *morphs,
         PyObject *guess_base, PyObject *len_lp, PyObject *suffix_lp, PyObject *suffixes,
         PyObject *backpointer)
{
    PyObject *row = PyList_GET_ITEM(table, i);
    double bound;
    if (row_bound(row, &bound) < 0)
        return -1;
    Py_ssize_t count = wlen + 1 - first;
    Segment *segments = PyMem_Calloc(count, sizeof(Segment));
    if (segments == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t k = 0; k < count; k++) {
        Segment *s = &segments[k];
        s->length = first + k - i;
        s->text = PyUnicode_Substring(word, i, first + k);
        if (s->text == NULL || (s->known = PySet_Contains(morphs, s->text)) < 0) {
            release_segments(segments, count);
            return -1;
        }
        s->may_guess = !strict && (wlen < 4 || s->length > 2);
    }
    Py_ssize_t whole = i == 0 ? count - 1 : -1; /* the segment that is the whole word */
    PyObject *row_index = PyLong_FromSsize_t(i);
    if (row_index == NULL) {
        release_segments(segments, count);
        return -1;
    }
    Py_ssize_t pos = 0;
    PyObject *state, *value;
    int status = 0;
    while (status == 0 && PyDict_Next(row, &pos, &state, &value)) {
        double lp;
        if (as_double(value, &lp) < 0) {
            status = -1;
            break;
        }
        if (lp < bound)
            continue;
        PyObject *followers = PyObject_GetItem(rows, state); /* (full, only_guess) */
        if (followers == NULL) {
            status = -1;
            break;
        }
        if (!PyTuple_Check(followers) || PyTuple_GET_SIZE(followers) != 2
            || !PyList_Check(PyTuple_GET_ITEM(followers, 0)) || !PyList_Check(PyTuple_GET_ITEM(followers, 1))) {
            PyErr_SetString(PyExc_TypeError, "rows[state] must be a pair of lists");
            Py_DECREF(followers);
            status = -1;
            break;
        }
        PyObject *full = PyTuple_GET_ITEM(followers, 0);
        PyObject *only_guess = PyTuple_GET_ITEM(followers, 1);
        PyObject *origin = NULL, *guess_plan = NULL;
        if (PyList_GET_SIZE(full) > 0 && backpointer != Py_None) {
            origin = PyTuple_Pack(2, state, row_index);
            if (origin == NULL)
                status = -1;
        }
        for (Py_ssize_t k = 0; status == 0 && PyList_GET_SIZE(full) > 0 && k < count; k++) {
            Segment *s = &segments[k];
            PyObject *plan;
            if (!s->known) { /* no tag knows the segment: only guessable followers can read it */
                if (PyList_GET_SIZE(only_guess) == 0 || !s->may_guess)
                    continue;
                if (guess_plan == NULL)
                    guess_plan = memoised_plan(plans, PyTuple_Pack(1, state), only_guess, NULL, 0, lp_m_t, guessable);
                if ((plan = guess_plan) == NULL) {
                    status = -1;
                    break;
                }
                Py_INCREF(plan);
            }
            else {  /* the followers that know the morpheme or may guess it, in HanTa's order */
                PyObject *key = PyTuple_Pack(3, state, s->text, s->may_guess ? Py_True : Py_False);
                if ((plan = memoised_plan(plans, key, full, s->text, s->may_guess, lp_m_t, guessable)) == NULL) {
                    status = -1;
                    break;
                }
            }
            PyObject *back_row = backpointer == Py_None ? NULL : PyList_GET_ITEM(backpointer, first + k);
            status = read_plan(plan, lp, s, k == whole, PyList_GET_ITEM(table, first + k), back_row,
                               origin, guess_base, len_lp, suffix_lp, suffixes);
            Py_DECREF(plan);
        }
        Py_XDECREF(guess_plan);
        Py_XDECREF(origin);
        Py_DECREF(followers);
    }
    Py_DECREF(row_index);
    release_segments(segments, count);
    return status;
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

PyDoc_STRVAR(fill_lattice_doc,
"fill_lattice(word, strict, shared, table, rows, plans, lp_m_t, guessable, morphs, guess_base,\n"
"             len_lp, suffix_lp, suffixes, backpointer)\n\n"
"einfach.nlp.hanta_fast.fill_lattice, compiled: the same results.");

static PyObject *
fill_lattice(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 14) {
        PyErr_Format(PyExc_TypeError, "fill_lattice() takes 14 arguments (%zd given)", nargs);
        return NULL;
    }
    PyObject *word = args[0], *table = args[3], *plans = args[5], *guessable = args[7], *morphs = args[8];
    PyObject *suffixes = args[12], *backpointer = args[13];
    int strict = PyObject_IsTrue(args[1]);
    Py_ssize_t shared = PyLong_AsSsize_t(args[2]);
    if (strict < 0 || (shared == -1 && PyErr_Occurred()))
        return NULL;
    if (!PyUnicode_Check(word) || !PyDict_Check(plans) || !PyAnySet_Check(guessable)
        || !PyAnySet_Check(morphs) || !PyAnySet_Check(suffixes)) {
        PyErr_SetString(PyExc_TypeError, "fill_lattice: word must be a str, plans a dict, guessable, morphs and suffixes sets");
        return NULL;
    }
    Py_ssize_t wlen = PyUnicode_GET_LENGTH(word);
    if (shared < 0 || shared > wlen) {
        PyErr_SetString(PyExc_ValueError, "fill_lattice: shared must be between 0 and len(word)");
        return NULL;
    }
    if (!is_list_of_dicts(table, wlen + 1, "table")
        || (backpointer != Py_None && !is_list_of_dicts(backpointer, wlen + 1, "backpointer")))
        return NULL;
    for (Py_ssize_t i = 0; i < wlen; i++) { /* row wlen has no letter left to read */
        if (PyDict_GET_SIZE(PyList_GET_ITEM(table, i)) == 0)
            continue;
        /* with a shared prefix, rows before it already hold what ends inside it */
        Py_ssize_t first = i < shared ? shared + 1 : i + 1;
        if (fill_row(word, wlen, i, first, strict, table, args[4], plans, args[6], guessable, morphs,
                     args[9], args[10], args[11], suffixes, backpointer) < 0)
            return NULL;
    }
    Py_RETURN_NONE;
}

static PyMethodDef methods[] = {
    {"fill_lattice", (PyCFunction)(void (*)(void))fill_lattice, METH_FASTCALL, fill_lattice_doc},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_lattice",
    "HanTa's letter lattice loops, compiled (see einfach.nlp.hanta_fast.fill_lattice).", -1, methods,
};

PyMODINIT_FUNC
PyInit__lattice(void)
{
    empty_string = PyUnicode_FromString("");
    if (empty_string == NULL)
        return NULL;
    return PyModule_Create(&module);
}

/* The caseworkers' page of `einfach serve`: sends the letter to the API and shows the result.
 *
 * Standard DOM only; letter text is always set with textContent, never as markup.
 * The result is one `files` entry of the einfach/1 JSON plus `text` (the extracted text
 * that every offset indexes).  A finding may carry a rewrite:
 *   "fix": {"sentence": str, "edits": [{"start", "end", "text"}], "applicability": "sure"|"review"}
 * with offsets into the same text; "übernehmen" applies its edits to the letter on the page,
 * "verwerfen" keeps the original; "Einfachere Fassung" sends the accepted ones to
 * `POST /api/fix` (`accepted`: a list of {rule, start, end, edits}), which re-checks the letter
 * and applies only rewrites it offers itself.  `window.einfachPage.render(entry)` draws a result.
 */
(function () {
  "use strict";

  var SEVERITY = { info: "Hinweis", warning: "Warnung", error: "Fehler" };
  var SEVERITY_RANK = { info: 0, warning: 1, error: 2 };
  var BANDS = {
    "sehr leicht": "Der Brief ist sehr leicht zu lesen.",
    "leicht": "Der Brief ist leicht zu lesen. Die meisten Menschen verstehen ihn beim ersten Lesen.",
    "mittel": "Der Brief ist mittelschwer. Viele Menschen müssen einzelne Sätze zweimal lesen.",
    "schwer": "Der Brief ist schwer zu lesen. Viele Menschen verstehen ihn ohne Hilfe nicht ganz.",
    "sehr schwer": "Der Brief ist sehr schwer zu lesen. Viele Menschen verstehen ihn ohne Hilfe nicht."
  };
  var INDEX_EXPLAINED = "Der Einfach-Index schätzt, wie leicht sich die Sätze lesen: 0 heißt sehr schwer, " +
    "100 sehr leicht. Er beruht auf den Urteilen vieler Leserinnen und Leser und zählt vor allem seltene " +
    "und lange Wörter, Wörter auf -ung, -heit und -keit und die Länge der Sätze.";
  var APPLICABILITY = {
    sure: "Sicher: Die Bedeutung bleibt gleich.",
    review: "Bitte prüfen: einfach hat zum Beispiel erschlossen, wer handelt."
  };

  var state = {
    entry: null, findings: [], rules: null, colours: {}, source: null, file: null,
    decisions: {}, selected: null
  };

  function $(id) { return document.getElementById(id); }

  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (name === "text") { node.textContent = attributes[name]; }
      else if (name === "className") { node.className = attributes[name]; }
      else { node.setAttribute(name, attributes[name]); }
    });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function number(value) {
    if (typeof value !== "number") { return String(value); }
    var rounded = Math.round(value * 10) / 10;
    return String(rounded).replace(".", ",");
  }

  function plural(count, one, many) { return count + " " + (count === 1 ? one : many); }

  // -- talking to the server --------------------------------------------------------------

  function token() { try { return window.sessionStorage.getItem("einfach-token") || ""; } catch (e) { return ""; } }

  function saveToken(value) { try { window.sessionStorage.setItem("einfach-token", value); } catch (e) { /* private mode */ } }

  function request(path, options) {
    options = options || {};
    var headers = options.headers || {};
    var secret = token();
    if (secret) { headers.Authorization = "Bearer " + secret; }
    return fetch(path, { method: options.method || "GET", headers: headers, body: options.body, credentials: "omit", cache: "no-store" })
      .then(function (response) {
        if (response.ok) { return response; }
        return response.json().catch(function () { return {}; }).then(function (data) {
          var error = new Error(data.message || ("Der Server antwortet mit Status " + response.status + "."));
          error.status = response.status;
          throw error;
        });
      });
  }

  /** The request body for the letter that was checked, with the profile it was checked with. */
  function body(extra) {
    var chosen = state.profile || "einfach";
    if (state.source && state.source.file) {
      var form = new FormData();
      form.append("file", state.source.file, state.source.file.name);
      form.append("profile", chosen);
      Object.keys(extra || {}).forEach(function (key) {  // a form field is text: lists go as JSON text
        form.append(key, typeof extra[key] === "string" ? extra[key] : JSON.stringify(extra[key]));
      });
      return { body: form, headers: {} };
    }
    var payload = Object.assign({ text: state.source ? state.source.text : "", profile: chosen }, extra || {});
    return { body: JSON.stringify(payload), headers: { "Content-Type": "application/json" } };
  }

  function loadRules() {
    if (state.rules) { return Promise.resolve(state.rules); }
    return request("/api/rules").then(function (r) { return r.json(); }).then(function (data) {
      state.rules = {};
      state.ruleOrder = [];
      data.rules.forEach(function (rule) { state.rules[rule.id] = rule; state.ruleOrder.push(rule.id); });
      return state.rules;
    });
  }

  function status(message, isError) {
    var node = $("status");
    node.textContent = message;
    node.className = "status" + (isError ? " error" : "");
  }

  function showToken(message) {
    $("token-bereich").hidden = false;
    status(message, true);
    $("token").focus();
  }

  function submit(event) {
    event.preventDefault();
    var secret = $("token").value.trim();
    if (secret) { saveToken(secret); }
    var text = $("text").value;
    var profile = document.querySelector("input[name=profile]:checked");
    state.profile = profile ? profile.value : "einfach";
    if (state.file) { state.source = { file: state.file }; }
    else if (text.trim()) { state.source = { text: text }; }
    else { status("Bitte fügen Sie einen Text ein oder wählen Sie eine Datei.", true); $("text").focus(); return; }
    var button = $("start");
    button.disabled = true;
    status("einfach prüft den Brief …", false);
    var sent = body();
    loadRules()
      .then(function () { return request("/api/check", { method: "POST", body: sent.body, headers: sent.headers }); })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        render(data.files[0]);
        status("Fertig: " + plural(data.files[0].findings.length, "Stelle", "Stellen") + " gefunden.", false);
        $("ergebnis").focus();
      })
      .catch(function (error) {
        if (error.status === 401) { showToken("Bitte geben Sie den Zugangsschlüssel ein und prüfen Sie noch einmal."); }
        else { status(error.message || "Die Prüfung ist fehlgeschlagen.", true); }
      })
      .then(function () { button.disabled = false; });
  }

  // -- the result -------------------------------------------------------------------------

  function fixKey(fix) {
    return JSON.stringify(fix.edits.map(function (e) { return [e.start, e.end, e.text]; }));
  }

  function acceptedEdits() {
    var edits = [];
    var seen = {};
    state.findings.forEach(function (finding) {
      if (!finding.fix) { return; }
      var key = fixKey(finding.fix);
      if (state.decisions[key] !== "accepted" || seen[key]) { return; }
      seen[key] = true;
      finding.fix.edits.forEach(function (edit) { edits.push(edit); });
    });
    edits.sort(function (a, b) { return a.start - b.start || a.end - b.end; });
    return edits;
  }

  function resolved(finding) {
    return Boolean(finding.fix) && state.decisions[fixKey(finding.fix)] === "accepted";
  }

  function assignColours() {
    var size = Number(document.body.getAttribute("data-colours")) || 12;
    var found = {};
    state.findings.forEach(function (f) { found[f.rule] = true; });
    var order = (state.ruleOrder || []).filter(function (id) { return found[id]; });
    state.findings.forEach(function (f) { if (order.indexOf(f.rule) < 0) { order.push(f.rule); } });
    state.colours = {};
    order.forEach(function (id, index) { state.colours[id] = index % size; });
  }

  function ruleTitle(id) { return state.rules && state.rules[id] ? state.rules[id].title : id; }

  function render(entry) {
    state.entry = entry;
    state.decisions = {};
    state.selected = null;
    state.findings = entry.findings.map(function (finding, index) {
      var copy = Object.assign({}, finding);
      copy.id = "f" + (index + 1);
      copy.number = index + 1;
      return copy;
    });
    assignColours();
    $("ergebnis").hidden = false;
    drawSummary();
    drawDownloads();
    drawLetter();
    drawList();
    $("erklaerung").replaceChildren(el("p", { className: "hint", text: "Wählen Sie eine markierte Stelle im Brief." }));
  }

  function drawSummary() {
    var metrics = state.entry.metrics || {};
    var index = metrics.index || {};
    var parts = [];
    if (typeof index.value === "number") {
      parts.push(el("p", { className: "index" }, [
        "Einfach-Index: ", el("strong", { text: number(index.value) }), " von 100 – " + index.band + ". ",
        BANDS[index.band] || ""
      ]));
    } else {
      parts.push(el("p", { className: "index", text: "Für den Einfach-Index braucht einfach mindestens einen ganzen Satz." }));
    }
    parts.push(el("p", { className: "hint", text: INDEX_EXPLAINED }));
    var counts = {};
    state.findings.forEach(function (f) { counts[f.severity] = (counts[f.severity] || 0) + 1; });
    var bySeverity = ["error", "warning", "info"].filter(function (s) { return counts[s]; }).map(function (s) {
      return counts[s] + " " + (s === "error" ? (counts[s] === 1 ? "Fehler" : "Fehler") : s === "warning" ? (counts[s] === 1 ? "Warnung" : "Warnungen") : (counts[s] === 1 ? "Hinweis" : "Hinweise"));
    });
    var facts = [
      plural(metrics.words || 0, "Wort", "Wörter") + " in " + plural(metrics.sentences || 0, "Satz", "Sätzen") +
        (metrics.avg_sentence_words ? ", im Durchschnitt " + number(metrics.avg_sentence_words) + " Wörter pro Satz" : "") + ".",
      state.findings.length ? plural(state.findings.length, "Stelle", "Stellen") + " gefunden: " + bySeverity.join(", ") + "." : "Keine Stelle gefunden."
    ];
    parts.push(el("ul", {}, facts.map(function (fact) { return el("li", { text: fact }); })));
    (state.entry.notes || []).forEach(function (note) { parts.push(el("p", { className: "hint", text: "Hinweis: " + note })); });
    $("zusammenfassung").replaceChildren.apply($("zusammenfassung"), parts);
  }

  function drawDownloads() {
    var file = state.source && state.source.file;
    var docx = Boolean(file && /\.docx$/i.test(file.name));
    $("dl-kommentare").disabled = !docx;
    $("dl-kommentare").setAttribute("aria-describedby", "dl-kommentare-hinweis");
    // the plainer copy: .docx with tracked changes; .txt, .md and pasted text as text (not .odt)
    var writable = !file || /\.(docx|txt|md)$/i.test(file.name);
    var offered = state.findings.some(function (f) { return Boolean(f.fix); });
    var item = $("dl-fassung-eintrag");
    item.hidden = document.body.getAttribute("data-fix") !== "ja" || !writable || !offered;
    var count = acceptedFixes().length;
    $("dl-fassung").textContent = docx ? "Einfachere Fassung (Word, Änderungen nachverfolgt)" : "Einfachere Fassung (Text)";
    $("dl-fassung").disabled = count === 0;
    $("dl-fassung-hinweis").textContent = count === 0
      ? "Übernehmen Sie zuerst mindestens einen umgeschriebenen Satz (Knopf „übernehmen“ in der Erklärung)."
      : "Mit " + plural(count, "übernommenen Satz", "übernommenen Sätzen") +
        (docx ? "; in Word sehen Sie jede Änderung und können sie annehmen oder ablehnen." : ".");
  }

  function drawLetter() {
    var text = state.entry.text || "";
    var active = state.findings.filter(function (f) { return !resolved(f) && f.start < f.end && f.end <= text.length; });
    var edits = acceptedEdits();
    var cuts = [0, text.length];
    active.forEach(function (f) { cuts.push(f.start, f.end); });
    edits.forEach(function (e) { cuts.push(e.start, e.end); });
    cuts = cuts.filter(function (v, i, all) { return all.indexOf(v) === i; }).sort(function (a, b) { return a - b; });
    var letter = $("brief");
    var nodes = [];
    var emitted = {};
    function emitEdits(position) {
      edits.forEach(function (edit, i) {
        if (edit.start === position && !emitted[i]) {
          emitted[i] = true;
          if (edit.text) { nodes.push(el("ins", { className: "accepted", text: edit.text })); }
        }
      });
    }
    for (var c = 0; c + 1 < cuts.length; c++) {
      var left = cuts[c], right = cuts[c + 1];
      emitEdits(left);
      var replaced = edits.some(function (e) { return e.start <= left && right <= e.end && e.start < e.end; });
      if (replaced) { continue; }
      var piece = text.slice(left, right);
      var covering = active.filter(function (f) { return f.start <= left && f.end >= right; });
      if (!covering.length) { nodes.push(document.createTextNode(piece)); continue; }
      covering.sort(function (a, b) { return (a.end - a.start) - (b.end - b.start) || a.start - b.start; });
      var worst = covering.reduce(function (w, f) { return SEVERITY_RANK[f.severity] > SEVERITY_RANK[w] ? f.severity : w; }, "info");
      var label = covering.map(function (f) {
        return "Befund " + f.number + ", " + ruleTitle(f.rule) + ", " + (SEVERITY[f.severity] || f.severity);
      }).join("; ") + ": " + piece;
      var mark = el("mark", {
        className: "c" + state.colours[covering[0].rule] + " sev-" + worst,
        tabindex: "0", role: "button", "aria-label": label,
        "data-findings": covering.map(function (f) { return f.id; }).join(" ")
      }, [piece]);
      nodes.push(mark);
      var ending = covering.filter(function (f) { return f.end === right; }).map(function (f) { return f.number; });
      if (ending.length) {  // the number is CSS content (.nr::after): it is not copied with the text
        nodes.push(el("span", { className: "nr", "aria-hidden": "true", "data-nr": ending.sort(function (a, b) { return a - b; }).join(",") }));
      }
    }
    emitEdits(text.length);
    letter.replaceChildren.apply(letter, nodes);
    markSelected();
  }

  function drawList() {
    var items = state.findings.map(function (f) {
      var button = el("button", { type: "button", "data-goto": f.id, text: "Zur Stelle" });
      var item = el("li", { className: resolved(f) ? "resolved" : "" }, [
        el("span", { className: "swatch c" + state.colours[f.rule], "aria-hidden": "true" }),
        el("strong", { text: ruleTitle(f.rule) }), " (" + (SEVERITY[f.severity] || f.severity) + "): ",
        el("span", { className: "quote", text: "„" + f.text + "“" }),
        resolved(f) ? " – umgeschrieben. " : " ", button
      ]);
      return item;
    });
    $("liste").replaceChildren.apply($("liste"), items);
  }

  function findingsOf(ids) {
    return ids.map(function (id) { return state.findings.find(function (f) { return f.id === id; }); }).filter(Boolean);
  }

  function sentenceOf(finding) {
    var text = state.entry.text || "";
    var sentence = (state.entry.sentences || []).find(function (s) { return s.start <= finding.start && finding.end <= s.end; });
    return sentence ? text.slice(sentence.start, sentence.end) : finding.text;
  }

  function show(ids) {
    state.selected = ids;
    var panel = $("erklaerung");
    var parts = findingsOf(ids).map(function (f) {
      var rule = state.rules && state.rules[f.rule];
      var children = [
        el("h4", { text: f.number + ". " + ruleTitle(f.rule) + " – " + (SEVERITY[f.severity] || f.severity) }),
        el("p", { text: f.message })
      ];
      if (rule && rule.why) { children.push(el("p", { className: "why" }, [el("strong", { text: "Warum? " }), rule.why])); }
      if (f.suggestions && f.suggestions.length) {
        children.push(el("p", {}, [el("strong", { text: "Vorschlag:" })]));
        children.push(el("ul", {}, f.suggestions.map(function (s) { return el("li", { text: s }); })));
      }
      if (f.fix) { children.push(fixBox(f)); }
      return el("div", { className: "detail", "data-finding": f.id }, children);
    });
    panel.replaceChildren.apply(panel, parts);
    markSelected();
  }

  function fixBox(finding) {
    var key = fixKey(finding.fix);
    var decision = state.decisions[key];
    var children = [
      el("p", {}, [el("strong", { text: "Bisher: " }), el("span", { className: "before", text: sentenceOf(finding) })]),
      el("p", {}, [el("strong", { text: "Neu: " }), el("span", { className: "after", text: finding.fix.sentence })]),
      el("p", { className: "hint", text: APPLICABILITY[finding.fix.applicability] || APPLICABILITY.review })
    ];
    if (decision) {
      children.push(el("p", { className: "decision " + decision, role: "status",
        text: decision === "accepted" ? "Übernommen: Der Brief zeigt den neuen Satz." : "Verworfen: Der Brief behält den bisherigen Satz." }));
    }
    var accept = el("button", { type: "button", className: "accept", "data-fix": finding.id, text: "übernehmen" });
    var reject = el("button", { type: "button", className: "reject", "data-fix": finding.id, text: "verwerfen" });
    accept.disabled = decision === "accepted";
    reject.disabled = decision === "rejected";
    children.push(el("p", {}, [accept, reject]));
    return el("div", { className: "fix", role: "group", "aria-label": "Umgeschriebener Satz zu Befund " + finding.number }, children);
  }

  function decide(finding, decision) {
    var key = fixKey(finding.fix);
    if (decision === "accepted") {
      var taken = acceptedEdits();
      var clash = finding.fix.edits.some(function (edit) {
        return taken.some(function (t) { return edit.start < t.end && t.start < edit.end; });
      });
      if (clash) {
        status("Dieser Satz überschneidet sich mit einer schon übernommenen Änderung; bitte verwerfen Sie diese zuerst.", true);
        return;
      }
    }
    state.decisions[key] = decision;
    drawLetter();
    drawList();
    drawDownloads();
    show(state.selected || [finding.id]);
    var again = document.querySelector(".detail[data-finding='" + finding.id + "'] button." + (decision === "accepted" ? "reject" : "accept"));
    if (again) { again.focus(); }
  }

  function markSelected() {
    var selected = state.selected || [];
    document.querySelectorAll("#brief mark").forEach(function (mark) {
      var ids = mark.getAttribute("data-findings").split(" ");
      var on = ids.some(function (id) { return selected.indexOf(id) >= 0; });
      mark.classList.toggle("selected", on);
    });
  }

  /** The accepted rewrites, for `POST /api/fix` (the plainer copy with tracked changes). */
  function acceptedFixes() {
    var seen = {};
    return state.findings.filter(function (f) {
      if (!f.fix || state.decisions[fixKey(f.fix)] !== "accepted" || seen[fixKey(f.fix)]) { return false; }
      seen[fixKey(f.fix)] = true;
      return true;
    }).map(function (f) { return { rule: f.rule, start: f.start, end: f.end, edits: f.fix.edits }; });
  }

  // -- downloads --------------------------------------------------------------------------

  function download(kind) {
    var paths = { annotate: "/api/annotate", html: "/api/html", fix: "/api/fix" };
    var extra = kind === "fix" ? { accepted: acceptedFixes() } : {};
    var sent = body(extra);
    status("einfach bereitet die Datei vor …", false);
    request(paths[kind], { method: "POST", body: sent.body, headers: sent.headers })
      .then(function (response) {
        var disposition = response.headers.get("Content-Disposition") || "";
        var match = /filename\*=UTF-8''([^;]+)/.exec(disposition);
        var name = match ? decodeURIComponent(match[1]) : "einfach-download";
        return response.blob().then(function (blob) { return { blob: blob, name: name }; });
      })
      .then(function (file) {
        var url = URL.createObjectURL(file.blob);
        var link = el("a", { href: url, download: file.name });
        document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
        status("Heruntergeladen: " + file.name, false);
      })
      .catch(function (error) {
        if (error.status === 401) { showToken("Bitte geben Sie den Zugangsschlüssel ein."); }
        else { status(error.message || "Das Herunterladen ist fehlgeschlagen.", true); }
      });
  }

  // -- events -----------------------------------------------------------------------------

  function chooseFile(file) {
    state.file = file || null;
    var name = $("datei-name");
    name.replaceChildren();
    if (!file) { return; }
    var remove = el("button", { type: "button", id: "datei-entfernen", text: "Datei entfernen" });
    name.append("Gewählt: " + file.name + " ", remove);
  }

  function start() {
    $("pruefen").addEventListener("submit", submit);
    $("datei").addEventListener("change", function (event) { chooseFile(event.target.files[0]); });
    var drop = $("ablage");
    ["dragenter", "dragover"].forEach(function (type) {
      drop.addEventListener(type, function (event) { event.preventDefault(); drop.classList.add("over"); });
    });
    ["dragleave", "drop"].forEach(function (type) {
      drop.addEventListener(type, function () { drop.classList.remove("over"); });
    });
    drop.addEventListener("drop", function (event) {
      event.preventDefault();
      if (event.dataTransfer && event.dataTransfer.files.length) { chooseFile(event.dataTransfer.files[0]); }
    });
    document.addEventListener("click", function (event) {
      var target = event.target;
      if (target.id === "datei-entfernen") { $("datei").value = ""; chooseFile(null); $("datei").focus(); return; }
      var mark = target.closest ? target.closest("#brief mark") : null;
      if (mark) { show(mark.getAttribute("data-findings").split(" ")); return; }
      var goto = target.getAttribute && target.getAttribute("data-goto");
      if (goto) {
        var found = document.querySelector("#brief mark[data-findings~='" + goto + "']");
        show([goto]);
        if (found) { found.focus(); found.scrollIntoView({ block: "center" }); }
        return;
      }
      var fixFor = target.getAttribute && target.getAttribute("data-fix");
      if (fixFor && target.tagName === "BUTTON") {
        var finding = findingsOf([fixFor])[0];
        if (finding) { decide(finding, target.classList.contains("accept") ? "accepted" : "rejected"); }
        return;
      }
      var kind = target.getAttribute && target.getAttribute("data-download");
      if (kind) { download(kind); }
    });
    $("brief").addEventListener("keydown", function (event) {
      var mark = event.target.closest ? event.target.closest("mark") : null;
      if (mark && (event.key === "Enter" || event.key === " ")) {
        event.preventDefault();
        show(mark.getAttribute("data-findings").split(" "));
      }
    });
  }

  window.einfachPage = { render: render, acceptedFixes: acceptedFixes, show: show,
    setRules: function (rules) { state.rules = {}; state.ruleOrder = []; rules.forEach(function (r) { state.rules[r.id] = r; state.ruleOrder.push(r.id); }); } };
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
}());

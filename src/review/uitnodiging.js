// The partner's invitation page: keeps the answers in this browser as they are typed (local
// storage, keyed by the invitation), counts what is answered, and writes the reaction file in
// Kompas's review format (RON) for the partner to send back.
(function () {
  "use strict";
  var form = document.getElementById("reactie");
  var counter = document.getElementById("teller");
  var message = document.getElementById("bericht");
  var saveButton = document.getElementById("opslaan");
  var nameField = document.getElementById("naam");
  if (!form || !counter || !message || !saveButton || !nameField) { return; }
  var d = form.dataset;
  var key = "kompas-uitnodiging:" + d.invitation;
  var items = Array.prototype.slice.call(form.querySelectorAll("section.item"));
  var fields = ["note", "status", "proposal", "voortgang"];
  var field = function (section, name) { return section.querySelector("[name=" + name + "]"); };
  var value = function (section, name) { var f = field(section, name); return f ? f.value : ""; };
  var say = function (text) { message.textContent = text; };

  // Local storage may be off (some browsers for files opened from disk): then say so once.
  var store = null;
  try { store = window.localStorage; store.getItem(key); } catch (e) { store = null; }

  var answered = function (section) {
    return fields.some(function (n) { return value(section, n).trim() !== ""; });
  };
  var count = function () {
    var n = items.filter(answered).length;
    items.forEach(function (s) { s.classList.toggle("beantwoord", answered(s)); });
    counter.textContent = n + " van " + items.length + " beantwoord";
  };
  var snapshot = function () {
    var out = { naam: nameField.value, items: {} };
    items.forEach(function (s) {
      var r = {};
      fields.forEach(function (n) { r[n] = value(s, n); });
      out.items[s.dataset.id] = r;
    });
    return out;
  };
  var keep = function () {
    if (!store) { return; }
    try { store.setItem(key, JSON.stringify(snapshot())); } catch (e) {
      say("Deze browser kon uw antwoorden niet tussentijds bewaren. Sla uw reactie op voordat u het venster sluit.");
    }
  };
  var restore = function () {
    if (!store) {
      say("Deze browser bewaart uw antwoorden niet tussentijds. Sla uw reactie op voordat u het venster sluit.");
      return;
    }
    var saved = null;
    try { saved = JSON.parse(store.getItem(key) || "null"); } catch (e) { saved = null; }
    if (!saved || typeof saved !== "object") { return; }
    if (typeof saved.naam === "string") { nameField.value = saved.naam; }
    items.forEach(function (s) {
      var r = saved.items && saved.items[s.dataset.id];
      if (!r) { return; }
      fields.forEach(function (n) {
        var f = field(s, n);
        if (f && typeof r[n] === "string") { f.value = r[n]; }
      });
    });
    say("Uw eerdere antwoorden zijn teruggezet.");
  };

  // RON, as Kompas writes it: strings with Rust's escapes, None or Some(…), unit variants bare.
  var str = function (s) {
    var out = "\"";
    for (var i = 0; i < s.length; i++) {
      var c = s.charAt(i);
      var code = s.charCodeAt(i);
      if (c === "\\") { out += "\\\\"; }
      else if (c === "\"") { out += "\\\""; }
      else if (c === "\n") { out += "\\n"; }
      else if (c === "\r") { out += "\\r"; }
      else if (c === "\t") { out += "\\t"; }
      else if (code < 0x20 || code === 0x7f) { out += "\\u{" + code.toString(16) + "}"; }
      else { out += c; }
    }
    return out + "\"";
  };
  var opt = function (s) { return s ? "Some(" + str(s) + ")" : "None"; };
  var ron = function () {
    var now = new Date().toISOString().replace(/\.\d+Z$/, "Z");
    var statuses = d.statuses ? d.statuses.split("\u001f") : [];
    var lines = [
      "(",
      "    format: 2,",
      "    kind: Reactie,",
      "    invitation: " + str(d.invitation) + ",",
      "    kompas: " + str(d.kompas) + ",",
      "    partner: " + str(d.partner) + ",",
      "    exported_at: " + str(d.exportedAt) + ",",
      "    exported_by: " + str(d.exportedBy) + ",",
      "    answered_at: " + str(now) + ",",
      "    answered_by: " + str(nameField.value.trim()) + ",",
      "    statuses: [" + statuses.map(str).join(", ") + "],",
      "    element_name: (" + str(d.one) + ", " + str(d.many) + "),",
      "    jaar: " + (d.jaar ? "Some(" + parseInt(d.jaar, 10) + ")" : "None") + ",",
      "    items: [",
    ];
    items.forEach(function (s) {
      lines.push("        (");
      lines.push("            id: " + str(s.dataset.id) + ",");
      lines.push("            name: " + str(s.dataset.name) + ",");
      lines.push("            title: " + str(s.dataset.title) + ",");
      lines.push("            reaction: (");
      lines.push("                note: " + str(value(s, "note")) + ",");
      lines.push("                status: " + opt(value(s, "status")) + ",");
      lines.push("                proposal: " + str(value(s, "proposal")) + ",");
      lines.push("                voortgang: " + str(value(s, "voortgang")) + ",");
      lines.push("            ),");
      lines.push("        ),");
    });
    lines.push("    ],");
    lines.push(")");
    return lines.join("\n") + "\n";
  };
  var fileName = function () {
    return "reactie-" + d.invitation.replace(/[^A-Za-z0-9-]/g, "") + ".kompas-reactie";
  };
  var save = function () {
    if (nameField.value.trim() === "") {
      nameField.setAttribute("aria-invalid", "true");
      say("Vul eerst uw naam in; die komt in het bestand.");
      nameField.focus();
      return;
    }
    nameField.removeAttribute("aria-invalid");
    var blob = new Blob([ron()], { type: "application/octet-stream" });
    var url = URL.createObjectURL(blob);
    var a = document.createElement("a");
    a.href = url;
    a.download = fileName();
    document.body.appendChild(a);
    a.click();
    document.body.removeChild(a);
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    var n = items.filter(answered).length;
    say("Opgeslagen: " + fileName() + " (" + n + " van " + items.length + " beantwoord), meestal in uw map Downloads. Stuur dit bestand terug naar " + d.from + ".");
  };

  restore();
  count();
  form.addEventListener("input", function () { keep(); count(); });
  form.addEventListener("change", function () { keep(); count(); });
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  saveButton.addEventListener("click", save);
  // Ctrl+S (⌘S) saves the reaction file from anywhere, instead of the browser saving the page.
  document.addEventListener("keydown", function (e) {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && (e.key === "s" || e.key === "S")) {
      e.preventDefault();
      save();
    }
  });
  // On paper every introduction is open.
  window.addEventListener("beforeprint", function () {
    Array.prototype.forEach.call(document.querySelectorAll("details"), function (el) { el.open = true; });
  });
})();

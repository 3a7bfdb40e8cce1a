// Search without a server: the index (zoekindex.js) holds every element's name, title and
// page; each typed word must occur, accents and case aside. The first __SHOWN__ hits are
// listed, the count says how many there are. Without script the page links to the list of
// everything.
(function () {
  var field = document.getElementById("zoekveld");
  var list = document.getElementById("resultaten");
  var count = document.getElementById("aantal");
  var index = window.KOMPAS_ZOEKINDEX;
  if (!field || !list || !count || !index) { return; }
  var shown = __SHOWN__;
  var fold = function (s) { return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); };
  var folded = index.map(function (e) { return fold(e[0]); });
  var noun = function (n) { return n === 1 ? "1 onderdeel" : n + " onderdelen"; };
  var timer = null;
  var run = function () {
    var words = fold(field.value).split(/\s+/).filter(Boolean);
    while (list.firstChild) { list.removeChild(list.firstChild); }
    if (words.length === 0) {
      count.textContent = noun(index.length) + " in het kompas.";
      return;
    }
    var hits = 0;
    for (var i = 0; i < index.length; i++) {
      var text = folded[i];
      if (!words.every(function (w) { return text.indexOf(w) >= 0; })) { continue; }
      hits += 1;
      if (hits <= shown) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = index[i][1];
        a.textContent = index[i][0];
        li.appendChild(a);
        list.appendChild(li);
      }
    }
    count.textContent = noun(hits) + " gevonden" + (hits > shown ? "; de eerste " + shown + " staan hieronder." : ".");
  };
  // The count is a live region: wait until typing pauses so it is read once, not per key.
  field.addEventListener("input", function () {
    if (timer) { clearTimeout(timer); }
    timer = setTimeout(run, 250);
  });
  if (field.value) { run(); }
})();

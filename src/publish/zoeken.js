// Filters the list of every element by what is typed: each word must occur, accents and case
// aside. Without script the whole list stays, which serves too.
(function () {
  var field = document.getElementById("zoekveld");
  var list = document.getElementById("alles");
  var count = document.getElementById("aantal");
  if (!field || !list || !count) { return; }
  var fold = function (s) { return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); };
  var items = Array.prototype.slice.call(list.children).map(function (li) {
    return { li: li, text: fold(li.textContent) };
  });
  field.addEventListener("input", function () {
    var words = fold(field.value).split(/\s+/).filter(Boolean);
    var shown = 0;
    items.forEach(function (it) {
      var hit = words.every(function (w) { return it.text.indexOf(w) >= 0; });
      it.li.hidden = !hit;
      if (hit) { shown += 1; }
    });
    count.textContent = shown === 1 ? "1 onderdeel" : shown + " onderdelen";
  });
})();

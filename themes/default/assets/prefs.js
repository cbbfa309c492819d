// Large type (大字) and high contrast (高对比), once chosen, stay chosen on the following pages: the choice is kept in
// localStorage (a cookie where storage is off) and set on <html> before the page is drawn. Without JavaScript the same
// links still work for the page being read (they go to #large / #contrast, and CSS :target does the rest).
(function () {
  "use strict";
  var root = document.documentElement;
  var key = "disclosure-prefs";

  function read() {
    try {
      var v = window.localStorage.getItem(key);
      if (v !== null) { return v; }
    } catch (e) { /* storage off: the cookie below */ }
    var m = /(?:^|;\s*)disclosure-prefs=([a-z ]*)/.exec(document.cookie);
    return m ? m[1] : "";
  }

  function write(value) {
    try { window.localStorage.setItem(key, value); } catch (e) { /* cookie below */ }
    document.cookie = key + "=" + value + "; path=/; max-age=31536000; SameSite=Lax";
  }

  function apply(value) {
    root.classList.toggle("large", / large /.test(" " + value + " "));
    root.classList.toggle("contrast", / contrast /.test(" " + value + " "));
  }

  apply(read());
  document.addEventListener("click", function (e) {
    var a = e.target && e.target.closest ? e.target.closest("a[data-pref]") : null;
    if (!a) { return; }
    e.preventDefault();
    var name = a.getAttribute("data-pref");
    var on = a.getAttribute("data-set") === "on";
    var list = read().split(" ").filter(function (p) { return p && p !== name; });
    if (on) { list.push(name); }
    write(list.join(" "));
    apply(list.join(" "));
  });
}());

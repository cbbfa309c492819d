// Search with Pagefind's static index: the only script of the site. Without it the page still offers browsing.
(function () {
  "use strict";
  var form = document.querySelector("form.search");
  var out = document.getElementById("results");
  if (!form || !out) { return; }
  var rootUrl = new URL(form.getAttribute("data-root") || "../", location.href);
  var input = form.querySelector("input[name=q]");
  var pagefind = null;

  function text(tag, value, cls) {
    var el = document.createElement(tag);
    el.textContent = value;
    if (cls) { el.className = cls; }
    return el;
  }

  function load() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind/pagefind.js", rootUrl).href).then(function (pf) {
        pf.options({ baseUrl: rootUrl.pathname });
        return pf;
      });
    }
    return pagefind;
  }

  // The excerpt is Pagefind's text with <mark> around the hits; keep only the words, never markup (DOMParser gives an
  // inert document: nothing in it loads or runs). An excerpt cut out of the middle of a sentence starts after the
  // first break (，。；：、 or a space) near its start, with an ellipsis, so it never opens with half a word.
  function excerpt(item) {
    var words = new DOMParser().parseFromString(item.excerpt || "", "text/html").body.textContent.trim();
    var content = (item.content || "").replace(/\s+/g, " ").trim();
    if (!words || content.indexOf(words.slice(0, 12)) === 0) { return words; }
    var m = /^[^，。；：、！？\s]{0,12}[，。；：、！？\s]+/.exec(words);
    return "……" + (m ? words.slice(m[0].length) : words);
  }

  function run(query) {
    out.textContent = "";
    if (!query) { return; }
    out.appendChild(text("p", "正在搜索……"));
    load().then(function (pf) {
      return pf.search(query);
    }).then(function (search) {
      return Promise.all(search.results.slice(0, 20).map(function (r) { return r.data(); })).then(function (items) {
        out.textContent = "";
        out.appendChild(text("p", search.results.length > 0 ? "找到 " + search.results.length + " 条与“" + query + "”有关的公开内容：" : "没有找到与“" + query + "”有关的内容，换个词试试，或按下面的分类查找。"));
        if (items.length === 0) { return; }
        var list = document.createElement("ol");
        items.forEach(function (item) {
          var li = document.createElement("li");
          var a = text("a", (item.meta && item.meta.title) || item.url);
          a.href = item.url;
          li.appendChild(a);
          // Where the hit is: the unit and the period (the item page's 单位 and 期次, indexed as metadata).
          var where = [item.meta && item.meta.unit, item.meta && item.meta.period].filter(Boolean).join(" · ");
          if (where) { li.appendChild(text("span", where, "where")); }
          li.appendChild(text("span", excerpt(item), "mini"));
          list.appendChild(li);
        });
        out.appendChild(list);
      });
    }).catch(function () {
      out.textContent = "";
      out.appendChild(text("p", "搜索暂时不可用，请按下面的单位、期次或事项分类查找。"));
    });
  }

  var q = new URLSearchParams(location.search).get("q");
  if (q) { input.value = q; run(q.trim()); }
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var query = input.value.trim();
    history.replaceState(null, "", "?q=" + encodeURIComponent(query));
    run(query);
  });
}());

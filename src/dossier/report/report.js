// Dossier report: when a citation link opens a source at a quoted passage, the whole passage is
// outlined (CSS alone can only reach its first piece). The passage's anchor carries its length.
"use strict";
(function () {
  function showCited() {
    for (const old of document.querySelectorAll(".current")) {
      old.classList.remove("current");
    }
    const id = decodeURIComponent(location.hash.slice(1));
    const anchor = id ? document.getElementById(id) : null;
    if (!anchor || !anchor.dataset.len) {
      return;
    }
    let left = Number(anchor.dataset.len);
    for (let node = anchor.nextSibling; node && left > 0; node = node.nextSibling) {
      if (node.nodeType === 1 && node.classList.contains("anchor")) {
        continue;
      }
      if (node.nodeType === 1) {
        node.classList.add("current");
      }
      left -= node.textContent.length;
    }
  }
  window.addEventListener("hashchange", showCited);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", showCited);
  } else {
    showCited();
  }
})();

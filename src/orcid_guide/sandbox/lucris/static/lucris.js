// Menus that open with a button (user menu, "Publications", "More"): toggled instantly, closed by Escape or a
// click elsewhere. Menus shown open by the server (the current page's) stay open.
(function () {
  "use strict";
  function toggles() { return document.querySelectorAll("button.menu-toggle[aria-controls]"); }
  function setOpen(button, open) {
    var target = document.getElementById(button.getAttribute("aria-controls"));
    if (!target) { return; }
    button.setAttribute("aria-expanded", open ? "true" : "false");
    target.hidden = !open;
  }
  function closeDropdowns(except) {
    toggles().forEach(function (button) {
      var target = document.getElementById(button.getAttribute("aria-controls"));
      // A menu holding the clicked toggle (a submenu's parent) stays open.
      var holdsExcept = except && target && target.contains(except);
      if (button !== except && target && target.classList.contains("dropdown") && !holdsExcept) { setOpen(button, false); }
    });
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest("button.menu-toggle[aria-controls]");
    if (button) {
      closeDropdowns(button);
      setOpen(button, button.getAttribute("aria-expanded") !== "true");
      return;
    }
    if (!event.target.closest(".dropdown")) { closeDropdowns(null); }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { closeDropdowns(null); }
  });
}());

// The publications list: a ticked or unticked box saves the page's selection at once (the form reloads the
// page); in the Author/Editors filter, typing a name shows the matching people and the plus picks one.
(function () {
  "use strict";
  document.addEventListener("change", function (event) {
    var box = event.target.closest("input[data-autosubmit]");
    if (box && box.form) { box.form.requestSubmit(); }
  });
  var search = document.getElementById("person-search");
  if (!search) { return; }
  var picker = document.getElementById("person-picker");
  var people = picker.querySelectorAll("li[data-search]");
  var noMatch = picker.querySelector("li.no-match");
  search.addEventListener("input", function () {
    var typed = search.value.trim().toLowerCase();
    var found = 0;
    people.forEach(function (item) {
      item.hidden = !typed || item.getAttribute("data-search").indexOf(typed) < 0;
      if (!item.hidden) { found += 1; }
    });
    noMatch.hidden = !typed || found > 0;
  });
  picker.addEventListener("click", function (event) {
    var plus = event.target.closest("button[data-pick]");
    if (!plus) { return; }
    var value = document.getElementById("author-value");
    document.getElementById("author-input").value = plus.getAttribute("data-pick");
    value.textContent = plus.getAttribute("data-name");
    value.setAttribute("aria-expanded", "false");
    picker.hidden = true;
  });
}());

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

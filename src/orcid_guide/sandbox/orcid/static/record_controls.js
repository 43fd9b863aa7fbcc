// The owner's controls that act at once: a visibility option (a work's selector, Account settings > Defaults)
// saves as soon as it is chosen; "Select all" ticks every work on the page; "Items per page:" shows at once.
(function () {
  "use strict";
  document.addEventListener("change", function (event) {
    var input = event.target;
    var form = input.closest("form[data-autosave]");
    if (form && input.type === "radio") { form.submit(); return; }
    if (input.matches("select[data-autosubmit]")) { input.form.submit(); return; }
    if (input.matches("[data-select-all]")) {
      document.querySelectorAll("[data-select-work]").forEach(function (box) { box.checked = input.checked; });
    }
    if (input.matches("[data-select-all], [data-select-work]")) countSelected();
  });
  function countSelected() {
    var count = document.querySelectorAll("[data-select-work]:checked").length;
    document.querySelectorAll("[data-selected-works]").forEach(function (item) {
      item.querySelector("[data-selected-count]").textContent = String(count);
      item.disabled = count === 0;
    });
  }
  countSelected();
  // Account settings panels: the expand button or the title opens and closes a panel; "#visibility" opens one.
  function toggle(id, open) {
    var body = document.getElementById(id);
    if (!body) return;
    body.hidden = !open;
    document.querySelectorAll('button[data-panel="' + id + '"]').forEach(function (button) {
      button.setAttribute("aria-expanded", open ? "true" : "false");
      button.setAttribute("aria-label", open ? "Hide details" : "Show details");
    });
  }
  // A visibility selector inside a dialog (Names, Set visibility selected works) only changes the form, as ORCID's
  // does there: the
  // hidden field, the button's level and label, and which option is "(Currently selected)".
  document.addEventListener("click", function (event) {
    var option = event.target.closest("[data-choose-visibility]");
    if (!option) return;
    var selector = option.closest(".visibility-selector");
    var button = selector.querySelector(".visibility-button");
    selector.querySelector("input[name=visibility]").value = option.value;
    button.className = "visibility-button visibility-" + option.value;
    button.querySelector(".visibility-text").textContent = option.dataset.closedLabel;
    button.setAttribute("aria-label", button.dataset.itemTitle + " visibility is currently set to " + option.dataset.closedLabel);
    selector.querySelectorAll("[data-choose-visibility]").forEach(function (other) {
      var chosen = other === option;
      other.classList.toggle("selected", chosen);
      other.setAttribute("aria-label", other.dataset.aria + (chosen ? " (Currently selected)" : ""));
    });
    option.closest("[role=menu]").hidden = true;
    button.setAttribute("aria-expanded", "false");
    button.focus();
  });
  document.addEventListener("click", function (event) {
    var opener = event.target.closest("[data-panel]");
    if (opener) toggle(opener.dataset.panel, document.getElementById(opener.dataset.panel).hidden);
  });
  if (location.hash) toggle(location.hash.slice(1) + "-body", true);
}());

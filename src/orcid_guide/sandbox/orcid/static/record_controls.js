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
  });
}());

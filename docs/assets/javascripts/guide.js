/* The language switcher keeps the reader's section.
 *
 * Headings have the same id in both languages (the Dutch pages give theirs explicitly), and the address follows
 * the section being read (Material's navigation.tracking), so the other language's page is opened at the same
 * section by carrying the address's #fragment over to the switcher's link. Runs in the capture phase, before
 * Material's own click handler reads the link.
 */
document.addEventListener(
  "click",
  function (event) {
    var link = event.target instanceof Element ? event.target.closest("a.md-select__link") : null;
    if (!link || !window.location.hash) {
      return;
    }
    link.href = link.href.split("#")[0] + window.location.hash;
  },
  true
);

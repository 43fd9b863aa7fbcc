/* The language switcher keeps the reader's section, and goes where its link says.
 *
 * Headings have the same id in both languages (the Dutch pages give theirs explicitly), and the address follows
 * the section being read (Material's navigation.tracking), so the other language's page is opened at the same
 * section by carrying the address's #fragment over to the switcher's link.
 *
 * The link is already the page's translation (mkdocs-static-i18n). Material's own handler would instead look the
 * page up in the sitemaps it fetched, which name site_url's host: on any other host or port (a local serve, a
 * preview) the lookup misses and it sends the reader to the other language's home page, depending on which
 * sitemap arrived first. So the click stops here, in the capture phase, before it reaches Material's handler.
 */
document.addEventListener(
  "click",
  function (event) {
    var link = event.target instanceof Element ? event.target.closest("a.md-select__link") : null;
    if (!link) {
      return;
    }
    event.stopPropagation();
    if (window.location.hash) {
      link.href = link.href.split("#")[0] + window.location.hash;
    }
  },
  true
);

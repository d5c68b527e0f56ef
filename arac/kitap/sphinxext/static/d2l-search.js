/*
 * GAN Kitabı: Türkçe arama (bkz. arac/kitap/sphinxext/search.py).
 *
 * - Sorgu Türkçe kuralla küçültülür (I -> ı, İ -> i): dizindeki sözcükler de öyle
 *   küçültüldü. Sphinx'in searchtools.js'i sorguyu toLowerCase() ile küçültür;
 *   o da "I"yı "i"ye, "İ"yi "i" + birleşen noktaya çevirirdi.
 * - Sonuç özeti, sayfa metninde aranan sözcüğün geçtiği yerden alınır. Sphinx
 *   yalnızca sözcük köklerini arar; Türkçe kök çoğu zaman metinde geçmez
 *   ("üretici" -> "üretiç") ve özet sayfanın başındaki düğmelerden çıkardı. Bu yüzden
 *   sorgunun sözcükleri de aranır.
 * - Özet sayfanın ham HTML'inden çıkarılır; orada matematik henüz MathJax ile
 *   dizilmemiş LaTeX'tir. Matematik "…" olur; sayfa başlığındaki düğmeler, sağdaki
 *   içindekiler ve alt bilgi özete girmez.
 * - Sphinx'in Türkçe çevirisinde "arama bitti, N sayfa bulundu" iletisi boştur; okur
 *   kaç sonuç bulunduğunu göremezdi.
 */
"use strict";

const d2lTurkishLower = (text) =>
  text.replace(/I/g, "ı").replace(/İ/g, "i").toLowerCase();

const D2L_NOT_IN_SUMMARY = [
  ".math", "mjx-container", "script[type^='math/']", ".bd-header-article",
  ".bd-sidebar-secondary", ".prev-next-area", ".bd-footer-article",
  ".bd-footer-content", ".d2l-colab-links", ".onlyprint",
].join(", ");

const D2L_FINISHED =
  "Search finished, found ${resultCount} page(s) matching the search query.";

const d2lPatchSearch = () => {
  if (typeof Search === "undefined" || Search.d2lPatched) return;
  Search.d2lPatched = true;
  if (typeof Documentation !== "undefined" && !Documentation.TRANSLATIONS[D2L_FINISHED]) {
    Documentation.TRANSLATIONS[D2L_FINISHED] =
      "Arama bitti: sorguyla eşleşen ${resultCount} sayfa bulundu.";
  }
  let queryWords = [];

  const parseQuery = Search._parseQuery;
  Search._parseQuery = (query) => {
    const folded = d2lTurkishLower(query);
    queryWords = splitQuery(folded.trim());
    return parseQuery(folded);
  };

  const makeSearchSummary = Search.makeSearchSummary;
  Search.makeSearchSummary = (htmlText, keywords, anchor) =>
    makeSearchSummary(htmlText, new Set([...keywords, ...queryWords]), anchor);

  const htmlToText = Search.htmlToText;
  Search.htmlToText = (htmlString, anchor) => {
    const doc = new DOMParser().parseFromString(htmlString, "text/html");
    doc.querySelectorAll(D2L_NOT_IN_SUMMARY).forEach((el) => {
      el.replaceWith(el.matches(".math, mjx-container") ? " … " : " ");
    });
    return htmlToText(doc.documentElement.outerHTML, anchor);
  };
};

// searchtools.js bu betikten önce yüklendiyse hemen, sonra yükleniyorsa onun
// Search.init'inden önce (DOMContentLoaded dinleyicileri eklenme sırasıyla çalışır).
d2lPatchSearch();
document.addEventListener("DOMContentLoaded", d2lPatchSearch);

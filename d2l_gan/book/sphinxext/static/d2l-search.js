/*
 * GAN Kitabı: Türkçe arama (bkz. d2l_gan/book/sphinxext/search.py).
 *
 * - Sorgu Türkçe kuralla küçültülür (I -> ı, İ -> i): dizindeki sözcükler de öyle
 *   küçültüldü. Sphinx'in searchtools.js'i sorguyu toLowerCase() ile küçültür;
 *   o da "I"yı "i"ye, "İ"yi "i" + birleşen noktaya çevirirdi.
 * - Sonuç özetleri sayfanın ham HTML'inden çıkarılır; orada matematik henüz MathJax
 *   ile dizilmemiş LaTeX'tir. Özetten önce matematik öğeleri "…" ile değiştirilir.
 */
"use strict";

const d2lTurkishLower = (text) =>
  text.replace(/I/g, "ı").replace(/İ/g, "i").toLowerCase();

const d2lPatchSearch = () => {
  if (typeof Search === "undefined" || Search.d2lPatched) return;
  Search.d2lPatched = true;

  const parseQuery = Search._parseQuery;
  Search._parseQuery = (query) => parseQuery(d2lTurkishLower(query));

  const htmlToText = Search.htmlToText;
  Search.htmlToText = (htmlString, anchor) => {
    const doc = new DOMParser().parseFromString(htmlString, "text/html");
    doc.querySelectorAll(".math, mjx-container, script[type^='math/']")
      .forEach((el) => el.replaceWith(" … "));
    return htmlToText(doc.documentElement.outerHTML, anchor);
  };
};

// searchtools.js bu betikten önce yüklendiyse hemen, sonra yükleniyorsa onun
// Search.init'inden önce (DOMContentLoaded dinleyicileri eklenme sırasıyla çalışır).
d2lPatchSearch();
document.addEventListener("DOMContentLoaded", d2lPatchSearch);

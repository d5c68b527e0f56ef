/*
 * GAN Kitabı: Türkçe arama (bkz. arac/kitap/sphinxext/search.py).
 *
 * - Sorgu Türkçe kuralla küçültülür (I -> ı, İ -> i) ve Türkçe harfleri ASCII'ye
 *   indirilir (ç -> c, ğ -> g, ı -> i, ö -> o, ş -> s, ü -> u, aksanlar atılır); kökü
 *   Türkçe kök bulucuyla bulunur ve yine ASCII'ye indirilir. Dizin de böyle yazıldı:
 *   "üretici", "Üretici", "uretici" aynı sayfaları bulur.
 * - Başlık eşleşmeleri (Sphinx bunları sorguyu başlıkta arayarak bulur) de Türkçe
 *   harflere duyarsızdır; her sayfa sonuçlarda bir kez, en yüksek puanlı eşleşmesiyle
 *   görünür (Sphinx aynı sayfayı başlığı ve metni için iki kez gösterirdi).
 * - Sonuç özeti sayfanın düzyazısından alınır: aranan sözcüğün (Türkçe harfli ya da
 *   harfsiz yazılmış) geçtiği ilk yer, çevresiyle; sözcük vurgulanır. Sphinx yalnızca
 *   kökü arar; Türkçe kök çoğu zaman metinde geçmez ("üretici" -> "uretic").
 * - Özet sayfanın ham HTML'inden çıkarılır; orada matematik henüz MathJax ile
 *   dizilmemiş LaTeX'tir. Matematik "…" olur; kod, sayfa başlığındaki düğmeler,
 *   sağdaki içindekiler ve alt bilgi özete girmez.
 * - Sphinx'in Türkçe çevirisinde "arama bitti, N sayfa bulundu" iletisi boştur; okur
 *   kaç sonuç bulunduğunu göremezdi.
 */
"use strict";

const d2lTurkishLower = (text) =>
  text.replace(/I/g, "ı").replace(/İ/g, "i").toLowerCase();

// search.py'deki ascii_fold ile aynı: ı -> i, NFD, U+0300-U+036F işaretleri atılır.
const d2lFold = (text) =>
  text.replace(/ı/g, "i").normalize("NFD").replace(/[\u0300-\u036f]/g, "");

// Uzunluğu koruyan indirme (özette konum bulmak için): her karakter tek karaktere.
const d2lFoldChars = (text) =>
  Array.from(text, (c) => {
    const folded = d2lFold(c);
    return folded.length === 1 ? folded : c;
  }).join("");

const D2L_NOT_IN_SUMMARY = [
  ".math", "mjx-container", "script[type^='math/']", ".bd-header-article",
  ".bd-sidebar-secondary", ".prev-next-area", ".bd-footer-article",
  ".bd-footer-content", ".d2l-colab-links", ".onlyprint", "pre", ".cell_input",
  ".cell_output", "div.highlight", ".headerlink",
].join(", ");

const D2L_FINISHED =
  "Search finished, found ${resultCount} page(s) matching the search query.";
const D2L_NO_MATCH = "\u0000"; // Sphinx'in kendi başlık taraması hiçbir şey bulmasın

const d2lPatchSearch = () => {
  if (typeof Search === "undefined" || Search.d2lPatched) return;
  Search.d2lPatched = true;
  if (typeof Documentation !== "undefined" && !Documentation.TRANSLATIONS[D2L_FINISHED]) {
    Documentation.TRANSLATIONS[D2L_FINISHED] =
      "Arama bitti: sorguyla eşleşen ${resultCount} sayfa bulundu.";
  }

  // Kök bulucu: girdi ve çıktı ASCII'ye indirilir (dizindeki kökler gibi).
  if (typeof Stemmer !== "undefined" && !Stemmer.d2lFolded) {
    const TurkishStemmer = Stemmer;
    Stemmer = function () { // eslint-disable-line no-global-assign
      const stemmer = new TurkishStemmer();
      this.stemWord = (word) => d2lFold(stemmer.stemWord(d2lFold(word)));
    };
    Stemmer.d2lFolded = true;
  }

  let queryWords = []; // sorgunun sözcükleri, küçültülmüş ve ASCII'ye indirilmiş
  let foldedQuery = "";

  const parseQuery = Search._parseQuery;
  Search._parseQuery = (query) => {
    const lowered = d2lTurkishLower(query);
    foldedQuery = d2lFold(lowered).trim();
    queryWords = splitQuery(foldedQuery).filter((w) => w);
    return parseQuery(d2lFold(lowered));
  };

  // Başlık eşleşmeleri Türkçe harflere duyarsız; her sayfa bir kez.
  const performSearch = Search._performSearch;
  Search._performSearch = (query, searchTerms, excludedTerms, highlightTerms, objectTerms) => {
    const results = performSearch(D2L_NO_MATCH, searchTerms, excludedTerms, highlightTerms,
                                  objectTerms);
    const index = Search._index;
    for (const [title, found] of Object.entries(index.alltitles)) {
      const folded = d2lFold(d2lTurkishLower(title)).trim();
      if (!foldedQuery || !folded.includes(foldedQuery)
          || foldedQuery.length < title.length / 2) continue;
      for (const [file, id] of found) {
        const score = Math.round(Scorer.title * foldedQuery.length / title.length);
        const boost = index.titles[file] === title ? 1 : 0;
        results.push([
          index.docnames[file],
          index.titles[file] !== title ? `${index.titles[file]} > ${title}` : title,
          id !== null ? "#" + id : "",
          null,
          score + boost,
          index.filenames[file],
        ]);
      }
    }
    results.sort(_orderResultsByScoreThenName);
    const seen = new Set();
    const unique = [];
    for (let i = results.length - 1; i >= 0; i -= 1) { // en yüksek puanlı önce
      if (seen.has(results[i][0])) continue;
      seen.add(results[i][0]);
      unique.push(results[i]);
    }
    return unique.reverse();
  };

  const htmlToText = Search.htmlToText;
  const proseText = (htmlString, anchor) => {
    const doc = new DOMParser().parseFromString(htmlString, "text/html");
    doc.querySelectorAll(D2L_NOT_IN_SUMMARY).forEach((el) => {
      el.replaceWith(el.matches(".math, mjx-container") ? " … " : " ");
    });
    const html = doc.documentElement.outerHTML;
    const text = htmlToText(html, anchor).replace(/\s+/g, " ").trim();
    return text || (anchor ? htmlToText(html, "").replace(/\s+/g, " ").trim() : "");
  };
  Search.htmlToText = proseText;

  // Özet: aranan sözcüğün (ya da kökünün) düzyazıda ilk geçtiği yer, vurgulu.
  Search.makeSearchSummary = (htmlText, keywords, anchor) => {
    const text = proseText(htmlText, anchor);
    if (!text) return null;
    const folded = d2lFoldChars(d2lTurkishLower(text));
    const needles = [...new Set([...queryWords, ...keywords].map((k) => d2lFold(k)))]
      .filter((k) => k.length > 1);
    const hits = needles.map((k) => folded.indexOf(k)).filter((i) => i > -1);
    const first = hits.length ? Math.min(...hits) : 0;
    let start = Math.max(first - 120, 0);
    if (start > 0) { // özet bir sözcüğün ortasından başlamasın
      const space = text.indexOf(" ", start);
      if (space > -1 && space < first) start = space + 1;
    }
    const top = start === 0 ? "" : "…";
    const tail = start + 240 < text.length ? "…" : "";
    const summary = document.createElement("p");
    summary.classList.add("context");
    const piece = text.substr(start, 240);
    const pieceFolded = folded.substr(start, 240);
    const marks = []; // [başlangıç, bitiş] vurgulanacak aralıklar
    needles.forEach((k) => {
      for (let i = pieceFolded.indexOf(k); i > -1; i = pieceFolded.indexOf(k, i + k.length))
        marks.push([i, i + k.length]);
    });
    marks.sort((a, b) => a[0] - b[0]);
    summary.append(top);
    let at = 0;
    marks.forEach(([from, to]) => {
      if (from < at) return;
      summary.append(piece.slice(at, from));
      const span = document.createElement("span");
      span.className = "highlighted";
      span.textContent = piece.slice(from, to);
      summary.append(span);
      at = to;
    });
    summary.append(piece.slice(at), tail);
    return summary;
  };
};

// searchtools.js bu betikten önce yüklendiyse hemen, sonra yükleniyorsa onun
// Search.init'inden önce (DOMContentLoaded dinleyicileri eklenme sırasıyla çalışır).
d2lPatchSearch();
document.addEventListener("DOMContentLoaded", d2lPatchSearch);

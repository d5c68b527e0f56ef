/*
 * GAN Kitabı: tarayıcıda üretilen dizelerin Türkçesi (bkz. translations.py).
 *
 * - sphinx-copybutton'ın iletilerinde Türkçe yok ("Copy", "Copied!"): betiği bu
 *   dosyadan önce yüklenir; iletilerine Türkçe eklenir, dil seçilir ve daha önce
 *   hazırlanmış simgelerin başlıkları değiştirilir. Düğmeler sayfa yüklenince eklenir.
 * - sphinx-togglebutton'ın düğme adı ("Toggle hidden content") Türkçe olur.
 */
"use strict";

(() => {
  const COPY = {
    copy: "Kopyala",
    copy_to_clipboard: "Panoya kopyala",
    copy_success: "Kopyalandı!",
    copy_failure: "Kopyalanamadı",
  };
  const TOGGLE = "Gizli içeriği göster ya da gizle";

  /* global messages, locale, iconCheck, iconCopy */
  if (typeof messages !== "undefined" && document.documentElement.lang === "tr") {
    messages.tr = COPY;
    locale = "tr"; // eslint-disable-line no-global-assign
    const title = (svg, text) => svg.replace(/<title>[^<]*<\/title>/, `<title>${text}</title>`);
    if (typeof iconCheck !== "undefined") iconCheck = title(iconCheck, COPY.copy_success);
    if (typeof iconCopy !== "undefined") iconCopy = title(iconCopy, COPY.copy_to_clipboard);
  }

  // togglebutton.js bu dosyadan sonra yüklenir; düğmeleri DOMContentLoaded'da ekler.
  const renameToggles = () =>
    document.querySelectorAll('button.toggle-button[aria-label="Toggle hidden content"]')
      .forEach((button) => button.setAttribute("aria-label", TOGGLE));
  document.addEventListener("DOMContentLoaded", () => setTimeout(renameToggles, 0));
})();

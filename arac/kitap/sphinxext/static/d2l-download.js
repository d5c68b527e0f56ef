/*
 * GAN Kitabı: indirme menüsündeki defter seçili çerçevenin defteridir
 * (bkz. arac/kitap/sphinxext/download.py).
 *
 * Bağlantı sayfada PyTorch defteriyle yazılır; sayfanın çerçeve sekmelerinde seçili
 * olan (ya da önceki sayfalarda seçilip hatırlanan) çerçevenin defterine çevrilir ve
 * okur sekme değiştirdikçe güncellenir. Bölümün hangi çerçevelerde defteri olduğu
 * "Colab'da aç" bağlantılarından okunur.
 */
"use strict";

(() => {
  const LABELS = { pytorch: "PyTorch", tensorflow: "TensorFlow", mxnet: "MXNet" };
  const NOTEBOOK = /\/(pytorch|tensorflow|mxnet)\/([^/]+)\.ipynb$/;

  const available = () =>
    Array.from(document.querySelectorAll("a.d2l-colab-link"), (a) => {
      const match = a.getAttribute("href").match(NOTEBOOK);
      return match && match[1];
    }).filter(Boolean);

  const selected = () => {
    const input = document.querySelector(
      ".sd-tab-set > input:checked + label[data-sync-group='framework']"
    );
    if (input) return input.dataset.syncId;
    try {
      return window.localStorage.getItem("sphinx-design-tab-id-framework");
    } catch (err) {
      return null;
    }
  };

  const update = () => {
    const link = document.querySelector("a.btn-d2l-notebook");
    if (!link) return;
    const frameworks = available();
    const chosen = selected();
    const framework = frameworks.includes(chosen) ? chosen : frameworks[0];
    const match = link.getAttribute("href").match(NOTEBOOK);
    if (!framework || !match) return;
    const href = link.getAttribute("href").replace(NOTEBOOK, `/${framework}/$2.ipynb`);
    const label = LABELS[framework] || framework;
    link.setAttribute("href", href);
    link.setAttribute("download", `${match[2]}-${framework}.ipynb`);
    link.removeAttribute("target");
    const text = link.querySelector(".btn__text-container");
    if (text) text.textContent = `${label} defteri (.ipynb)`;
    const tip = `Bu bölümün ${label} defterini indirin`;
    link.setAttribute(link.hasAttribute("data-bs-original-title")
      ? "data-bs-original-title" : "title", tip);
    link.dataset.framework = framework;
  };

  document.addEventListener("change", (event) => {
    const label = event.target.nextElementSibling;
    if (label && label.dataset && label.dataset.syncGroup === "framework") update();
  });
  // sphinx-design seçili sekmeyi DOMContentLoaded'da geri yükler; ondan sonra.
  document.addEventListener("DOMContentLoaded", () => setTimeout(update, 0));
})();

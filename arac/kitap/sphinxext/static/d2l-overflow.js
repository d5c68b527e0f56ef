/*
 * GAN Kitabı: sığmayan denklemler (bkz. d2l-book.css).
 *
 * MathJax dizgiyi bitirince her ayrık denklemin taşıp taşmadığına bakar; taşan
 * kenara d2l-overflow-left / d2l-overflow-right sınıfını verir (o kenar silikleşir).
 * Okur denklemi kaydırdıkça ya da pencere genişliği değiştikçe sınıflar güncellenir.
 */
"use strict";

(() => {
  const SELECTOR = 'mjx-container[jax="CHTML"][display="true"]';

  const update = (el) => {
    const hidden = el.scrollWidth - el.clientWidth;
    el.classList.toggle("d2l-overflow-left", hidden > 1 && el.scrollLeft > 1);
    el.classList.toggle("d2l-overflow-right", hidden > 1 && el.scrollLeft < hidden - 1);
  };

  const watch = () => {
    const resized = new ResizeObserver((entries) => {
      entries.forEach((entry) => update(entry.target));
    });
    document.querySelectorAll(SELECTOR).forEach((el) => {
      el.addEventListener("scroll", () => update(el), { passive: true });
      resized.observe(el);
      update(el);
    });
  };

  // MathJax ertelenmiş (defer) bir betiktir: DOMContentLoaded'dan önce çalışır.
  document.addEventListener("DOMContentLoaded", () => {
    const startup = window.MathJax && window.MathJax.startup;
    if (startup && startup.promise) startup.promise.then(watch);
  });
})();

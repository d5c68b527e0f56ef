/*
 * GAN Kitabı: sütuna sığmayan matematik ve kod (bkz. d2l-book.css, layout.py).
 *
 * Satır içi matematik. MathJax 3 satır bölmez ve tema satır içi formülün taşan kısmını
 * keser (`span.math { overflow: hidden }`). TeX'in yaptığını yaparız: formül en üst
 * düzeydeki bağıntılardan (=, ≤, ≈, →) ve ayraç dışındaki ikili işlemlerden (+, −, ×)
 * sonra bölünebilir. Aradaki parçalar bölünmez kutulardır (`d2l-mgroup`); formül
 * bunlar arasında sıradan metin gibi satıra sarılır. Tek bir parçası bile sütuna
 * sığmayan formül kendi kutusunda yana kayar ve taşan kenarı silikleşir.
 *
 * Ayrık denklemler. Biraz taşan denklem (en çok %20) yazısı küçültülerek sığdırılır;
 * daha genişi kendi kutusunda yana kayar: taşan kenar silikleşir (d2l-overflow-left /
 * d2l-overflow-right) ve kaydırma çubuğu görünür.
 *
 * Kod. Her kod satırı bir `span.d2l-line` olur; satır sütuna sığmazsa sarılır ve
 * devamı satırın kendi girintisinin biraz içinden başlar (CSS: asılı girinti ve solda
 * ince bir çizgi). Metin değişmez (kopyala düğmesi aynı kodu kopyalar). Tablo gibi
 * hizalanmış çıktılar (bir satırda sütun aralığı olarak birden çok boşluk dizisi)
 * sarılmaz: biraz taşan (en çok %20) küçültülerek sığar, daha genişi kendi kutusunda
 * kayar ve taşan kenarları silikleşir.
 */
"use strict";

(() => {
  const DISPLAY = 'mjx-container[jax="CHTML"][display="true"]';
  const MIN_SCALE = 0.8; // ayrık denklem en çok bu orana küçültülür
  const TEX_BIN = 2; // MathJax'in TeX sınıfları: ikili işlem, bağıntı, açılan/kapanan ayraç
  const TEX_REL = 3;
  const TEX_OPEN = 4;
  const TEX_CLOSE = 5;

  // --- Taşan kenarın silikleşmesi (ayrık denklem, satır içi formül, kod kutusu) ---

  const updateEdges = (el) => {
    const hidden = el.scrollWidth - el.clientWidth;
    el.classList.toggle("d2l-overflow-left", hidden > 1 && el.scrollLeft > 1);
    el.classList.toggle("d2l-overflow-right", hidden > 1 && el.scrollLeft < hidden - 1);
  };

  const resized = new ResizeObserver((entries) => {
    entries.forEach((entry) => {
      const el = entry.target;
      if (el.matches(DISPLAY)) fitDisplay(el);
      else if (el.matches("pre.d2l-table")) fitTable(el);
      updateEdges(el);
    });
  });

  const watchEdges = (el) => {
    el.addEventListener("scroll", () => updateEdges(el), { passive: true });
    resized.observe(el);
    updateEdges(el);
  };

  // --- Ayrık denklemler --------------------------------------------------------

  // MathJax yazı boyunu kabın kendi stiline yazar (ör. "127.3%"); küçültme onun üstüne.
  // Sığmayan denklem sırasıyla: küçültülür (en çok MIN_SCALE), bağıntı ve ikili
  // işlemlerden sonra satırlara bölünür (parçaları gerekirse küçültülür), olmazsa kayar.
  const displayItems = new Map(); // mjx-container -> MathJax'in matematik öğesi

  const setSize = (el, size) => {
    if (el.style.fontSize !== size) el.style.fontSize = size;
  };

  const fitDisplay = (el) => {
    if (!el.dataset.d2lWidth) {
      el.dataset.d2lSize = String(parseFloat(el.style.fontSize) || 100);
      el.dataset.d2lWidth = String(el.scrollWidth);
    }
    const base = Number(el.dataset.d2lSize);
    const avail = el.clientWidth;
    const natural = Number(el.dataset.d2lWidth);
    const scaled = (width) => `${Math.floor(base * (avail / width) * 995) / 1000}%`;
    const item = displayItems.get(el);
    if (natural <= avail || natural * MIN_SCALE <= avail || !item) {
      if (el.classList.contains("d2l-breakable")) ungroup(el);
      const shrink = natural > avail && natural * MIN_SCALE <= avail;
      setSize(el, shrink ? scaled(natural) : `${base}%`);
      return;
    }
    setSize(el, `${base}%`);
    if (!el.classList.contains("d2l-breakable")) groupMath(item, false);
    const widest = widestPart(el);
    if (widest > avail && widest * MIN_SCALE <= avail) setSize(el, scaled(widest));
  };

  // --- Satır içi matematik -----------------------------------------------------

  // Bölme noktaları: en üst düzeyde bağıntı ve ikili işlemlerden sonra; `anyDepth`
  // değilse yalnızca ayraç dışındakiler.
  const breakAfter = (kids, anyDepth) => {
    const points = new Set();
    let depth = 0;
    kids.forEach((kid, i) => {
      const cls = kid.texClass;
      if (cls === TEX_OPEN) depth += 1;
      else if (cls === TEX_CLOSE) depth = Math.max(0, depth - 1);
      else if (i < kids.length - 1 && (anyDepth || depth === 0)
               && (cls === TEX_REL || cls === TEX_BIN) && kids[i + 1].texClass !== TEX_REL)
        points.add(i);
    });
    return points;
  };

  const items = new Map(); // span.math -> MathJax'in matematik öğesi

  const ungroup = (container) => {
    container.querySelectorAll(":scope > mjx-math > d2l-mgroup")
      .forEach((g) => g.replaceWith(...g.childNodes));
    container.classList.remove("d2l-breakable");
  };

  const groupMath = (item, anyDepth) => {
    const container = item.typesetRoot;
    const math = container && container.querySelector(":scope > mjx-math");
    if (!math) return;
    ungroup(container);
    const mrow = item.root.childNodes[0];
    const kids = mrow && mrow.isInferred ? mrow.childNodes : [];
    const elements = Array.from(math.children);
    if (kids.length < 2 || kids.length !== elements.length) return;
    const points = breakAfter(kids, anyDepth);
    if (!points.size) return;
    let group = null;
    elements.forEach((el, i) => {
      if (!group) {
        group = document.createElement("d2l-mgroup");
        math.insertBefore(group, el);
      }
      group.appendChild(el);
      if (points.has(i)) group = null;
    });
    container.classList.add("d2l-breakable");
  };

  // Bölünmez parçaların en genişi (bölünmemiş formülde formülün kendisi).
  const widestPart = (box) => {
    const parts = box.querySelectorAll("d2l-mgroup");
    const boxes = parts.length ? Array.from(parts) : [box.querySelector("mjx-math")];
    return Math.max(0, ...boxes.filter(Boolean).map((b) => b.getBoundingClientRect().width));
  };

  const checkInline = (span) => {
    const block = span.parentElement.closest("p, li, dd, dt, td, th, figcaption, div");
    if (!block) return;
    span.classList.remove("d2l-scroll");
    const item = items.get(span);
    if (item && !span.dataset.d2lDeep && widestPart(span) > block.clientWidth + 1) {
      groupMath(item, true);
      span.dataset.d2lDeep = "1";
    }
    const scroll = widestPart(span) > block.clientWidth + 1;
    span.classList.toggle("d2l-scroll", scroll);
    if (scroll && !span.dataset.d2lEdges) {
      span.dataset.d2lEdges = "1";
      watchEdges(span);
    }
    if (!scroll) span.classList.remove("d2l-overflow-left", "d2l-overflow-right");
  };

  const inlineSpans = () =>
    document.querySelectorAll(".bd-article span.math:has(> mjx-container)");

  // --- Kod satırları -----------------------------------------------------------

  // Hizalanmış sütunlar: bir satırda, metnin içinde en az iki "iki ya da daha çok
  // boşluk" dizisi.
  const TABLE_ROW = /\S {2,}\S.*\S {2,}\S/;

  const splitLines = (pre) => {
    const lines = [];
    const chain = []; // açık öğeler (asılları) ve bu satırdaki kopyaları
    let clones = [];
    let line = null;
    const startLine = () => {
      line = document.createElement("span");
      line.className = "d2l-line";
      lines.push(line);
      clones = [];
      let parent = line;
      chain.forEach((el) => {
        const copy = el.cloneNode(false);
        copy.removeAttribute("id");
        parent.appendChild(copy);
        clones.push(copy);
        parent = copy;
      });
    };
    const current = () => (clones.length ? clones[clones.length - 1] : line);
    const walk = (node) => {
      Array.from(node.childNodes).forEach((child) => {
        if (child.nodeType === Node.TEXT_NODE) {
          child.data.split("\n").forEach((part, i) => {
            if (i > 0) startLine();
            if (part) current().appendChild(document.createTextNode(part));
          });
        } else if (child.nodeType === Node.ELEMENT_NODE) {
          const copy = child.cloneNode(false);
          current().appendChild(copy);
          chain.push(child);
          clones.push(copy);
          walk(child);
          chain.pop();
          clones.pop();
        }
      });
    };
    startLine();
    walk(pre);
    const trailing = lines.length > 1 && lines[lines.length - 1].textContent === "";
    if (trailing) lines.pop();
    const nodes = [];
    lines.forEach((ln, i) => {
      const indent = ln.textContent.match(/^ */)[0].length;
      if (indent) ln.style.setProperty("--d2l-indent", `${indent}ch`);
      if (i > 0) nodes.push(document.createTextNode("\n"));
      nodes.push(ln);
    });
    if (trailing) nodes.push(document.createTextNode("\n"));
    pre.replaceChildren(...nodes);
    pre.classList.add("d2l-wrapped");
  };

  // Biraz taşan hizalı çıktı (en çok %20) yazısı küçültülerek sığdırılır; daha
  // genişi kendi kutusunda kayar.
  const fitTable = (pre) => {
    pre.style.fontSize = "";
    const natural = pre.scrollWidth;
    const avail = pre.clientWidth;
    if (natural > avail + 1 && natural * MIN_SCALE <= avail) {
      const size = parseFloat(getComputedStyle(pre).fontSize);
      pre.style.fontSize = `${Math.floor(size * (avail / natural) * 99) / 100}px`;
    }
  };

  const prepareCode = () => {
    document.querySelectorAll(".bd-article div.highlight pre").forEach((pre) => {
      if (pre.classList.contains("d2l-wrapped") || pre.classList.contains("d2l-table"))
        return;
      const text = pre.textContent;
      if (pre.closest(".cell_output") && text.split("\n").some((l) => TABLE_ROW.test(l))) {
        pre.classList.add("d2l-table");
        fitTable(pre);
        watchEdges(pre);
        return;
      }
      splitLines(pre);
    });
  };

  // --- Başlangıç ---------------------------------------------------------------

  const watchMath = () => {
    const doc = window.MathJax.startup.document;
    for (const item of doc.math) {
      if (!item.typesetRoot) continue;
      if (item.display) {
        displayItems.set(item.typesetRoot, item);
        continue;
      }
      groupMath(item, false);
      const span = item.typesetRoot.parentElement;
      if (span && span.matches("span.math")) items.set(span, item);
    }
    inlineSpans().forEach(checkInline);
    document.querySelectorAll(DISPLAY).forEach((el) => {
      fitDisplay(el);
      watchEdges(el);
    });
    let pending = 0;
    window.addEventListener("resize", () => {
      cancelAnimationFrame(pending);
      pending = requestAnimationFrame(() => inlineSpans().forEach(checkInline));
    });
    document.documentElement.classList.add("d2l-math-ready");
  };

  // MathJax ertelenmiş (defer) bir betiktir: DOMContentLoaded'dan önce çalışır.
  document.addEventListener("DOMContentLoaded", () => {
    prepareCode();
    const startup = window.MathJax && window.MathJax.startup;
    if (startup && startup.promise) startup.promise.then(watchMath);
  });
})();

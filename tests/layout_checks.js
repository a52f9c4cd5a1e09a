// Checks run inside a page by tests/test_browser_layout.py; each returns a list of problems in words.
({
  // No tick label, axis title, chart title or legend entry of a Plotly chart reaches past the chart's
  // own drawing, and none overlaps another.
  charts: () => {
    const problems = [];
    const shown = (box) => box.width > 0.5 && box.height > 0.5;
    const LABELS = ".xtick text, .ytick text, .xtitle, .ytitle, .gtitle, .legendtext, .cbtitle text, .cbaxis text";
    document.querySelectorAll(".js-plotly-plot").forEach((plot, n) => {
      const svg = plot.querySelector("svg.main-svg");
      if (!svg) return;
      const frame = svg.getBoundingClientRect();
      if (!shown(frame)) return;
      const title = plot.querySelector(".gtitle");
      const name = (title && title.textContent.trim()) || `chart ${n + 1}`;
      const labels = [...plot.querySelectorAll(LABELS)]
        .filter((text) => text.textContent.trim() && getComputedStyle(text).display !== "none")
        .map((text) => ({ text: text.textContent.trim(), box: text.getBoundingClientRect() }))
        .filter((label) => shown(label.box));
      for (const { text, box } of labels) {
        if (box.left < frame.left - 1 || box.right > frame.right + 1 || box.top < frame.top - 1 ||
            box.bottom > frame.bottom + 1) {
          problems.push(`${name}: "${text}" is cut off at the chart's edge`);
        }
      }
      for (let i = 0; i < labels.length; i++) {
        for (let j = i + 1; j < labels.length; j++) {
          const a = labels[i].box, b = labels[j].box;
          const across = Math.min(a.right, b.right) - Math.max(a.left, b.left);
          const down = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          if (across > 2 && down > 2) problems.push(`${name}: "${labels[i].text}" overlaps "${labels[j].text}"`);
        }
      }
    });
    return problems;
  },

  // Every piece of text on the page meets WCAG AA against what is behind it: 4.5:1, or 3:1 for large
  // text (24 px, or 18.66 px bold). Colours are composed through translucent backgrounds and opacity.
  // Run with the whole page in the viewport: the background is read from what lies under the text.
  contrast: () => {
    const parse = (colour) => {
      const match = colour.match(/rgba?\(([^)]+)\)/);
      if (!match) return null;
      const parts = match[1].split(/[\s,/]+/).filter(Boolean).map(Number);
      return [parts[0], parts[1], parts[2], parts.length > 3 ? parts[3] : 1];
    };
    const linear = (v) => (v / 255 <= 0.04045 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
    const luminance = ([r, g, b]) => 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    const over = (top, alpha, bottom) => [0, 1, 2].map((i) => alpha * top[i] + (1 - alpha) * bottom[i]);
    // What is drawn behind the element's middle, top layer first, down to the first opaque colour.
    const behind = (stack) => {
      const layers = [];
      for (const e of stack) {
        const colour = parse(getComputedStyle(e).backgroundColor);
        if (colour && colour[3] > 0) {
          layers.push(colour);
          if (colour[3] >= 1) break;
        }
      }
      let seen = [255, 255, 255];
      for (const layer of layers.reverse()) seen = over(layer, layer[3], seen);
      return seen;
    };
    const opacity = (element) => {
      let product = 1;
      for (let e = element; e; e = e.parentElement) product *= Number(getComputedStyle(e).opacity);
      return product;
    };
    const problems = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const checked = new Set();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      if (!node.textContent.trim() || !element || checked.has(element)) continue;
      checked.add(element);
      if (element.closest("svg, script, style, noscript, [disabled], [aria-disabled='true'], [aria-hidden='true']")) continue;
      const box = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      if (box.width < 1 || box.height < 1 || style.visibility === "hidden") continue;
      const ink = parse(style.color);
      const faded = opacity(element);
      if (!ink || faded < 0.1) continue;  // not shown (Streamlit draws a slider's ends only on hover)
      const stack = document.elementsFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      if (!stack.some((e) => element.contains(e))) continue;  // scrolled out of its box, or covered: not seen
      const ground = behind(stack);
      const seen = over(ink, ink[3] * faded, ground);
      const [high, low] = [luminance(seen), luminance(ground)].sort((a, b) => b - a);
      const ratio = (high + 0.05) / (low + 0.05);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5) - 0.01) {
        problems.push(`"${node.textContent.trim().slice(0, 50)}" ${ratio.toFixed(2)}:1 (${style.color} on rgb(${ground.map(Math.round)}))`);
      }
    }
    return problems;
  },
})

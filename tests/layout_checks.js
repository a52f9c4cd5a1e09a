// Checks run inside a page by tests/test_browser_layout.py; each returns a list of problems in words.
// Run them with the whole page in the viewport: backgrounds are read from what lies under each thing.
(() => {
  const parse = (colour) => {
    const match = String(colour).match(/rgba?\(([^)]+)\)/);
    if (!match) return null;
    const parts = match[1].split(/[\s,/]+/).filter(Boolean).map(Number);
    return [parts[0], parts[1], parts[2], parts.length > 3 ? parts[3] : 1];
  };
  const linear = (v) => (v / 255 <= 0.04045 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
  const luminance = ([r, g, b]) => 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
  const over = (top, alpha, bottom) => [0, 1, 2].map((i) => alpha * top[i] + (1 - alpha) * bottom[i]);
  const ratio = (a, b) => {
    const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (high + 0.05) / (low + 0.05);
  };
  const rgb = (colour) => `rgb(${colour.map(Math.round)})`;
  // What is drawn behind a point, top layer first, down to the first opaque colour (white under all).
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
  const middle = (box) => [box.left + box.width / 2, box.top + box.height / 2];
  const inside = (box, [x, y]) => x >= box.left && x <= box.right && y >= box.top && y <= box.bottom;
  const shown = (box) => box.width > 0.5 && box.height > 0.5;
  // An SVG shape's paint ("fill" or "stroke") as seen: its colour and its opacity, or null if it has none.
  const paint = (shape, kind) => {
    const style = getComputedStyle(shape);
    const pattern = String(style[kind]).match(/url\(["']?#([^"')]+)/);  // hatching: the tile's ground colour
    const tile = pattern && document.getElementById(pattern[1])?.querySelector("rect");
    const colour = parse(tile ? getComputedStyle(tile).fill : style[kind]);
    if (!colour || (kind === "stroke" && parseFloat(style.strokeWidth) < 0.5)) return null;
    return [colour, colour[3] * Number(style[`${kind}Opacity`]) * opacity(shape)];
  };
  const LABELS = ".xtick text, .ytick text, .xtitle, .ytitle, .gtitle, .legendtext, .cbtitle text, .cbaxis text";
  const MARKS = ".bars .point path, .scatterlayer .point, .scatterlayer .js-line";
  const INK = ".textpoint text, .bartext";
  const PAGE = "html, body, [data-testid='stApp'], [data-testid='stAppViewContainer'], [data-testid='stMain']";

  // One Plotly chart: its name, its frame, the ground under it (its paper over the page), and its plot area.
  const chartsOnPage = () => [...document.querySelectorAll(".js-plotly-plot")].map((plot, n) => {
    const svg = plot.querySelector("svg.main-svg");
    if (!svg || !shown(svg.getBoundingClientRect())) return null;
    const frame = svg.getBoundingClientRect();
    const title = plot.querySelector(".gtitle");
    const paper = parse(getComputedStyle(svg).backgroundColor) || [0, 0, 0, 0];
    const page = behind(document.elementsFromPoint(...middle(frame)).filter((e) => !plot.contains(e)));
    const ground = over(paper, paper[3], page);
    const area = plot.querySelector(".bglayer rect.bg");
    const areaFill = area && paint(area, "fill");
    const plotArea = (plot.querySelector(".draglayer .nsewdrag") || svg).getBoundingClientRect();
    return {
      plot, frame, plotArea, name: (title && title.textContent.trim()) || `chart ${n + 1}`, ground,
      groundIn: areaFill ? over(areaFill[0], areaFill[1], ground) : ground,
    };
  }).filter(Boolean);

  return {
    // No tick label, axis title, chart title or legend entry of a Plotly chart reaches past the chart's
    // own drawing; none overlaps another or a colour key's bar; a scatter's labels lie clear of its points
    // and of each other; a grid of squares (names on top) starts
    // its first row right under the names.
    charts: () => {
      const problems = [];
      for (const { plot, frame, plotArea, name } of chartsOnPage()) {
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
        const keys = [...plot.querySelectorAll(".cbfill")].map((bar) => ({ text: "the colour key's bar",
                                                                            box: bar.getBoundingClientRect() }));
        const boxes = [...labels, ...keys];
        for (let i = 0; i < labels.length; i++) {
          for (let j = i + 1; j < boxes.length; j++) {
            const a = boxes[i].box, b = boxes[j].box;
            const across = Math.min(a.right, b.right) - Math.max(a.left, b.left);
            const down = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
            if (across > 2 && down > 2) problems.push(`${name}: "${boxes[i].text}" overlaps "${boxes[j].text}"`);
          }
        }
        // a label beside a scatter's point (not a number drawn on a square) lies clear of every point and label
        const points = [...plot.querySelectorAll(".scatterlayer .point")].map((p) => p.getBoundingClientRect()).filter(shown);
        const besides = [...plot.querySelectorAll(".scatterlayer .textpoint text")]
          .map((text) => ({ text: text.textContent.trim(), box: text.getBoundingClientRect() }))
          .filter(({ text, box }) => text && shown(box) && !points.some((p) => inside(p, [box.left + 1, box.top + 1]) &&
                                                                              inside(p, [box.right - 1, box.bottom - 1])));
        const crossing = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 2 &&
                                   Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 2;
        besides.forEach((label, i) => {
          if (points.some((point) => crossing(label.box, point))) problems.push(`${name}: "${label.text}" lies over a point`);
          for (const other of besides.slice(i + 1)) {
            if (crossing(label.box, other.box)) problems.push(`${name}: "${label.text}" overlaps "${other.text}"`);
          }
        });
        const onTop = [...plot.querySelectorAll(".xtick text")].some((t) => t.getBoundingClientRect().bottom <= plotArea.top);
        if (onTop && points.length) {
          const first = Math.min(...points.map((box) => box.top));
          const tallest = Math.max(...points.map((box) => box.height));
          if (first - plotArea.top > Math.max(tallest, 12)) {
            problems.push(`${name}: ${Math.round(first - plotArea.top)} px of empty space above the first row`);
          }
        }
      }
      return problems;
    },

    // A chart's text meets WCAG AA against what is behind it (4.5:1, or 3:1 from 24 px), labels on its
    // paper and numbers on its marks alike; each mark (bar, square, point, line) is told from the plot's
    // background at 3:1 by its fill or by its outline.
    chartContrast: () => {
      const problems = [];
      for (const { plot, name, ground, groundIn } of chartsOnPage()) {
        const marks = [...plot.querySelectorAll(MARKS)].filter((m) => shown(m.getBoundingClientRect()));
        const texts = [...plot.querySelectorAll(`${LABELS}, ${INK}`)]
          .filter((t) => t.textContent.trim() && shown(t.getBoundingClientRect()));
        for (const text of texts) {
          const ink = paint(text, "fill");
          if (!ink || ink[1] < 0.1) continue;
          let under = text.closest(".legend") || !text.matches(INK) ? ground : groundIn;
          if (text.matches(INK)) {  // a number on a square or a bar, or a point's label beside it
            const box = text.getBoundingClientRect();
            const mark = marks.filter((m) => {
              const around = m.getBoundingClientRect();
              return inside(around, [box.left + 1, box.top + 1]) && inside(around, [box.right - 1, box.bottom - 1]);
            }).pop();
            const fill = mark && paint(mark, "fill");
            if (fill) under = over(fill[0], fill[1], groundIn);
          }
          const seen = over(ink[0], ink[1], under);
          const large = parseFloat(getComputedStyle(text).fontSize) >= 24;
          const value = ratio(seen, under);
          if (value < (large ? 3 : 4.5) - 0.01) {
            problems.push(`${name}: "${text.textContent.trim().slice(0, 40)}" ${value.toFixed(2)}:1 (${rgb(seen)} on ${rgb(under)})`);
          }
        }
        const weak = new Map();
        for (const mark of marks) {
          const paints = ["fill", "stroke"].map((kind) => paint(mark, kind)).filter(Boolean);
          if (!paints.length) continue;
          const best = Math.max(...paints.map(([colour, alpha]) => ratio(over(colour, alpha, groundIn), groundIn)));
          if (best < 2.99) weak.set(rgb(over(paints[0][0], paints[0][1], groundIn)), best);
        }
        for (const [colour, value] of weak) {
          problems.push(`${name}: a mark in ${colour} is ${value.toFixed(2)}:1 on ${rgb(groundIn)}`);
        }
      }
      return problems;
    },

    // The page is no wider than the screen: what is wider scrolls inside its own box (a table's, a grid's),
    // not in the page's own scrolling area, which spans the screen, nor is it cut off by it.
    width: () => {
      const screen = document.documentElement.clientWidth;
      const scrolls = (e) => {
        for (let up = e.parentElement; up; up = up.parentElement) {
          if (up.matches(PAGE)) return false;
          if (["auto", "scroll", "hidden", "clip"].includes(getComputedStyle(up).overflowX) &&
              up.getBoundingClientRect().right <= screen + 1) return true;
        }
        return false;
      };
      const wide = [...document.querySelectorAll("body *")].filter((e) => {
        const box = e.getBoundingClientRect();
        return shown(box) && box.right > screen + 1 && !scrolls(e);
      });
      const outermost = wide.filter((e) => !wide.some((other) => other !== e && other.contains(e)));
      return outermost.slice(0, 5).map((e) => `"${(e.textContent || e.tagName).trim().slice(0, 40)}" (${
        e.getAttribute("data-testid") || e.tagName.toLowerCase()}) runs ${
        Math.round(e.getBoundingClientRect().right - screen)} px past the screen's edge`);
    },

    // Every piece of text on the page meets WCAG AA against what is behind it: 4.5:1, or 3:1 for large
    // text (24 px, or 18.66 px bold). Colours are composed through translucent backgrounds and opacity.
    contrast: () => {
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
        const stack = document.elementsFromPoint(...middle(box));
        if (!stack.some((e) => element.contains(e))) continue;  // scrolled out of its box, or covered: not seen
        const ground = behind(stack);
        const seen = over(ink, ink[3] * faded, ground);
        const value = ratio(seen, ground);
        const size = parseFloat(style.fontSize);
        const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
        if (value < (large ? 3 : 4.5) - 0.01) {
          problems.push(`"${node.textContent.trim().slice(0, 50)}" ${value.toFixed(2)}:1 (${style.color} on ${rgb(ground)})`);
        }
      }
      return problems;
    },
  };
})()

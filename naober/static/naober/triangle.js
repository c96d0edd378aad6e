// The triad ("triangle") signifier of a story (templates/stories/_triangle.html): the teller places one point
// in a triangle; its three barycentric weights (a at the top, b bottom left, c bottom right; each 0..1, three
// decimals, summing to exactly 1) go into the hidden fields <name>_a, <name>_b, <name>_c, or all three stay
// empty when no point is placed. Mouse, touch and pen through pointer events; the keyboard as well.
// No inline script or style (the Content-Security-Policy forbids them): only SVG attributes are set here.
"use strict";

(() => {
  const STEP = 2; // viewBox units per arrow key press (the triangle's side is 88 units)
  const FAST_STEP = 8; // with Shift
  const TOWARDS_CORNER = 0.5; // 1, 2 and 3 move the point this part of the way towards their corner
  const ARROWS = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

  // Split a whole (1000 thousandths, 100 percent) over three weights so that the rounded parts add up exactly
  // (largest remainder first); never a negative part.
  function apportion(weights, whole) {
    const positive = weights.map((w) => Math.max(0, w));
    const total = positive.reduce((sum, w) => sum + w, 0) || 1;
    const exact = positive.map((w) => (w / total) * whole);
    const parts = exact.map(Math.floor);
    let left = whole - parts.reduce((sum, p) => sum + p, 0);
    const order = [0, 1, 2].sort((i, j) => exact[j] - parts[j] - (exact[i] - parts[i]));
    for (let k = 0; left > 0; k = (k + 1) % 3, left--) parts[order[k]] += 1;
    return parts;
  }

  function closestOnSegment(p, u, v) {
    const dx = v.x - u.x;
    const dy = v.y - u.y;
    const t = Math.max(0, Math.min(1, ((p.x - u.x) * dx + (p.y - u.y) * dy) / (dx * dx + dy * dy)));
    return { x: u.x + t * dx, y: u.y + t * dy };
  }

  class Triangle {
    constructor(root) {
      this.root = root;
      this.pad = root.querySelector(".triangle-pad");
      this.svg = this.pad.querySelector("svg");
      this.point = root.querySelector("[data-triangle-point]");
      this.status = root.querySelector("[data-triangle-status]");
      this.reset = root.querySelector("[data-triangle-reset]");
      this.inputs = [...root.querySelectorAll("[data-triangle-input]")];
      this.names = [...root.querySelectorAll("[data-triangle-corner]")].map((e) => e.textContent.trim());
      const frame = root.querySelector("[data-triangle-frame]");
      this.corners = frame
        .getAttribute("points")
        .trim()
        .split(/\s+/)
        .map((pair) => {
          const [x, y] = pair.split(",").map(Number);
          return { x, y };
        });
      this.weights = this.readInputs();
      this.dragging = null; // the pointer that is placing the point now
      this.before = null; // the point from before that

      this.pad.addEventListener("keydown", (event) => this.onKey(event));
      this.svg.addEventListener("pointerdown", (event) => this.onPointerDown(event));
      this.svg.addEventListener("pointermove", (event) => this.onPointerMove(event));
      this.svg.addEventListener("pointerup", (event) => this.onPointerEnd(event));
      this.svg.addEventListener("pointercancel", (event) => this.onPointerEnd(event, true));
      this.reset.addEventListener("click", () => {
        this.place(null, true);
        this.pad.focus();
      });
      this.draw();
      this.announce();
      root.dataset.triangleReady = "";
    }

    // The point the hidden fields hold (an error page sends them back), or null.
    readInputs() {
      const values = this.inputs.map((input) => Number.parseFloat(input.value));
      if (values.some((v) => !Number.isFinite(v) || v < 0)) return null;
      const sum = values.reduce((s, v) => s + v, 0);
      if (Math.abs(sum - 1) > 0.01) return null;
      return values.map((v) => v / sum);
    }

    // Barycentric weights of a point (may be negative outside the triangle) and back.
    weightsAt(p) {
      const [a, b, c] = this.corners;
      const det = (b.y - c.y) * (a.x - c.x) + (c.x - b.x) * (a.y - c.y);
      const wa = ((b.y - c.y) * (p.x - c.x) + (c.x - b.x) * (p.y - c.y)) / det;
      const wb = ((c.y - a.y) * (p.x - c.x) + (a.x - c.x) * (p.y - c.y)) / det;
      return [wa, wb, 1 - wa - wb];
    }

    pointAt(weights) {
      return {
        x: weights.reduce((s, w, i) => s + w * this.corners[i].x, 0),
        y: weights.reduce((s, w, i) => s + w * this.corners[i].y, 0),
      };
    }

    // The weights of the point of the triangle nearest to p (p itself when it lies inside).
    clamped(p) {
      const weights = this.weightsAt(p);
      if (weights.every((w) => w >= 0)) return weights;
      let best = null;
      let bestDistance = Infinity;
      for (let i = 0; i < 3; i++) {
        const q = closestOnSegment(p, this.corners[i], this.corners[(i + 1) % 3]);
        const distance = (q.x - p.x) ** 2 + (q.y - p.y) ** 2;
        if (distance < bestDistance) [best, bestDistance] = [q, distance];
      }
      return this.weightsAt(best).map((w) => Math.max(0, w));
    }

    // Set the point (weights, or null for none); `commit` fills the fields, announces it and sends `change`.
    place(weights, commit) {
      if (weights) {
        const thousandths = apportion(weights, 1000);
        this.weights = thousandths.map((t) => t / 1000);
      } else {
        this.weights = null;
      }
      this.draw();
      if (!commit) return;
      this.inputs.forEach((input, i) => {
        input.value = this.weights ? this.weights[i].toFixed(3) : "";
      });
      this.announce();
      this.root.dispatchEvent(new Event("change", { bubbles: true }));
    }

    draw() {
      const placed = this.weights !== null;
      if (placed) {
        const p = this.pointAt(this.weights);
        this.point.setAttribute("cx", p.x.toFixed(2));
        this.point.setAttribute("cy", p.y.toFixed(2));
      }
      this.point.setAttribute("visibility", placed ? "visible" : "hidden");
      // triangle.css shows the button to remove the point only then; its room is kept, so that nothing
      // below the triangle (and, by the browser's scroll anchoring, the triangle itself) moves meanwhile.
      this.root.toggleAttribute("data-placed", placed);
    }

    announce() {
      if (!this.weights) {
        this.status.textContent = this.root.dataset.emptyText;
        return;
      }
      const percents = apportion(this.weights, 100);
      this.status.textContent = percents.map((p, i) => `${p}% ${this.names[i]}`).join(", ");
    }

    onKey(event) {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const centre = [1 / 3, 1 / 3, 1 / 3];
      const current = this.weights || centre;
      let next;
      if (event.key in ARROWS) {
        if (this.weights) {
          const [dx, dy] = ARROWS[event.key];
          const step = event.shiftKey ? FAST_STEP : STEP;
          const p = this.pointAt(current);
          next = this.clamped({ x: p.x + dx * step, y: p.y + dy * step });
        } else {
          next = centre; // the first press puts the point in the middle, the next ones move it
        }
      } else if (event.key === "Home") {
        next = centre;
      } else if (["1", "2", "3"].includes(event.key)) {
        const corner = Number(event.key) - 1;
        next = current.map((w, i) => w + ((i === corner ? 1 : 0) - w) * TOWARDS_CORNER);
      } else if (event.key === "Delete" || event.key === "Backspace") {
        next = null;
      } else {
        return;
      }
      event.preventDefault();
      this.place(next, true);
    }

    svgPoint(event) {
      const matrix = this.svg.getScreenCTM();
      if (!matrix) return null;
      return new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
    }

    onPointerDown(event) {
      if (event.pointerType === "mouse" && event.button !== 0) return;
      const p = this.svgPoint(event);
      if (!p) return;
      // No preventDefault(): the browser's own focusing of the triangle on a click or tap (without the focus
      // ring, which is for the keyboard) is wanted. triangle.css keeps the labels from being selected by a drag,
      // and the page from scrolling under a finger on the triangle.
      this.dragging = event.pointerId;
      this.before = this.weights;
      this.svg.setPointerCapture(event.pointerId);
      this.place(this.clamped(p), false);
    }

    onPointerMove(event) {
      if (event.pointerId !== this.dragging) return;
      const p = this.svgPoint(event);
      if (p) this.place(this.clamped(p), false);
    }

    // The end of a click, tap or drag keeps the point; a cancelled one (the browser took the gesture over)
    // puts back the point from before.
    onPointerEnd(event, cancelled = false) {
      if (event.pointerId !== this.dragging) return;
      this.dragging = null;
      if (this.svg.hasPointerCapture(event.pointerId)) this.svg.releasePointerCapture(event.pointerId);
      if (cancelled) this.place(this.before, false);
      else this.place(this.weights, true);
    }
  }

  function initialise(scope) {
    for (const element of scope.querySelectorAll("[data-triangle]:not([data-triangle-ready])")) {
      new Triangle(element);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", () => initialise(document));
  } else {
    initialise(document);
  }
  // After htmx swapped in new content (a form sent back with an error, say); the ones done are skipped.
  document.addEventListener("htmx:afterSettle", () => initialise(document));
})();

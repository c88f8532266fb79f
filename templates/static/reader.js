/* digest — reader aids: entity cards on mentions and the legend's highlighting toggles.
   Everything here is an enhancement: without this file mentions are plain links, the cards
   stay hidden and the legend is a plain legend. */
(() => {
  "use strict";

  const KEY = "digest:hidden-types";
  const TYPES = ["person", "organization", "place", "event", "other"];
  const root = document.documentElement;

  /* -- Highlighting toggles ------------------------------------------------
     The hidden types live in localStorage and show as <html data-hidden-types="person place">;
     the stylesheet drops the highlight of those types. They are applied first thing, so a
     page rarely paints with the wrong highlighting. */

  function hiddenTypes() {
    try {
      const stored = JSON.parse(localStorage.getItem(KEY) || "[]");
      return Array.isArray(stored) ? TYPES.filter((type) => stored.includes(type)) : [];
    } catch {
      return []; // storage blocked or a foreign value: everything highlighted
    }
  }

  function applyHidden(types) {
    if (types.length) root.dataset.hiddenTypes = types.join(" ");
    else delete root.dataset.hiddenTypes;
    for (const button of document.querySelectorAll(".legend__toggle")) {
      button.setAttribute("aria-pressed", String(!types.includes(button.dataset.type)));
    }
  }

  function toggle(type) {
    const types = hiddenTypes();
    const next = types.includes(type) ? types.filter((t) => t !== type) : [...types, type];
    try {
      localStorage.setItem(KEY, JSON.stringify(next));
    } catch {
      /* not remembered (storage blocked), still applied to this page */
    }
    applyHidden(next);
  }

  applyHidden(hiddenTypes());

  /** Turns each legend sample into a toggle button (aria-pressed = highlighted). */
  function setUpLegend() {
    const legend = document.querySelector(".legend");
    if (!legend) return;
    for (const sample of legend.querySelectorAll(".mention-sample[data-type]")) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "legend__toggle";
      button.dataset.type = sample.dataset.type;
      sample.replaceWith(button);
      button.append(sample);
      button.addEventListener("click", () => toggle(button.dataset.type));
    }
    const hint = legend.querySelector(".legend__hint");
    if (hint) hint.hidden = false;
    applyHidden(hiddenTypes());
    // Another tab changed the choice: follow it.
    window.addEventListener("storage", (event) => {
      if (event.key === KEY) applyHidden(hiddenTypes());
    });
  }

  /* -- Entity cards ----------------------------------------------------------
     The page carries one hidden card per entity it mentions (#entity-card-<id>). A mention
     is described by its card (aria-describedby), which shows while the mention is hovered
     or focused, stays while the pointer is over it, and hides on Escape. Focus never moves.
     A touch screen has no hover: there the first tap on a mention shows its card instead of
     following the link, a second tap on the mention (or a tap on the card's link) follows
     it, and a tap anywhere else closes the card. */

  const GAP = 6;
  const MARGIN = 8;
  let open = null;
  let hideTimer = 0;

  function cardOf(link) {
    const id = link.getAttribute("aria-describedby");
    return id ? document.getElementById(id) : null;
  }

  function place(link, card) {
    const rects = link.getClientRects();
    if (!rects.length) return;
    const first = rects[0];
    const last = rects[rects.length - 1];
    const width = card.offsetWidth;
    const height = card.offsetHeight;
    const viewport = root.clientWidth;
    // The card's start edge meets the mention's start edge, on the side the page reads from.
    const rtl = getComputedStyle(card).direction === "rtl";
    let x = rtl ? first.right - width : first.left;
    x = Math.max(MARGIN, Math.min(x, viewport - width - MARGIN));
    let y = last.bottom + GAP;
    if (y + height > window.innerHeight - MARGIN && first.top - height - GAP > MARGIN) {
      y = first.top - height - GAP;
    }
    // Viewport coordinates → the containing block's (the document's, unless a theme
    // positions an ancestor of the cards).
    const holder = card.offsetParent;
    let originX = -window.scrollX;
    let originY = -window.scrollY;
    if (holder && holder !== document.body) {
      const box = holder.getBoundingClientRect();
      originX = box.left + holder.clientLeft;
      originY = box.top + holder.clientTop;
    }
    card.style.left = `${Math.round(x - originX)}px`;
    card.style.top = `${Math.round(y - originY)}px`;
  }

  function show(link) {
    const card = cardOf(link);
    if (!card) return;
    clearTimeout(hideTimer);
    if (open && open.card !== card) hideNow();
    card.hidden = false;
    place(link, card);
    open = { link, card };
  }

  function hideNow() {
    clearTimeout(hideTimer);
    if (open) open.card.hidden = true;
    open = null;
  }

  function hideSoon() {
    clearTimeout(hideTimer);
    // A short grace period lets the pointer travel from the mention onto its card.
    hideTimer = setTimeout(hideNow, 300);
  }

  function setUpCards() {
    if (!document.querySelector(".entity-cards")) return;
    for (const link of document.querySelectorAll("a.mention[data-entity]")) {
      const card = document.getElementById(`entity-card-${link.dataset.entity}`);
      if (!card) continue;
      link.setAttribute("aria-describedby", card.id);
      link.removeAttribute("title"); // the card says it all; no second, native tooltip
    }
    const mention = (node) => (node instanceof Element ? node.closest("a.mention[aria-describedby]") : null);
    const inCard = (node) => node instanceof Element && open !== null && open.card.contains(node);

    document.addEventListener("pointerover", (event) => {
      if (event.pointerType === "touch") return; // a tap follows the link
      const link = mention(event.target);
      if (link) show(link);
      else if (inCard(event.target)) clearTimeout(hideTimer);
    });
    document.addEventListener("pointerout", (event) => {
      if (!open || event.pointerType === "touch") return;
      const from = mention(event.target) || (inCard(event.target) ? open.card : null);
      const to = event.relatedTarget;
      if (!from || (to instanceof Node && (from.contains(to) || open.card.contains(to) || mention(to) === open.link))) {
        return;
      }
      if (document.activeElement !== open.link) hideSoon();
    });
    document.addEventListener("focusin", (event) => {
      const link = mention(event.target);
      if (link) show(link);
      else if (inCard(event.target)) clearTimeout(hideTimer); // e.g. a tap on the card's link
      else if (open) hideNow();
    });
    document.addEventListener("focusout", (event) => {
      if (open && event.target === open.link) hideSoon();
    });
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && open) hideNow();
    });

    // Touch: whether the tapped mention's card was already open is known when the finger
    // comes down, before the tap focuses the link (which opens the card).
    let shownBeforeTap = null;
    document.addEventListener(
      "pointerdown",
      (event) => {
        if (event.pointerType !== "touch") return;
        const link = mention(event.target);
        shownBeforeTap = link && open !== null && open.link === link ? link : null;
      },
      true,
    );
    document.addEventListener("click", (event) => {
      if (event.pointerType !== "touch") return; // mouse clicks and the keyboard's Enter follow links
      const link = mention(event.target);
      if (link && shownBeforeTap !== link) {
        event.preventDefault(); // first tap: the card, with its link
        show(link);
      } else if (inCard(event.target)) {
        clearTimeout(hideTimer); // a tap inside the card moved focus off the mention: keep it
      } else if (!link && open) {
        hideNow(); // a tap elsewhere
      }
      shownBeforeTap = null;
    });
    window.addEventListener("resize", () => {
      if (open) place(open.link, open.card);
    });
  }

  function start() {
    setUpLegend();
    setUpCards();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

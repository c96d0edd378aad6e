// naober's own script. No inline scripts anywhere: the Content-Security-Policy forbids them.
"use strict";

// Escape closes an open dropdown menu and gives focus back to its toggle (keyboard users).
document.addEventListener("keydown", (event) => {
  if (event.key !== "Escape") return;
  for (const menu of document.querySelectorAll("details.dropdown[open]")) {
    menu.removeAttribute("open");
    menu.querySelector("summary")?.focus();
  }
});

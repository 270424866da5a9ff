// marsad web: progressive enhancement only (every page works without it). No inline scripts (CSP).
"use strict";

// Actor autocomplete, Arabic or English, from /api/actors?q=.
function setUpActorSearch() {
  const input = document.querySelector('input[name="actor"]');
  const list = document.getElementById("actor-options");
  if (!input || !list) return;
  let pending = 0;
  input.addEventListener("input", async () => {
    const text = input.value.trim();
    if (text.length < 2) return;
    const mine = ++pending;
    const response = await fetch("/api/actors?limit=15&q=" + encodeURIComponent(text));
    if (!response.ok || mine !== pending) return;
    const actors = await response.json();
    list.replaceChildren(...actors.map((actor) => {
      const option = document.createElement("option");
      option.value = actor.id;
      option.textContent = [actor.name, actor.arabic, actor.country].filter(Boolean).join(" · ");
      return option;
    }));
  });
}

// The selected event's evidence in a document: bring it into view.
function showSelectedEvidence() {
  const selected = document.getElementById("selected-evidence");
  if (selected) selected.scrollIntoView({ block: "center" });
}

document.addEventListener("DOMContentLoaded", () => {
  setUpActorSearch();
  showSelectedEvidence();
});

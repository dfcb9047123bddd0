// Review marks: the Confirm / Dismiss buttons beside a conflict or a merged spelling.
// Sends {"kind", "key", "decision", "label"} as JSON to POST /api/reviews and shows the
// stored state. Pressing the active button again clears the mark. No inline script:
// this file is loaded with <script src defer>, so pages work under a strict CSP.
"use strict";

const LABELS = { open: "not reviewed", confirmed: "confirmed", dismissed: "dismissed" };

function show(control, state) {
  const badge = control.querySelector(".badge");
  badge.textContent = LABELS[state];
  badge.className = "badge review-" + state;
  for (const button of control.querySelectorAll("button[data-decision]")) {
    button.setAttribute("aria-pressed", String(button.dataset.decision === state));
  }
}

async function mark(control, decision) {
  const current = control.querySelector("button[aria-pressed=true]");
  const next = current && current.dataset.decision === decision ? "open" : decision;
  const body = {
    kind: control.dataset.kind,
    key: control.dataset.key,
    decision: next,
    label: control.dataset.label || "",
  };
  const response = await fetch("/api/reviews", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify(body),
    credentials: "same-origin",
  });
  if (!response.ok) {
    let message = response.statusText;
    try {
      message = (await response.json()).error.message;
    } catch (_) {
      /* not the JSON error shape */
    }
    control.querySelector(".badge").textContent = "not saved: " + message;
    return;
  }
  show(control, next);
}

document.addEventListener("click", (event) => {
  const button = event.target.closest(".review button[data-decision]");
  if (button) {
    mark(button.closest(".review"), button.dataset.decision);
  }
});

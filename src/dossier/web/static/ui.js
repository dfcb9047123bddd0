// Review marks: the Confirm / Dismiss buttons beside a conflict or a merged spelling.
// Sends {"kind", "key", "decision", "label"} as JSON to POST /api/reviews and shows the
// stored state. Pressing the active button again clears the mark. The story page's
// "Correct the grouping" form sends {"kind", "documents", "target"} to POST
// /api/corrections. No inline script:
// this file is loaded with <script src defer>, so pages work under a strict CSP.
//
// A server listening beyond loopback takes writes only with the token it printed at
// start-up. It prints the address to open as http://HOST:PORT/#token=TOKEN: the fragment
// never leaves the browser, so the token is kept for this tab (sessionStorage) and taken
// out of the address bar. A write refused for want of the token (401) asks for it once.
"use strict";

const LABELS = { open: "not reviewed", confirmed: "confirmed", dismissed: "dismissed" };
const TOKEN_KEY = "dossier-token";
const ASK_TOKEN =
  "This server takes changes only with the access token that `dossier serve` printed " +
  "when it started. Token:";

function keepTokenFromAddress() {
  const fragment = new URLSearchParams(location.hash.slice(1));
  const token = fragment.get("token");
  if (token === null) {
    return;
  }
  sessionStorage.setItem(TOKEN_KEY, token);
  fragment.delete("token");
  const rest = fragment.toString();
  history.replaceState(null, "", location.pathname + location.search + (rest ? "#" + rest : ""));
}

function show(control, state) {
  const badge = control.querySelector(".badge");
  badge.textContent = LABELS[state];
  badge.className = "badge review-" + state;
  for (const button of control.querySelectorAll("button[data-decision]")) {
    button.setAttribute("aria-pressed", String(button.dataset.decision === state));
  }
}

function post(url, body, token) {
  const headers = { "content-type": "application/json", accept: "application/json" };
  if (token) {
    headers.authorization = "Bearer " + token;
  }
  return fetch(url, {
    method: "POST",
    headers: headers,
    body: JSON.stringify(body),
    credentials: "same-origin",
  });
}

async function write(url, body) {
  const kept = sessionStorage.getItem(TOKEN_KEY);
  let response = await post(url, body, kept);
  if (response.status !== 401) {
    return response;
  }
  sessionStorage.removeItem(TOKEN_KEY); // missing or wrong: ask for it
  const given = window.prompt(ASK_TOKEN, "");
  if (!given || !given.trim()) {
    return response;
  }
  response = await post(url, body, given.trim());
  if (response.status !== 401) {
    sessionStorage.setItem(TOKEN_KEY, given.trim());
  }
  return response;
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
  const response = await write("/api/reviews", body);
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

async function errorOf(response) {
  try {
    return (await response.json()).error.message;
  } catch (_) {
    return response.statusText; /* not the JSON error shape */
  }
}

function correctionBody(form) {
  const kind = form.elements.kind.value;
  const ticked = Array.from(form.querySelectorAll("input[name=documents]:checked"), (b) => b.value);
  const target = form.elements.target.value.trim();
  if (kind === "merge") {
    return { kind: kind, documents: [ticked[0] || form.dataset.first, target], target: null };
  }
  return { kind: kind, documents: ticked, target: kind === "move" ? target : null };
}

async function correct(form) {
  const status = form.querySelector(".status");
  const response = await write("/api/corrections", correctionBody(form));
  status.textContent = response.ok
    ? "saved: the next build applies it"
    : "not saved: " + (await errorOf(response));
}

keepTokenFromAddress();

document.addEventListener("submit", (event) => {
  const form = event.target.closest("form.correction");
  if (form) {
    event.preventDefault();
    correct(form);
  }
});

document.addEventListener("click", (event) => {
  const button = event.target.closest(".review button[data-decision]");
  if (button) {
    mark(button.closest(".review"), button.dataset.decision);
  }
});

// Signing in. The page works with a token (its secret, "stride_..."), checked with GET /api/me,
// which says whose it is and what it may do. The secret is kept in sessionStorage (this tab,
// until it is closed) or, with "remember me", in localStorage; it never goes into a URL and is
// never written to the console. A 401 at any time (the token revoked or expired) signs out and
// opens the dialog again, saying why.
import { ApiError, useToken, whoHolds } from "./api.js";

const KEY = "stride.token";
// The contract's shape of a secret: checked here only to say early that a paste went wrong.
const SECRET = /^stride_[A-Za-z0-9_-]{43,}$/;
const ENDED = "Your sign-in has ended: the token was revoked or has expired. Sign in again with a valid token.";

const $ = (id) => document.getElementById(id);
let hooks;
let current = null; // GET /api/me of the token in use

function storedSecret() {
  return sessionStorage.getItem(KEY) ?? localStorage.getItem(KEY);
}

function forget() {
  sessionStorage.removeItem(KEY);
  localStorage.removeItem(KEY);
}

function keep(secret, remember) {
  forget();
  (remember ? localStorage : sessionStorage).setItem(KEY, secret);
}

/** The header: who is signed in and what the token may do, or the button that signs in. */
function showAccount() {
  $("account-user").textContent = current?.userId ?? "";
  $("account-scopes").textContent = !current ? ""
    : `(${current.scopes.includes("admin") ? "admin: every user" : current.scopes.join(", ")})`;
  $("signed-in").hidden = !current;
  $("sign-in-open").hidden = Boolean(current);
}

function signedIn(secret, me) {
  current = me;
  useToken(secret, () => signOut(ENDED));
  showAccount();
  hooks.signedIn(me);
}

function signOut(message) {
  forget();
  useToken(null);
  current = null;
  showAccount();
  hooks.signedOut();
  ask(message);
}

function tokenError(text) {
  $("token-error").textContent = text;
  if (text) $("token").setAttribute("aria-invalid", "true");
  else $("token").removeAttribute("aria-invalid");
}

/** Opens the dialog (if it is not open), with why it opens. */
function ask(message = "") {
  const dialog = $("sign-in");
  $("sign-in-message").textContent = message;
  $("sign-in-message").hidden = !message;
  tokenError("");
  $("token").value = "";
  if (!dialog.open) dialog.showModal();
  $("token").focus();
}

async function submit(event) {
  event.preventDefault();
  const secret = $("token").value.trim();
  if (!SECRET.test(secret)) {
    tokenError("A token is stride_ followed by at least 43 letters, digits, - or _.");
    $("token").focus();
    return;
  }
  tokenError("");
  $("sign-in-submit").disabled = true;
  try {
    const me = await whoHolds(secret);
    keep(secret, $("remember").checked);
    $("token").value = "";
    $("sign-in").close();
    signedIn(secret, me);
  } catch (error) {
    tokenError(error instanceof ApiError && error.status === 401
      ? "Stride did not accept this token: it is unknown, revoked or has expired."
      : `The token could not be checked (${error.message}). Try again.`);
    $("token").focus();
  } finally {
    $("sign-in-submit").disabled = false;
  }
}

/**
 * Signs in with the kept token, or asks for one. `signedIn(me)` is called whenever a token is in
 * use (me: {userId, tokenId, scopes}), `signedOut()` whenever none is any more.
 */
export async function startSignIn(callbacks) {
  hooks = callbacks;
  $("sign-in-form").addEventListener("submit", submit);
  // Escape closes the dialog: the page then offers the button that opens it again.
  $("sign-in").addEventListener("close", () => {
    if (!current) $("sign-in-open").focus();
  });
  $("sign-in-open").addEventListener("click", () => ask());
  $("sign-out").addEventListener("click", () => signOut("You are signed out."));
  showAccount();

  const secret = storedSecret();
  if (!secret) {
    ask();
    return;
  }
  try {
    signedIn(secret, await whoHolds(secret));
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      forget();
      ask(ENDED);
    } else {
      // Kept: reloading the page tries it again.
      ask(`Your sign-in could not be checked (${error.message}). Sign in again, or reload the page later.`);
    }
  }
}

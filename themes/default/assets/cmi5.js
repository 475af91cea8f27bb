/*
 * cmi5 AU side: launch parameters, the one-time auth token, LMS.LaunchData, and the rules for cmi5
 * defined statements (categories, masteryScore, launch mode, one judged verb per session).
 */
(() => {
  "use strict";
  const ns = (window.TrainingLrs = window.TrainingLrs || {});
  const CMI5 = "https://w3id.org/xapi/cmi5/context/categories/cmi5";
  const MOVEON = "https://w3id.org/xapi/cmi5/context/categories/moveon";
  const MASTERY = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore";

  /** The five launch parameters, or null when this page was not launched by a cmi5 LMS. */
  ns.cmi5Params = () => {
    const q = new URLSearchParams(window.location.search);
    const names = ["endpoint", "fetch", "actor", "registration", "activityId"];
    if (!names.every((n) => q.get(n))) { return null; }
    try {
      return { endpoint: q.get("endpoint"), fetch: q.get("fetch"), actor: JSON.parse(q.get("actor")),
        registration: q.get("registration"), activityId: q.get("activityId") };
    } catch {
      return null;
    }
  };

  // The fetch URL answers once per session; keeping the token in sessionStorage lets a reload of
  // the same launch keep working instead of failing on a second POST.
  async function token(fetchUrl) {
    const key = "traininglrs:cmi5-token:" + fetchUrl;
    let kept = null;
    // Storage can be blocked in third-party frames; then a reload simply cannot resume the session.
    try { kept = sessionStorage.getItem(key); } catch { kept = null; }
    if (kept) { return kept; }
    const response = await fetch(fetchUrl, { method: "POST" });
    const body = await response.json();
    if (!response.ok || !body["auth-token"]) { throw new Error("cmi5 fetch failed: " + (body["error-text"] || response.status)); }
    try { sessionStorage.setItem(key, body["auth-token"]); } catch { /* blocked: keep it in memory only */ }
    return body["auth-token"];
  }

  /** Fetches the token and LMS.LaunchData; returns everything the runtime needs for a cmi5 session. */
  ns.cmi5Launch = async (params) => {
    const auth = "Basic " + (await token(params.fetch));
    const state = ns.xapiState({ endpoint: params.endpoint, auth: () => auth });
    const launchData = await state.get({ activityId: params.activityId, agent: params.actor,
      registration: params.registration, stateId: "LMS.LaunchData" });
    if (!launchData) { throw new Error("cmi5: LMS.LaunchData is missing"); }
    return { auth, state, launchData, normal: (launchData.launchMode || "Normal") === "Normal" };
  };

  /** Adds what cmi5 requires to its defined statements (see cmi5 spec 9.6.2). */
  ns.cmi5Decorator = (launchData) => (statement, kind) => {
    if (kind === "allowed") { return statement; }
    const ca = (statement.context.contextActivities = statement.context.contextActivities || {});
    const ids = [CMI5].concat(kind === "judged" ? [MOVEON] : []);
    ca.category = (ca.category || []).concat(ids.map((id) => ({ objectType: "Activity", id })));
    const verb = statement.verb.id;
    if ((verb.endsWith("/passed") || verb.endsWith("/failed")) && typeof launchData.masteryScore === "number") {
      statement.context.extensions = Object.assign({}, statement.context.extensions, { [MASTERY]: launchData.masteryScore });
    }
    return statement;
  };
})();

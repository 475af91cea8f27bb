/*
 * cmi5 AU side: launch parameters, the one-time auth token, LMS.LaunchData, learner preferences
 * (language edition, audio), and the rules for cmi5 defined statements (categories, masteryScore,
 * launch mode, one judged verb per session).
 */
(() => {
  "use strict";
  const ns = (window.TrainingLrs = window.TrainingLrs || {});
  const CMI5 = "https://w3id.org/xapi/cmi5/context/categories/cmi5";
  const MOVEON = "https://w3id.org/xapi/cmi5/context/categories/moveon";
  const MASTERY = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore";
  const SESSION_ID = "https://w3id.org/xapi/cmi5/context/extensions/sessionid";

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

  /**
   * Fetches the token, LMS.LaunchData and the learner's preferences (cmi5 spec 11: language and
   * audio); returns everything the runtime needs for a cmi5 session.
   */
  ns.cmi5Launch = async (params) => {
    const auth = "Basic " + (await token(params.fetch));
    const state = ns.xapiState({ endpoint: params.endpoint, auth: () => auth });
    const launchData = await state.get({ activityId: params.activityId, agent: params.actor,
      registration: params.registration, stateId: "LMS.LaunchData" });
    if (!launchData) { throw new Error("cmi5: LMS.LaunchData is missing"); }
    let preferences = null;
    // Preferences are optional: without them (or if the LMS refuses the request) the lesson stays as it is.
    try { preferences = await state.agentProfile(params.actor, "cmi5LearnerPreferences"); } catch { preferences = null; }
    return { auth, state, launchData, normal: (launchData.launchMode || "Normal") === "Normal",
      preferences: preferences && typeof preferences === "object" ? preferences : {},
      options: launchOptions(launchData.launchParameters) };
  };

  // launchParameters is free text from the course structure: a JSON object or key=value pairs. The
  // one option read is "language", the edition this AU opens in, ahead of the learner's preference.
  function launchOptions(text) {
    if (typeof text !== "string" || !text.trim()) { return {}; }
    try {
      const parsed = JSON.parse(text);
      if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) { return parsed; }
    } catch { /* not JSON: key=value pairs */ }
    return Object.fromEntries(new URLSearchParams(text.trim()));
  }

  /**
   * Where the edition of this lesson in a wanted language is, or null to stay on this page. `wanted`
   * holds comma-separated language lists, first choice first. Editions sit side by side as
   * <module>/<language>/index.html, but a package may hold one language only, so an edition is used
   * only if it answers. The switch happens once per launch (`onceKey`) and before anything is sent.
   */
  ns.cmi5Edition = async (wanted, current, onceKey) => {
    const folders = window.location.pathname.split("/");
    const file = folders.pop();
    const here = String(current).toLowerCase();
    if ((folders[folders.length - 1] || "").toLowerCase() !== here) { return null; }
    try { if (sessionStorage.getItem(onceKey)) { return null; } } catch { /* blocked: the choice below is the same on every page */ }
    const tags = wanted.flatMap((list) => String(list || "").split(",")).map((t) => t.trim())
      .filter((t) => /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i.test(t));
    let probes = 0;
    for (const tag of tags) {
      const primary = tag.split("-")[0].toLowerCase();
      // "en-US" is happy with the "en" page it is on.
      if (tag.toLowerCase() === here || primary === here.split("-")[0]) { return null; }
      for (const language of new Set([tag, primary])) {
        if (probes++ >= 4) { return null; }
        const url = new URL(`../${language}/${file}${window.location.search}`, window.location.href);
        try {
          const response = await fetch(url, { method: "HEAD", cache: "no-store" });
          if (response.ok) {
            try { sessionStorage.setItem(onceKey, language); } catch { /* see above */ }
            return url.href;
          }
        } catch { /* not reachable: try the next language */ }
      }
    }
    return null;
  };

  /** audioPreference "off" mutes the lesson's audio and video; "on" leaves them as authored. */
  ns.applyAudioPreference = (preference) => {
    if (preference !== "on" && preference !== "off") { return; }
    document.documentElement.dataset.audio = preference;
    if (preference === "off") { document.querySelectorAll("audio, video").forEach((m) => { m.muted = true; m.defaultMuted = true; }); }
  };

  /** The learner as our LRS knows them, from the cmi5 actor (always an account, cmi5 spec 9.2). */
  ns.cmi5Learner = (actor) => {
    const account = actor && actor.account;
    return account && account.name ? { id: String(account.name), name: actor.name, homePage: account.homePage } : null;
  };

  /** Context for the copy of a cmi5 session's statements in our LRS: the registration and the LMS's session id. */
  ns.cmi5CopyContext = (params, launchData) => {
    const session = ((launchData.contextTemplate || {}).extensions || {})[SESSION_ID];
    return Object.assign({ registration: params.registration }, session ? { extensions: { [SESSION_ID]: session } } : {});
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

/*
 * xAPI 1.0.3 client: statements built here, sent through a localStorage queue that survives
 * reloads and network loss, plus the State API. Statement ids are made in the browser, so sending a
 * statement twice (a retry, a keepalive flush that did arrive) stores it once.
 */
(() => {
  "use strict";
  const ns = (window.TrainingLrs = window.TrainingLrs || {});
  const VERSION = "1.0.3";
  const VERB = (name) => ({ id: "http://adlnet.gov/expapi/verbs/" + name, display: { "en-US": name } });

  /** UUID v4; crypto.randomUUID needs a secure context, getRandomValues does not. */
  ns.uuid = () => {
    if (window.crypto && crypto.randomUUID) { try { return crypto.randomUUID(); } catch { /* insecure context */ } }
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  };

  const base = (endpoint) => (endpoint.endsWith("/") ? endpoint : endpoint + "/");
  const headers = (auth, json) => Object.assign({ "X-Experience-API-Version": VERSION, Authorization: auth },
    json ? { "Content-Type": "application/json" } : {});

  /** GET of a JSON document: the parsed JSON, or null when there is none (404). */
  const getDocument = async (url, auth) => {
    const response = await fetch(url, { headers: headers(auth, false), cache: "no-store" });
    if (response.status === 404) { return null; }
    if (!response.ok) { throw new Error("GET " + response.status); }
    return response.json();
  };

  /** State API document: GET returns the parsed JSON or null; PUT replaces it. */
  ns.xapiState = ({ endpoint, auth }) => {
    const url = (p) => base(endpoint) + "activities/state?" + new URLSearchParams(
      Object.assign({ activityId: p.activityId, agent: JSON.stringify(p.agent), stateId: p.stateId }, p.registration ? { registration: p.registration } : {}));
    return {
      get: (p) => getDocument(url(p), auth()),
      /** Agent Profile API document (cmi5 learner preferences), or null. */
      agentProfile: (agent, profileId) => getDocument(base(endpoint) + "agents/profile?" +
        new URLSearchParams({ agent: JSON.stringify(agent), profileId }), auth()),
      put(p, body, keepalive) {
        return fetch(url(p), { method: "PUT", headers: headers(auth(), true), body: JSON.stringify(body), keepalive: !!keepalive })
          .then((r) => r.ok, () => false);
      },
    };
  };

  /**
   * Ordered statement queue persisted under `storageKey`. Network errors, 408, 429 and 5xx are retried
   * with exponential backoff (1 s doubling to 60 s); other refusals drop the batch, because sending the
   * same bad statement forever would block every statement behind it, except a 409 for a batch, which is
   * sent again statement by statement.
   */
  ns.statementQueue = ({ endpoint, auth, storageKey }) => {
    const load = () => { try { return JSON.parse(localStorage.getItem(storageKey) || "[]"); } catch { return []; } };
    let items = load();
    let sending = false, failures = 0, timer = 0, oneByOne = 0;
    const persist = () => { try { localStorage.setItem(storageKey, JSON.stringify(items)); } catch { /* full or blocked: memory only */ } };
    const forget = (ids) => { items = items.filter((s) => !ids.includes(s.id)); persist(); };
    const post = (batch, keepalive) => fetch(base(endpoint) + "statements", {
      method: "POST", headers: headers(auth(), true), body: JSON.stringify(batch), keepalive });

    function schedule(delay) {
      clearTimeout(timer);
      timer = setTimeout(flush, delay);
    }

    async function flush() {
      if (sending || items.length === 0) { return; }
      sending = true;
      const batch = items.slice(0, oneByOne > 0 ? 1 : 25);
      let retry = false;
      try {
        const response = await post(batch, false);
        retry = response.status === 408 || response.status === 429 || response.status >= 500;
        // A 1.0.x LRS answers 409 for a whole batch when it holds one of its statements already (an exit
        // send that got through unconfirmed): send that batch's statements one at a time instead, where
        // a 409 means that one is stored (or can never be), so no new statement is dropped with it.
        if (response.status === 409 && batch.length > 1) {
          oneByOne = batch.length;
        } else if (!retry) {
          forget(batch.map((s) => s.id));
          oneByOne = Math.max(0, oneByOne - 1);
        }
      } catch {
        retry = true;
      }
      sending = false;
      if (retry) {
        failures++;
        schedule(Math.min(60000, 1000 * 2 ** (failures - 1)));
      } else {
        failures = 0;
        if (items.length) { schedule(0); }
      }
    }

    window.addEventListener("online", () => { failures = 0; schedule(0); });
    if (items.length) { schedule(0); }

    return {
      get pending() { return items.length; },
      push(statement) { items.push(statement); persist(); if (!failures) { schedule(0); } },
      flush,
      /** Last chance on exit: a keepalive POST of what is left; it stays queued until an answer confirms it. */
      flushOnExit() {
        if (items.length === 0) { return; }
        const batch = items.slice(0, 25);
        try { post(batch, true).then((r) => { if (r.ok) { forget(batch.map((s) => s.id)); } }, () => {}); } catch { /* page is going */ }
      },
    };
  };

  /**
   * Makes statements about one lesson. `context` is merged into every statement (cmi5 passes its
   * contextTemplate); `defined(statement, kind)` lets cmi5 add its categories.
   */
  ns.statementFactory = ({ actor, activityId, title, language, context, defined }) => {
    const lessonActivity = { objectType: "Activity", id: activityId,
      definition: { type: "http://adlnet.gov/expapi/activities/lesson", name: { [language]: title } } };
    let last = 0;
    // Timestamps strictly increase so "initialized first, terminated last" also holds by timestamp.
    const stamp = () => { last = Math.max(Date.now(), last + 1); return new Date(last).toISOString(); };
    const copy = (x) => JSON.parse(JSON.stringify(x || {}));
    const make = (verb, object, result, kind) => {
      const statement = { id: ns.uuid(), timestamp: stamp(), actor, verb: VERB(verb), object: object || lessonActivity,
        context: Object.assign({ language }, copy(context)) };
      if (result) { statement.result = result; }
      return defined ? defined(statement, kind) : statement;
    };
    const question = (detail) => ({ objectType: "Activity", id: `${activityId}/questions/${encodeURIComponent(detail.questionId)}`,
      definition: { type: "http://adlnet.gov/expapi/activities/cmi.interaction", interactionType: "choice",
        correctResponsesPattern: [detail.correct.join("[,]")], name: { [language]: detail.questionId } } });
    const withParent = (statement) => {
      const ca = (statement.context.contextActivities = statement.context.contextActivities || {});
      ca.parent = (ca.parent || []).concat([{ objectType: "Activity", id: activityId }]);
      return statement;
    };
    return {
      initialized: () => make("initialized", null, null, "defined"),
      progressed: (percent) => make("progressed", null, { extensions: { "https://w3id.org/xapi/cmi5/result/extensions/progress": percent } }, "allowed"),
      answered: (detail) => withParent(make("answered", question(detail), { response: detail.response.join("[,]"), success: detail.success }, "allowed")),
      completed: (ms) => make("completed", null, { completion: true, duration: ns.duration(ms) }, "judged"),
      scored: (passed, percent, ms) => make(passed ? "passed" : "failed", null,
        { success: passed, duration: ns.duration(ms), score: { scaled: percent / 100, raw: Math.round(percent), min: 0, max: 100 } }, "judged"),
      terminated: (ms) => make("terminated", null, { duration: ns.duration(ms) }, "defined"),
    };
  };
})();

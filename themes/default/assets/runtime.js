/*
 * The lesson runtime: finds out how the page was launched (cmi5 launch parameters, a SCORM 1.2 or
 * 2004 API, or our own web launch), restores the learner's place, and passes every lesson event to
 * the channels that report it (channels.js). Loaded last; the other scripts only define functions.
 */
(() => {
  "use strict";
  const ns = window.TrainingLrs;
  const dataElement = document.getElementById("lesson-data");
  if (!ns || !dataElement) { return; }
  const lesson = JSON.parse(dataElement.textContent);
  const labels = lesson.labels || {};
  const config = window.TrainingLrsConfig || { format: "web", lrs: null };
  const started = Date.now();
  const RESUME_STATE = "https://traininglrs.org/xapi/state/resume";
  const label = (key, ...values) => values.reduce((text, v, i) => text.replace(`{${i}}`, v), labels[key] || key);
  window.TrainingLrsLesson = lesson;

  /**
   * Our LRS, when this package carries one (partner packages and the web launch). `done` is the
   * snapshot's record of what this channel reported; `context` is added to every statement.
   */
  function ourLrs(actor, done, { quiet, context } = {}) {
    if (!config.lrs || !config.lrs.endpoint) { return []; }
    const auth = () => config.lrs.auth;
    const queue = ns.statementQueue({ endpoint: config.lrs.endpoint, auth, storageKey: "traininglrs:queue:" + config.lrs.endpoint });
    const factory = ns.statementFactory({ actor, activityId: lesson.activityId, title: lesson.title, language: lesson.language,
      context: Object.assign({ contextActivities: { grouping: [{ objectType: "Activity", id: lesson.courseId }] } }, context) });
    return [ns.xapiChannel({ factory, queue, started, done, quiet: !!quiet })];
  }

  // The partner's configured LMS home page wins, so a learner is one person in our LRS whether the
  // partner's LMS launched a SCORM or a cmi5 package.
  const account = (id, name, homePage) => Object.assign({ objectType: "Agent",
    account: { homePage: (config.lrs && config.lrs.homePage) || homePage || window.location.origin, name: id } }, name ? { name } : {});

  function launchScorm(found) {
    const session = ns.scormSession(found);
    const info = session.start();
    if (!info) { return null; }
    if (info.passMark !== null && lesson.assessment) { lesson.assessment.passMark = info.passMark; }
    const snap = ns.decodeSnapshot(info.suspendData);
    const location = parseInt(info.location, 10);
    if (!Number.isNaN(location)) { snap.p = location; }
    const actor = account(info.learner.id || "unknown", info.learner.name);
    return { kind: "scorm-" + found.version, snap, limit: session.suspendLimit, resumed: info.entry === "resume",
      popup: found.popup, channels: [ns.scormChannel(session)].concat(ourLrs(actor, snap.d, { quiet: info.review })) };
  }

  async function launchCmi5(params) {
    const { auth, state, launchData, normal, preferences, options } = await ns.cmi5Launch(params);
    const edition = await ns.cmi5Edition([options.language, preferences.languagePreference], lesson.language, "traininglrs:cmi5-edition:" + params.fetch);
    // The other edition starts the session; this page never does.
    if (edition) { window.location.replace(edition); return new Promise(() => {}); }
    ns.applyAudioPreference(preferences.audioPreference);
    if (typeof launchData.masteryScore === "number" && lesson.assessment) { lesson.assessment.passMark = Math.round(launchData.masteryScore * 100); }
    const where = { activityId: params.activityId, agent: params.actor, registration: params.registration, stateId: RESUME_STATE };
    const stateChannel = ns.stateChannel({ state, where, storageKey: "traininglrs:resume:" + params.registration });
    const snap = ns.decodeSnapshot(await stateChannel.restore());
    const context = Object.assign({}, launchData.contextTemplate, { registration: params.registration });
    const factory = ns.statementFactory({ actor: params.actor, activityId: params.activityId, title: lesson.title,
      language: lesson.language, context, defined: ns.cmi5Decorator(launchData) });
    const queue = ns.statementQueue({ endpoint: params.endpoint, auth: () => auth, storageKey: "traininglrs:cmi5:" + params.registration });
    const channel = ns.xapiChannel({ factory, queue, started, done: snap.d, quiet: !normal, judgeOncePerSession: true,
      sessionKey: "traininglrs:cmi5-session:" + params.fetch });
    // A copy for our LRS, so members see learners whose LMS uses cmi5. It is not bound by the cmi5
    // session rules (each page load is a session, as with SCORM) and keeps its own flags (snap.o).
    const learner = ns.cmi5Learner(params.actor);
    const copy = learner ? ourLrs(account(learner.id, learner.name, learner.homePage), snap.o,
      { quiet: !normal, context: ns.cmi5CopyContext(params, launchData) }) : [];
    return { kind: "cmi5", snap, limit: 64000, resumed: ns.hasProgress(snap), returnURL: launchData.returnURL,
      channels: [channel, stateChannel].concat(copy) };
  }

  // Web launch from our server: the learner comes from the URL (learnerId, learnerName) or, when
  // nobody is signed in, an anonymous id kept in this browser.
  async function launchWeb() {
    const q = new URLSearchParams(window.location.search);
    let id = q.get("learnerId");
    if (!id) {
      try { id = localStorage.getItem("traininglrs:anonymous"); } catch { id = null; }
      id = id || "anonymous-" + ns.uuid();
      try { localStorage.setItem("traininglrs:anonymous", id); } catch { /* blocked or private mode */ }
    }
    const actor = account(id, q.get("learnerName"));
    const state = config.lrs && config.lrs.endpoint ? ns.xapiState({ endpoint: config.lrs.endpoint, auth: () => config.lrs.auth }) : null;
    const where = { activityId: lesson.activityId, agent: actor, stateId: RESUME_STATE };
    const stateChannel = ns.stateChannel({ state, where, storageKey: `traininglrs:resume:${lesson.activityId}:${id}` });
    const snap = ns.decodeSnapshot(await stateChannel.restore());
    return { kind: "web", snap, limit: 64000, resumed: ns.hasProgress(snap), channels: ourLrs(actor, snap.d).concat([stateChannel]) };
  }

  async function launch() {
    const params = ns.cmi5Params();
    if (params) { return launchCmi5(params); }
    const found = ns.findScormApi(config.format);
    return (found && launchScorm(found)) || launchWeb();
  }

  function run(session) {
    const { snap, channels } = session;
    const each = (method, ...args) => channels.forEach((c) => { try { if (c[method]) { c[method](...args); } } catch (e) { console.error(e); } });
    const spec = lesson.assessment;
    let pages = null, finished = false, ticker = 0, prompting = false;

    const persist = () => each("save", snap, ns.encodeSnapshot(snap, session.limit));
    const isFinished = () => !!snap.d.end && (!spec || !!snap.as.ok || (spec.attempts > 0 && snap.as.n >= spec.attempts));

    async function finish(byLearner) {
      if (finished) { return; }
      finished = true;
      persist();
      clearInterval(ticker);
      await Promise.all(channels.map((c) => (c.finish ? c.finish(!isFinished(), byLearner) : null)));
      if (!byLearner) { return; }
      if (pages) { pages.end(label("exited")); }
      if (session.returnURL) { window.location.assign(session.returnURL); }
      // A popup the LMS opened closes itself, unless the LMS has loaded something else into it by then.
      if (session.popup) {
        let left = false;
        window.addEventListener("pagehide", () => { left = true; });
        setTimeout(() => { if (!left) { window.close(); } }, 1000);
      }
    }

    each("start");
    ns.setupInteractions(lesson, label, snap);
    document.addEventListener("traininglrs:answered", (e) => { each("onAnswered", e.detail); persist(); });
    document.addEventListener("traininglrs:assessment", (e) => {
      const detail = Object.assign({ attemptsLeft: spec && spec.attempts > 0 ? spec.attempts - e.detail.attempt : Infinity }, e.detail);
      each("onAssessment", detail);
      persist();
    });

    pages = ns.setupPages(label, (index) => {
      if (finished) { return; }
      const seen = snap.s.padEnd(pages ? pages.count : index + 1, "0").split("");
      const isNew = seen[index] !== "1";
      seen[index] = "1";
      snap.s = seen.join("");
      // While the resume prompt is open the bookmark keeps pointing where the learner left off.
      if (!prompting) { snap.p = index; }
      each("onPage", index, pages ? pages.count : 1, isNew);
      if (pages && index === pages.count - 1) { snap.d.end = 1; each("onCompleted"); }
      persist();
    }, () => finish(true));

    const start = Math.min(snap.p, pages ? pages.count - 1 : 0);
    // A lesson too short to have pages is read in full as soon as it is open.
    if (!pages) { snap.d.end = 1; each("onCompleted"); persist(); }
    if (pages) {
      prompting = start > 0;
      pages.show(0, false);
      if (start > 0 || (session.resumed && ns.hasProgress(snap))) {
        prompting = true;
        const answer = (index) => { prompting = false; pages.show(index, true); };
        pages.prompt(() => answer(start), () => answer(0));
      }
    }

    ticker = setInterval(() => { persist(); each("tick"); }, 45000);
    document.addEventListener("visibilitychange", () => { if (document.visibilityState === "hidden" && !finished) { persist(); each("hidden"); } });
    window.addEventListener("pagehide", () => { finish(false); });
    // A page restored from the back/forward cache has already finished its session: start a new one.
    window.addEventListener("pageshow", (event) => { if (event.persisted) { window.location.reload(); } });
    document.documentElement.dataset.launch = session.kind;
    ns.finish = finish;
  }

  launch().then(run, (error) => {
    // A failed cmi5 launch must not leave a blank page: the lesson still works, it just cannot report.
    console.error("TrainingLrs: launch failed", error);
    document.documentElement.dataset.launch = "failed";
    run({ kind: "none", snap: ns.emptySnapshot(), limit: 64000, resumed: false, channels: [] });
  });
})();

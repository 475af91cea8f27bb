/*
 * SCORM 1.2 and SCORM 2004 (4th edition) for one SCO: API discovery, the data each version wants in
 * its own format, and a session that initializes once and finishes once. After finishing every call
 * is dropped: LMS runtimes misbehave (or throw) when a SCO talks to a terminated session.
 */
(() => {
  "use strict";
  const ns = (window.TrainingLrs = window.TrainingLrs || {});

  // Reading a property of a cross-origin window throws; every hop of the search goes through this.
  const safe = (read) => { try { return read(); } catch { return null; } };

  function searchUp(start, name) {
    let win = start;
    for (let hops = 0; win && hops < 500; hops++) {
      const api = safe(() => win[name]);
      if (api) { return api; }
      const parent = safe(() => win.parent);
      if (!parent || parent === win) { return null; }
      win = parent;
    }
    return null;
  }

  /**
   * Finds the LMS API: this window and its parents first, then the opener (popup launch) and its
   * parents. `popup` is true when the API came through the opener: the LMS opened this window.
   */
  ns.findScormApi = (preferred) => {
    const names = preferred === "scorm12" ? ["API", "API_1484_11"] : ["API_1484_11", "API"];
    for (const name of names) {
      const version = name === "API" ? "1.2" : "2004";
      const api = searchUp(window, name);
      if (api) { return { version, api, popup: false }; }
      const opened = searchUp(safe(() => window.opener), name);
      if (opened) { return { version, api: opened, popup: true }; }
    }
    return null;
  };

  const pad = (n, width) => String(n).padStart(width, "0");

  /** SCORM 1.2 CMITimespan: HHHH:MM:SS.SS. */
  ns.timespan12 = (ms) => {
    const cs = Math.round(ms / 10);
    const h = Math.min(9999, Math.floor(cs / 360000));
    return `${pad(h, 4)}:${pad(Math.floor(cs / 6000) % 60, 2)}:${pad(Math.floor(cs / 100) % 60, 2)}.${pad(cs % 100, 2)}`;
  };

  /** ISO 8601 duration with hundredths (SCORM 2004 timeinterval and xAPI duration). */
  ns.duration = (ms) => {
    const cs = Math.round(ms / 10);
    const h = Math.floor(cs / 360000), m = Math.floor(cs / 6000) % 60, s = (cs % 6000) / 100;
    return "PT" + (h ? h + "H" : "") + (m ? m + "M" : "") + (s || (!h && !m) ? s + "S" : "");
  };

  /** SCORM 2004 time: YYYY-MM-DDThh:mm:ss.s with a zone designator only after the fraction. */
  ns.timestamp2004 = (date) => date.toISOString().replace(/\.(\d\d)\dZ$/, ".$1Z");

  /** SCORM 1.2 CMITime (time of day): HH:MM:SS. */
  const time12 = (date) => date.toTimeString().slice(0, 8);

  const VERSIONS = {
    "1.2": {
      init: "LMSInitialize", get: "LMSGetValue", set: "LMSSetValue", commit: "LMSCommit", finish: "LMSFinish",
      entry: "cmi.core.entry", location: "cmi.core.lesson_location", suspend: "cmi.suspend_data", mode: "cmi.core.lesson_mode",
      learnerId: "cmi.core.student_id", learnerName: "cmi.core.student_name", exit: "cmi.core.exit", time: "cmi.core.session_time",
      suspendLimit: 4096, locationLimit: 255, wrong: "wrong", delimiter: ",", normalExit: "",
      span: (ms) => ns.timespan12(ms), when: time12, whenKey: "time", responseKey: "student_response",
    },
    "2004": {
      init: "Initialize", get: "GetValue", set: "SetValue", commit: "Commit", finish: "Terminate",
      entry: "cmi.entry", location: "cmi.location", suspend: "cmi.suspend_data", mode: "cmi.mode",
      learnerId: "cmi.learner_id", learnerName: "cmi.learner_name", exit: "cmi.exit", time: "cmi.session_time",
      suspendLimit: 64000, locationLimit: 1000, wrong: "incorrect", delimiter: "[,]", normalExit: "normal",
      span: (ms) => ns.duration(ms), when: (d) => ns.timestamp2004(d), whenKey: "timestamp", responseKey: "learner_response",
    },
  };

  /** One SCO session against a found API. Every method is a no-op once the session is finished. */
  ns.scormSession = ({ version, api }) => {
    const v = VERSIONS[version];
    const started = Date.now();
    let open = false, finished = false, review = false, status = "", success = "";
    const call = (fn, ...args) => (open && !finished ? safe(() => String(api[fn](...args))) : null);
    const get = (key) => call(v.get, key) || "";
    const set = (key, value) => call(v.set, key, String(value)) === "true";

    // 1.2 has one status field. It only moves up: an assessment result outranks "completed"
    // (the LMS judges a mastery score by passed/failed) and nothing outranks or undoes a pass.
    const rank12 = { "": 0, "not attempted": 0, browsed: 1, incomplete: 2, completed: 3, failed: 4, passed: 5 };
    const setStatus12 = (next) => {
      if ((rank12[next] || 0) <= (rank12[status] || 0)) { return false; }
      status = next;
      return set("cmi.core.lesson_status", next);
    };

    const session = {
      version,
      suspendLimit: v.suspendLimit,
      locationLimit: v.locationLimit,
      get finished() { return finished; },

      /** Initializes once and reads what a resume needs. */
      start() {
        if (open || finished) { return null; }
        open = safe(() => String(api[v.init](""))) === "true";
        if (!open) { return null; }
        // Browse and review launches must not change what the learner has on record.
        review = ["browse", "review"].includes(get(v.mode));
        status = version === "1.2" ? get("cmi.core.lesson_status") : get("cmi.completion_status");
        success = version === "2004" ? get("cmi.success_status") : "";
        if (!review) {
          if (version === "1.2" && (status === "not attempted" || status === "")) { setStatus12("incomplete"); }
          if (version === "2004" && (status === "not attempted" || status === "unknown" || status === "")) {
            set("cmi.completion_status", "incomplete");
            status = "incomplete";
          }
          call(v.commit, "");
        }
        // The LMS's mastery score comes from the manifest but an LMS may override it per learner.
        const mastery = version === "1.2" ? parseFloat(get("cmi.student_data.mastery_score")) : parseFloat(get("cmi.scaled_passing_score")) * 100;
        return { entry: get(v.entry), location: get(v.location), suspendData: get(v.suspend), review,
          passMark: Number.isFinite(mastery) ? Math.round(mastery * 100) / 100 : null,
          learner: { id: get(v.learnerId), name: get(v.learnerName) } };
      },

      /** Bookmark and suspend data; the caller keeps them within the limits. */
      save(location, suspendData) {
        if (review) { return; }
        set(v.location, location);
        set(v.suspend, suspendData);
      },

      progress(fraction) { if (version === "2004" && !review) { set("cmi.progress_measure", fraction.toFixed(2)); } },

      /** The learner reached the end of the lesson. Returns true when the status changed. */
      complete() {
        if (review) { return false; }
        if (version === "1.2") { return setStatus12("completed"); }
        if (status === "completed") { return false; }
        status = "completed";
        return set("cmi.completion_status", "completed");
      },

      /** Score (0–100) and success against the mastery score. */
      score(percent, passed) {
        if (review || success === "passed") { return false; }
        if (version === "1.2") {
          set("cmi.core.score.raw", Math.round(percent));
          set("cmi.core.score.min", 0);
          set("cmi.core.score.max", 100);
          return setStatus12(passed ? "passed" : "failed");
        }
        set("cmi.score.scaled", (percent / 100).toFixed(2).replace(/\.?0+$/, "") || "0");
        set("cmi.score.raw", Math.round(percent));
        set("cmi.score.min", 0);
        set("cmi.score.max", 100);
        success = passed ? "passed" : "failed";
        return set("cmi.success_status", success);
      },

      /** Journals one answer as a new interaction (choice type). */
      interaction({ id, response, correct, success: right }) {
        if (review) { return; }
        const n = Number(get("cmi.interactions._count")) || 0;
        const base = `cmi.interactions.${n}.`;
        if (!set(base + "id", id)) { return; }
        set(base + "type", "choice");
        set(base + v.whenKey, v.when(new Date()));
        if (correct.length) { set(base + "correct_responses.0.pattern", correct.join(v.delimiter)); }
        set(base + v.responseKey, response.join(v.delimiter));
        set(base + "result", right ? "correct" : v.wrong);
      },

      commit() { call(v.commit, ""); },

      /**
       * Session time, exit mode, then 1.2: commit + LMSFinish; 2004: Terminate (which commits).
       * `byLearner` is the exit button: 2004 then also asks the LMS to end the attempt ("exit") or to
       * suspend the course for a later resume ("suspendAll"), so it does not leave the learner in an
       * empty player. On pagehide the LMS is navigating already and its own request must win.
       */
      finish(unfinished, byLearner) {
        if (!open || finished) { return; }
        set(v.time, v.span(Date.now() - started));
        set(v.exit, unfinished ? "suspend" : v.normalExit);
        if (version === "2004" && byLearner) { set("adl.nav.request", unfinished ? "suspendAll" : "exit"); }
        if (version === "1.2") { call(v.commit, ""); }
        call(v.finish, "");
        finished = true;
      },
    };
    return session;
  };
})();

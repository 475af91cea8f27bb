/*
 * Where learning results go. Each channel turns lesson events (page shown, answer, assessment
 * result, end reached, exit) into one protocol: the SCORM LMS, our LRS (xAPI), or a cmi5 LMS.
 * The runtime calls every channel the same way and does not know the protocols.
 */
(() => {
  "use strict";
  const ns = (window.TrainingLrs = window.TrainingLrs || {});

  /** SCORM 1.2 / 2004 through a started ns.scormSession. */
  ns.scormChannel = (session) => ({
    name: "scorm",
    onPage(index, count) { session.progress((index + 1) / count); },
    onAnswered(detail) { session.interaction(Object.assign({ id: detail.questionId }, detail)); },
    onAssessment(detail) {
      detail.answers.forEach((a) => session.interaction(Object.assign({}, a, { id: `${detail.assessmentId}-${detail.attempt}-${a.questionId}` })));
      if (session.score(detail.score, detail.passed)) { session.commit(); }
    },
    onCompleted() { if (session.complete()) { session.commit(); } },
    save(snapshot, encoded) { session.save(String(snapshot.p), encoded); },
    tick() { session.commit(); },
    hidden() { session.commit(); },
    finish(unfinished, byLearner) { session.finish(unfinished, byLearner); return Promise.resolve(); },
  });

  /**
   * xAPI statements to an LRS through a persistent queue. `judgeOncePerSession` is the cmi5 rule
   * (one passed-or-failed per session, no failed after passed): a failed attempt the learner may
   * still retry is held back and sent at the end of the session only if no pass followed.
   */
  ns.xapiChannel = ({ factory, queue, started, quiet, judgeOncePerSession, done, sessionKey }) => {
    // A reload inside one session (cmi5) must not start it again: what was sent is remembered per
    // session in sessionStorage, which a reload keeps and a new launch does not.
    const session = readSession(sessionKey);
    let heldFailure = null, judged = session.judged, ended = session.ended;
    const remember = () => writeSession(sessionKey, { initialized: true, judged, ended });
    const send = (statement) => { if (!ended) { queue.push(statement); } };
    const elapsed = () => Date.now() - started;
    const sendJudged = (passed, score) => {
      if (done.passed || (judgeOncePerSession && judged)) { return; }
      judged = true;
      remember();
      if (passed) { done.passed = true; }
      send(factory.scored(passed, score, elapsed()));
    };
    const channel = {
      name: "xapi",
      start() {
        if (!session.initialized) { send(factory.initialized()); remember(); }
      },
      onPage(index, count, isNew) { if (isNew && !quiet) { send(factory.progressed(Math.round(((index + 1) / count) * 100))); } },
      onAnswered(detail) { if (!quiet) { send(factory.answered(detail)); } },
      onAssessment(detail) {
        if (quiet) { return; }
        detail.answers.forEach((a) => send(factory.answered(a)));
        if (!judgeOncePerSession || detail.passed || detail.attemptsLeft <= 0) {
          heldFailure = null;
          sendJudged(detail.passed, detail.score);
        } else {
          heldFailure = detail.score;
        }
      },
      onCompleted() {
        if (quiet || done.completed) { return; }
        done.completed = true;
        send(factory.completed(elapsed()));
      },
      save() {},
      tick() { queue.flush(); },
      hidden() { queue.flushOnExit(); },
      /** Terminated is always the last statement; on exit (not pagehide) we wait for the LRS. */
      async finish(unfinished, waitForLrs) {
        if (ended) { return; }
        if (heldFailure !== null) { sendJudged(false, heldFailure); }
        send(factory.terminated(elapsed()));
        ended = true;
        remember();
        if (!waitForLrs) { queue.flushOnExit(); return; }
        for (let tries = 0; queue.pending > 0 && tries < 20; tries++) {
          await queue.flush();
          if (queue.pending > 0) { await new Promise((r) => setTimeout(r, 250)); }
        }
      },
    };
    return channel;
  };

  /** Resume state kept in a State API document (web launch, cmi5), mirrored in localStorage. */
  ns.stateChannel = ({ state, where, storageKey }) => {
    let last = "", sent = "";
    const keep = (encoded) => { try { localStorage.setItem(storageKey, encoded); } catch { /* private mode */ } };
    // Only changed state goes to the LRS; a failed PUT is simply repeated at the next chance.
    const push = (keepalive) => {
      if (!state || !last || last === sent) { return; }
      const body = last;
      sent = body;
      state.put(where, JSON.parse(body), keepalive).then((ok) => { if (!ok && sent === body) { sent = ""; } });
    };
    return {
      name: "state",
      async restore() {
        let saved = null;
        if (state) { try { saved = await state.get(where); } catch { saved = null; } }
        if (!saved) { try { saved = JSON.parse(localStorage.getItem(storageKey) || "null"); } catch { saved = null; } }
        return saved;
      },
      save(snapshot, encoded) { last = encoded; keep(encoded); },
      tick() { push(false); },
      hidden() { push(true); },
      finish() { push(true); return Promise.resolve(); },
    };
  };

  function readSession(key) {
    const blank = { initialized: false, judged: false, ended: false };
    if (!key) { return blank; }
    try { return Object.assign(blank, JSON.parse(sessionStorage.getItem(key) || "{}")); } catch { return blank; }
  }

  function writeSession(key, value) {
    if (!key) { return; }
    try { sessionStorage.setItem(key, JSON.stringify(value)); } catch { /* storage blocked: a reload may repeat initialized */ }
  }
})();

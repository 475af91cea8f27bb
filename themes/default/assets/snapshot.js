/*
 * The learner's place and answers, as one compact string for SCORM suspend_data (4,096 characters
 * in 1.2) or a State API document. Option keys are single letters, so answers are stored as
 * strings ("ab"), not arrays. If the text is ever over budget, knowledge-check and scenario answers
 * go first: the page, the assessment and what was already reported matter more.
 */
(() => {
  "use strict";
  const ns = (window.TrainingLrs = window.TrainingLrs || {});

  const mapValues = (obj, fn) => Object.fromEntries(Object.entries(obj || {}).map(([k, v]) => [k, fn(v)]));
  const join = (list) => Array.from(list || [], (x) => x || "-").join("");
  const split = (text) => Array.from(String(text || "")).map((x) => (x === "-" ? undefined : x));

  /**
   * A fresh snapshot: page, pages seen, answers, assessment state and what was reported: `d` holds
   * the end flag and the flags of the launch's own xAPI channel (cmi5 LMS, or our LRS when that is
   * the only one), `o` those of our LRS when it receives a copy beside a cmi5 LMS. Each channel needs
   * its own flags: one that already reported "completed" must not stop the other from reporting it.
   */
  ns.emptySnapshot = () => ({ p: 0, s: "", kc: {}, sc: {}, as: { n: 0, q: [], r: {} }, d: {}, o: {} });

  ns.encodeSnapshot = (snap, limit) => {
    const as = snap.as || {};
    const compact = { v: 1, p: snap.p, s: snap.s, d: snap.d, k: mapValues(snap.kc, join), c: mapValues(snap.sc, join),
      a: { n: as.n || 0, q: (as.q || []).join(" "), r: mapValues(as.r, join), s: as.s, ok: as.ok ? 1 : 0 } };
    // Written only when set, so a snapshot without a copy stays as short as before (SCORM 1.2 budget).
    if (snap.o && Object.keys(snap.o).length) { compact.o = snap.o; }
    let text = JSON.stringify(compact);
    for (const drop of ["k", "c"]) {
      if (text.length <= limit) { break; }
      compact[drop] = {};
      text = JSON.stringify(compact);
    }
    return text;
  };

  ns.decodeSnapshot = (text) => {
    const snap = ns.emptySnapshot();
    let c = null;
    try { c = typeof text === "string" ? (text ? JSON.parse(text) : null) : text; } catch { c = null; }
    if (!c || c.v !== 1) { return snap; }
    snap.p = Number(c.p) || 0;
    snap.s = String(c.s || "");
    snap.d = c.d || {};
    // Snapshots written before `o` existed read as "nothing reported to the copy yet".
    snap.o = c.o || {};
    snap.kc = mapValues(c.k, split);
    snap.sc = mapValues(c.c, split);
    const a = c.a || {};
    snap.as = { n: a.n || 0, q: a.q ? a.q.split(" ") : [], r: mapValues(a.r, split), s: a.s, ok: !!a.ok };
    return snap;
  };

  /** True when the snapshot holds anything worth offering to resume. */
  ns.hasProgress = (snap) => snap.p > 0 || snap.s.split("1").length > 2 || Object.keys(snap.kc).length > 0 || snap.as.n > 0;
})();

/*
 * Lesson interactivity: knowledge checks, scenarios and the scored assessment.
 * No LMS code lives here. Results leave as DOM events ("traininglrs:answered",
 * "traininglrs:assessment") and as a snapshot the runtime saves for resume.
 * Native form controls and buttons keep everything keyboard operable; feedback goes to the
 * live regions the compiler renders (role="status").
 */
(() => {
  "use strict";
  const ns = (window.TrainingLrs = window.TrainingLrs || {});

  const emit = (name, detail) => document.dispatchEvent(new CustomEvent("traininglrs:" + name, { detail }));
  const inputs = (root) => Array.from(root.querySelectorAll("input"));
  const chosen = (root) => inputs(root).filter((i) => i.checked).map((i) => i.value);
  const sameSet = (a, b) => a.length === b.length && a.every((x) => b.includes(x));
  const byId = (list, id) => (list || []).find((x) => x.id === id) || null;
  const pick = (root, values) => inputs(root).forEach((i) => { i.checked = values.includes(i.value); });

  function shuffle(list) {
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [list[i], list[j]] = [list[j], list[i]];
    }
    return list;
  }

  // Shows the feedback of the chosen options and marks them right or wrong.
  function mark(fieldset, key) {
    const picked = chosen(fieldset);
    fieldset.querySelectorAll(".option").forEach((option) => {
      const input = option.querySelector("input");
      const feedback = option.querySelector(".option-feedback");
      option.classList.remove("is-correct", "is-wrong");
      if (input.checked) { option.classList.add(key.correct.includes(input.value) ? "is-correct" : "is-wrong"); }
      if (feedback) { feedback.hidden = !input.checked; }
    });
    const explanation = fieldset.querySelector(".explanation");
    if (explanation) { explanation.hidden = false; }
    return { ok: sameSet(picked, key.correct), picked };
  }

  function knowledgeChecks(lesson, label, saved) {
    document.querySelectorAll("form.knowledge-check").forEach((form) => {
      const fieldset = form.querySelector("fieldset.question");
      const key = byId(lesson.knowledgeChecks, fieldset.dataset.question);
      const live = form.querySelector(".feedback");
      const show = (silent) => {
        const result = mark(fieldset, key);
        saved.kc[key.id] = result.picked;
        live.textContent = label(result.ok ? "correct" : "incorrect");
        if (!silent) {
          emit("answered", { questionId: key.id, response: result.picked, correct: key.correct, success: result.ok, kind: "knowledge-check" });
        }
      };
      form.addEventListener("submit", (event) => {
        event.preventDefault();
        if (chosen(fieldset).length === 0) { live.textContent = label("choose_first"); return; }
        show(false);
      });
      if (key && saved.kc[key.id]) { pick(fieldset, saved.kc[key.id]); show(true); }
    });
  }

  function scenarios(lesson, label, saved) {
    document.querySelectorAll("section.scenario").forEach((section) => {
      const id = section.dataset.scenario;
      const steps = Array.from(section.querySelectorAll("form.scenario-step"));
      const key = byId(lesson.scenarios, id) || { steps: [] };
      const answers = (saved.sc[id] = saved.sc[id] || []);
      const reveal = (index, focus) => {
        const next = steps[index];
        if (!next || !next.hidden) { return; }
        next.hidden = false;
        next.setAttribute("tabindex", "-1");
        if (focus) { next.focus(); }
      };
      const choose = (step, index, choice, silent) => {
        step.querySelectorAll(".consequence").forEach((c) => { c.hidden = c.dataset.option !== choice; });
        const consequence = step.querySelector(`.consequence[data-option="${choice}"]`);
        step.querySelector(".feedback").textContent = consequence ? consequence.textContent.trim() : "";
        answers[index] = choice;
        if (!silent) {
          const best = key.steps[index] || [];
          emit("answered", { questionId: `${id}-step-${index + 1}`, response: [choice], correct: best, success: best.includes(choice), kind: "scenario" });
        }
        reveal(index + 1, !silent);
      };
      steps.forEach((step, index) => {
        if (index > 0) { step.hidden = true; }
        step.addEventListener("submit", (event) => {
          event.preventDefault();
          const picked = chosen(step);
          if (picked.length === 0) { step.querySelector(".feedback").textContent = label("choose_first"); return; }
          choose(step, index, picked[0], false);
        });
      });
      answers.forEach((choice, index) => { if (choice && steps[index]) { pick(steps[index], [choice]); choose(steps[index], index, choice, true); } });
    });
  }

  function assessment(lesson, label, saved) {
    const spec = lesson.assessment;
    const section = spec && document.getElementById(spec.id);
    if (!section) { return; }
    const form = section.querySelector("form.assessment-form");
    const button = form.querySelector("button.submit");
    const live = form.querySelector(".result");
    const all = Array.from(form.querySelectorAll("fieldset.question"));
    const state = (saved.as = saved.as || { n: 0, q: [], r: {} });
    // The LMS may set its own mastery score, so the rules are written from the pass mark in force.
    const rules = section.querySelector(".assessment-rules");
    if (rules) { rules.textContent = label("assessment_intro", spec.poolSize, spec.passMark) + (spec.attempts > 0 ? " " + label("attempts", spec.attempts) : ""); }
    let drawn = [];

    // Shows the given questions (a fresh draw or the restored one), cleared or with saved answers.
    function show(ids, answers) {
      drawn = ids.map((id) => all.find((q) => q.dataset.question === id)).filter(Boolean);
      all.forEach((q) => {
        const active = drawn.includes(q);
        q.classList.toggle("is-hidden", !active);
        q.disabled = !active;
        pick(q, (answers && answers[q.dataset.question]) || []);
        q.querySelectorAll(".option-feedback").forEach((f) => { f.hidden = true; });
        q.querySelectorAll(".option").forEach((o) => o.classList.remove("is-correct", "is-wrong"));
      });
      drawn.forEach((q) => form.insertBefore(q, button));
      state.q = drawn.map((q) => q.dataset.question);
    }

    function draw() {
      const pool = spec.shuffle ? shuffle(all.slice()) : all.slice();
      show(pool.slice(0, spec.poolSize).map((q) => q.dataset.question), null);
      state.r = {};
      state.s = undefined;
      button.textContent = label("submit");
      button.dataset.mode = "";
      button.disabled = false;
      live.textContent = "";
    }

    // Marks the drawn questions, shows the score and sets the button for what may come next.
    function grade() {
      let right = 0;
      const answers = drawn.map((q) => {
        const key = byId(spec.questions, q.dataset.question);
        const result = mark(q, key);
        if (result.ok) { right++; }
        state.r[key.id] = result.picked;
        return { questionId: key.id, response: result.picked, correct: key.correct, success: result.ok };
      });
      const score = drawn.length ? Math.round((right / drawn.length) * 100) : 0;
      const passed = score >= spec.passMark;
      const left = spec.attempts > 0 ? spec.attempts - state.n : Infinity;
      state.s = score;
      state.ok = state.ok || passed;
      live.textContent = label("score", score) + " " + label(passed ? "passed" : "failed");
      if (passed || left <= 0) {
        button.disabled = true;
        drawn.forEach((q) => { q.disabled = true; });
        if (!passed) { live.textContent += " " + label("no_attempts"); }
      } else {
        button.dataset.mode = "retry";
        button.textContent = label("retry");
      }
      return { score, passed, answers };
    }

    form.addEventListener("submit", (event) => {
      event.preventDefault();
      if (button.disabled) { return; }
      if (button.dataset.mode === "retry") { draw(); drawn[0]?.querySelector("input")?.focus(); return; }
      if (drawn.some((q) => chosen(q).length === 0)) { live.textContent = label("choose_first"); return; }
      state.n++;
      const result = grade();
      emit("assessment", { assessmentId: spec.id, score: result.score, scaled: result.score / 100, passed: result.passed,
        attempt: state.n, answers: result.answers, passMark: spec.passMark });
    });

    if (state.q.length && state.s !== undefined) { show(state.q, state.r); grade(); } else { draw(); }
  }

  /**
   * Wires every interactive block. `saved` is the snapshot from an earlier session (or {}); it is
   * updated in place as the learner answers, so the runtime can save it at any time.
   */
  ns.setupInteractions = (lesson, label, saved) => {
    saved.kc = saved.kc || {};
    saved.sc = saved.sc || {};
    knowledgeChecks(lesson, label, saved);
    scenarios(lesson, label, saved);
    assessment(lesson, label, saved);
    return saved;
  };
})();

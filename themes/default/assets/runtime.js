/*
 * Lesson interactivity: knowledge checks, scenarios and the scored assessment.
 * No LMS code lives here; results are announced as DOM events ("traininglrs:answered",
 * "traininglrs:assessment") for the SCORM/cmi5/xAPI runtime to pick up.
 * Native form controls and buttons keep everything keyboard operable.
 */
(function () {
  "use strict";

  var dataElement = document.getElementById("lesson-data");
  if (!dataElement) { return; }
  var lesson = JSON.parse(dataElement.textContent);
  var labels = lesson.labels || {};

  function label(key, value) {
    var text = labels[key] || key;
    return value === undefined ? text : text.replace("{0}", value);
  }

  function emit(name, detail) {
    document.dispatchEvent(new CustomEvent("traininglrs:" + name, { detail: detail }));
  }

  function chosen(fieldset) {
    return Array.prototype.filter.call(fieldset.querySelectorAll("input"), function (i) { return i.checked; })
      .map(function (i) { return i.value; });
  }

  function sameSet(a, b) {
    return a.length === b.length && a.every(function (x) { return b.indexOf(x) >= 0; });
  }

  function byId(list, id) {
    for (var i = 0; i < list.length; i++) { if (list[i].id === id) { return list[i]; } }
    return null;
  }

  // Shows the feedback of the chosen options and marks them right or wrong; returns true if all correct.
  function mark(fieldset, key) {
    var picked = chosen(fieldset);
    var ok = sameSet(picked, key.correct);
    fieldset.querySelectorAll(".option").forEach(function (option) {
      var input = option.querySelector("input");
      var feedback = option.querySelector(".option-feedback");
      option.classList.remove("is-correct", "is-wrong");
      if (input.checked) {
        option.classList.add(key.correct.indexOf(input.value) >= 0 ? "is-correct" : "is-wrong");
      }
      if (feedback) { feedback.hidden = !input.checked; }
    });
    var explanation = fieldset.querySelector(".explanation");
    if (explanation) { explanation.hidden = false; }
    return { ok: ok, picked: picked };
  }

  function setupKnowledgeChecks() {
    document.querySelectorAll("form.knowledge-check").forEach(function (form) {
      var fieldset = form.querySelector("fieldset.question");
      var key = byId(lesson.knowledgeChecks, fieldset.dataset.question);
      var live = form.querySelector(".feedback");
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        if (chosen(fieldset).length === 0) { live.textContent = label("choose_first"); return; }
        var result = mark(fieldset, key);
        live.textContent = label(result.ok ? "correct" : "incorrect");
        emit("answered", { questionId: key.id, response: result.picked, success: result.ok, kind: "knowledge-check" });
      });
    });
  }

  function setupScenarios() {
    document.querySelectorAll("section.scenario").forEach(function (section) {
      var steps = section.querySelectorAll("form.scenario-step");
      var key = byId(lesson.scenarios, section.dataset.scenario) || { steps: [] };
      steps.forEach(function (step, index) {
        if (index > 0) { step.hidden = true; }
        step.addEventListener("submit", function (event) {
          event.preventDefault();
          var picked = chosen(step);
          var live = step.querySelector(".feedback");
          if (picked.length === 0) { live.textContent = label("choose_first"); return; }
          step.querySelectorAll(".consequence").forEach(function (c) { c.hidden = c.dataset.option !== picked[0]; });
          var consequence = step.querySelector('.consequence[data-option="' + picked[0] + '"]');
          live.textContent = consequence ? consequence.textContent.trim() : "";
          emit("answered", { questionId: section.dataset.scenario + "-step-" + (index + 1), response: picked,
            success: (key.steps[index] || []).indexOf(picked[0]) >= 0, kind: "scenario" });
          var next = steps[index + 1];
          if (next && next.hidden) {
            next.hidden = false;
            next.setAttribute("tabindex", "-1");
            next.focus();
          }
        });
      });
    });
  }

  function shuffle(list) {
    for (var i = list.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1));
      var t = list[i]; list[i] = list[j]; list[j] = t;
    }
    return list;
  }

  function setupAssessment() {
    var spec = lesson.assessment;
    var section = spec && document.getElementById(spec.id);
    if (!section) { return; }
    var form = section.querySelector("form.assessment-form");
    var button = form.querySelector("button.submit");
    var live = form.querySelector(".result");
    var all = Array.prototype.slice.call(form.querySelectorAll("fieldset.question"));
    var attempt = 0;
    var drawn = [];

    // Draws this attempt's questions from the pool, in shuffled order when asked.
    function draw() {
      var pool = spec.shuffle ? shuffle(all.slice()) : all.slice();
      drawn = pool.slice(0, spec.poolSize);
      all.forEach(function (q) {
        var active = drawn.indexOf(q) >= 0;
        q.classList.toggle("is-hidden", !active);
        q.disabled = !active;
        q.querySelectorAll("input").forEach(function (i) { i.checked = false; });
        q.querySelectorAll(".option-feedback").forEach(function (f) { f.hidden = true; });
        q.querySelectorAll(".option").forEach(function (o) { o.classList.remove("is-correct", "is-wrong"); });
      });
      drawn.forEach(function (q) { form.insertBefore(q, button); });
      button.textContent = label("submit");
      button.disabled = false;
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (button.disabled) { return; }
      if (button.dataset.mode === "retry") { button.dataset.mode = ""; draw(); live.textContent = ""; return; }
      attempt++;
      var right = 0;
      var answers = drawn.map(function (q) {
        var result = mark(q, byId(spec.questions, q.dataset.question));
        if (result.ok) { right++; }
        return { questionId: q.dataset.question, response: result.picked, success: result.ok };
      });
      var score = drawn.length ? Math.round((right / drawn.length) * 100) : 0;
      var passed = score >= spec.passMark;
      var left = spec.attempts > 0 ? spec.attempts - attempt : Infinity;
      live.textContent = label("score", score) + " " + label(passed ? "passed" : "failed");
      emit("assessment", { assessmentId: spec.id, score: score, scaled: score / 100, passed: passed,
        attempt: attempt, answers: answers, passMark: spec.passMark });
      if (passed || left <= 0) {
        button.disabled = true;
        if (!passed) { live.textContent += " " + label("no_attempts"); }
      } else {
        button.dataset.mode = "retry";
        button.textContent = label("retry");
      }
    });
    draw();
  }

  setupKnowledgeChecks();
  setupScenarios();
  setupAssessment();
  window.TrainingLrsLesson = lesson;
})();

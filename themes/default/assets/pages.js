/*
 * Splits the long lesson page into pages (the intro, each "##" section, and the assessment on its
 * own), with Previous/Next, a progress indicator, "Save and exit" and the resume prompt.
 * Without JavaScript the lesson stays one readable page; print shows every page (see lesson.css).
 */
(() => {
  "use strict";
  const ns = (window.TrainingLrs = window.TrainingLrs || {});

  const make = (tag, attrs, text) => {
    const el = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => el.setAttribute(k, v));
    if (text !== undefined) { el.textContent = text; }
    return el;
  };

  // The assessment is rendered inside the last section; it gets a page of its own so "the end" of
  // the lesson is a place the learner visibly reaches.
  function collectPages(main) {
    const assessment = main.querySelector("section.assessment");
    if (assessment && assessment.parentElement !== main) { main.appendChild(assessment); }
    return Array.from(main.children).filter((el) => el.matches(".intro, section.lesson-section, section.assessment, section.objectives"));
  }

  /** Builds the pager. `onChange(index)` runs whenever a page is shown, `onExit()` on "Save and exit". */
  ns.setupPages = (label, onChange, onExit) => {
    const main = document.getElementById("main");
    const pages = collectPages(main);
    if (pages.length === 0) { return null; }
    let current = 0;

    const nav = make("nav", { class: "pager", "aria-label": label("pages_nav") });
    const status = make("p", { class: "pager-status", id: "pager-status" });
    const bar = make("progress", { max: String(pages.length), value: "1", "aria-labelledby": "pager-status" });
    const prev = make("button", { type: "button", class: "pager-prev" }, label("previous"));
    const next = make("button", { type: "button", class: "pager-next" }, label("next"));
    const exit = make("button", { type: "button", class: "pager-exit" }, label("exit"));
    const buttons = make("div", { class: "pager-buttons" });
    buttons.append(prev, next, exit);
    nav.append(status, bar, buttons);
    main.appendChild(nav);

    function show(index, focus) {
      current = Math.max(0, Math.min(pages.length - 1, index));
      pages.forEach((page, i) => { page.hidden = i !== current; });
      status.textContent = label("page_of", current + 1, pages.length);
      bar.value = current + 1;
      prev.disabled = current === 0;
      next.disabled = current === pages.length - 1;
      if (focus) {
        // Moving focus to the page heading tells screen-reader users where they are.
        const heading = pages[current].querySelector("h2") || main.querySelector("h1");
        heading.setAttribute("tabindex", "-1");
        heading.focus();
        window.scrollTo(0, 0);
      }
      onChange(current);
    }

    // In-page links (contents, glossary terms) may point at another page: show that page first.
    function follow(hash, focus) {
      let target = null;
      try { target = hash && document.getElementById(decodeURIComponent(hash.slice(1))); } catch { target = null; }
      const index = target ? pages.findIndex((p) => p.contains(target)) : -1;
      if (index < 0) { return false; }
      if (index !== current) { show(index, false); }
      if (focus) { target.setAttribute("tabindex", "-1"); target.focus(); }
      return true;
    }

    prev.addEventListener("click", () => show(current - 1, true));
    next.addEventListener("click", () => show(current + 1, true));
    exit.addEventListener("click", () => onExit());
    document.addEventListener("click", (event) => {
      const link = event.target.closest && event.target.closest('a[href^="#"]');
      if (link && link.getAttribute("href") !== "#main" && follow(link.getAttribute("href"), true)) { event.preventDefault(); }
    });

    return {
      count: pages.length,
      get current() { return current; },
      show,
      /** Asks whether to resume; `resume()` or `restart()` runs on the learner's answer. */
      prompt(resume, restart) {
        const box = make("section", { class: "resume-prompt", "aria-labelledby": "resume-title" });
        const title = make("h2", { id: "resume-title", tabindex: "-1" }, label("resume_prompt"));
        const yes = make("button", { type: "button" }, label("resume"));
        const no = make("button", { type: "button", class: "secondary" }, label("restart"));
        const done = (action) => { box.remove(); action(); };
        yes.addEventListener("click", () => done(resume));
        no.addEventListener("click", () => done(restart));
        box.append(title, yes, no);
        main.querySelector("h1").after(box);
        yes.focus();
      },
      /** Replaces the lesson with a closing message once the session is over. */
      end(message) {
        pages.forEach((page) => { page.hidden = true; });
        nav.hidden = true;
        const note = make("p", { class: "session-ended", role: "status", tabindex: "-1" }, message);
        main.querySelector("h1").after(note);
        note.focus();
      },
    };
  };
})();

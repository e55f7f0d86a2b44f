// lawcheck serve: plan-form rows, review filters and paging. Served from this machine only.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("[data-back]").forEach((b) => b.addEventListener("click", () => history.back()));
  planRows();
  reviewFilters();
});

function planRows() {
  const box = document.getElementById("activities");
  const add = document.getElementById("add-activity");
  if (!box || !add) return;
  const template = box.querySelector("fieldset.activity").cloneNode(true);
  let next = 1;
  const renumber = () => box.querySelectorAll("fieldset.activity").forEach((row, i) => {
    row.querySelector(".row-number").textContent = String(i + 1);
    row.querySelector(".remove-activity").disabled = box.children.length === 1;
  });
  box.addEventListener("click", (event) => {
    if (!event.target.classList.contains("remove-activity")) return;
    if (box.children.length > 1) event.target.closest("fieldset").remove();
    renumber();
  });
  add.addEventListener("click", () => {
    const row = template.cloneNode(true);
    row.dataset.row = String(next);
    row.querySelectorAll("[name]").forEach((input) => {
      input.name = input.name.replace(/^activities-\d+\./, "activities-" + next + ".");
      if (input.tagName === "SELECT") input.selectedIndex = 0; else input.value = "";
      if (input.name.endsWith(".id")) input.value = "A" + (next + 1);
    });
    next += 1;
    box.appendChild(row);
    renumber();
  });
  renumber();
}

function reviewFilters() {
  const list = document.getElementById("statements");
  if (!list) return;
  const level = document.getElementById("filter-level");
  const category = document.getElementById("filter-category");
  const more = document.getElementById("more");
  const count = document.getElementById("shown-count");
  const size = Number(list.dataset.pageSize || 50);
  let limit = size;
  const apply = () => {
    let matching = 0, shown = 0;
    list.querySelectorAll("article.statement").forEach((item) => {
      const ok = (!level.value || item.dataset.level === level.value) &&
        (!category.value || item.dataset.categories.includes(" " + category.value + " "));
      if (ok) matching += 1;
      const visible = ok && matching <= limit;
      item.hidden = !visible;
      if (visible) shown += 1;
    });
    count.textContent = shown + " / " + matching;
    more.hidden = matching <= limit;
  };
  level.addEventListener("change", () => { limit = size; apply(); });
  category.addEventListener("change", () => { limit = size; apply(); });
  more.addEventListener("click", () => { limit += size; apply(); });
  apply();
}

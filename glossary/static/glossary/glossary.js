// A tooltip shown on hover or focus must be dismissable without moving the pointer or the
// focus (WCAG 1.4.13): Escape hides it until the term is left.
document.addEventListener("keydown", function (event) {
  if (event.key !== "Escape") return;
  document.querySelectorAll(".glossary-term:hover, .glossary-term:focus").forEach(function (term) {
    term.classList.add("is-dismissed");
  });
});
["focusout", "mouseout"].forEach(function (type) {
  document.addEventListener(type, function (event) {
    if (event.target.classList && event.target.classList.contains("glossary-term")) {
      event.target.classList.remove("is-dismissed");
    }
  });
});

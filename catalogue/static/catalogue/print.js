// The print button only makes sense with JavaScript; without it, the browser's own
// print command uses the same print styles.
document.querySelectorAll("[data-print]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
});

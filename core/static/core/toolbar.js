// Applies the accessibility toolbar at once, without a page load. Without JavaScript the
// same form posts to the server, which sets the same cookie; core/display.py has the rules.
(function () {
  "use strict";
  var form = document.querySelector("[data-display-toolbar]");
  if (!form) return;
  var root = document.documentElement;
  var status = form.querySelector("[data-display-status]");
  var TEXT = { min: -1, max: 5 };
  var SPACING = { min: 0, max: 3 };
  var TEXT_PERCENT = { "-1": 90, 0: 100, 1: 115, 2: 130, 3: 150, 4: 175, 5: 200 };

  function clamp(value, range) {
    return Math.min(Math.max(value, range.min), range.max);
  }

  function render(text, spacing) {
    root.dataset.text = text;
    root.dataset.spacing = spacing;
    var disabled = {
      "text-smaller": text <= TEXT.min,
      "text-larger": text >= TEXT.max,
      "spacing-smaller": spacing <= SPACING.min,
      "spacing-larger": spacing >= SPACING.max,
      reset: text === 0 && spacing === 0,
    };
    form.querySelectorAll("button[name=action]").forEach(function (button) {
      if (disabled[button.value]) button.setAttribute("aria-disabled", "true");
      else button.removeAttribute("aria-disabled");
    });
    document.cookie = "weergave=" + text + ":" + spacing + ";path=/;max-age=31536000;samesite=lax" +
      (location.protocol === "https:" ? ";secure" : "");
    status.textContent = status.dataset.template
      .replace("{text}", TEXT_PERCENT[text])
      .replace("{spacing}", spacing);
  }

  form.addEventListener("submit", function (event) {
    var button = event.submitter;
    event.preventDefault();
    if (!button || button.getAttribute("aria-disabled") === "true") return;
    var text = Number(root.dataset.text) || 0;
    var spacing = Number(root.dataset.spacing) || 0;
    switch (button.value) {
      case "text-larger": text += 1; break;
      case "text-smaller": text -= 1; break;
      case "spacing-larger": spacing += 1; break;
      case "spacing-smaller": spacing -= 1; break;
      default: text = 0; spacing = 0;
    }
    render(clamp(text, TEXT), clamp(spacing, SPACING));
  });
})();

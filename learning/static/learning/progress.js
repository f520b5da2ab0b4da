// Reports how much of a video or podcast has been played, so the item completes at 90 %.
// Counts what was really played (not where the playhead was moved to), and posts only at
// each new tenth, so a long recording makes at most ten requests.
(() => {
  const panel = document.querySelector("[data-progress-url]");
  const media = document.querySelector("main video, main audio");
  if (!panel || !media) return;
  const token = panel.querySelector("input[name=csrfmiddlewaretoken]");
  const status = panel.querySelector("[data-progress-status]");
  let reported = 0;
  let busy = false;

  const played = () => {
    let seconds = 0;
    for (let i = 0; i < media.played.length; i += 1) {
      seconds += media.played.end(i) - media.played.start(i);
    }
    return media.duration ? Math.min(seconds / media.duration, 1) : 0;
  };

  media.addEventListener("timeupdate", async () => {
    const tenth = Math.floor(played() * 10) / 10;
    if (busy || tenth <= reported || !token) return;
    busy = true;
    const body = new FormData();
    body.append("progress", tenth.toFixed(1));
    try {
      const response = await fetch(panel.dataset.progressUrl, {
        method: "POST",
        body,
        headers: { "X-CSRFToken": token.value },
        credentials: "same-origin",
      });
      if (response.ok) {
        reported = tenth;
        const result = await response.json();
        if (result.completed && status) {
          status.textContent = panel.dataset.completedText || status.textContent;
          panel.querySelector("form")?.remove();
        }
      }
    } finally {
      busy = false;
    }
  });
})();
